"""The statistics page: charts with their tables, linking to the directory."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from tests.factories import make_zone
from tests.facts.helpers import FactsTestCase
from zones.models import Zone


class StatisticsTests(FactsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_zone(
            "江苏省测试工业园区",
            "test-park",
            cls.jiangsu,
            level=Zone.Level.PROVINCIAL,
            area_hectares=Decimal("2500"),
            approved_on=date(2006, 3, 1),
            industries=("装备制造",),
        )

    def test_each_chart_has_title_description_and_a_linked_table(self):
        response = self.client.get(reverse("facts:statistics"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'aria-labelledby="chart-', count=4)
        self.assertContains(response, "<desc id=", count=4)
        self.assertContains(response, 'class="data-table"', count=4)
        directory = reverse("zones:index")
        self.assertContains(response, f'href="{directory}?province=jiangsu"')
        self.assertContains(response, f'href="{directory}?industry=')

    def test_counts_by_province_and_level(self):
        response = self.client.get(reverse("facts:statistics"))
        province = response.context["charts"][0]
        rows = {label: values for label, _url, values in province.rows}
        self.assertEqual(rows["江苏"], [3, 2, 1])
        self.assertEqual(rows["浙江"], [1, 1, 0])
        area = response.context["charts"][2]
        self.assertIn(1, [values[0] for _label, _url, values in area.rows])

    def test_english_page_and_a_fixed_number_of_queries(self):
        self.client.get("/en/zones/statistics/")
        with self.assertNumQueries(4):
            response = self.client.get("/en/zones/statistics/")
        self.assertContains(response, "Zones by province and level")
        self.assertContains(response, "Jiangsu")
