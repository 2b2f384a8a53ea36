"""Chromium driven by Playwright against pytest-django's live server.

The browser is Debian's /usr/bin/chromium, never one Playwright downloads;
without it every test here is skipped with a reason `make test` prints.
Playwright's sync API runs an event loop in the test's thread, so Django's
guard against database calls from async code is lifted for these tests (the
calls really are synchronous).
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-dev-shm-usage",
]
SKIP_REASON = f"{CHROMIUM} is missing: browser tests need Debian's chromium package"

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    browser_items = [item for item in items if here in Path(item.fspath).parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
        if not CHROMIUM.exists():
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


@pytest.fixture(scope="session")
def chromium():
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tempfile.mkdtemp(prefix="browser-tests-")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[*CHROMIUM_FLAGS, f"--crash-dumps-dir={profile}"],
        )
        try:
            yield browser
        finally:
            browser.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser tab (own cookies) at a phone-sized window."""
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.javascript_errors = errors
    try:
        yield tab
    finally:
        context.close()
