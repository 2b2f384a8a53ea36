"""Redis is a cache: when it fails, pages are served without it.

BrokenCache stands for a Redis that is stopped: every call raises what
redis-py raises then.
"""

from unittest import mock

from django.core.cache.backends.base import BaseCache
from django.test import override_settings
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from core import cache as page_cache
from core.models import SiteSettings
from tests.news.helpers import NewsTestCase


class BrokenCache(BaseCache):
    calls = 0

    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        type(self).calls += 1
        raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379.")

    get = set = add = delete = get_many = set_many = touch = has_key = _fail
    incr = decr = delete_many = clear = _fail


BROKEN = {"default": {"BACKEND": "tests.core.test_cache_outage.BrokenCache"}}
WORKING = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@override_settings(
    PAGE_CACHE=True, REDIS_URL="redis://127.0.0.1:6379/0", CACHE_RETRY_SECONDS=5
)
class CacheOutageTests(NewsTestCase):
    def setUp(self):
        super().setUp()
        self.article = self.make_article("园区签约十个项目")
        BrokenCache.calls = 0

    def public_pages(self):
        return {
            "home": reverse("home"),
            "news list": reverse("news:index"),
            "article": self.article.get_absolute_url(),
            "feed": reverse("news:feed-rss"),
            "zones": reverse("zones:index"),
            "zone": self.haimen_zone.get_absolute_url(),
            "search": reverse("search:index") + "?q=园区",
            "english news": "/en/news/",
            "admin sign-in": reverse("admin:login"),
        }

    def test_every_page_is_served_while_the_cache_raises(self):
        with override_settings(CACHES=BROKEN):
            for name, url in self.public_pages().items():
                with self.subTest(name):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
            self.client.force_login(self.editor)
            self.assertEqual(self.client.get(reverse("admin:index")).status_code, 200)

    def test_site_settings_come_from_the_database_while_the_cache_raises(self):
        SiteSettings.objects.update(site_name="海门投资网")
        with override_settings(CACHES=BROKEN):
            response = self.client.get(reverse("news:index"))
        self.assertContains(response, "海门投资网")
        self.assertEqual(response["X-Page-Cache"], "off")

    def test_health_check_says_degraded_while_the_cache_raises(self):
        with override_settings(CACHES=BROKEN):
            response = self.client.get(reverse("healthz"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(), {"status": "degraded", "database": "ok", "cache": "error"}
        )

    def test_a_failing_cache_is_rested_then_tried_again(self):
        clock = mock.patch("core.cache.time.monotonic", return_value=1000.0)
        with override_settings(CACHES=BROKEN), clock as monotonic:
            self.client.get(reverse("news:index"))
            calls_after_first_page = BrokenCache.calls
            for _ in range(3):
                self.client.get(reverse("news:index"))
            # Resting: no page waits on the broken cache again.
            self.assertEqual(BrokenCache.calls, calls_after_first_page)
            monotonic.return_value = 1006.0
            self.client.get(reverse("news:index"))
            self.assertGreater(BrokenCache.calls, calls_after_first_page)

    def test_pages_are_stored_again_once_the_cache_is_back(self):
        with override_settings(CACHES=BROKEN, CACHE_RETRY_SECONDS=0):
            self.client.get(reverse("news:index"))
        with override_settings(CACHE_RETRY_SECONDS=0):
            self.assertEqual(
                self.client.get(reverse("news:index"))["X-Page-Cache"], "miss"
            )
            self.assertEqual(
                self.client.get(reverse("news:index"))["X-Page-Cache"], "hit"
            )

    def test_an_edit_made_during_the_outage_reaches_stored_pages_afterwards(self):
        url = self.article.get_absolute_url()
        with override_settings(CACHES=WORKING, CACHE_RETRY_SECONDS=0):
            self.client.get(url)
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
            with (
                override_settings(CACHES=BROKEN),
                self.captureOnCommitCallbacks(execute=True),
            ):
                self.article.title = "园区签约二十个项目"
                self.article.save()
            self.assertTrue(page_cache._owed)
            response = self.client.get(url)
        self.assertContains(response, "园区签约二十个项目")
        self.assertFalse(page_cache._owed)
