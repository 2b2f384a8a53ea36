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


# Reports each Content-Security-Policy violation a page's document sees to the
# test (a binding Playwright adds outside the page's policy). Chromium also
# logs each one to the console as "Refused to …", which covers tabs without
# JavaScript, where this script does not run.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.effectiveDirective} refused ${event.blockedURI || "inline"}` +
      ` (${event.sourceFile || event.documentURI}:${event.lineNumber})`
  );
});
"""


class BrowserProblems:
    """What went wrong in the tabs of one test: CSP violations, Permissions-
    Policy header errors and uncaught JavaScript errors, each failing it."""

    def __init__(self):
        self.console = []
        self.events = []
        self.errors = []

    def watch(self, context):
        context.expose_function("reportCspViolation", self._event)
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.errors.append(str(error.error)))
        return context

    def _event(self, description):
        self.events.append(description)

    def _console(self, message):
        text = message.text
        if (
            "Content Security Policy" in text
            or "Content-Security-Policy" in text
            or "Permissions-Policy" in text
        ):
            self.console.append(f"{message.page.url if message.page else ''}: {text}")

    @property
    def csp_violations(self):
        return self.console + self.events

    def report(self):
        lines = [*self.console, *self.events, *self.errors]
        return "\n".join(lines)


@pytest.fixture
def browser_problems():
    return BrowserProblems()


@pytest.fixture
def new_context(chromium, live_server, browser_problems):
    """Open browser contexts watched for CSP violations and page errors.

    Any of them fails the test when it ends, so every browser test also
    checks that the pages work under the site's Content-Security-Policy.
    """
    contexts = []

    def open_context(**options):
        options.setdefault("base_url", live_server.url)
        options.setdefault("viewport", {"width": 390, "height": 844})
        context = browser_problems.watch(chromium.new_context(**options))
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()
    if browser_problems.csp_violations or browser_problems.errors:
        pytest.fail(
            "The browser reported problems:\n" + browser_problems.report(),
            pytrace=False,
        )


@pytest.fixture
def page(new_context, browser_problems):
    """A fresh browser tab (own cookies) at a phone-sized window."""
    tab = new_context().new_page()
    tab.javascript_errors = browser_problems.errors
    tab.problems = browser_problems
    return tab
