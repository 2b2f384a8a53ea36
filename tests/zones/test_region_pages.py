from django.urls import reverse

from tests.factories import make_region, make_zone
from tests.zones.helpers import RegionsTestCase
from zones.models import Region, Zone


class RegionPageTests(RegionsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.haimen_district = make_region(
            "海门区",
            "haimen-district",
            Region.Level.COUNTY,
            cls.nantong,
            "Haimen District",
        )
        cls.dongcheng = make_region(
            "东城区", "dongcheng-district", Region.Level.COUNTY, cls.beijing
        )
        cls.haimen = make_zone(
            "海门经济技术开发区",
            "haimen-etdz",
            cls.jiangsu,
            cls.nantong,
            county=cls.haimen_district,
        )
        cls.nantong_high_tech = make_zone(
            "南通高新技术产业开发区", "nantong-high-tech", cls.jiangsu, cls.nantong
        )
        cls.suzhou_park = make_zone(
            "苏州工业园区", "suzhou-park", cls.jiangsu, cls.suzhou
        )
        cls.ningbo_zone = make_zone(
            "宁波经济技术开发区", "ningbo-etdz", cls.zhejiang, cls.ningbo
        )
        cls.hidden = make_zone(
            "隐藏开发区", "hidden", cls.jiangsu, cls.nantong, is_published=False
        )

    def get(self, region, **params):
        return self.client.get(region.get_absolute_url(), params)

    def test_province_page_lists_its_zones_and_cities(self):
        response = self.get(self.jiangsu)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "3 个开发区")
        self.assertCountEqual(
            [zone.name for zone in response.context["zones"]],
            ["海门经济技术开发区", "南通高新技术产业开发区", "苏州工业园区"],
        )
        self.assertNotContains(response, "宁波经济技术开发区")
        self.assertNotContains(response, "隐藏开发区")
        self.assertContains(response, f'href="{self.nantong.get_absolute_url()}"')
        counts = {
            child.name: child.zone_count for child in response.context["children"]
        }
        self.assertEqual(counts, {"南通市": 2, "苏州市": 1})
        self.assertContains(response, 'href="/zones/?province=jiangsu"')

    def test_city_page_lists_its_zones_and_counties(self):
        response = self.get(self.nantong)

        self.assertCountEqual(
            [zone.name for zone in response.context["zones"]],
            ["海门经济技术开发区", "南通高新技术产业开发区"],
        )
        self.assertContains(response, "海门区")
        labels = [crumb["label"] for crumb in response.context["breadcrumbs"]]
        self.assertEqual(labels[1:], ["江苏", "南通"])
        self.assertContains(response, 'href="/zones/?city=nantong"')

    def test_municipality_page_lists_its_districts(self):
        zone = make_zone(
            "北京经济技术开发区",
            "beijing-etdz",
            self.beijing,
            self.beijing,
            county=self.dongcheng,
        )

        response = self.get(self.beijing)

        self.assertEqual(list(response.context["zones"]), [zone])
        self.assertContains(response, "东城区")

    def test_no_chip_leads_to_a_region_without_zones(self):
        tongzhou = make_region(
            "通州区", "tongzhou-district", Region.Level.COUNTY, self.nantong
        )
        make_zone(
            "隐藏的通州开发区",
            "hidden-tongzhou",
            self.jiangsu,
            self.nantong,
            county=tongzhou,
            is_published=False,
        )
        make_region("泰州市", "taizhou", Region.Level.CITY, self.jiangsu)

        nantong = self.get(self.nantong)
        jiangsu = self.get(self.jiangsu)
        beijing = self.get(self.beijing)

        self.assertContains(nantong, 'href="/zones/region/haimen-district/"')
        self.assertContains(nantong, '海门区 <span class="count">(1)</span>', html=True)
        self.assertNotContains(nantong, "tongzhou-district")
        self.assertNotContains(jiangsu, "/zones/region/taizhou/")
        self.assertNotContains(beijing, "dongcheng-district")
        self.assertNotContains(beijing, "Districts and counties")
        self.assertNotContains(beijing, "区县")

    def test_county_page(self):
        response = self.get(self.haimen_district)

        self.assertEqual(
            [zone.name for zone in response.context["zones"]], ["海门经济技术开发区"]
        )
        labels = [crumb["label"] for crumb in response.context["breadcrumbs"]]
        self.assertEqual(labels[1:], ["江苏", "南通", "海门区"])

    def test_zones_and_child_regions_of_each_level_come_from_the_model(self):
        published = Zone.objects.published()
        for region, expected in (
            (self.jiangsu, {"haimen-etdz", "nantong-high-tech", "suzhou-park"}),
            (self.nantong, {"haimen-etdz", "nantong-high-tech"}),
            (self.haimen_district, {"haimen-etdz"}),
        ):
            with self.subTest(region=region.slug):
                slugs = published.in_region(region).values_list("slug", flat=True)
                self.assertEqual(set(slugs), expected)
        below = {
            region.slug: {
                child.slug: child.zone_count for child in Region.objects.below(region)
            }
            for region in (self.jiangsu, self.nantong, self.haimen_district)
        }
        self.assertEqual(below["jiangsu"], {"nantong": 2, "suzhou-jiangsu": 1})
        self.assertEqual(below["nantong"]["haimen-district"], 1)
        self.assertEqual(below["haimen-district"], {})

    def test_region_without_zones_says_so(self):
        response = self.get(self.dongcheng)

        self.assertContains(response, "东城区暂无已发布的开发区。")

    def test_unknown_region_answers_404(self):
        response = self.client.get(reverse("zones:region", kwargs={"slug": "atlantis"}))

        self.assertEqual(response.status_code, 404)

    def test_bad_page_goes_to_the_nearest_page(self):
        response = self.get(self.jiangsu, page="7")

        self.assertRedirects(response, self.jiangsu.get_absolute_url())

    def test_query_count_does_not_grow_with_the_page(self):
        self.get(self.jiangsu)
        with self.assertNumQueries(6):
            self.get(self.jiangsu)
        for index in range(20):
            make_zone(f"开发区{index}", f"zone-{index}", self.jiangsu, self.nantong)
        with self.assertNumQueries(6):
            response = self.get(self.jiangsu)
        self.assertEqual(len(response.context["zones"]), 20)
