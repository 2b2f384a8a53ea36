"""The page cache (core/cache.py): who gets stored pages, and when they change.

The cache backend is whatever the suite runs with (local memory, or Redis
when REDIS_URL is set); tests/perf/test_shared_cache.py covers several
processes sharing Redis.
"""

from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from core.cache import VERSION_KEY, content_version, page_key
from core.models import SiteSettings
from news.models import Article
from tests.news.helpers import NewsTestCase
from zones.models import Zone


@override_settings(PAGE_CACHE=True, PAGE_CACHE_TIMEOUT=300)
class PageCacheTestCase(NewsTestCase):
    def setUp(self):
        super().setUp()
        self.article = self.make_article("园区签约十个项目")

    def get(self, url, **extra):
        return self.client.get(url, **extra)

    def key_for(self, url):
        return page_key(RequestFactory().get(url))

    def assert_stored_then_served(self, url):
        first = self.get(url)
        self.assertEqual(first.status_code, 200)
        self.assertEqual(first["X-Page-Cache"], "miss")
        with self.assertNumQueries(0):
            second = self.get(url)
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(second.content, first.content)
        return second

    def affected_pages(self):
        """Every public page the article appears on."""
        zone = self.haimen_zone
        return {
            "home": reverse("home"),
            "list": reverse("news:index"),
            "list by zone": reverse("news:index") + f"?zone={zone.slug}",
            "detail": self.article.get_absolute_url(),
            "feed": reverse("news:feed-rss"),
            "zone feed": reverse("news:zone-feed-rss", kwargs={"slug": zone.slug}),
            "zone page": zone.get_absolute_url(),
        }


class WhoGetsStoredPagesTests(PageCacheTestCase):
    def test_anonymous_readers_get_the_stored_page_without_a_query(self):
        for name, url in self.affected_pages().items():
            with self.subTest(name):
                self.assert_stored_then_served(url)

    def test_each_language_and_query_string_is_its_own_page(self):
        self.assert_stored_then_served(reverse("news:index"))
        other = self.get(reverse("news:index") + "?kind=text")
        self.assertEqual(other["X-Page-Cache"], "miss")
        english = self.get("/en/news/")
        self.assertEqual(english["X-Page-Cache"], "miss")
        self.assertEqual(english["Content-Language"], "en")

    def test_stored_page_keeps_the_headers_of_the_live_one(self):
        live = self.get(reverse("news:index"))
        stored = self.get(reverse("news:index"))
        for header in ("Content-Type", "Content-Language", "X-Frame-Options"):
            self.assertEqual(stored[header], live[header], header)

    def test_signed_in_staff_always_see_live_pages(self):
        url = reverse("news:index")
        self.assert_stored_then_served(url)
        self.client.force_login(self.editor)
        response = self.get(url)
        self.assertNotIn("X-Page-Cache", response)
        self.assertGreater(len(response.content), 0)

    def test_a_session_or_messages_cookie_skips_the_cache(self):
        url = reverse("news:index")
        self.assert_stored_then_served(url)
        for cookie in (settings.SESSION_COOKIE_NAME, "messages"):
            with self.subTest(cookie=cookie):
                self.client.cookies.clear()
                self.client.cookies[cookie] = "something"
                response = self.get(url)
                self.assertNotIn("X-Page-Cache", response)

    def test_errors_redirects_and_private_pages_are_not_stored(self):
        urls = [
            "/news/999999/",  # 404
            reverse("news:index") + "?page=0",  # redirect
            reverse("healthz"),  # never_cache
            "/admin/login/",  # sets the CSRF cookie, never_cache
        ]
        for url in urls:
            with self.subTest(url=url):
                self.get(url)
                self.assertIsNone(cache.get(self.key_for(url)))

    def test_very_long_urls_are_served_but_not_stored(self):
        url = reverse("news:index") + "?utm_source=" + "x" * 2000
        self.assertEqual(self.get(url).status_code, 200)
        self.assertIsNone(cache.get(self.key_for(url)))

    def test_off_unless_page_cache_is_set(self):
        with override_settings(PAGE_CACHE=False):
            response = self.get(reverse("news:index"))
        self.assertNotIn("X-Page-Cache", response)
        self.assertIsNone(cache.get(self.key_for(reverse("news:index"))))


class ChangesShowAtOnceTests(PageCacheTestCase):
    """An edit, a new article, a deletion: every affected page shows it."""

    def fill_cache(self):
        for url in self.affected_pages().values():
            self.assert_stored_then_served(url)

    def assert_every_page(self, contains=(), lacks=()):
        for name, url in self.affected_pages().items():
            response = self.get(url)
            self.assertEqual(response.status_code, 200, name)
            self.assertEqual(response["X-Page-Cache"], "miss", name)
            for text in contains:
                self.assertContains(response, text, msg_prefix=name)
            for text in lacks:
                self.assertNotContains(response, text, msg_prefix=name)

    def test_an_edit_shows_everywhere(self):
        self.fill_cache()
        with self.captureOnCommitCallbacks(execute=True):
            self.article.title = "签约项目全部开工"
            self.article.save()
        self.assert_every_page(
            contains=["签约项目全部开工"], lacks=["园区签约十个项目"]
        )

    def test_a_newly_published_article_shows_everywhere(self):
        self.fill_cache()
        with self.captureOnCommitCallbacks(execute=True):
            fresh = self.make_article("新发布的投资动态", published_at=self.now)
        pages = self.affected_pages()
        pages["detail"] = fresh.get_absolute_url()
        for name, url in pages.items():
            with self.subTest(name):
                self.assertContains(self.get(url), "新发布的投资动态")

    def test_moving_to_the_recycle_bin_removes_it_everywhere(self):
        self.fill_cache()
        with self.captureOnCommitCallbacks(execute=True):
            self.article.deleted_at = timezone.now()
            self.article.save()
        for name, url in self.affected_pages().items():
            with self.subTest(name):
                response = self.get(url)
                if name == "detail":
                    self.assertEqual(response.status_code, 404)
                else:
                    self.assertNotContains(response, "园区签约十个项目")

    def test_naming_another_zone_shows_on_that_zone_page(self):
        suzhou = self.suzhou_zone
        self.assert_stored_then_served(suzhou.get_absolute_url())
        with self.captureOnCommitCallbacks(execute=True):
            self.article.related_zones.add(suzhou)
        self.assertContains(self.get(suzhou.get_absolute_url()), "园区签约十个项目")

    def test_zone_and_site_settings_edits_count_too(self):
        self.fill_cache()
        with self.captureOnCommitCallbacks(execute=True):
            Zone.objects.filter(pk=self.haimen_zone.pk).get().save()
        self.assertEqual(self.get(reverse("home"))["X-Page-Cache"], "miss")
        self.assertEqual(self.get(reverse("home"))["X-Page-Cache"], "hit")
        with self.captureOnCommitCallbacks(execute=True):
            site = SiteSettings.load()
            site.site_name = "投资促进网"
            site.save()
        self.assertContains(self.get(reverse("home")), "投资促进网")

    def test_the_version_changes_only_when_the_transaction_commits(self):
        before = content_version()
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            self.article.title = "尚未提交的标题"
            self.article.save()
        # Other processes cannot see the new title yet, so neither may the
        # stored pages change.
        self.assertEqual(content_version(), before)
        for callback in callbacks:
            callback()
        self.assertNotEqual(content_version(), before)

    def test_bulk_updates_by_staff_in_the_admin_count_too(self):
        # The zone admin's publish action updates rows in bulk, sending no
        # model signals; a write by staff replaces the version anyway.
        hidden = Zone.objects.get(pk=self.ningbo_zone.pk)
        Zone.objects.filter(pk=hidden.pk).update(is_published=False)
        directory = reverse("zones:index")
        self.assert_stored_then_served(directory)
        self.assertNotContains(self.get(directory), hidden.name)
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("admin:zones_zone_changelist"),
                {"action": "publish", "_selected_action": [hidden.pk]},
            )
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.client.cookies.clear()
        self.assertContains(self.get(directory), hidden.name)


class ScheduledArticleTests(PageCacheTestCase):
    """Nothing is saved when a scheduled article's time comes."""

    def test_pages_expire_when_the_next_scheduled_article_goes_live(self):
        go_live = self.now + timedelta(minutes=2)
        self.make_article("定时发布的新闻", published_at=go_live)
        url = reverse("home")
        self.assertNotContains(self.assert_stored_then_served(url), "定时发布的新闻")
        stored = cache.get(self.key_for(url))
        self.assertLessEqual(stored[1], go_live.timestamp())

        later = go_live + timedelta(seconds=1)
        with (
            mock.patch("core.cache.time.time", return_value=later.timestamp()),
            mock.patch("django.utils.timezone.now", return_value=later),
        ):
            response = self.get(url)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "定时发布的新闻")

    def test_without_scheduled_articles_pages_live_for_the_set_time(self):
        url = reverse("news:index")
        before = self.now.timestamp()
        self.assert_stored_then_served(url)
        expires = cache.get(self.key_for(url))[1]
        self.assertGreaterEqual(expires, before + 299)
        self.assertLessEqual(expires, before + 301 + 60)


class VersionTests(PageCacheTestCase):
    def test_a_lost_version_makes_a_new_one_and_nothing_stale_is_served(self):
        url = reverse("news:index")
        self.assert_stored_then_served(url)
        cache.delete(VERSION_KEY)  # evicted, or Redis restarted
        Article.objects.filter(pk=self.article.pk).update(title="无信号的改动")
        response = self.get(url)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "无信号的改动")


class QueryParameterTests(PageCacheTestCase):
    def test_tracking_parameters_share_the_page_without_them(self):
        url = reverse("news:index")
        self.assert_stored_then_served(url)
        with self.assertNumQueries(0):
            tracked = self.get(url + "?utm_source=wechat&utm_medium=x&fbclid=1")
        self.assertEqual(tracked["X-Page-Cache"], "hit")
        shared = self.get(url + "?from=singlemessage&isappinstalled=0")
        self.assertEqual(shared["X-Page-Cache"], "hit")

    def test_a_parameter_no_view_reads_is_served_but_never_stored(self):
        url = reverse("news:index") + "?x=123"
        self.assertEqual(self.get(url)["X-Page-Cache"], "miss")
        self.assertEqual(self.get(url)["X-Page-Cache"], "miss")
        self.assertIsNone(cache.get(self.key_for(url)))

    def test_parameters_the_view_reads_are_stored(self):
        url = reverse("news:index") + f"?zone={self.haimen_zone.slug}&page=1"
        self.assert_stored_then_served(url)
        self.assert_stored_then_served(reverse("search:index") + "?q=园区")

    def test_tracking_parameters_stay_out_of_the_links_of_the_page(self):
        response = self.get(reverse("news:index") + "?kind=text&utm_source=feed")
        self.assertNotContains(response, "utm_source")
