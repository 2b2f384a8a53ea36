"""Audit the public pages: axe-core, the Nu Html Checker and Lighthouse.

Serves the demo database under gunicorn with production settings, then for
every listed page in Chinese and English runs
  - axe-core inside Chromium (through Playwright): target 0 violations,
  - the Nu Html Checker (vnu.jar with Java): target 0 errors,
  - Lighthouse 12: target >= 95 in performance, accessibility, best
    practices and SEO,
takes screenshots at 390 px and 1280 px, prints one table and exits non-zero
when any target is missed.

Usage: make audit   (or: .venv/bin/python audit/run.py --help)
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / "audit"
NODE_BIN = AUDIT / "node_modules" / ".bin"
AXE_JS = AUDIT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = AUDIT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_TARGET = 95


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=str(ROOT / "db.sqlite3"))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--out", default=str(ROOT / "audit-report"))
    parser.add_argument(
        "--skip-lighthouse", action="store_true", help="axe and HTML checks only"
    )
    return parser.parse_args()


def server_environment(database):
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=env.get("SECRET_KEY", "audit-only-secret-key-0123456789abcdef"),
        DATABASE_URL=f"sqlite:///{database}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        SERVE_MEDIA="1",
        STATIC_ROOT=str(Path(tempfile.gettempdir()) / "investportal-audit-static"),
    )
    env.pop("REDIS_URL", None)
    return env


def start_server(database, port):
    env = server_environment(database)
    python = ROOT / ".venv" / "bin" / "python"
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            ROOT / ".venv" / "bin" / "gunicorn",
            "investportal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(60):
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return server, base
        except OSError:
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    raise SystemExit("the audit server did not answer /healthz within 30 s")


def sample_paths(database):
    """Return (name, path) pairs for the pages to audit, picked from the data."""
    env = server_environment(database)
    code = (
        "import json\n"
        "from news.models import Article\n"
        "from zones.models import Zone\n"
        "zone = Zone.objects.published().filter(articles__isnull=False)"
        ".order_by('-level', 'name').first()\n"
        "zh = Article.objects.published()"
        ".filter(language='zh-hans', zone=zone).first()\n"
        "en = Article.objects.published().filter(language='en').first() or zh\n"
        "print(json.dumps({'zone': zone.get_absolute_url(),"
        " 'zh': zh.get_absolute_url(), 'en': en.get_absolute_url()}))\n"
    )
    result = subprocess.run(
        [
            ROOT / ".venv" / "bin" / "python",
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            code,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    picked = json.loads(result.stdout.strip().splitlines()[-1])
    zone = picked["zone"]
    pages = [
        ("home", "/"),
        ("news list", "/news/"),
        ("article", picked["zh"]),
        ("zone directory", "/zones/"),
        ("zone profile", zone),
        ("search", "/search/?q=%E5%8D%8A%E5%AF%BC%E4%BD%93"),
    ]
    english = [
        ("en " + name, "/en" + (path if name != "article" else picked["en"]))
        for name, path in pages
    ]
    return pages + english


def run_axe(page):
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag',"
        " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',"
        " 'best-practice']}})"
    )
    return [
        f"{item['id']}: {item['help']} ({len(item['nodes'])}x)"
        for item in result["violations"]
    ]


def run_vnu(html_files):
    """Validate the saved HTML files in one Java run; return errors per file."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]
        + [str(path) for path in html_files],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = {str(path): [] for path in html_files}
    for message in messages.get("messages", []):
        if message.get("type") != "error":
            continue
        path = message.get("url", "").removeprefix("file:")
        errors.setdefault(path, []).append(
            f"line {message.get('lastLine')}: {message.get('message')}"
        )
    return errors


def run_lighthouse(url, out_dir, name):
    report = out_dir / f"lighthouse-{name.replace(' ', '-')}.json"
    profile = tempfile.mkdtemp(prefix="lh-profile-")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    flags = " ".join(CHROME_FLAGS + [f"--user-data-dir={profile}"])
    try:
        subprocess.run(
            [
                str(NODE_BIN / "lighthouse"),
                url,
                "--quiet",
                f"--chrome-flags={flags}",
                "--only-categories=" + ",".join(CATEGORIES),
                "--output=json",
                f"--output-path={report}",
            ],
            env=env,
            check=True,
            timeout=180,
            capture_output=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    data = json.loads(report.read_text())
    return {
        key: round((data["categories"][key]["score"] or 0) * 100) for key in CATEGORIES
    }


def main():
    args = parse_args()
    for needed in (AXE_JS, VNU_JAR, NODE_BIN / "lighthouse"):
        if not needed.exists():
            raise SystemExit(
                f"{needed} is missing: run `npm ci` in audit/ (make audit does)"
            )
    out_dir = Path(args.out)
    shots = out_dir / "screenshots"
    pages_dir = out_dir / "html"
    for folder in (shots, pages_dir):
        folder.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    server, base = start_server(args.database, args.port)
    rows = []
    failures = []
    try:
        pages = sample_paths(args.database)
        html_files = {}
        axe_results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROME_FLAGS[1:]
            )
            for name, path in pages:
                slug = name.replace(" ", "-")
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                response = page.goto(base + path, wait_until="load")
                if response is None or response.status != 200:
                    failures.append(
                        f"{name}: {path} answered {response and response.status}"
                    )
                html_path = pages_dir / f"{slug}.html"
                html_path.write_text(
                    response.text() if response else "", encoding="utf-8"
                )
                html_files[name] = html_path
                axe_results[name] = run_axe(page)
                page.screenshot(path=str(shots / f"{slug}-1280.png"), full_page=True)
                page.set_viewport_size({"width": 390, "height": 844})
                page.screenshot(path=str(shots / f"{slug}-390.png"), full_page=True)
                context.close()
            browser.close()
        vnu_errors = run_vnu(list(html_files.values()))
        for name, path in pages:
            scores = (
                dict.fromkeys(CATEGORIES)
                if args.skip_lighthouse
                else run_lighthouse(base + path, out_dir, name)
            )
            violations = axe_results[name]
            errors = vnu_errors.get(str(html_files[name]), [])
            rows.append((name, path, len(violations), len(errors), scores))
            for violation in violations:
                failures.append(f"{name}: axe {violation}")
            for error in errors:
                failures.append(f"{name}: html {error}")
            for key, score in scores.items():
                if score is not None and score < LIGHTHOUSE_TARGET:
                    failures.append(
                        f"{name}: lighthouse {key} {score} < {LIGHTHOUSE_TARGET}"
                    )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)

    columns = ("axe", "html", "perf", "a11y", "bp", "seo")
    header = f"{'page':<18} " + " ".join(f"{c:>5}" for c in columns) + "  path"
    print(header)
    print("-" * len(header))
    for name, path, axe_count, html_count, scores in rows:
        cells = " ".join(
            f"{'-' if scores[key] is None else scores[key]:>5}" for key in CATEGORIES
        )
        print(f"{name:<18} {axe_count:>5} {html_count:>5} {cells}  {path}")
    print(f"\nScreenshots (390 px and 1280 px): {shots}")
    if failures:
        print("\nTargets missed:")
        for failure in failures:
            print(f"- {failure}")
        return 1
    print("\nAll targets met: 0 axe violations, 0 HTML errors, Lighthouse >= 95.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
