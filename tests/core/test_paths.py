"""core.paths.detail_path: reverse() once per language, the same paths."""

from django.test import SimpleTestCase
from django.urls import get_script_prefix, reverse, set_script_prefix
from django.utils import translation

from core.paths import detail_path


class DetailPathTests(SimpleTestCase):
    def test_same_path_as_reverse_in_each_language(self):
        cases = [
            ("news:detail", "pk", 7),
            ("news:detail", "pk", 123456),
            ("facts:compare-add", "slug", "haimen-etdz"),
            ("zones:detail", "slug", "suzhou-industrial-park"),
            ("zones:region", "slug", "haimen-district"),
            ("projects:detail", "pk", 12),
        ]
        for language in ("zh-hans", "en"):
            for url_name, key, value in cases:
                with (
                    self.subTest(language=language, url_name=url_name, value=value),
                    translation.override(language),
                ):
                    self.assertEqual(
                        detail_path(url_name, key, value),
                        reverse(url_name, kwargs={key: value}),
                    )

    def test_english_paths_carry_the_language_prefix(self):
        with translation.override("en"):
            self.assertEqual(detail_path("news:detail", "pk", 7), "/en/news/7/")
        with translation.override("zh-hans"):
            self.assertEqual(detail_path("news:detail", "pk", 7), "/news/7/")

    def test_script_prefix_is_followed(self):
        previous = get_script_prefix()
        set_script_prefix("/portal/")
        try:
            with translation.override("zh-hans"):
                self.assertEqual(detail_path("news:detail", "pk", 7), "/portal/news/7/")
        finally:
            set_script_prefix(previous)
