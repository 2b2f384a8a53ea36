from unittest import mock

from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse

from core.models import SiteSettings


class SiteSettingsTests(TestCase):
    def test_home_shows_footer_contacts_from_site_settings(self):
        site = SiteSettings.load()
        site.phone = "+86-513-1234-5678"
        site.fax = "+86-513-1234-5679"
        site.email = "desk@portal.example"
        site.copyright = "Copyright © 2026 Test Portal"
        site.save()

        response = self.client.get(reverse("home"))

        self.assertContains(response, "+86-513-1234-5678")
        self.assertContains(response, "+86-513-1234-5679")
        self.assertContains(response, "desk@portal.example")
        self.assertContains(response, "Copyright © 2026 Test Portal")

    def test_footer_address_in_the_reader_language(self):
        site = SiteSettings.load()
        site.address = "江苏省南通市海门区北京东路1号"
        site.address_en = ""
        site.save()
        english = self.client.get("/en/")
        self.assertContains(
            english, '<span lang="zh-Hans">江苏省南通市海门区北京东路1号</span>'
        )

        site.address_en = "1 Beijing East Road, Haimen, Nantong, Jiangsu"
        site.save()

        english = self.client.get("/en/")
        self.assertContains(
            english, "<span>1 Beijing East Road, Haimen, Nantong, Jiangsu</span>"
        )
        self.assertNotContains(english, "北京东路1号")
        self.assertContains(self.client.get("/"), "江苏省南通市海门区北京东路1号")

    def test_data_migration_creates_the_record_with_the_tagline(self):
        site = SiteSettings.objects.get(pk=1)
        self.assertIn("打造网上国际投资促进平台", site.tagline)

    def test_edit_shows_without_restart(self):
        self.client.get(reverse("home"))  # fills the cache
        site = SiteSettings.objects.get(pk=1)
        site.tagline = "全新的标语"
        site.save()

        response = self.client.get(reverse("home"))

        self.assertContains(response, "全新的标语")

    def test_settings_cost_one_query_per_cache_lifetime(self):
        with self.assertNumQueries(1):
            SiteSettings.load()
        with self.assertNumQueries(0):
            SiteSettings.load()
            SiteSettings.load()

    def test_save_keeps_a_single_record(self):
        SiteSettings(site_name="Another").save()
        self.assertEqual(SiteSettings.objects.count(), 1)
        self.assertEqual(SiteSettings.load().site_name, "Another")

    def test_admin_change_page_renders_for_superuser(self):
        from django.contrib.auth import get_user_model

        admin = get_user_model().objects.create_superuser("root", "r@example.com", "pw")
        self.client.force_login(admin)
        url = reverse("admin:core_sitesettings_change", args=[1])
        response = self.client.get(url)
        self.assertContains(response, "打造网上国际投资促进平台")

    def test_with_caching_off_the_cache_is_not_asked(self):
        with (
            mock.patch.object(cache, "default_timeout", 0),
            mock.patch.object(cache, "get") as cache_get,
            mock.patch.object(cache, "set") as cache_set,
            self.assertNumQueries(1),
        ):
            site = SiteSettings.load()
        self.assertEqual(site.pk, 1)
        cache_get.assert_not_called()
        cache_set.assert_not_called()

    def test_english_pages_fall_back_to_the_chinese_tagline_marked_as_chinese(self):
        site = SiteSettings.load()
        site.tagline_en = ""
        site.save()

        response = self.client.get("/en/")

        self.assertContains(
            response,
            '<p class="tagline" lang="zh-Hans">打造网上国际投资促进平台',
        )

    def test_english_pages_show_the_english_tagline(self):
        response = self.client.get("/en/")

        self.assertContains(
            response,
            '<p class="tagline">An online platform for international investment',
        )


class DefaultEnglishAddressTests(TestCase):
    def test_a_fresh_site_has_its_address_in_english_too(self):
        site = SiteSettings.objects.get(pk=1)
        self.assertEqual(site.address, "江苏省南通市海门区")
        self.assertEqual(site.address_en, "Haimen District, Nantong, Jiangsu Province")
        page = self.client.get("/en/")
        self.assertContains(page, "Haimen District, Nantong, Jiangsu Province")
        self.assertNotContains(page, "江苏省南通市海门区")
