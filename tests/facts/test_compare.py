"""The compare page, its downloads, the shortlist and the cost estimate."""

import csv
from datetime import date
from decimal import Decimal
from io import BytesIO, StringIO

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from facts.compare import Comparison
from tests.factories import make_zone
from tests.facts.helpers import FactsTestCase, make_fact, make_incentive

# Zones with regions, their industries, their parks, the indicators, the
# facts, the incentives: the same six however many zones are compared; and
# the inquiries of the zones whose reply time is not cached yet (one query
# for all of them, none when every figure is cached).
PAGE_QUERIES = 6


def compare_url(*slugs, **extra):
    query = "&".join(
        [f"z={slug}" for slug in slugs] + [f"{k}={v}" for k, v in extra.items()]
    )
    return reverse("facts:compare") + "?" + query


class ComparePageTests(FactsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_fact(cls.haimen, "gdp", "85.4", "亿元", year=2023)
        make_fact(cls.nantong, "gdp", "1200", "亿元", year=2023)
        make_fact(cls.haimen, "land-price", "30", "万元/亩", as_of=date(2025, 10, 1))
        make_fact(cls.nantong, "land-price", "45", "万元/亩", as_of=date(2025, 10, 1))
        make_incentive("南通市政策", region=cls.nantong_city)
        cls.extra = [
            make_zone(f"测试开发区{n}", f"extra-{n}", cls.zhejiang) for n in range(3)
        ]

    def test_three_zones_side_by_side(self):
        response = self.client.get(
            compare_url(self.haimen.slug, self.nantong.slug, self.ningbo.slug)
        )
        self.assertEqual(response.status_code, 200)
        for zone in (self.haimen, self.nantong, self.ningbo):
            self.assertContains(response, zone.name)
        self.assertContains(response, "85.4")
        self.assertContains(response, "1200")
        # The lowest land price is marked; 宁波 has none: "not reported".
        self.assertContains(response, 'class="best"', count=1)
        self.assertContains(response, "南通市政策", count=2)

    def test_query_count_does_not_grow_with_the_zones_compared(self):
        self.client.get(compare_url(self.haimen.slug))  # site settings cached
        counts = []
        for slugs in (
            [self.haimen.slug, self.nantong.slug],
            [self.haimen.slug, self.nantong.slug, self.ningbo.slug],
            [self.haimen.slug, self.nantong.slug, self.ningbo.slug]
            + [zone.slug for zone in self.extra[:2]],
        ):
            # Each list holds a zone whose reply time is not cached yet.
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(compare_url(*slugs))
            self.assertEqual(response.status_code, 200)
            counts.append(len(queries))
        self.assertEqual(counts, [PAGE_QUERIES + 1] * 3)
        with self.assertNumQueries(PAGE_QUERIES):
            self.client.get(compare_url(*slugs))

    def test_unknown_zone_is_named_and_left_out(self):
        response = self.client.get(
            compare_url(self.haimen.slug, self.nantong.slug, "no-such-zone")
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "no-such-zone")
        response = self.client.get(compare_url("no-such-zone", "nor-this"))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "no-such-zone", status_code=400)

    def test_duplicate_zone_is_compared_once(self):
        response = self.client.get(
            compare_url(self.haimen.slug, self.haimen.slug, self.nantong.slug)
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [zone.slug for zone in response.context["zones"]],
            [self.haimen.slug, self.nantong.slug],
        )
        self.assertContains(response, "haimen-etdz")

    def test_more_than_five_zones_keeps_the_first_five(self):
        slugs = [self.haimen.slug, self.nantong.slug, self.ningbo.slug] + [
            zone.slug for zone in self.extra
        ]
        response = self.client.get(compare_url(*slugs))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(response.context["zones"]), 5)
        self.assertContains(response, "5")
        self.assertNotContains(response, self.extra[2].name)

    def test_hostile_parameters_never_fail(self):
        for query in (
            "?z=",
            "?z=%00",
            "?z=" + "a" * 5000,
            "?land_mu=-1&z=x",
            "?headcount=abc",
        ):
            with self.subTest(query=query):
                response = self.client.get(reverse("facts:compare") + query)
                self.assertIn(response.status_code, (200, 400))

    def test_one_zone_asks_for_more(self):
        response = self.client.get(compare_url(self.haimen.slug))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, reverse("zones:index"))
        self.assertNotContains(response, "compare-table")

    def test_csv_and_xlsx_hold_the_numbers_of_the_page(self):
        slugs = (self.haimen.slug, self.nantong.slug)
        query = "?" + "&".join(f"z={slug}" for slug in slugs)
        response = self.client.get(reverse("facts:compare-csv") + query)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))
        gdp = next(row for row in rows if row[1].startswith("地区生产总值"))
        self.assertEqual(gdp[2:5], ["85.4", "亿元", "2023"])
        self.assertEqual(gdp[5:7], ["统计公报", "https://example.com/source"])
        self.assertEqual(gdp[8], "1200")
        response = self.client.get(reverse("facts:compare-xlsx") + query)
        sheet = load_workbook(BytesIO(response.content)).active
        xlsx_rows = [
            ["" if value is None else str(value) for value in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        xlsx_gdp = next(row for row in xlsx_rows if row[1].startswith("地区生产总值"))
        self.assertEqual(xlsx_gdp[: len(gdp)], gdp)

    def test_english_xlsx_holds_the_english_catalogue_facts(self):
        query = f"?z={self.haimen.slug}&z={self.nantong.slug}"
        response = self.client.get("/en" + reverse("facts:compare-xlsx") + query)
        self.assertEqual(response.status_code, 200)
        sheet = load_workbook(BytesIO(response.content)).active
        level = next(
            row for row in sheet.iter_rows(values_only=True) if row[1] == "Level"
        )
        self.assertEqual(level[2], "national")

    def test_add_link_keeps_a_shortlist_without_javascript(self):
        response = self.client.get(
            reverse("facts:compare-add", kwargs={"slug": self.haimen.slug})
        )
        self.assertRedirects(response, compare_url(self.haimen.slug))
        response = self.client.get(
            reverse("facts:compare-add", kwargs={"slug": self.nantong.slug})
        )
        self.assertRedirects(response, compare_url(self.haimen.slug, self.nantong.slug))
        response = self.client.get(
            reverse("facts:compare-add", kwargs={"slug": "no-such-zone"})
        )
        self.assertEqual(response.status_code, 404)


class EstimateTests(FactsTestCase):
    def test_estimate_matches_a_hand_computed_case(self):
        zone = self.haimen
        as_of = {"as_of": date(2025, 10, 1)}
        make_fact(zone, "land-price", "50", "万元/亩", **as_of)
        make_fact(zone, "factory-rent", "20", "元/平方米·月", **as_of)
        make_fact(zone, "power-peak", "1.0", "元/千瓦时", **as_of)
        make_fact(zone, "power-flat", "0.6", "元/千瓦时", **as_of)
        make_fact(zone, "power-valley", "0.3", "元/千瓦时", **as_of)
        make_fact(zone, "water", "3.0", "元/吨", **as_of)
        make_fact(zone, "sewage", "1.0", "元/吨", **as_of)
        make_fact(zone, "average-wage", "5000-7000", "元/月", **as_of)
        inputs = {
            "land_mu": Decimal(10),
            "factory_m2": Decimal(1000),
            "electricity_kwh": Decimal(100_000),
            "water_tonnes": Decimal(500),
            "headcount": 10,
        }
        [estimate] = Comparison([zone.slug]).estimate(inputs)
        # Land: 10 亩 × 50 万元 = 5,000,000 once.
        self.assertEqual(estimate.land_once, 5_000_000)
        # Rent 1000 × 20 × 12 = 240,000; power 100,000 × (0.4 × 1.0 + 0.35
        # × 0.6 + 0.25 × 0.3) = 68,500; water 500 × (3 + 1) = 2,000; wages
        # 10 × 6,000 (middle of 5000-7000) × 12 = 720,000.
        self.assertEqual(
            [amount for _label, _formula, amount in estimate.parts],
            [240_000, 68_500, 2_000, 720_000],
        )
        self.assertEqual(estimate.yearly, 1_030_500)
        self.assertTrue(estimate.is_complete)

    def test_missing_figure_marks_the_estimate_incomplete(self):
        make_fact(self.nantong, "factory-rent", "20", "元/平方米·月")
        inputs = {
            "land_mu": 0,
            "factory_m2": Decimal(100),
            "electricity_kwh": Decimal(1000),
            "water_tonnes": 0,
            "headcount": 0,
        }
        [estimate] = Comparison([self.nantong.slug]).estimate(inputs)
        self.assertFalse(estimate.is_complete)
        self.assertEqual(estimate.yearly, 24_000)
        self.assertIsNone(estimate.parts[1][2])

    def test_page_shows_formula_and_figures(self):
        make_fact(
            self.haimen, "factory-rent", "20", "元/平方米·月", as_of=date(2025, 1, 1)
        )
        response = self.client.get(
            compare_url(self.haimen.slug, self.nantong.slug, factory_m2="1000")
        )
        self.assertContains(response, "1000 m² × 20 × 12")
        self.assertContains(response, "240,000")
