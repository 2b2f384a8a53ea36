"""What only PostgreSQL has: the bigram index, its functions, the timeout."""

import unittest
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.urls import reverse

from news.models import Article
from search import finders
from search.terms import parse_query
from tests.search.helpers import SearchTestCase
from zones.models import Zone

only_postgresql = unittest.skipUnless(
    connection.vendor == "postgresql", "PostgreSQL search index"
)

DOCUMENTS = [
    "半导体装备产业园",
    "海门ETDZ举办2024年5G通信推介会",
    "It's a back\\slash test",
    "园",
    "末尾是字",
    "空格 分开\t的\n词",
    "🚀火箭发射基地",
    "C++与Python开发",
]


@only_postgresql
class BigramFunctionTests(TestCase):
    def matches(self, document, term):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT search_bigrams(%s) @@ search_bigram_query(%s)", [document, term]
            )
            return cursor.fetchone()[0]

    def test_every_substring_of_a_word_is_found(self):
        # No false negatives: the index must find every candidate the exact
        # substring test would accept.
        for document in DOCUMENTS:
            for term in parse_query(document).terms:
                for start in range(len(term)):
                    for end in range(start + 1, min(len(term), start + 5) + 1):
                        piece = term[start:end]
                        with self.subTest(document=document, piece=piece):
                            self.assertTrue(self.matches(document, piece))

    def test_case_is_ignored(self):
        self.assertTrue(self.matches("Haimen ETDZ", "etdz"))
        self.assertTrue(self.matches("haimen etdz", "HAIMEN"))

    def test_other_text_is_not_found(self):
        for document, term in [
            ("半导体装备", "导半"),
            ("半导体装备", "量子"),
            ("海门 ETDZ", "门E"),  # a space between is not a neighbour
            ("园区", "区园"),
        ]:
            with self.subTest(term=term):
                self.assertFalse(self.matches(document, term))

    def test_quotes_and_backslashes_in_terms_are_literal(self):
        self.assertTrue(self.matches("It's", "t'"))
        self.assertTrue(self.matches("a\\b", "\\b"))
        self.assertFalse(self.matches("ab", "'"))


@only_postgresql
class CaselessTermTests(TestCase):
    def test_lower_case_never_makes_or_changes_a_caseless_character(self):
        # finders.is_caseless lets a term such as 海门 skip LOWER() on the
        # text; exact only if this database's lower() maps no character to
        # a caseless one and changes none of them. Checked over all of
        # Unicode (surrogates excepted, which text cannot hold).
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT cp, lower(chr(cp)) FROM generate_series(1, 1114111) cp"
                " WHERE (cp < 55296 OR cp > 57343) AND lower(chr(cp)) <> chr(cp)"
            )
            changed = cursor.fetchall()
        self.assertGreater(len(changed), 1000)  # A, Ä, Σ, Ａ …
        for code_point, lowered in changed:
            self.assertFalse(finders.is_caseless(chr(code_point)), hex(code_point))
            self.assertFalse(
                any(finders.is_caseless(char) for char in lowered), hex(code_point)
            )


def with_index(queryset, query, document=finders.ARTICLE_DOCUMENT):
    """The queryset narrowed by the finders' bigram index condition."""
    sql, params = finders._index_condition(query, document)
    return queryset.filter(finders._raw_condition(sql, params))


@only_postgresql
class IndexTests(SearchTestCase):
    def test_candidate_query_can_use_the_bigram_index(self):
        # Guards the expression in finders.ARTICLE_DOCUMENT against drifting
        # from the one the index was built on.
        self.make_article("半导体装备产业园开工")
        query = parse_query("半导体 产业园")
        candidates = with_index(Article.objects.order_by(), query)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        self.assertIn("news_article_search_idx", candidates.explain())
        self.assertEqual(candidates.count(), 1)

    def test_zone_query_can_use_the_zone_bigram_index(self):
        query = parse_query("海门 G321")
        candidates = with_index(Zone.objects.order_by(), query, finders.ZONE_DOCUMENT)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        self.assertIn("zones_zone_search_idx", candidates.explain())
        self.assertEqual(list(candidates), [self.haimen])

    def test_industries_and_profile_are_in_the_zone_bigram_index(self):
        self.haimen.industries.add("生物医药")
        self.ningbo_zone.profile = "<p>港口物流</p>"
        self.ningbo_zone.save()
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        for term, zone in [("生物医药", self.haimen), ("港口物流", self.ningbo_zone)]:
            with self.subTest(term=term):
                candidates = with_index(
                    Zone.objects.order_by(), parse_query(term), finders.ZONE_DOCUMENT
                )
                self.assertIn("zones_zone_search_idx", candidates.explain())
                self.assertEqual(list(candidates), [zone])

    def test_slow_statement_is_stopped_and_reported(self):
        def slow():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_sleep(2)")

        with (
            mock.patch.object(finders, "STATEMENT_TIMEOUT_MS", 50),
            self.assertRaises(finders.SearchTooBroad),
        ):
            finders.run_search(slow)
        # The connection is usable afterwards, with the timeout gone.
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            self.assertEqual(cursor.fetchone()[0], "0")


class TooBroadTests(SearchTestCase):
    def test_a_search_that_times_out_asks_for_more_words(self):
        with mock.patch.object(
            finders, "run_search", side_effect=finders.SearchTooBroad
        ):
            response = self.client.get(reverse("search:index"), {"q": "园"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "这次搜索耗时过长")
