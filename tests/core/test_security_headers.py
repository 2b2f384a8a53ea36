"""Content-Security-Policy and Permissions-Policy headers (core.security_headers).

Public pages get the strict policy, the admin its own with a nonce for the
editor's import map, and every response a Permissions-Policy. Whether the
pages really work under them is the browser tests' part (tests/browser).
"""

import re
from html.parser import HTMLParser

import reversion
from csp.decorators import csp_update
from csp.middleware import CSPMiddleware
from django.apps import apps
from django.contrib import admin
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import reverse
from reversion.models import Version

from core.security_headers import ContentSecurityPolicyMiddleware
from tests.news.helpers import NewsTestCase

PUBLIC = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def policy(response):
    """The response's Content-Security-Policy as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


class InlineCode(HTMLParser):
    """What a strict policy would refuse in a page: inline scripts (data
    blocks such as JSON-LD excepted), <style> elements, style and on…
    attributes, javascript: links."""

    DATA_TYPES = {"application/ld+json", "application/json"}

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        is_data = attrs.get("type") in self.DATA_TYPES
        if tag == "script" and "src" not in attrs and not is_data:
            self.found.append(f"inline <script> {attrs}")
        if tag == "style":
            self.found.append("<style>")
        for name, value in attrs.items():
            if name == "style" or name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action") and (value or "").lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value!r}>")


def inline_code(response):
    parser = InlineCode()
    parser.feed(response.content.decode())
    return parser.found


class PublicPolicyTests(NewsTestCase):
    def setUp(self):
        self.article = self.make_article()

    def public_urls(self):
        return [
            reverse("home"),
            reverse("news:index"),
            self.article.get_absolute_url(),
            reverse("zones:index"),
            reverse("zones:detail", args=[self.haimen_zone.slug]),
            reverse("facts:statistics"),
            reverse("projects:index"),
            reverse("search:index") + "?q=海门",
            reverse("inquiries:inquire", args=[self.haimen_zone.slug]),
            reverse("data"),
            "/en/",
            "/en/news/",
        ]

    def test_public_pages_get_the_strict_policy(self):
        for url in self.public_urls():
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(policy(response), PUBLIC)

    def test_public_pages_hold_no_inline_script_or_style(self):
        for url in self.public_urls():
            with self.subTest(url):
                self.assertEqual(inline_code(self.client.get(url)), [])

    def test_error_pages_get_the_strict_policy(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(policy(response), PUBLIC)
        self.assertEqual(inline_code(response), [])

    def test_no_upgrade_of_requests_without_the_https_redirect(self):
        # The tests run with SECURE_SSL_REDIRECT=0 (pyproject.toml); the
        # settings module test checks the production side.
        response = self.client.get(reverse("home"))
        self.assertNotIn("upgrade-insecure-requests", policy(response))

    @override_settings(
        STORAGES={
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": "media",
                    "querystring_auth": False,
                    "endpoint_url": "https://oss.example.com",
                    "custom_domain": "img.example.com",
                },
            },
            "staticfiles": {
                "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
            },
        },
        STATIC_URL="https://cdn.example.com/static/",
    )
    def test_media_and_static_origins_are_added_where_they_load(self):
        directives = policy(self.client.get(reverse("news:index")))
        self.assertEqual(
            directives["img-src"],
            ["'self'", "data:", "https://img.example.com", "https://cdn.example.com"],
        )
        self.assertEqual(directives["media-src"], ["'self'", "https://img.example.com"])
        self.assertEqual(
            directives["script-src"], ["'self'", "https://cdn.example.com"]
        )
        self.assertEqual(directives["style-src"], ["'self'", "https://cdn.example.com"])
        self.assertEqual(directives["font-src"], ["'self'", "https://cdn.example.com"])

    @override_settings(
        STORAGES={
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": "media",
                    "querystring_auth": False,
                    "endpoint_url": "https://oss.example.com",
                    "addressing_style": "path",
                },
            },
            "staticfiles": {
                "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
            },
        }
    )
    def test_object_storage_without_a_custom_domain_adds_its_endpoint(self):
        directives = policy(self.client.get(reverse("news:index")))
        self.assertEqual(
            directives["img-src"], ["'self'", "data:", "https://oss.example.com"]
        )
        self.assertEqual(directives["script-src"], ["'self'"])


class ReusedPolicyTests(NewsTestCase):
    """Headers without a nonce are built once per policy and reused."""

    def test_a_reused_header_is_the_one_built_for_the_request(self):
        middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
        headers = {}
        for path in ("/news/", "/admin/login/"):
            resolved = self.client.get(path).wsgi_request.resolver_match
            for _attempt in range(2):
                request = RequestFactory().get(path)
                request.resolver_match = resolved
                reused = middleware(request)["Content-Security-Policy"]
                request = RequestFactory().get(path)
                request.resolver_match = resolved
                built = CSPMiddleware.process_response(
                    middleware, request, HttpResponse()
                )["Content-Security-Policy"]
                self.assertEqual(reused, built)
            headers[path] = reused
        self.assertNotEqual(headers["/news/"], headers["/admin/login/"])

    @override_settings(
        CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'none'"]}}
    )
    def test_a_changed_setting_is_not_answered_from_before(self):
        response = self.client.get(reverse("news:index"))
        self.assertEqual(policy(response), {"default-src": ["'none'"]})

    def test_the_public_policy_after_an_overridden_one(self):
        with override_settings(
            CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'none'"]}}
        ):
            self.client.get(reverse("news:index"))
        self.assertEqual(policy(self.client.get(reverse("news:index"))), PUBLIC)

    def test_a_nonce_page_between_reused_ones_gets_its_own_nonce(self):
        self.client.force_login(self.editor)
        before = policy(self.client.get("/admin/"))
        editor = policy(self.client.get(reverse("admin:news_article_add")))
        after = policy(self.client.get("/admin/"))
        self.assertEqual(before["script-src"], ["'self'"])
        self.assertEqual(after["script-src"], ["'self'"])
        self.assertEqual(len(editor["script-src"]), 2)
        self.assertTrue(editor["script-src"][1].startswith("'nonce-"))

    def test_a_view_that_changes_its_policy_is_built_for_itself(self):
        @csp_update({"img-src": ["https://maps.example.com"]})
        def map_page(request):
            return HttpResponse()

        plain = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
        with_map = ContentSecurityPolicyMiddleware(map_page)
        self.assertEqual(policy(plain(RequestFactory().get("/x/"))), PUBLIC)
        directives = policy(with_map(RequestFactory().get("/x/")))
        self.assertIn("https://maps.example.com", directives["img-src"])
        self.assertEqual(policy(plain(RequestFactory().get("/x/"))), PUBLIC)


class AdminPolicyTests(NewsTestCase):
    def test_admin_pages_get_the_admin_policy_in_both_languages(self):
        for url in ("/admin/login/", "/en/admin/login/"):
            with self.subTest(url):
                directives = policy(self.client.get(url))
                self.assertEqual(directives["object-src"], ["'none'"])
                self.assertEqual(directives["frame-ancestors"], ["'none'"])
                self.assertIn(
                    "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='",
                    directives["style-src"],
                )
                # No page without the editor's import map needs a nonce.
                self.assertEqual(directives["script-src"], ["'self'"])

    def test_editor_import_map_runs_by_the_requests_nonce(self):
        self.client.force_login(self.editor)
        nonces = set()
        for _attempt in range(2):
            response = self.client.get(reverse("admin:news_article_add"))
            self.assertEqual(response.status_code, 200)
            directives = policy(response)
            [nonce] = re.findall(r"'nonce-([^']+)'", " ".join(directives["script-src"]))
            self.assertContains(
                response, f'<script type="importmap" nonce="{nonce}">', html=False
            )
            self.assertNotIn("'unsafe-inline'", str(directives))
            self.assertNotIn("'unsafe-eval'", str(directives))
            nonces.add(nonce)
        self.assertEqual(len(nonces), 2)

    def test_every_admin_form_with_an_import_map_gives_it_the_nonce(self):
        self.client.force_login(self.editor)
        article = self.make_article()
        with reversion.create_revision():
            article.save()
        version = Version.objects.get_for_object(article).first()
        urls = [
            reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
            for model in apps.get_models()
            if admin.site.is_registered(model)
        ]
        urls.append(
            reverse("admin:news_article_revision", args=[article.pk, version.pk])
        )
        with_map = 0
        for url in urls:
            with self.subTest(url):
                response = self.client.get(url)
                if response.status_code != 200 or b"importmap" not in response.content:
                    continue
                with_map += 1
                [nonce] = re.findall(
                    r"'nonce-([^']+)'", response["Content-Security-Policy"]
                )
                self.assertContains(
                    response, f'<script type="importmap" nonce="{nonce}">'
                )
        # Articles, zones, projects and the version page have the editor.
        self.assertGreaterEqual(with_map, 4)

    def test_admin_pages_hold_no_inline_script_but_the_import_map(self):
        article = self.make_article()
        self.client.force_login(self.editor)
        for url in (
            reverse("admin:index"),
            reverse("admin:news_article_changelist"),
            reverse("admin:news_article_change", args=[article.pk]),
            reverse("admin:news_article_history", args=[article.pk]),
            reverse("admin:zones_zone_change", args=[self.haimen_zone.pk]),
            reverse("admin:zones_zone_changelist"),
        ):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                found = [
                    item for item in inline_code(response) if "importmap" not in item
                ]
                self.assertEqual(found, [])


class PermissionsPolicyTests(NewsTestCase):
    def test_every_response_carries_the_permissions_policy(self):
        self.client.force_login(self.editor)
        for url, status in (
            (reverse("home"), 200),
            ("/no-such-page/", 404),
            (reverse("healthz"), 200),
            (reverse("robots"), 200),
            ("/static/css/site.css", 200),
            (reverse("admin:index"), 200),
            ("/en/news/", 200),
        ):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, status)
                header = response["Permissions-Policy"]
                for feature in ("camera", "microphone", "geolocation", "payment"):
                    self.assertIn(f"{feature}=()", header)

    def test_refused_post_carries_it_too(self):
        client = self.client_class(enforce_csrf_checks=True)
        response = client.post(reverse("admin:login"), {"username": "x"})
        self.assertEqual(response.status_code, 403)
        self.assertIn("camera=()", response["Permissions-Policy"])
        self.assertEqual(policy(response)["script-src"], ["'self'"])
