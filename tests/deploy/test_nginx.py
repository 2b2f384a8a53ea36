"""deploy/nginx.conf in front of gunicorn: public pages kept, others not.

Runs the shipped configuration file (its ports and paths swapped for
temporary ones) with Debian's nginx, against gunicorn serving a SQLite copy
of the portal. Skipped where nginx is not installed; CI installs it.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(
    not Path(NGINX).exists(),
    reason="nginx is not installed (apt-get install nginx-light)",
)

SETUP = """
from django.utils import timezone
from news.models import Article, Channel
from zones.models import Region, Zone
jiangsu = Region.objects.create(
    code="32", name="江苏省", slug="jiangsu", level="province"
)
zone = Zone.objects.create(name="海门经济技术开发区", slug="haimen", code="G320001",
    level="national", kind="etdz", province=jiangsu)
channel = Channel.objects.create(name="开发区新闻", slug="zone-news")
Article.objects.create(title="海门港新区项目签约", body="<p>签约</p>", zone=zone,
    channel=channel, status="published", published_at=timezone.now())
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on {port}")


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def site():
    work = Path(tempfile.mkdtemp(prefix="nginx-test-"))
    # nginx's workers drop root for an unprivileged user, who must read here.
    work.chmod(0o755)
    media = work / "media"
    (media / "news").mkdir(parents=True)
    (media / "news" / "hello.txt").write_text("media file")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "PAGE_CACHE"}
    }
    env.update(
        DEBUG="0",
        SECRET_KEY="nginx-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        DATABASE_URL=f"sqlite:///{work / 'site.sqlite3'}",
        MEDIA_ROOT=str(media),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        STATIC_MANIFEST="0",
        SHARED_CACHE_SECONDS="60",
    )
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["shell", "-c", SETUP]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, timeout=300)

    app_port, web_port = free_port(), free_port()
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    for old, new in (
        ("/var/cache/nginx/investportal", str(work / "cache")),
        ("/srv/investportal/media/", f"{media}/"),
        ("/srv/investportal/staticfiles/", f"{ROOT / 'static'}/"),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};"),
        ("listen 80;", f"listen 127.0.0.1:{web_port};"),
    ):
        assert old in config, old
        config = config.replace(old, new)
    (work / "nginx.conf").write_text(
        f"pid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        "events {}\n"
        f"http {{\naccess_log off;\nclient_body_temp_path {work}/body;\n"
        f"proxy_temp_path {work}/proxy;\n{config}\n}}\n"
    )
    gunicorn = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "investportal.wsgi",
            "--bind",
            f"127.0.0.1:{app_port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(work / "gunicorn.log").open("w"),
    )
    nginx = subprocess.Popen(  # noqa: S603
        [NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(app_port)
        wait_for(web_port, seconds=10)
        yield f"http://127.0.0.1:{web_port}"
    finally:
        nginx.terminate()
        gunicorn.terminate()
        nginx.wait(timeout=10)
        gunicorn.wait(timeout=10)
        print((work / "gunicorn.log").read_text()[-3000:])
        shutil.rmtree(work, ignore_errors=True)


def test_public_page_is_kept_and_served_from_the_cache(site):
    status, headers, body = fetch(f"{site}/news/")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=60"
    assert "海门港新区项目签约" in body.decode()
    status, headers, again = fetch(f"{site}/news/")
    assert headers["X-Cache-Status"] == "HIT"
    assert again == body


def test_a_client_with_the_page_gets_304(site):
    _status, headers, _body = fetch(f"{site}/zones/haimen/")
    status, _headers, body = fetch(
        f"{site}/zones/haimen/", **{"If-None-Match": headers["ETag"]}
    )
    assert status == 304
    assert body == b""


def test_signed_in_readers_bypass_the_cache(site):
    fetch(f"{site}/")
    _status, headers, _body = fetch(f"{site}/", Cookie="sessionid=abc")
    assert headers["X-Cache-Status"] == "BYPASS"


def test_forms_with_a_token_are_never_kept(site):
    for _ in range(2):
        status, headers, _body = fetch(f"{site}/zones/haimen/inquire/")
        assert status == 200
        assert "private" in headers["Cache-Control"]
        assert headers["X-Cache-Status"] == "MISS"


def test_media_and_static_files_are_served_by_nginx(site):
    status, headers, body = fetch(f"{site}/media/news/hello.txt")
    assert (status, body) == (200, b"media file")
    assert "X-Cache-Status" not in headers
    status, headers, _body = fetch(f"{site}/static/favicon.svg")
    assert status == 200
    assert "immutable" in headers["Cache-Control"]


def test_security_headers_reach_the_browser_from_the_cache_too(site):
    first = fetch(f"{site}/projects/")[1]
    again = fetch(f"{site}/projects/")[1]
    assert again["X-Cache-Status"] == "HIT"
    for headers in (first, again):
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "camera=()" in headers["Permissions-Policy"]
    # Uploads opened as a document run nothing.
    _status, headers, _body = fetch(f"{site}/media/news/hello.txt")
    assert "sandbox" in headers["Content-Security-Policy"]
