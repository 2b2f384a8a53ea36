import html
import re
from datetime import timedelta
from unittest import mock

from django.urls import reverse

from search import finders
from tests.search.helpers import SearchTestCase, queries_per_search


class PaginationTests(SearchTestCase):
    def add_matches(self, count, title="氢能产业项目第{n}期"):
        for n in range(count):
            self.make_article(
                title.format(n=n), published_at=self.yesterday - timedelta(hours=n)
            )

    def search(self, **params):
        return self.client.get(reverse("search:index"), {"q": "氢能", **params})

    def test_few_matches_are_ranked_with_numbered_pages(self):
        self.add_matches(25)
        with mock.patch.object(finders, "PROBE_ROWS", 1):
            first = self.search()
            second = self.search(page=2)
        self.assertContains(first, "25 篇新闻")
        self.assertContains(first, "第<mark>0</mark>期", count=0)
        self.assertContains(first, "项目第0期")
        self.assertContains(first, "项目第19期")
        self.assertNotContains(first, "项目第20期")
        self.assertContains(first, 'rel="next"')
        self.assertContains(second, "项目第24期")
        self.assertNotContains(second, "项目第19期")
        self.assertContains(second, 'rel="prev"')

    def test_a_page_that_is_not_a_page_redirects_to_the_nearest_one(self):
        # The policy of every list (core.pagination, README "Pages").
        self.add_matches(45)
        with mock.patch.object(finders, "PROBE_ROWS", 1):
            cases = {
                "9": "?q=%E6%B0%A2%E8%83%BD&kind=news&page=3",
                "9" * 40: "?q=%E6%B0%A2%E8%83%BD&kind=news&page=3",
                "0": "?q=%E6%B0%A2%E8%83%BD&kind=news",
                "abc": "?q=%E6%B0%A2%E8%83%BD&kind=news",
                "02": "?q=%E6%B0%A2%E8%83%BD&kind=news&page=2",
            }
            for page, target in cases.items():
                with self.subTest(page=page):
                    response = self.search(kind="news", page=page)
                    self.assertRedirects(
                        response,
                        reverse("search:index") + target,
                        fetch_redirect_response=False,
                    )
        for cursor in ("junk", "0-0"):
            with self.subTest(older=cursor):
                response = self.search(older=cursor)
                self.assertRedirects(
                    response,
                    reverse("search:index") + "?q=%E6%B0%A2%E8%83%BD",
                    fetch_redirect_response=False,
                )

    def test_broad_searches_list_newest_first_with_older_and_newer_links(self):
        self.add_matches(45)
        first = self.search()
        self.assertFalse(first.context["results"]["is_ranked"])
        self.assertContains(first, "篇新闻，由新到旧排列")
        self.assertContains(first, "项目第19期")
        self.assertNotContains(first, "项目第20期")
        second = self.client.get(self.link(first, "next"))
        self.assertContains(second, "项目第20期")
        self.assertContains(second, "项目第39期")
        self.assertNotContains(second, "项目第19期")
        third = self.client.get(self.link(second, "next"))
        self.assertContains(third, "项目第44期")
        self.assertIsNone(self.link(third, "next"))
        back = self.client.get(self.link(third, "prev"))
        self.assertContains(back, "项目第20期")
        self.assertContains(back, "项目第39期")
        # The way back to the first page.
        self.assertContains(back, '<a href="?q=%E6%B0%A2%E8%83%BD&amp;page=1">')

    def link(self, response, rel):
        """Where the page's rel="next" or "prev" link leads, or None."""
        match = re.search(rf'<a href="([^"]*)" rel="{rel}">', response.text)
        return match and reverse("search:index") + html.unescape(match.group(1))

    def test_more_matches_than_can_be_ranked_are_listed_newest_first(self):
        self.add_matches(8)
        with (
            mock.patch.object(finders, "PROBE_ROWS", 1),
            mock.patch.object(finders, "RANK_LIMIT", 5),
        ):
            response = self.search()
        self.assertFalse(response.context["results"]["is_ranked"])
        self.assertContains(response, "项目第7期")

    def test_zone_results_have_their_own_pages(self):
        for n in range(23):
            self.make_zone_like_haimen(n)
        response = self.client.get(
            reverse("search:index"), {"q": "测试园", "kind": "zones", "page": 2}
        )
        self.assertContains(response, "23 个开发区")
        self.assertEqual(len(response.context["zone_items"]), 3)

    def make_zone_like_haimen(self, n):
        from tests.factories import make_zone

        return make_zone(f"测试园{n:02d}", f"test-park-{n}", self.jiangsu, name_en="")


class QueryCountTests(SearchTestCase):
    """The queries of a search page do not grow with its results."""

    def search(self, q, **params):
        return self.client.get(reverse("search:index"), {"q": q, **params})

    def count_for(self, articles, zones):
        for n in range(articles):
            self.make_article(f"氢能项目{n}")
        for n in range(zones):
            from tests.factories import make_zone

            make_zone(f"氢能产业园{n}", f"hydrogen-park-{n}", self.jiangsu, name_en="")

    def test_ranked_page_two_results_or_twenty(self):
        # Site settings, provinces, the zones with their count, the projects
        # with their count, probe, the ranked page with its articles and count.
        self.count_for(articles=2, zones=2)
        with self.assertNumQueries(queries_per_search(6)):
            self.search("氢能")

    def test_ranked_page_twenty_results(self):
        self.count_for(articles=20, zones=8)
        with self.assertNumQueries(queries_per_search(6)):
            response = self.search("氢能")
        self.assertEqual(len(response.context["article_items"]), 20)

    def test_broad_page(self):
        # The probe's rows are the page: no ranking query.
        self.count_for(articles=30, zones=8)
        with self.assertNumQueries(queries_per_search(5)):
            response = self.search("氢能")
        self.assertEqual(len(response.context["article_items"]), 20)

    def test_no_zone_found_costs_the_same(self):
        self.count_for(articles=2, zones=0)
        with self.assertNumQueries(queries_per_search(6)):
            response = self.search("氢能")
        self.assertEqual(response.context["zone_items"], [])

    def test_zone_filter_costs_one_query(self):
        # Site settings, provinces, the zone, the ranked page: a filtered
        # search skips the probe, and kind=news the zones and projects.
        self.count_for(articles=3, zones=0)
        with self.assertNumQueries(queries_per_search(4)):
            self.search("氢能", zone="haimen-etdz", kind="news")

    def test_empty_search_costs_only_the_page(self):
        with self.assertNumQueries(2):  # site settings, provinces
            self.client.get(reverse("search:index"))
