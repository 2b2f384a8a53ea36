"""The open data figures (row counts, newest change) kept in the cache.

core.cache.remembered keeps them under the content version: a save changes
them, a scheduled article going live changes them without a save, and a
failing cache leaves them computed from the database.
"""

from datetime import timedelta
from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import cache as page_cache
from news import downloads as news_downloads
from news.models import Article
from tests.core.test_cache_outage import BROKEN
from tests.news.helpers import NewsTestCase
from tests.portal.test_open_data import facts_of
from zones import downloads as zone_downloads


def summary_queries(queries):
    """How many of these queries aggregated the published articles."""
    return sum(
        "COUNT(" in query["sql"] and "news_article" in query["sql"] for query in queries
    )


class CachedSummaryTests(NewsTestCase):
    def setUp(self):
        self.make_article("园区签约十个项目")
        self.make_article("Haimen news", language=Article.Language.ENGLISH)

    def test_the_summary_is_computed_once_per_content_version(self):
        first = news_downloads.summary(self.now)
        with self.assertNumQueries(0):
            again = news_downloads.summary(self.now + timedelta(seconds=1))
        self.assertEqual(again, first)
        self.assertEqual(first, news_downloads.count_published(self.now))

    def test_a_save_changes_the_count(self):
        self.assertEqual(news_downloads.summary().count, 2)
        with self.captureOnCommitCallbacks(execute=True):
            self.make_article("新发布的新闻")
        self.assertEqual(news_downloads.summary().count, 3)

    def test_a_delete_changes_the_count(self):
        article = self.make_article("要删除的新闻")
        self.assertEqual(news_downloads.summary().count, 3)
        with self.captureOnCommitCallbacks(execute=True):
            article.delete()
        self.assertEqual(news_downloads.summary().count, 2)

    def test_a_zone_save_changes_the_zone_count(self):
        self.assertEqual(zone_downloads.summary().count, 3)
        with self.captureOnCommitCallbacks(execute=True):
            self.ningbo_zone.is_published = False
            self.ningbo_zone.save()
        found = zone_downloads.summary()
        self.assertEqual(found.count, 2)

    def test_a_scheduled_article_going_live_changes_the_count_without_a_save(self):
        go_live = self.now + timedelta(minutes=2)
        scheduled = self.make_article("定时发布的新闻", published_at=go_live)
        before = news_downloads.summary(self.now)
        self.assertEqual(before.count, 2)
        # Just before its time the stored figures still hold.
        with self.assertNumQueries(0):
            just_before = news_downloads.summary(go_live - timedelta(microseconds=1))
        self.assertEqual(just_before, before)
        # At its time: nothing was saved, yet the figures include it.
        at_go_live = news_downloads.summary(go_live)
        self.assertEqual(at_go_live.count, 3)
        self.assertEqual(at_go_live.last_modified, max(go_live, scheduled.updated_at))

    def test_the_go_live_lookup_is_not_trusted_before_the_moment_it_was_made(self):
        # Figures asked for an earlier moment than a stored lookup must not
        # use it: an article that went live in between would be missed.
        early = self.now + timedelta(minutes=1)
        self.make_article("一分钟后发布", published_at=early)
        later = self.now + timedelta(minutes=5)
        self.assertEqual(news_downloads.summary(later).count, 3)
        self.assertEqual(news_downloads.summary(self.now).count, 2)
        self.assertEqual(news_downloads.summary(early).count, 3)

    def test_a_write_without_signals_is_seen_within_the_page_cache_timeout(self):
        with override_settings(PAGE_CACHE_TIMEOUT=300):
            self.assertEqual(news_downloads.summary(self.now).count, 2)
            Article.objects.filter(title="Haimen news").update(deleted_at=self.now)
            soon = self.now + timedelta(seconds=299)
            self.assertEqual(news_downloads.summary(soon).count, 2)
            late = self.now + timedelta(seconds=300)
            self.assertEqual(news_downloads.summary(late).count, 1)

    def test_a_lost_version_is_never_served_stale(self):
        self.assertEqual(news_downloads.summary(self.now).count, 2)
        cache.delete(page_cache.VERSION_KEY)  # evicted, or Redis restarted
        Article.objects.filter(title="Haimen news").update(deleted_at=self.now)
        self.assertEqual(news_downloads.summary(self.now).count, 1)

    def test_a_failing_cache_computes_the_figures(self):
        with override_settings(CACHES=BROKEN):
            self.assertEqual(news_downloads.summary().count, 2)
            self.assertEqual(zone_downloads.summary().count, 3)
            response = self.client.get("/en/data/")
            self.assertEqual(response.status_code, 200)
            self.assertEqual(facts_of(response).facts["articles"]["Rows"], "2")
            csv = self.client.get(reverse("data-articles-csv"))
            self.assertEqual(csv.status_code, 200)
            text = b"".join(csv.streaming_content).decode()
        self.assertIn("# Rows: 2 published articles", text)


class CachedOpenDataPageTests(NewsTestCase):
    def setUp(self):
        self.make_article("园区签约十个项目")

    def test_the_page_counts_a_scheduled_article_once_it_is_live(self):
        go_live = self.now + timedelta(minutes=2)
        self.make_article("定时发布的新闻", published_at=go_live)
        with mock.patch("django.utils.timezone.now", return_value=self.now):
            page = facts_of(self.client.get("/en/data/"))
        self.assertEqual(page.facts["articles"]["Rows"], "1")
        later = go_live + timedelta(seconds=1)
        with mock.patch("django.utils.timezone.now", return_value=later):
            page = facts_of(self.client.get("/en/data/"))
        self.assertEqual(page.facts["articles"]["Rows"], "2")

    def test_a_revalidated_file_reads_no_article(self):
        url = reverse("data-articles-csv")
        first = self.client.get(url)
        b"".join(first.streaming_content)
        with CaptureQueriesContext(connection) as queries:
            again = self.client.get(url, headers={"if-none-match": first["ETag"]})
        self.assertEqual(again.status_code, 304)
        self.assertEqual(summary_queries(queries), 0)
        self.assertNotIn("news_article", " ".join(q["sql"] for q in queries))
