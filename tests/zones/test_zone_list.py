import datetime
from decimal import Decimal
from unittest.mock import patch

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import make_region, make_zone
from tests.zones.helpers import RegionsTestCase
from zones.models import Region, Zone


class DirectoryTestCase(RegionsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.haimen = make_zone(
            "海门经济技术开发区",
            "haimen-economic-and-technological-development-zone",
            cls.jiangsu,
            cls.nantong,
            industries=["装备制造", "生物医药", "机电"],
            code="G321099",
            short_name="海门经开区",
            name_en="Haimen Economic and Technological Development Zone",
            approved_on=datetime.date(2013, 1, 1),
            area_hectares=Decimal("488"),
        )
        cls.nantong_high_tech = make_zone(
            "南通高新技术产业开发区",
            "nantong-high-tech-industrial-development-zone",
            cls.jiangsu,
            cls.nantong,
            industries=["电子信息"],
            kind=Zone.Kind.HIGH_TECH,
            approved_on=datetime.date(2013, 12, 1),
            area_hectares=Decimal("1200.5"),
        )
        cls.suzhou_park = make_zone(
            "江苏苏州工业园区",
            "jiangsu-suzhou-industrial-park",
            cls.jiangsu,
            cls.suzhou,
            industries=["装备制造"],
            level=Zone.Level.PROVINCIAL,
            kind=Zone.Kind.INDUSTRIAL,
            approved_on=datetime.date(2006, 8, 1),
            area_hectares=Decimal("188.98"),
        )
        cls.ningbo = make_zone(
            "宁波经济技术开发区",
            "ningbo-economic-and-technological-development-zone",
            cls.zhejiang,
            cls.ningbo,
            industries=["石化"],
            approved_on=datetime.date(1984, 10, 1),
            area_hectares=Decimal("2960"),
        )
        cls.beijing_zone = make_zone(
            "北京经济技术开发区",
            "beijing-economic-and-technological-development-zone",
            cls.beijing,
            cls.beijing,
            approved_on=datetime.date(1994, 8, 1),
            area_hectares=Decimal("3980"),
        )
        cls.hidden = make_zone(
            "隐藏开发区",
            "hidden-development-zone",
            cls.jiangsu,
            cls.nantong,
            industries=["装备制造"],
            is_published=False,
        )

    def get(self, **params):
        return self.client.get(reverse("zones:index"), params)

    def listed(self, response):
        return [zone.name for zone in response.context["zones"]]


class DirectoryTests(DirectoryTestCase):
    def test_lists_every_published_zone_with_the_count(self):
        response = self.get()

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "5 个开发区")
        self.assertEqual(len(self.listed(response)), 5)
        self.assertContains(response, "海门经济技术开发区")
        self.assertNotContains(response, "隐藏开发区")

    def test_card_shows_level_kind_region_date_area_and_industries(self):
        response = self.get(q="G321099")

        self.assertContains(response, "国家级")
        self.assertContains(response, "经济技术开发区")
        self.assertContains(response, 'datetime="2013-01"')
        with translation.override("zh-hans"):
            area = translation.gettext("%(area)s ha") % {"area": "488"}
        self.assertContains(response, area)
        self.assertContains(response, 'href="/zones/?industry=装备制造"')

    def test_marks_the_zones_nav_item_current(self):
        response = self.get()

        self.assertContains(
            response, f'href="{reverse("zones:index")}" aria-current="page"'
        )

    def test_english_page_uses_english_names(self):
        response = self.client.get("/en/zones/", {"province": "jiangsu"})

        self.assertContains(
            response, "Haimen Economic and Technological Development Zone"
        )
        self.assertContains(response, "Jiangsu (3)")
        self.assertContains(response, "national")


class DirectoryOptionTests(DirectoryTestCase):
    def test_city_options_are_grouped_under_their_province(self):
        response = self.get()

        self.assertContains(
            response,
            '<optgroup label="江苏"><option value="nantong">南通 (2)</option>'
            '<option value="suzhou-jiangsu">苏州 (1)</option></optgroup>',
            html=True,
        )
        # A municipality is its own group.
        self.assertContains(
            response,
            '<optgroup label="北京"><option value="beijing">北京 (1)</option>'
            "</optgroup>",
            html=True,
        )

    def test_english_options_use_english_labels_and_mark_chinese_data(self):
        response = self.client.get(
            "/en/zones/", {"city": "nantong", "level": "national"}
        )

        # Suzhou's only zone is provincial.
        self.assertContains(
            response,
            '<optgroup label="Jiangsu"><option value="nantong" selected>Nantong (2)'
            "</option></optgroup>",
            html=True,
        )
        self.assertContains(response, '<option value="jiangsu">Jiangsu (2)</option>')
        self.assertContains(
            response, '<option value="national" selected>national (2)</option>'
        )
        self.assertContains(
            response, '<option value="provincial">provincial (0)</option>', count=0
        )
        self.assertContains(
            response, '<option value="high_tech">high-tech industrial development'
        )
        self.assertContains(
            response, '<option value="装备制造" lang="zh-Hans">装备制造 (1)</option>'
        )


class DirectoryCardTests(DirectoryTestCase):
    def test_card_names_the_regions_once_each(self):
        county = make_region(
            "海门区", "haimen-district", Region.Level.COUNTY, self.nantong
        )
        Zone.objects.filter(pk=self.haimen.pk).update(county=county)

        response = self.get()

        self.assertContains(response, "江苏 · 南通 · 海门区")
        # 北京 is both the province and the city of its zone.
        self.assertContains(response, "北京经济技术开发区")
        self.assertNotContains(response, "北京 · 北京")

    def test_english_card_falls_back_to_chinese_names(self):
        county = make_region(
            "海门区", "haimen-district", Region.Level.COUNTY, self.nantong
        )
        Zone.objects.filter(pk=self.haimen.pk).update(county=county)
        Zone.objects.filter(pk=self.ningbo.pk).update(name_en="")

        response = self.client.get("/en/zones/")

        self.assertContains(response, "Jiangsu · Nantong · 海门区")
        self.assertContains(
            response,
            f'<a href="{self.ningbo.get_absolute_url()}" lang="zh-Hans">'
            "宁波经济技术开发区</a>",
            html=True,
        )
        self.assertContains(
            response,
            '<ul class="tag-list" aria-label="Leading industries">'
            '<li><a href="/en/zones/?industry=石化" lang="zh-Hans">石化</a></li></ul>',
            html=True,
        )


class DirectoryFilterTests(DirectoryTestCase):
    def test_province(self):
        response = self.get(province="jiangsu")

        self.assertCountEqual(
            self.listed(response),
            ["海门经济技术开发区", "南通高新技术产业开发区", "江苏苏州工业园区"],
        )

    def test_city(self):
        response = self.get(city="nantong")

        self.assertCountEqual(
            self.listed(response), ["海门经济技术开发区", "南通高新技术产业开发区"]
        )

    def test_municipality_as_city(self):
        response = self.get(city="beijing")

        self.assertEqual(self.listed(response), ["北京经济技术开发区"])

    def test_level(self):
        self.assertEqual(len(self.listed(self.get(level="national"))), 4)
        self.assertEqual(
            self.listed(self.get(level="provincial")), ["江苏苏州工业园区"]
        )

    def test_kind(self):
        response = self.get(kind="high_tech")

        self.assertEqual(self.listed(response), ["南通高新技术产业开发区"])

    def test_industry(self):
        response = self.get(industry="装备制造")

        self.assertCountEqual(
            self.listed(response), ["海门经济技术开发区", "江苏苏州工业园区"]
        )

    def test_search_covers_name_short_name_english_name_and_code(self):
        for query in ("海门", "海门经开区", "haimen economic", "G321099", "g321099"):
            with self.subTest(query):
                self.assertEqual(self.listed(self.get(q=query)), ["海门经济技术开发区"])

    def test_province_and_level_combined(self):
        response = self.get(province="jiangsu", level="national")

        self.assertCountEqual(
            self.listed(response), ["海门经济技术开发区", "南通高新技术产业开发区"]
        )

    def test_province_industry_and_level_combined(self):
        response = self.get(province="jiangsu", industry="装备制造", level="provincial")

        self.assertEqual(self.listed(response), ["江苏苏州工业园区"])

    def test_city_kind_and_search_combined(self):
        response = self.get(city="nantong", kind="etdz", q="海门")

        self.assertEqual(self.listed(response), ["海门经济技术开发区"])

    def test_filter_counts_apply_the_other_filters(self):
        response = self.get(level="national")

        self.assertContains(response, "江苏 (2)")
        self.assertContains(response, "浙江 (1)")
        self.assertContains(response, "南通 (2)")
        # The level filter itself counts with every other filter but not itself.
        self.assertContains(response, "国家级 (4)")
        self.assertContains(response, "省级 (1)")
        self.assertContains(response, "装备制造 (1)")

    def test_chosen_industry_stays_in_the_list_even_when_rare(self):
        with patch("zones.filters.INDUSTRY_CHOICES", 1):
            response = self.get(industry="机电")

        options = [
            label for _value, label, *_ in response.context["facets"]["industry"]
        ]
        self.assertEqual(options, ["机电"])
        self.assertContains(response, '<option value="机电" selected>')

    def test_counts_leave_out_unpublished_zones(self):
        response = self.get()

        self.assertContains(response, "江苏 (3)")
        self.assertContains(response, "装备制造 (2)")

    def test_active_filters_can_be_removed_one_by_one(self):
        response = self.get(province="jiangsu", level="national")

        self.assertContains(response, 'href="/zones/?level=national"')
        self.assertContains(response, 'href="/zones/?province=jiangsu"')
        self.assertContains(response, "（移除此筛选条件）")

    def test_chosen_values_are_selected_in_the_form(self):
        response = self.get(province="jiangsu", sort="-area")

        self.assertContains(response, '<option value="jiangsu" selected>')
        self.assertContains(response, '<option value="-area" selected>')

    def test_no_match_shows_an_honest_empty_state(self):
        response = self.get(province="zhejiang", kind="high_tech")

        self.assertContains(response, "0 个开发区")
        self.assertContains(response, "没有符合这些筛选条件的开发区。")
        self.assertContains(response, 'href="/zones/"')


class DirectorySortTests(DirectoryTestCase):
    def test_default_sort_is_by_name_in_pinyin_order(self):
        self.assertEqual(
            [zone.slug for zone in self.get().context["zones"]],
            [
                "beijing-economic-and-technological-development-zone",
                "haimen-economic-and-technological-development-zone",
                "jiangsu-suzhou-industrial-park",
                "nantong-high-tech-industrial-development-zone",
                "ningbo-economic-and-technological-development-zone",
            ],
        )

    def test_newest_approval_first(self):
        self.assertEqual(
            self.listed(self.get(sort="-approved")),
            [
                "南通高新技术产业开发区",
                "海门经济技术开发区",
                "江苏苏州工业园区",
                "北京经济技术开发区",
                "宁波经济技术开发区",
            ],
        )

    def test_largest_area_first(self):
        self.assertEqual(
            self.listed(self.get(sort="-area"))[:3],
            ["北京经济技术开发区", "宁波经济技术开发区", "南通高新技术产业开发区"],
        )


class DirectoryBadParameterTests(DirectoryTestCase):
    def assert_ignored(self, response, text):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, text)
        self.assertEqual(len(self.listed(response)), 5)

    def test_unknown_level_is_ignored_with_a_note(self):
        self.assert_ignored(self.get(level="foo"), "没有名为“foo”的级别")

    def test_unknown_kind_province_city_industry_and_sort(self):
        for name, value in (
            ("kind", "bogus"),
            ("province", "atlantis"),
            ("city", "atlantis"),
            ("industry", "没有"),
            ("sort", "price"),
        ):
            with self.subTest(name):
                self.assert_ignored(self.get(**{name: value}), f"“{value}”")

    def test_city_outside_the_chosen_province_is_dropped(self):
        response = self.get(province="zhejiang", city="nantong")

        self.assertEqual(self.listed(response), ["宁波经济技术开发区"])
        self.assertIsNone(response.context["filters"].city)
        self.assertContains(response, "南通不在浙江，已忽略城市筛选条件。")
        self.assertNotContains(response, "浙江、南通")  # title and description
        # A municipality is its own city.
        response = self.get(province="beijing", city="beijing")
        self.assertEqual(self.listed(response), ["北京经济技术开发区"])
        self.assertEqual(response.context["filters"].notes, [])

    def test_a_city_slug_given_as_province_is_ignored(self):
        self.assert_ignored(self.get(province="nantong"), "没有名为“nantong”的省份")

    def test_malformed_values_never_reach_the_database(self):
        for name in ("province", "city", "industry", "level"):
            with self.subTest(name):
                self.assert_ignored(self.get(**{name: "a\x00b"}), "已忽略该筛选条件")

    def test_control_characters_are_removed_from_the_search(self):
        response = self.get(q="海门\x00")

        self.assertEqual(self.listed(response), ["海门经济技术开发区"])

    def test_overlong_search_is_cut_with_a_note(self):
        response = self.get(q="海" * 300)

        self.assertContains(response, "搜索内容已截取")

    def test_page_that_is_not_a_number_goes_to_the_first_page(self):
        response = self.get(level="national", page="abc")

        self.assertRedirects(response, "/zones/?level=national")

    def test_page_past_the_end_goes_to_the_last_page(self):
        for index in range(20):
            make_zone(f"测试开发区{index}", f"test-zone-{index}", self.jiangsu)

        response = self.get(page="99999")

        self.assertRedirects(response, "/zones/?page=2")
        page_two = self.get(page="2")
        self.assertEqual(len(self.listed(page_two)), 5)
        self.assertContains(page_two, 'rel="prev"')


class DirectoryQueryCountTests(RegionsTestCase):
    def make_zones(self, start, stop):
        for index in range(start, stop):
            make_zone(
                f"开发区{index}",
                f"zone-{index}",
                self.jiangsu,
                self.nantong,
                industries=["装备制造", f"产业{index}"],
            )

    def count_queries(self, **params):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse("zones:index"), params)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_query_count_does_not_grow_with_the_page(self):
        self.make_zones(0, 2)
        self.client.get(reverse("zones:index"))  # site settings into the cache

        # Seven of the directory's own, three of facts' extension (the key
        # figures to sort by, the current incentives' places, and the figure
        # and incentive facets).
        with self.assertNumQueries(10):
            self.client.get(reverse("zones:index"))
        two = self.count_queries(province="jiangsu", industry="装备制造")

        self.make_zones(2, 20)

        with self.assertNumQueries(10):
            response = self.client.get(reverse("zones:index"))
        self.assertEqual(len(response.context["zones"]), 20)
        self.assertEqual(
            self.count_queries(province="jiangsu", industry="装备制造"), two
        )
