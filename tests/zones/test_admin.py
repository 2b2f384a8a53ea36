from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.factories import make_zone
from tests.zones.helpers import RegionsTestCase
from zones.models import Park, Zone


class ZoneAdminTests(RegionsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin_user = get_user_model().objects.create_superuser(
            "root", "root@example.com", "pw"
        )
        cls.haimen = make_zone(
            "海门经济技术开发区",
            "haimen-etdz",
            cls.jiangsu,
            cls.nantong,
            industries=["装备制造"],
            code="G321099",
        )
        Park.objects.create(zone=cls.haimen, name="航天新材料产业园")
        cls.ningbo_zone = make_zone("宁波经济技术开发区", "ningbo-etdz", cls.zhejiang)

    def setUp(self):
        super().setUp()
        self.client.force_login(self.admin_user)

    def test_changelist_renders_with_filters(self):
        response = self.client.get(reverse("admin:zones_zone_changelist"))

        self.assertContains(response, "海门经济技术开发区")
        self.assertContains(response, "南通市")
        # The province filter offers provinces in use, not every region.
        self.assertContains(response, f"province__id__exact={self.jiangsu.pk}")
        self.assertNotContains(response, f"province__id__exact={self.nantong.pk}")

    def test_changelist_search_by_code(self):
        response = self.client.get(
            reverse("admin:zones_zone_changelist"), {"q": "G321099"}
        )

        self.assertContains(response, "海门经济技术开发区")
        self.assertNotContains(response, "宁波经济技术开发区")

    def test_changelist_filter_by_level_and_province(self):
        response = self.client.get(
            reverse("admin:zones_zone_changelist"),
            {"level__exact": "national", "province__id__exact": self.zhejiang.pk},
        )

        self.assertContains(response, "宁波经济技术开发区")
        self.assertNotContains(response, "海门经济技术开发区")

    def test_change_page_renders_with_parks_and_previews(self):
        response = self.client.get(
            reverse("admin:zones_zone_change", args=[self.haimen.pk])
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "航天新材料产业园")
        self.assertContains(response, "标志预览")

    def test_change_page_previews_an_uploaded_logo(self):
        buffer = BytesIO()
        Image.new("RGB", (400, 200), (30, 90, 160)).save(buffer, "PNG")
        self.haimen.logo = SimpleUploadedFile("logo.png", buffer.getvalue())
        self.haimen.save()

        response = self.client.get(
            reverse("admin:zones_zone_change", args=[self.haimen.pk])
        )

        preview = self.haimen.renditions_of("logo")["96"]["url"]
        self.assertContains(response, f'<img src="{preview}"')

    def test_add_page_renders(self):
        response = self.client.get(reverse("admin:zones_zone_add"))

        self.assertEqual(response.status_code, 200)

    def test_unpublish_and_publish_actions(self):
        url = reverse("admin:zones_zone_changelist")
        ids = [self.haimen.pk, self.ningbo_zone.pk]

        self.client.post(url, {"action": "unpublish", "_selected_action": ids})
        self.assertEqual(Zone.objects.filter(is_published=False).count(), 2)

        response = self.client.post(
            url, {"action": "publish", "_selected_action": ids}, follow=True
        )
        self.assertEqual(Zone.objects.filter(is_published=True).count(), 2)
        self.assertContains(response, "已发布 2 个开发区。")

    def test_region_autocomplete_finds_by_name(self):
        response = self.client.get(
            reverse("admin:autocomplete"),
            {
                "term": "南通",
                "app_label": "zones",
                "model_name": "zone",
                "field_name": "city",
            },
        )

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [item["text"] for item in response.json()["results"]], ["南通市"]
        )

    def test_region_and_industry_changelists_search(self):
        regions = self.client.get(
            reverse("admin:zones_region_changelist"), {"q": "Nantong"}
        )
        self.assertContains(regions, "南通市")
        industries = self.client.get(
            reverse("admin:zones_industry_changelist"), {"q": "装备"}
        )
        self.assertContains(industries, "装备制造")

    def test_region_change_page_renders(self):
        response = self.client.get(
            reverse("admin:zones_region_change", args=[self.nantong.pk])
        )

        self.assertEqual(response.status_code, 200)


class ZoneAdminSaveTests(RegionsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin_user = get_user_model().objects.create_superuser(
            "root", "root@example.com", "pw"
        )

    def setUp(self):
        super().setUp()
        self.client.force_login(self.admin_user)

    def test_staff_add_a_zone_with_industries_profile_and_a_park(self):
        response = self.client.post(
            reverse("admin:zones_zone_add"),
            {
                "name": "如东经济开发区",
                "code": "S329099",
                "level": "provincial",
                "kind": "economic",
                "province": self.jiangsu.pk,
                "city": self.nantong.pk,
                "industries": "装备制造, 新能源",
                "short_name": "如东经开区",
                "name_en": "Rudong Economic Development Zone",
                "slug": "rudong-economic-development-zone",
                "profile": '<p>沿海<a href="javascript:alert(1)">港口</a></p>',
                "is_published": "on",
                "parks-TOTAL_FORMS": "1",
                "parks-INITIAL_FORMS": "0",
                "parks-MIN_NUM_FORMS": "0",
                "parks-MAX_NUM_FORMS": "1000",
                "parks-0-name": "洋口港临港工业区",
                "parks-0-planned_area": "1200",
                "parks-0-area_unit": "ha",
                "parks-0-position": "0",
            },
        )

        self.assertRedirects(response, reverse("admin:zones_zone_changelist"))
        zone = Zone.objects.get(code="S329099")
        self.assertEqual(
            sorted(industry.name for industry in zone.industry_list()),
            ["新能源", "装备制造"],
        )
        self.assertNotIn("javascript", zone.profile)
        self.assertEqual(zone.parks.get().name, "洋口港临港工业区")
        page = self.client.get(zone.get_absolute_url())
        self.assertContains(page, "洋口港临港工业区")
