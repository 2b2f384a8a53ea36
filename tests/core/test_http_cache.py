"""ETags, 304s and Cache-Control: what browsers and a shared cache may keep."""

from django.http import HttpResponse
from django.test import override_settings
from django.urls import reverse
from django.utils.cache import set_response_etag

from tests.news.helpers import NewsTestCase


class ConditionalRequestTests(NewsTestCase):
    def setUp(self):
        self.article = self.make_article()

    def test_public_pages_carry_an_etag_and_answer_304_to_it(self):
        for url in (
            reverse("home"),
            reverse("news:index"),
            self.article.get_absolute_url(),
            reverse("zones:detail", args=[self.haimen_zone.slug]),
            "/en/news/",
        ):
            with self.subTest(url):
                first = self.client.get(url)
                self.assertEqual(first.status_code, 200)
                etag = first["ETag"]
                again = self.client.get(url, HTTP_IF_NONE_MATCH=etag)
                self.assertEqual(again.status_code, 304)
                self.assertEqual(again.content, b"")

    def test_a_changed_page_is_sent_whole_again(self):
        url = self.article.get_absolute_url()
        etag = self.client.get(url)["ETag"]
        self.article.title = "标题改了"
        self.article.save()
        again = self.client.get(url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(again.status_code, 200)
        self.assertContains(again, "标题改了")


class CacheControlTests(NewsTestCase):
    def test_anonymous_public_pages_may_be_kept_by_a_shared_cache(self):
        response = self.client.get(reverse("news:index"))
        self.assertEqual(response["Cache-Control"], "public, max-age=60")

    @override_settings(SHARED_CACHE_SECONDS=15)
    def test_the_lifetime_is_a_setting(self):
        response = self.client.get(reverse("news:index"))
        self.assertEqual(response["Cache-Control"], "public, max-age=15")

    def test_signed_in_readers_get_private_pages(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("news:index"))
        self.assertEqual(response["Cache-Control"], "private")

    def test_pages_with_a_form_token_or_errors_are_private(self):
        form = self.client.get(
            reverse("inquiries:inquire", args=[self.haimen_zone.slug])
        )
        self.assertEqual(form.status_code, 200)
        self.assertIn("private", form["Cache-Control"])
        missing = self.client.get("/news/999999/")
        self.assertEqual(missing.status_code, 404)
        self.assertIn("private", missing["Cache-Control"])

    def test_never_cached_answers_keep_their_own_header(self):
        response = self.client.get(reverse("healthz"))
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertNotIn("public", response["Cache-Control"])


@override_settings(PAGE_CACHE=True, PAGE_CACHE_TIMEOUT=300)
class StoredPagesTests(NewsTestCase):
    def test_a_page_from_the_page_cache_is_public_and_answers_304(self):
        self.make_article()
        url = reverse("news:index")
        first = self.client.get(url)
        stored = self.client.get(url)
        self.assertEqual(stored["X-Page-Cache"], "hit")
        self.assertEqual(stored["Cache-Control"], "public, max-age=60")
        self.assertEqual(stored["ETag"], first["ETag"])
        again = self.client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual(again.status_code, 304)

    def test_a_stored_page_keeps_the_etag_of_its_body(self):
        # Replays carry the ETag they were stored with instead of hashing
        # the body again; it must still be the body's own.
        self.make_article()
        url = reverse("news:index")
        self.client.get(url)
        stored = self.client.get(url)
        self.assertEqual(stored["X-Page-Cache"], "hit")
        expected = set_response_etag(HttpResponse(stored.content))["ETag"]
        self.assertEqual(stored["ETag"], expected)
