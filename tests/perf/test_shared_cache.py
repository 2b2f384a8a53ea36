"""Several app processes sharing one Redis: an edit shows in all of them.

Skipped without REDIS_URL (the local-memory cache is per process, which is
why PAGE_CACHE is off by default without Redis); the two-process test also
needs PostgreSQL, whose test database the servers it starts can open.
.ci/run's PostgreSQL and Redis pass runs both.
"""

import os
import socket
import subprocess
import sys
import time
import unittest
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from django.core.handlers.base import BaseHandler
from django.db import connection
from django.test import RequestFactory, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from core.cache import PageCacheMiddleware
from news.models import Article, Channel
from tests.news.helpers import NewsTestCase
from zones.models import Region, Zone

needs_redis = unittest.skipUnless(
    settings.REDIS_URL, "REDIS_URL is not set: the page cache is shared via Redis"
)


def separate_redis_client():
    """A cache backend with its own connections, as another process has."""
    default = settings.CACHES["default"]
    return RedisCache(
        default["LOCATION"],
        {"KEY_PREFIX": default.get("KEY_PREFIX", ""), "TIMEOUT": 300},
    )


@needs_redis
@override_settings(PAGE_CACHE=True, PAGE_CACHE_TIMEOUT=300)
class TwoCacheClientsTests(NewsTestCase):
    """Two page caches with their own Redis clients, like two processes."""

    def setUp(self):
        super().setUp()
        self.article = self.make_article("共享缓存里的新闻")
        inner_middleware = [
            name
            for name in settings.MIDDLEWARE
            if name != "core.cache.PageCacheMiddleware"
        ]
        with override_settings(MIDDLEWARE=inner_middleware):
            handler = BaseHandler()
            handler.load_middleware()
        self.first = PageCacheMiddleware(handler.get_response, separate_redis_client())
        self.second = PageCacheMiddleware(handler.get_response, separate_redis_client())

    def get(self, process, url):
        response = process(RequestFactory().get(url))
        self.assertEqual(response.status_code, 200)
        return response

    def test_a_page_stored_by_one_is_served_by_the_other(self):
        url = reverse("news:index")
        self.assertEqual(self.get(self.first, url)["X-Page-Cache"], "miss")
        served = self.get(self.second, url)
        self.assertEqual(served["X-Page-Cache"], "hit")
        self.assertContains(served, "共享缓存里的新闻")

    def test_an_edit_elsewhere_reaches_both(self):
        urls = [reverse("news:index"), self.article.get_absolute_url(), reverse("home")]
        for url in urls:
            self.get(self.first, url)
            self.assertEqual(self.get(self.second, url)["X-Page-Cache"], "hit")
        # The edit is saved by this test's process, through a third client.
        with self.captureOnCommitCallbacks(execute=True):
            self.article.title = "在另一个进程里改过的标题"
            self.article.save()
        for url in urls:
            with self.subTest(url=url):
                for process in (self.second, self.first):
                    response = self.get(process, url)
                    self.assertContains(response, "在另一个进程里改过的标题")
                    self.assertNotContains(response, "共享缓存里的新闻")


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url():
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or "5432"
    return f"postgres://{credentials}@{host}:{port}/{db['NAME']}"


class AppServer:
    """gunicorn serving the test database with the page cache on."""

    def __init__(self, test):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "investportal.settings",
            "DEBUG": "0",
            "SECRET_KEY": settings.SECRET_KEY,
            "DATABASE_URL": _database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "CACHE_KEY_PREFIX": settings.CACHES["default"].get("KEY_PREFIX", ""),
            "PAGE_CACHE": "1",
            "PAGE_CACHE_TIMEOUT": "300",
            "CACHE_TIMEOUT": "300",
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_MANIFEST": "0",
            "LOG_LEVEL": "ERROR",
        }
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "investportal.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        test.addCleanup(self.stop)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                test.fail(f"gunicorn stopped: {self.process.stderr.read()[-2000:]}")
            try:
                self.get("/healthz")
                return
            except OSError:
                time.sleep(0.2)
        test.fail("gunicorn did not answer within 30 s")

    def get(self, path):
        """(status, X-Page-Cache header, body text) of a GET."""
        # One public host name in front of both, as behind a proxy: pages
        # are stored per host, since they carry absolute links to it.
        request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
            self.base + path, headers={"Host": "127.0.0.1"}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                body = response.read().decode()
                return response.status, response.headers["X-Page-Cache"], body
        except urllib.error.HTTPError as error:
            return error.code, error.headers["X-Page-Cache"], error.read().decode()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process.stderr.close()


@needs_redis
@unittest.skipUnless(
    connection.vendor == "postgresql",
    "the app servers need a database another process can open (PostgreSQL)",
)
class TwoAppProcessesTests(TransactionTestCase):
    """Two gunicorn processes and this one, sharing Redis and the database."""

    serialized_rollback = True

    def setUp(self):
        province = Region.objects.create(
            code="320000", name="江苏省", slug="jiangsu", level=Region.Level.PROVINCE
        )
        self.zone = Zone.objects.create(
            name="海门经济技术开发区",
            slug="haimen-etdz",
            code="G321099",
            province=province,
            level=Zone.Level.NATIONAL,
            kind=Zone.Kind.ECONOMIC_TECHNOLOGICAL,
        )
        self.channel = Channel.objects.create(name="开发区新闻", slug="zone-news")
        self.article = self.publish("两个进程都能看到的新闻")
        self.servers = [AppServer(self), AppServer(self)]

    def publish(self, title):
        return Article.objects.create(
            title=title,
            channel=self.channel,
            zone=self.zone,
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(minutes=1),
        )

    def pages(self):
        return [
            reverse("home"),
            reverse("news:index"),
            self.article.get_absolute_url(),
            reverse("news:feed-rss"),
            self.zone.get_absolute_url(),
        ]

    def test_edits_and_new_articles_show_in_both_processes_at_once(self):
        first, second = self.servers
        for path in self.pages():
            status, cached, body = first.get(path)
            self.assertEqual((status, cached), (200, "miss"), path)
            self.assertIn("两个进程都能看到的新闻", body)
            # Stored by the first process, served by the second.
            self.assertEqual(second.get(path)[:2], (200, "hit"), path)

        self.article.title = "编辑在第三个进程里改了标题"
        self.article.save()  # autocommit: the version changes now
        fresh = self.publish("刚刚发布的第二条新闻")

        for path in self.pages():
            for server in (second, first):
                status, _cached, body = server.get(path)
                self.assertEqual(status, 200, path)
                self.assertIn("编辑在第三个进程里改了标题", body)
                self.assertNotIn("两个进程都能看到的新闻", body)
                if path != self.article.get_absolute_url():
                    self.assertIn("刚刚发布的第二条新闻", body)
        self.assertEqual(first.get(fresh.get_absolute_url())[0], 200)
