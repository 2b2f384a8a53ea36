from unittest import mock

from django.db.utils import OperationalError
from django.test import RequestFactory, TestCase, override_settings
from django.urls import reverse

from portal.views import server_error


class HealthTests(TestCase):
    def test_healthz_answers_200_when_database_answers(self):
        response = self.client.get(reverse("healthz"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["database"], "ok")

    def test_healthz_answers_503_when_database_is_unreachable(self):
        with mock.patch(
            "portal.views.connection.cursor",
            side_effect=OperationalError("could not connect to server"),
        ):
            response = self.client.get(reverse("healthz"))
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["database"], "error")

    @override_settings(REDIS_URL="redis://127.0.0.1:1/0")
    def test_healthz_says_degraded_when_cache_is_unreachable(self):
        # The site works without its cache: a load balancer keeps the node.
        with mock.patch(
            "portal.views.cache.set", side_effect=ConnectionError("refused")
        ):
            response = self.client.get(reverse("healthz"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["cache"], "error")
        self.assertEqual(response.json()["status"], "degraded")


class ErrorPageTests(TestCase):
    def test_unknown_path_gets_friendly_404_in_site_layout(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, 'class="site-footer"', status_code=404)
        self.assertContains(response, 'href="/"', status_code=404)

    def test_500_page_renders_without_the_database(self):
        request = RequestFactory().get("/")
        with mock.patch(
            "django.db.backends.utils.CursorWrapper.execute",
            side_effect=OperationalError("database is down"),
        ):
            response = server_error(request)
        self.assertEqual(response.status_code, 500)
        self.assertIn("投促中国", response.content.decode())
