"""The zone directory filtered by figures and incentives and sorted by a key
figure: what facts adds to it through zones.extensions."""

from datetime import date

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from facts.models import Incentive
from tests.factories import make_zone
from tests.facts.helpers import FactsTestCase, make_fact, make_incentive


class DirectoryTestCase(FactsTestCase):
    """海门 and 南通 report GDP, 宁波 none; 南通 is the largest, with its
    figure published in 万亿元."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_fact(cls.haimen, "gdp", "85.4", "亿元", year=2023)
        make_fact(cls.haimen, "gdp", "900", "亿元", year=2019)  # older, larger
        make_fact(cls.nantong, "gdp", "0.12", "万亿元", year=2024)
        make_fact(cls.haimen, "land-price", "30", "万元/亩", as_of=date(2025, 10, 1))
        make_fact(cls.nantong, "land-price", "45", "万元/亩", as_of=date(2025, 10, 1))

    def get(self, language="", **params):
        with translation.override(settings.LANGUAGE_CODE):
            path = reverse("zones:index")
        return self.client.get(language + path, params)

    def listed(self, response):
        return [zone.slug for zone in response.context["zones"]]


class FigureFilterTests(DirectoryTestCase):
    def test_with_figures_lists_the_zones_that_report_any(self):
        response = self.get(figures="with")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            sorted(self.listed(response)), [self.haimen.slug, self.nantong.slug]
        )
        self.assertEqual(self.listed(self.get(figures="without")), [self.ningbo.slug])

    def test_figure_options_count_zones_with_the_other_filters_applied(self):
        response = self.get("/en", province="zhejiang")
        self.assertContains(response, "with reported figures (0)")
        self.assertContains(response, "without reported figures (1)")
        response = self.get("/en")
        self.assertContains(response, "with reported figures (2)")
        self.assertContains(response, "without reported figures (1)")

    def test_sample_values_count_as_the_profile_shows_them(self):
        make_fact(self.ningbo, "water", "4.1", "元/吨", year=2024, is_sample=True)
        self.assertEqual(len(self.listed(self.get(figures="with"))), 3)


class IncentiveFilterTests(DirectoryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # A city's land policy reaches both of its zones; 宁波's own tax
        # incentive has expired.
        make_incentive("南通市用地政策", region=cls.nantong_city, kind="land")
        make_incentive(
            "宁波税收政策",
            zone=cls.ningbo,
            kind="tax",
            status=Incentive.Status.EXPIRED,
        )
        make_incentive("宁波人才政策", zone=cls.ningbo, kind="talent")

    def test_region_wide_incentive_counts_for_every_zone_of_the_region(self):
        response = self.get(incentive="land")
        self.assertEqual(
            sorted(self.listed(response)), [self.haimen.slug, self.nantong.slug]
        )
        self.assertEqual(self.listed(self.get(incentive="talent")), [self.ningbo.slug])

    def test_expired_incentives_do_not_count(self):
        response = self.get("/en", incentive="tax")
        self.assertEqual(self.listed(response), [])
        self.assertContains(response, "Tax (0)")  # chosen, so still offered

    def test_kind_counts_follow_the_other_filters(self):
        response = self.get("/en")
        self.assertContains(response, "Land (2)")
        self.assertContains(response, "Talent (1)")
        self.assertNotContains(response, "Tax (")
        response = self.get("/en", figures="without")
        self.assertContains(response, "Talent (1)")
        self.assertNotContains(response, "Land (")
        # and the figure counts follow the incentive chosen
        response = self.get("/en", incentive="talent")
        self.assertContains(response, "with reported figures (0)")
        self.assertContains(response, "without reported figures (1)")

    def test_active_filter_chip_removes_it(self):
        response = self.get("/en", incentive="land", figures="with")
        self.assertContains(response, "land incentive")
        self.assertContains(response, 'href="/en/zones/?figures=with"')


class FigureSortTests(DirectoryTestCase):
    def test_gdp_sorts_highest_first_by_the_latest_value_lacking_last(self):
        response = self.get(sort="-gdp")
        self.assertEqual(
            self.listed(response),
            # 南通's 0.12 万亿元 is 1200 亿元; 海门's latest is 85.4 (2023),
            # not its larger 2019 figure; 宁波 reports none.
            [self.nantong.slug, self.haimen.slug, self.ningbo.slug],
        )

    def test_land_price_sorts_lowest_first_lacking_last(self):
        response = self.get(sort="land-price")
        self.assertEqual(
            self.listed(response),
            [self.haimen.slug, self.nantong.slug, self.ningbo.slug],
        )

    def test_cards_show_the_sorted_figure_with_its_year(self):
        response = self.get("/en", sort="-gdp")
        self.assertContains(response, 'class="meta card-figure"', count=3)
        self.assertContains(response, "85.4")
        self.assertContains(response, "(2023)")
        self.assertContains(response, "0.12")
        self.assertContains(response, "not reported", count=1)
        self.assertNotContains(response, "900")
        chinese = self.get(sort="-gdp")
        self.assertContains(chinese, "未报告", count=1)
        # No figure on the cards of the directory's own orders.
        self.assertNotContains(self.get(), 'class="meta card-figure"')

    def test_a_value_that_is_not_a_comparable_number_sorts_last_and_says_so(self):
        make_fact(self.ningbo, "gdp", "约30", "亿美元", year=2024)
        make_fact(self.ningbo, "land-price", "一企一议", "", as_of=date(2025, 1, 1))
        for sort in ("-gdp", "land-price"):
            response = self.get("/en", sort=sort)
            self.assertEqual(self.listed(response)[-1], self.ningbo.slug)
            self.assertContains(response, "listed last", count=1)

    def test_sample_value_is_labelled_on_the_card(self):
        make_fact(self.ningbo, "gdp", "40", "亿元", year=2024, is_sample=True)
        response = self.get("/en", sort="-gdp")
        self.assertContains(response, "sample data")
        self.assertEqual(self.listed(response)[-1], self.ningbo.slug)

    def test_sort_options_are_offered_in_both_languages(self):
        self.assertContains(self.get("/en"), "GDP, highest first")
        self.assertContains(self.get("/en"), "Industrial land price, lowest first")
        self.assertContains(self.get(), "地区生产总值，从高到低")


class BadParameterTests(DirectoryTestCase):
    def test_bad_values_are_noted_and_ignored_never_a_failure(self):
        for params in (
            {"sort": "-nothing"},
            {"sort": "mofcom-rank"},
            {"sort": "-gdp\x00"},
            {"figures": "maybe"},
            {"incentive": "bribe"},
            {"incentive": "tax\x00", "figures": "\x00"},
            {"sort": "x" * 5000},
        ):
            with self.subTest(params=params):
                response = self.get("/en", **params)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(len(self.listed(response)), 3)
                self.assertContains(response, "so that filter was ignored")


class DirectoryQueryCountTests(DirectoryTestCase):
    def count(self, **params):
        with CaptureQueriesContext(connection) as queries:
            response = self.get(**params)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_sorting_and_filtering_by_figures_costs_the_same_for_any_page(self):
        make_incentive("南通市用地政策", region=self.nantong_city, kind="land")
        self.get()  # site settings into the cache
        # The directory's ten, and the page's figures for the cards.
        self.assertEqual(self.count(sort="-gdp"), 11)
        small = self.count(sort="land-price", figures="with", incentive="land")
        for index in range(25):
            zone = make_zone(f"测试开发区{index}", f"test-zone-{index}", self.zhejiang)
            make_fact(zone, "gdp", str(index), "亿元", year=2024)
        make_incentive("浙江省政策", region=self.zhejiang, kind="land")
        with self.assertNumQueries(11):
            response = self.get(sort="-gdp")
        self.assertEqual(len(response.context["zones"]), 20)
        self.assertEqual(
            self.count(sort="land-price", figures="with", incentive="land"), small
        )
