from django.apps import apps
from django.db import models
from django.test import SimpleTestCase
from django.utils import translation

from core.filters import SLUG, SLUG_MAX_LENGTH, DigitsField, FilterForm, SlugField


class Form(FilterForm):
    place = SlugField(label="place")
    year = DigitsField(4, min_value=1949, max_value=2100, label="year")


class SlugRuleTests(SimpleTestCase):
    def test_every_slug_field_fits_the_one_rule(self):
        for model in apps.get_models():
            for field in model._meta.get_fields():
                if isinstance(field, models.SlugField):
                    with self.subTest(f"{model.__name__}.{field.name}"):
                        self.assertLessEqual(field.max_length, SLUG_MAX_LENGTH)

    def test_ascii_and_chinese_slugs_pass_and_stray_bytes_do_not(self):
        for slug in ("jiangsu", "Zone-News", "装备制造", "a" * SLUG_MAX_LENGTH):
            with self.subTest(slug):
                self.assertTrue(SLUG.match(slug))
        for text in ("a\x00b", "../etc", "<script>", "a b", "a" * 201, ""):
            with self.subTest(text):
                self.assertFalse(SLUG.match(text))


class FilterFormTests(SimpleTestCase):
    def test_bad_values_are_dropped_with_a_note_each_in_field_order(self):
        form = Form({"year": "+2019", "place": "a\x00b"})

        self.assertEqual(form.cleaned_data, {})
        with translation.override("en"):
            notes = form.notes
        self.assertEqual(
            notes,
            [
                "There is no place “a\x00b”, so that filter was ignored.",
                "There is no year “+2019”, so that filter was ignored.",
            ],
        )

    def test_good_and_empty_values_need_no_note(self):
        form = Form({"year": " 2019 ", "place": ""})

        self.assertEqual((form.value("year"), form.value("place")), (2019, None))
        self.assertEqual(form.notes, [])
