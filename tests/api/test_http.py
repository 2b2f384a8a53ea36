"""HTTP behaviour of the API: caching headers, the rate limit, a failing
cache, addresses that lead nowhere and methods that write."""

from django.test import override_settings
from django.urls import reverse

from core import cache as page_cache
from tests.api.helpers import ApiTestCase
from tests.core.test_cache_outage import BROKEN, BrokenCache

ARTICLES = reverse("api:article-list")


class CachingHeaderTests(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.make_article()

    @override_settings(SHARED_CACHE_SECONDS=120)
    def test_answers_carry_an_etag_and_may_be_kept_by_shared_caches(self):
        response = self.client.get(ARTICLES)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["ETag"])
        self.assertIn("public", response["Cache-Control"])
        self.assertIn("max-age=120", response["Cache-Control"])
        again = self.client.get(ARTICLES, headers={"if-none-match": response["ETag"]})
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again.content, b"")

    def test_the_etag_changes_with_the_data(self):
        before = self.client.get(ARTICLES)["ETag"]
        self.make_article("又一篇新闻")
        response = self.client.get(ARTICLES, headers={"if-none-match": before})
        self.assertEqual(response.status_code, 200)
        self.assertNotEqual(response["ETag"], before)

    def test_errors_are_not_kept_by_shared_caches(self):
        response = self.client.get(ARTICLES, {"zone": "atlantis"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("private", response["Cache-Control"])

    def test_the_answer_does_not_depend_on_a_session(self):
        self.client.force_login(self.editor)
        response = self.client.get(ARTICLES)
        self.assertNotIn("Cookie", response.get("Vary", ""))
        self.assertFalse(response.cookies)


class RateLimitTests(ApiTestCase):
    @override_settings(API_ANON_RATE="3/minute")
    def test_over_the_rate_answers_429_with_retry_after(self):
        for _ in range(3):
            self.assertEqual(self.client.get(ARTICLES).status_code, 200)
        response = self.client.get(reverse("api:zone-list"))
        self.assertEqual(response.status_code, 429)
        self.assertEqual(list(response.json()), ["detail"])
        self.assertTrue(0 < int(response["Retry-After"]) <= 60)
        self.assertIn("private", response["Cache-Control"])
        # Another address has its own count.
        other = self.client.get(ARTICLES, REMOTE_ADDR="192.0.2.7")
        self.assertEqual(other.status_code, 200)

    @override_settings(API_ANON_RATE="2/minute", TRUSTED_PROXY_COUNT=0)
    def test_a_client_cannot_choose_its_address(self):
        for n in range(3):
            response = self.client.get(
                ARTICLES, headers={"x-forwarded-for": f"198.51.100.{n}"}
            )
        self.assertEqual(response.status_code, 429)

    @override_settings(API_ANON_RATE="2/minute", CACHES=BROKEN)
    def test_a_failing_cache_lifts_the_limit_instead_of_failing(self):
        BrokenCache.calls = 0
        for _ in range(4):
            self.assertEqual(self.client.get(ARTICLES).status_code, 200)
        # One failed call, then the cache rests (CACHE_RETRY_SECONDS).
        self.assertEqual(BrokenCache.calls, 1)
        self.assertTrue(page_cache.cache_is_resting())


class AddressTests(ApiTestCase):
    def test_unknown_addresses_answer_json_404(self):
        for path in ("/api/v1/nothing/", "/api/v1/articles/abc/", "/api/v1/zones/a/b/"):
            with self.subTest(path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response["Content-Type"], "application/json")
                self.assertEqual(list(response.json()), ["detail"])

    def test_ids_beyond_any_row_answer_404(self):
        for pk in ("0", "9223372036854775808", "9" * 30):
            with self.subTest(pk):
                response = self.client.get(f"/api/v1/articles/{pk}/")
                self.assertEqual(response.status_code, 404)

    def test_nothing_can_be_written(self):
        article = self.make_article()
        url = reverse("api:article-detail", kwargs={"pk": article.pk})
        for method in ("post", "put", "patch", "delete"):
            with self.subTest(method):
                response = getattr(self.client, method)(url)
                self.assertEqual(response.status_code, 405)
        self.assertEqual(self.client.post(ARTICLES).status_code, 405)

    def test_the_root_links_every_list_and_the_documentation(self):
        data = self.get_json(reverse("api:root"))
        self.assertEqual(
            set(data),
            {"regions", "zones", "articles", "projects", "figures", "incentives",
             "schema", "docs", "licence_and_sources"},
        )  # fmt: skip
        self.assertTrue(data["articles"].endswith(ARTICLES))
        self.assertTrue(data["licence_and_sources"].endswith(reverse("data")))


@override_settings(PAGE_CACHE=True)
class PageCacheTests(ApiTestCase):
    def test_filtered_lists_are_stored_and_shared(self):
        for url in (
            reverse("api:zone-list") + "?province=jiangsu&page_size=1",
            ARTICLES + "?zone=haimen-etdz&language=zh-hans",
        ):
            with self.subTest(url):
                first = self.client.get(url)
                self.assertEqual(first["X-Page-Cache"], "miss")
                self.assertIn("public", first["Cache-Control"])
                second = self.client.get(url)
                self.assertEqual(second["X-Page-Cache"], "hit")
                self.assertEqual(second.content, first.content)

    def test_a_parameter_the_api_never_reads_is_not_stored(self):
        url = reverse("api:zone-list") + "?sort=name"
        self.client.get(url)
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "miss")
        self.assertIn("private", self.client.get(url)["Cache-Control"])


class LanguageTests(ApiTestCase):
    def test_data_is_the_same_in_either_language(self):
        self.make_article()
        self.make_article("English news", language="en")
        for url in (ARTICLES, reverse("api:zone-list"), reverse("api:region-list")):
            with self.subTest(url):
                chinese = self.client.get(url, headers={"accept-language": "zh-hans"})
                english = self.client.get(url, headers={"accept-language": "en"})
                self.assertEqual(chinese.content, english.content)
                self.assertEqual(chinese["ETag"], english["ETag"])
        data = self.get_json(ARTICLES)
        urls = sorted(row["web_url"] for row in data["results"])
        self.assertTrue(urls[0].endswith(f"/en/news/{data['results'][0]['id']}/"))
        self.assertNotIn("/en/", urls[1])

    def test_the_schema_is_in_english_unless_asked(self):
        url = reverse("api:schema")
        response = self.client.get(url, headers={"accept-language": "zh-hans"})
        self.assertNotIn("简称", response.content.decode())
        self.assertIn(
            "简称", self.client.get(url, {"lang": "zh-hans"}).content.decode()
        )


class CrossOriginTests(ApiTestCase):
    def test_scripts_on_other_sites_may_read_lists_details_errors_and_the_schema(self):
        article = self.make_article()
        for url, status in (
            (ARTICLES, 200),
            (reverse("api:article-detail", kwargs={"pk": article.pk}), 200),
            (ARTICLES + "?zone=atlantis", 400),
            (reverse("api:schema"), 200),
        ):
            with self.subTest(url):
                response = self.client.get(
                    url, headers={"origin": "https://example.org"}
                )
                self.assertEqual(response.status_code, status)
                self.assertEqual(response["Access-Control-Allow-Origin"], "*")
                self.assertNotIn("Access-Control-Allow-Credentials", response)
