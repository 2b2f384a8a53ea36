"""The schema and the documentation page, served from the project."""

import re

from django.contrib.staticfiles import finders
from django.test import TestCase, override_settings
from django.urls import reverse


@override_settings(API_ANON_RATE=None)
class DocsTests(TestCase):
    def test_the_schema_is_openapi_3_with_every_operation(self):
        response = self.client.get(reverse("api:schema"))
        self.assertEqual(response.status_code, 200)
        schema = response.json()
        self.assertTrue(schema["openapi"].startswith("3."))
        operations = {
            (path, method) for path, item in schema["paths"].items() for method in item
        }
        self.assertEqual(len(operations), 12)
        self.assertTrue(all(method == "get" for _path, method in operations))
        for path in ("/api/v1/articles/", "/api/v1/zones/{slug}/"):
            self.assertIn(path, schema["paths"])

    def test_the_docs_page_loads_only_our_own_files_and_no_inline_code(self):
        response = self.client.get(reverse("api:docs"))
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn(f'data-schema-url="{reverse("api:schema")}"', html)
        # A strict Content-Security-Policy allows neither.
        self.assertNotRegex(html, r"<script(?![^>]*\bsrc=)")
        self.assertNotIn("<style", html)
        self.assertNotIn(" style=", html)
        assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
        self.assertEqual(len(assets), 5)
        for url in assets:
            with self.subTest(url):
                self.assertIsNotNone(finders.find(url.removeprefix("/static/")))
        self.assertNotRegex(html, r'(?:src|href)="(?:https?:)?//')
