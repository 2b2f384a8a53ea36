from django.test import SimpleTestCase
from django.utils import translation

from core.bilingual import in_page_language
from zones.models import Park


class InPageLanguageTests(SimpleTestCase):
    def test_english_pages_show_the_english_text(self):
        with translation.override("en"):
            self.assertEqual(in_page_language("海门", "Haimen"), "Haimen")

    def test_english_pages_fall_back_to_the_chinese_when_english_is_empty(self):
        with translation.override("en"):
            self.assertEqual(in_page_language("海门", ""), "海门")

    def test_chinese_pages_show_the_chinese_text(self):
        with translation.override("zh-hans"):
            self.assertEqual(in_page_language("海门", "Haimen"), "海门")

    def test_a_language_asked_once_for_a_list_overrides_the_page(self):
        with translation.override("zh-hans"):
            self.assertEqual(in_page_language("海门", "Haimen", True), "Haimen")

    def test_records_name_the_chinese_beside_an_english_name_only(self):
        park = Park(name="海门港新区", name_en="Haimen Port New Area")
        with translation.override("en"):
            self.assertEqual(park.display_name, "Haimen Port New Area")
            self.assertTrue(park.shows_english_name)
            park.name_en = ""
            self.assertFalse(park.shows_english_name)
        with translation.override("zh-hans"):
            park.name_en = "Haimen Port New Area"
            self.assertFalse(park.shows_english_name)
