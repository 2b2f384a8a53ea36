"""The benchmark's reference page lives in its own URLconf, never the site's."""

import tempfile
from pathlib import Path

from django.test import TestCase, override_settings

from bench import reference


class BenchReferenceTests(TestCase):
    def setUp(self):
        self.folder = Path(self.enterContext(tempfile.TemporaryDirectory()))
        (self.folder / "home.body").write_bytes("<p>首页</p>".encode())
        (self.folder / "home.type").write_text("text/html; charset=utf-8")
        reference._pages.clear()
        self.addCleanup(reference._pages.clear)

    def test_the_site_has_no_reference_page(self):
        with self.settings(BENCH_REFERENCE_DIR=str(self.folder)):
            response = self.client.get("/bench/reference/home")
        self.assertEqual(response.status_code, 404)

    def test_the_bench_urlconf_serves_the_saved_page_and_the_site(self):
        with override_settings(
            ROOT_URLCONF="bench.urls", BENCH_REFERENCE_DIR=str(self.folder)
        ):
            saved = self.client.get("/bench/reference/home")
            missing = self.client.get("/bench/reference/nothing")
            site = self.client.get("/robots.txt")
        self.assertEqual(saved.status_code, 200)
        self.assertEqual(saved.content, "<p>首页</p>".encode())
        self.assertEqual(saved["Cache-Control"], "no-store")
        self.assertEqual(missing.status_code, 404)
        self.assertEqual(site.status_code, 200)
