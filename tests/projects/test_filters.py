"""The project list's city, investment range and sort, and what bad values do."""

from decimal import Decimal

from django.urls import reverse

from tests.factories import make_region, make_zone
from tests.projects.helpers import ProjectsTestCase, make_project
from zones.models import Region


class FilterTestCase(ProjectsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.nantong = make_region(
            "南通市", "nantong", Region.Level.CITY, cls.jiangsu, name_en="Nantong"
        )
        cls.suzhou = make_region(
            "苏州市", "suzhou", Region.Level.CITY, cls.jiangsu, name_en="Suzhou"
        )
        cls.ningbo_city = make_region(
            "宁波市", "ningbo", Region.Level.CITY, cls.zhejiang, name_en="Ningbo"
        )
        cls.haimen.city = cls.nantong
        cls.haimen.save()
        cls.ningbo.city = cls.ningbo_city
        cls.ningbo.save()
        cls.kunshan = make_zone(
            "昆山经济技术开发区", "kunshan-etdz", cls.jiangsu, cls.suzhou
        )

    def get(self, query="", **kwargs):
        return self.client.get(f"{reverse('projects:index')}?{query}", **kwargs)

    def titles(self, response):
        return [project.title for project in response.context["projects"]]


class CityFilterTests(FilterTestCase):
    def test_city_filter_and_counts_grouped_by_province(self):
        make_project(self.haimen, "海门厂房")
        make_project(self.haimen, "海门土地")
        make_project(self.kunshan, "昆山合资")
        make_project(self.ningbo, "宁波合作")
        response = self.get("city=suzhou")
        self.assertEqual(self.titles(response), ["昆山合资"])
        # Each city counted with the other filters, grouped under its province.
        self.assertContains(response, '<optgroup label="江苏">')
        self.assertContains(response, '<option value="nantong">南通 (2)</option>')
        self.assertContains(
            response, '<option value="suzhou" selected>苏州 (1)</option>'
        )
        self.assertContains(response, '<option value="ningbo">宁波 (1)</option>')

    def test_province_narrows_the_cities_offered(self):
        make_project(self.haimen, "海门厂房")
        make_project(self.ningbo, "宁波合作")
        response = self.get("province=zhejiang")
        self.assertEqual(
            [city for _group, cities in response.context["facets"]["city"]
             for city, *_rest in cities],
            ["ningbo"],
        )  # fmt: skip

    def test_english_city_names(self):
        make_project(self.haimen, "海门厂房")
        response = self.client.get("/en/projects/")
        self.assertContains(response, '<optgroup label="Jiangsu">')
        self.assertContains(response, '<option value="nantong">Nantong (1)</option>')

    def test_city_outside_the_province_is_dropped_with_a_note(self):
        make_project(self.haimen, "海门厂房")
        make_project(self.ningbo, "宁波合作")
        response = self.get("province=jiangsu&city=ningbo")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.titles(response), ["海门厂房"])
        self.assertContains(response, "宁波不在江苏")

    def test_unknown_or_wrong_level_city_is_noted(self):
        make_project(self.haimen, "海门厂房")
        for query in ("city=atlantis", "city=jiangsu", "city=%00", "city=a%20b"):
            with self.subTest(query=query):
                response = self.get(query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self.titles(response), ["海门厂房"])
                self.assertTrue(response.context["filters"].notes)


class InvestmentRangeTests(FilterTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_project(cls.haimen, "五百万", investment=Decimal("5"))
        make_project(cls.haimen, "一千万", investment=Decimal("10"))
        make_project(cls.haimen, "五千万", investment=Decimal("50"))
        make_project(cls.haimen, "两亿", investment=Decimal("200"))
        make_project(cls.haimen, "十亿", investment=Decimal("1000"))
        make_project(cls.haimen, "美元项目", investment=Decimal("50"), currency="USD")
        make_project(cls.haimen, "未定金额")

    def test_each_range_holds_its_yuan_amounts_lowest_included(self):
        cases = {
            "under-10m": ["五百万"],
            "10m-100m": ["五千万", "一千万"],
            "100m-1b": ["两亿"],
            "over-1b": ["十亿"],
        }
        for value, titles in cases.items():
            with self.subTest(value=value):
                response = self.get(f"investment={value}")
                self.assertEqual(self.titles(response), titles)

    def test_other_currencies_and_missing_amounts_are_in_no_range(self):
        for value in ("under-10m", "10m-100m", "100m-1b", "over-1b"):
            response = self.get(f"investment={value}")
            self.assertNotContains(response, "美元项目")
            self.assertNotContains(response, "未定金额")
        response = self.get()
        self.assertContains(response, "美元项目")
        self.assertContains(response, "未定金额")
        # The filter says what its ranges mean.
        self.assertContains(response, "范围只适用于以人民币计的金额")

    def test_counts_per_range_with_the_other_filters(self):
        response = self.get()
        self.assertEqual(
            [(value, count) for value, _l, count, _s in
             response.context["facets"]["investment"]],
            [("under-10m", 1), ("10m-100m", 2), ("100m-1b", 1), ("over-1b", 1)],
        )  # fmt: skip
        self.assertContains(
            response, '<option value="10m-100m">1000 万至 1 亿元 (2)</option>'
        )
        response = self.get("investment=over-1b&zone=ningbo-etdz")
        self.assertEqual(self.titles(response), [])
        self.assertEqual(
            response.context["facets"]["investment"],
            [("over-1b", "10 亿元及以上", 0, True)],
        )

    def test_english_labels(self):
        response = self.client.get("/en/projects/?investment=100m-1b")
        self.assertContains(
            response,
            '<option value="100m-1b" selected>CNY 100 million to 1 billion (1)',
        )

    def test_bad_range_is_noted_never_500(self):
        for query in ("investment=huge", "investment=%00", "investment=10-20"):
            with self.subTest(query=query):
                response = self.get(query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(len(response.context["projects"]), 7)
                self.assertTrue(response.context["filters"].notes)


class SortTests(FilterTestCase):
    def test_newest_first_by_default_and_by_name(self):
        for title in ("第一", "第二", "第三"):
            make_project(self.haimen, title)
        self.assertEqual(self.titles(self.get()), ["第三", "第二", "第一"])
        self.assertEqual(self.titles(self.get("sort=newest")), ["第三", "第二", "第一"])

    def test_largest_investment_first_yuan_then_other_currencies_then_none(self):
        make_project(self.haimen, "无金额")
        make_project(self.haimen, "欧元", investment=Decimal("900"), currency="EUR")
        make_project(self.haimen, "小", investment=Decimal("3"))
        make_project(self.haimen, "美元小", investment=Decimal("1"), currency="USD")
        make_project(self.haimen, "大", investment=Decimal("800"))
        make_project(self.haimen, "美元大", investment=Decimal("70"), currency="USD")
        self.assertEqual(
            self.titles(self.get("sort=investment")),
            ["大", "小", "欧元", "美元大", "美元小", "无金额"],
        )

    def test_sort_keeps_the_filters(self):
        make_project(self.haimen, "海门小", investment=Decimal("3"))
        make_project(self.ningbo, "宁波大", investment=Decimal("300"))
        make_project(self.haimen, "海门大", investment=Decimal("30"))
        response = self.get("province=jiangsu&sort=investment")
        self.assertEqual(self.titles(response), ["海门大", "海门小"])
        self.assertContains(response, '<option value="investment" selected>')

    def test_bad_sort_is_noted_and_newest_used(self):
        make_project(self.haimen, "旧", investment=Decimal("300"))
        make_project(self.haimen, "新", investment=Decimal("3"))
        for query in ("sort=price", "sort=%00", "sort=-investment"):
            with self.subTest(query=query):
                response = self.get(query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self.titles(response), ["新", "旧"])
                self.assertTrue(response.context["filters"].notes)


class ApiFilterTests(FilterTestCase):
    """The API's project list takes the list page's filters, strictly."""

    def test_city_and_investment_range_through_the_api(self):
        nantong = make_project(self.haimen, "海门", investment=Decimal("50"))
        make_project(self.haimen, "海门美元", investment=Decimal("50"), currency="USD")
        make_project(self.kunshan, "昆山", investment=Decimal("50"))
        url = reverse("api:project-list")
        response = self.client.get(url, {"city": "nantong", "investment": "10m-100m"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [row["id"] for row in response.json()["results"]], [nantong.pk]
        )
        response = self.client.get(url, {"investment": "huge", "city": "atlantis"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(set(response.json()), {"investment", "city"})
        response = self.client.get(url, {"province": "zhejiang", "city": "nantong"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("南通不在浙江", response.json()["city"][0])
