"""Start-up behaviour of investportal.settings, each case in a fresh process."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-key-1234567890-abcdefghijklmnop",
    "ALLOWED_HOSTS": "portal.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://portal.example.com",
    "SECURE_PROXY_SSL": "1",
}


def run_manage(*args, **env):
    clean_env = {
        key: value
        for key, value in os.environ.items()
        # Only the variables under test: the deploy check also reads others
        # (DJANGO_ALLOW_ASYNC_UNSAFE, set by the browser tests, is an error).
        if key
        not in {
            "SECRET_KEY",
            "DEBUG",
            "DATABASE_URL",
            "SECURE_SSL_REDIRECT",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    clean_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_secret_key_with_debug_off_refuses_to_start():
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_malformed_database_url_names_the_variable():
    result = run_manage("check", DATABASE_URL="mysq1//nonsense", **PRODUCTION)
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr.splitlines()[-1]


def test_bad_boolean_names_the_variable():
    result = run_manage("check", **{**PRODUCTION, "DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_postgres_url_turns_on_persistent_checked_connections():
    code = (
        "from django.conf import settings; d = settings.DATABASES['default'];"
        "print(d['ENGINE'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        DATABASE_URL="postgres://user:pw@db.example:5432/portal",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "60", "True"]


@pytest.mark.parametrize("redis_url", ["redis://127.0.0.1:6379/3"])
def test_redis_url_switches_the_cache_backend(redis_url):
    code = (
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    )
    result = run_manage(
        "shell", "--no-imports", "-c", code, REDIS_URL=redis_url, **PRODUCTION
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


def test_check_deploy_is_clean_with_production_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


LOG_EVENTS = """
import logging
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.log import log_response
logging.getLogger("django.request").warning("one warning")
try:
    raise PermissionDenied
except PermissionDenied as error:
    log_response(
        "Forbidden (Permission denied): %s", "/admin/zones/region/1/change/",
        response=HttpResponse(status=403),
        request=RequestFactory().get("/admin/zones/region/1/change/"),
        exception=error,
    )
try:
    raise ValueError("boom")
except ValueError as error:
    log_response(
        "Internal Server Error: %s", "/news/",
        response=HttpResponse(status=500),
        request=RequestFactory().get("/news/"),
        exception=error,
    )
"""


def test_development_server_log_prints_each_event_once_and_refusals_on_one_line():
    result = run_manage("shell", "-c", LOG_EVENTS, DEBUG="1")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines.count("one warning") == 1
    assert (
        lines.count("Forbidden (Permission denied): /admin/zones/region/1/change/") == 1
    )
    assert "PermissionDenied" not in result.stderr
    # A server error keeps its traceback, once.
    assert lines.count("Internal Server Error: /news/") == 1
    assert result.stderr.count("Traceback") == 1
    assert "ValueError: boom" in result.stderr


CLIENT_ADDRESS = (
    "from django.test import RequestFactory; from axes.helpers import "
    "get_client_ip_address as ip; r = RequestFactory().post('/', "
    "REMOTE_ADDR='127.0.0.1', HTTP_X_FORWARDED_FOR='10.0.0.1, 203.0.113.9'); "
    "print(ip(r))"
)


@pytest.mark.parametrize(
    ("proxies", "address"),
    [
        # nginx in front: the entry it appended, not the one the client forged.
        ("1", "203.0.113.9"),
        # Nothing in front: headers are the client's own words.
        ("0", "127.0.0.1"),
    ],
)
def test_sign_in_lockout_reads_the_address_the_trusted_proxy_saw(proxies, address):
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        CLIENT_ADDRESS,
        TRUSTED_PROXY_COUNT=proxies,
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == address


def test_requests_are_upgraded_to_https_only_with_the_https_redirect():
    code = (
        "from django.conf import settings;"
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']"
        "['upgrade-insecure-requests'])"
    )
    upgraded = run_manage("shell", "--no-imports", "-c", code, **PRODUCTION)
    assert upgraded.returncode == 0, upgraded.stderr
    assert upgraded.stdout.strip() == "True"
    plain = run_manage(
        "shell", "--no-imports", "-c", code, SECURE_SSL_REDIRECT="0", **PRODUCTION
    )
    assert plain.stdout.strip() == "False"
