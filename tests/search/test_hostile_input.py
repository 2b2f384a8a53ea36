from django.urls import reverse

from tests.search.helpers import SearchTestCase

HOSTILE_QUERIES = [
    '"',
    "'",
    "''; DROP TABLE news_article; --",
    "%",
    "%%半导体%%",
    "_",
    "半_体",
    "\\",
    "\\\\x00 \\%",
    "园" * 1000,
    "a" * 1000,
    "海门\x00经开区",
    "\x00",
    "🚀🏭 海门 🇨🇳",
    "     ",
    "\u3000\u3000",
    "<script>alert(1)</script>",
    "{{ site.secret }} {% debug %}",
    "半导体 " * 50,
    "&amp; &lt; \ufffd",
]


class HostileInputTests(SearchTestCase):
    def setUp(self):
        self.make_article("海门半导体装备产业园开工", summary="海门经开区园区建设。")

    def test_every_hostile_query_returns_a_page(self):
        for q in HOSTILE_QUERIES:
            for kind in ("", "zones", "news"):
                with self.subTest(q=q[:30], kind=kind):
                    response = self.client.get(
                        reverse("search:index"), {"q": q, "kind": kind}
                    )
                    self.assertEqual(response.status_code, 200)
                    self.assertNotContains(response, "<script>alert(1)")

    def test_hostile_values_in_every_parameter_return_a_page(self):
        for value in ["\x00", "%", "../../etc", "9" * 40, "-1", "1e9", "🚀", "'"]:
            params = {
                "q": "海门",
                "page": value,
                "province": value,
                "zone": value,
                "kind": value,
                "older": value,
                "newer": value,
            }
            with self.subTest(value=value):
                # A page or cursor that is not one redirects to a page.
                response = self.client.get(reverse("search:index"), params, follow=True)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "装备产业园开工")

    def test_percent_and_underscore_are_not_wildcards(self):
        self.make_article("其他新闻", summary="完全无关的内容。")
        response = self.client.get(reverse("search:index"), {"q": "_"})
        self.assertContains(response, "没有可搜索的内容")
        self.assertNotContains(response, "其他新闻")
        response = self.client.get(reverse("search:index"), {"q": "海%装备"})
        # % separates two words; both must match, so only the first article.
        self.assertContains(response, "1 篇新闻")

    def test_long_query_is_shortened_with_a_note(self):
        response = self.client.get(reverse("search:index"), {"q": "海门" * 500})
        self.assertContains(response, "只搜索了前 100 个字符。")

    def test_nul_bytes_are_stripped_and_the_rest_searched(self):
        response = self.client.get(reverse("search:index"), {"q": "海门\x00半导体"})
        self.assertContains(
            response, "<mark>海门半导体</mark>装备产业园开工", html=True
        )

    def test_only_spaces_is_the_empty_search(self):
        response = self.client.get(reverse("search:index"), {"q": "   "})
        self.assertContains(response, "您想找什么？")

    def test_emoji_around_a_word_search_the_word(self):
        response = self.client.get(reverse("search:index"), {"q": "🏭海门🏭"})
        self.assertContains(response, "装备产业园开工")
