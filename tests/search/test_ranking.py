"""The ranked list of articles: order, pages and count, made by the database."""

from datetime import timedelta
from unittest import mock

from django.urls import reverse

from news.models import Article, Source
from search import finders
from search.finders import Filters, find_articles, is_caseless, run_search
from search.terms import parse_query
from tests.search.helpers import SearchTestCase


class RankedOrderTests(SearchTestCase):
    """Title holds every term first, newest first within that, ties by id."""

    def setUp(self):
        same_time = self.now - timedelta(days=3)
        self.summary_newest = self.make_article(
            "最新的新闻", summary="摘要里提到氢能。", published_at=self.yesterday
        )
        self.title_old = self.make_article(
            "标题提到氢能（旧）", published_at=self.last_year
        )
        self.title_tie_first = self.make_article(
            "标题提到氢能（同时甲）", published_at=same_time
        )
        self.title_tie_second = self.make_article(
            "标题提到氢能（同时乙）", published_at=same_time
        )
        self.summary_tie_first = self.make_article(
            "较早的新闻甲", summary="也提到氢能。", published_at=same_time
        )
        self.summary_tie_second = self.make_article(
            "较早的新闻乙", summary="也提到氢能。", published_at=same_time
        )

    def find(self, q, page_number=1):
        # A one-row probe: a few matches among the newest articles would
        # otherwise make the search broad and list them newest first.
        with mock.patch.object(finders, "PROBE_ROWS", 1):
            return run_search(find_articles, parse_query(q), Filters(), page_number)

    def test_title_matches_first_then_newest_then_higher_id(self):
        page = self.find("氢能")
        self.assertTrue(page.is_ranked)
        self.assertEqual(page.total, 6)
        self.assertEqual(
            [article.pk for article in page.articles],
            [
                self.title_tie_second.pk,
                self.title_tie_first.pk,
                self.title_old.pk,
                self.summary_newest.pk,
                self.summary_tie_second.pk,
                self.summary_tie_first.pk,
            ],
        )

    def test_every_term_must_be_in_the_title_to_rank_first(self):
        self.make_article("氢能", summary="与储能无关。", published_at=self.now)
        both = self.make_article(
            "氢能储能", summary="摘要。", published_at=self.last_year
        )
        page = self.find("氢能 储能")
        self.assertEqual(page.articles[0].pk, both.pk)
        self.assertEqual(page.total, 2)

    def test_second_page_continues_the_ranking_and_keeps_the_total(self):
        PAGE = finders.PAGE_SIZE
        for n in range(PAGE):
            self.make_article(
                f"标题提到氢能第{n}期", published_at=self.last_year - timedelta(days=n)
            )
        first = self.find("氢能")
        second = self.find("氢能", page_number=2)
        self.assertEqual(first.total, PAGE + 6)
        self.assertEqual(second.total, PAGE + 6)
        self.assertEqual(len(first.articles), PAGE)
        self.assertEqual(len(second.articles), 6)
        # Title matches fill page 1 (newest first); the rest of them, then
        # the summary matches, follow on page 2.
        self.assertEqual(
            [article.title for article in second.articles],
            [
                "标题提到氢能第17期",
                "标题提到氢能第18期",
                "标题提到氢能第19期",
                "最新的新闻",
                "较早的新闻乙",
                "较早的新闻甲",
            ],
        )
        seen = [article.pk for article in first.articles + second.articles]
        self.assertEqual(len(set(seen)), PAGE + 6)

    def test_page_past_the_end_still_knows_the_total(self):
        page = self.find("氢能", page_number=3)
        self.assertEqual(page.articles, [])
        self.assertEqual(page.total, 6)
        with mock.patch.object(finders, "PROBE_ROWS", 1):
            response = self.client.get(
                reverse("search:index"), {"q": "氢能", "page": 3}
            )
        # Counted, then sent to the last page, which has them all.
        self.assertRedirects(
            response, "/search/?q=%E6%B0%A2%E8%83%BD", fetch_redirect_response=False
        )

    def test_no_match_is_a_ranked_empty_page(self):
        page = self.find("量子计算")
        self.assertTrue(page.is_ranked)
        self.assertEqual((page.articles, page.total), ([], 0))

    def test_exactly_rank_limit_matches_are_ranked_and_one_more_are_not(self):
        with mock.patch.object(finders, "RANK_LIMIT", 6):
            ranked = self.find("氢能")
            self.make_article("标题提到氢能（第七篇）", published_at=self.last_year)
            walked = self.find("氢能")
        self.assertTrue(ranked.is_ranked)
        self.assertEqual(ranked.total, 6)
        self.assertFalse(walked.is_ranked)
        self.assertIsNone(walked.total)
        # Not ranked: newest first, whatever holds the terms.
        self.assertEqual(walked.articles[0].pk, self.summary_newest.pk)


class ZoneCountTests(SearchTestCase):
    def test_zone_page_past_the_end_still_counts_the_zones(self):
        response = self.client.get(
            reverse("search:index"),
            {"q": "开发区", "kind": "zones", "page": 2},
            follow=True,
        )
        self.assertEqual(response.redirect_chain[0][1], 302)
        self.assertContains(response, "3 个开发区")

    def test_first_page_of_everything_counts_all_zones(self):
        response = self.client.get(reverse("search:index"), {"q": "开发区"})
        self.assertEqual(len(response.context["zone_items"]), 3)
        self.assertContains(response, "3 个开发区")
        with mock.patch.object(finders, "ZONES_FIRST", 2):
            response = self.client.get(reverse("search:index"), {"q": "开发区"})
        self.assertEqual(len(response.context["zone_items"]), 2)
        self.assertContains(response, "3 个开发区")


class ResultItemTests(SearchTestCase):
    def test_result_links_to_the_article_in_the_page_language(self):
        chinese = self.make_article("氢能产业园开工")
        english = self.make_article(
            "Hydrogen park opens", language=Article.Language.ENGLISH
        )
        response = self.client.get(reverse("search:index"), {"q": "氢能"})
        self.assertContains(response, f'href="{chinese.get_absolute_url()}"')
        response = self.client.get("/en/search/", {"q": "hydrogen"})
        self.assertContains(response, f'href="/en/news/{english.pk}/"')

    def test_origin_is_the_zone_else_the_source_in_the_page_language(self):
        self.make_article("氢能园区动态")
        self.make_article("氢能政策解读", zone=None, source=self.government)
        response = self.client.get(reverse("search:index"), {"q": "氢能"})
        self.assertContains(response, " · 海门经济技术开发区</p>")
        self.assertContains(response, " · 海门市人民政府</p>")
        english_source = Source.objects.create(name="新华社", name_en="Xinhua")
        self.make_article(
            "Hydrogen zone news", language=Article.Language.ENGLISH, zone=self.haimen
        )
        self.make_article(
            "Hydrogen policy",
            language=Article.Language.ENGLISH,
            zone=None,
            source=english_source,
        )
        response = self.client.get("/en/search/", {"q": "hydrogen"})
        self.assertContains(
            response, " · Haimen Economic and Technological Development Zone</p>"
        )
        self.assertContains(response, " · Xinhua</p>")


class CaseTests(SearchTestCase):
    def test_terms_without_case_are_told_apart(self):
        for term in ("海门", "2024", "生物医药", "のぞみ"):
            with self.subTest(term=term):
                self.assertTrue(is_caseless(term))
        for term in ("etdz", "ETDZ", "5G通信", "Straße", "ǅ"):
            with self.subTest(term=term):
                self.assertFalse(is_caseless(term))

    def test_letters_match_in_either_case_next_to_chinese(self):
        self.make_article("海门ETDZ举办5G通信推介会", summary="Haimen ETDZ。")
        for q in ("etdz", "5g通信", "HAIMEN", "haimen 5G"):
            with self.subTest(q=q):
                response = self.client.get(reverse("search:index"), {"q": q})
                self.assertContains(response, "1 篇新闻")
