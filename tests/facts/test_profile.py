"""The zone profile's figures, costs, incentives and ranks."""

from datetime import date

from django.urls import reverse

from facts.models import Incentive
from tests.facts.helpers import FactsTestCase, make_fact, make_incentive


class ProfileTests(FactsTestCase):
    def profile(self, zone, query=""):
        return self.client.get(
            reverse("zones:detail", kwargs={"slug": zone.slug}) + query
        )

    def test_figure_shows_value_period_and_source(self):
        make_fact(
            self.haimen,
            "gdp",
            "85.4",
            "亿元",
            year=2007,
            source_title="开发区年报",
            source_url="https://example.com/report",
        )
        response = self.profile(self.haimen)
        self.assertContains(response, "85.4")
        self.assertContains(response, "2007")
        self.assertContains(response, '<a href="https://example.com/report"')
        self.assertContains(response, "开发区年报")

    def test_missing_figures_say_not_reported_never_zero(self):
        response = self.profile(self.haimen)
        self.assertContains(response, "未报告")
        self.assertNotContains(response, ">0<")
        response = self.client.get(f"/en/zones/{self.haimen.slug}/")
        self.assertContains(response, "not reported")

    def test_qualifiers_are_in_the_page_language(self):
        make_fact(self.haimen, "gdp", "1200", "亿元", year=2021, qualifier="首次突破")
        make_fact(self.haimen, "enterprises", "1900", "家", year=2021, qualifier="余")
        make_fact(self.haimen, "employees", "5", "万人", year=2021, qualifier="某某")
        response = self.profile(self.haimen)
        self.assertContains(response, "首次突破1200")
        self.assertContains(response, "1900余")
        response = self.client.get(f"/en/zones/{self.haimen.slug}/")
        self.assertContains(response, '<span class="fact-value">more than 1200</span>')
        self.assertContains(response, '<span class="fact-value">more than 1900</span>')
        self.assertNotContains(response, "首次突破")
        # A qualifier with no English is shown as published, marked Chinese.
        self.assertContains(response, 'lang="zh-Hans">某某5</span>')

    def test_stale_and_fresh_values_are_flagged_apart(self):
        make_fact(self.haimen, "gdp", "85.4", "亿元", year=2007)
        make_fact(self.haimen, "water", "3.2", "元/吨", as_of=self.today.replace(day=1))
        response = self.client.get(f"/en/zones/{self.haimen.slug}/")
        self.assertContains(response, "possibly out of date", count=1)

    def test_fact_staleness_follows_the_indicator(self):
        fact = make_fact(self.haimen, "water", "3", "元/吨", as_of=date(2024, 1, 1))
        self.assertFalse(fact.is_stale(today=date(2025, 7, 1)))  # 18 months
        self.assertTrue(fact.is_stale(today=date(2025, 8, 1)))
        gdp = make_fact(self.haimen, "gdp", "1", "亿元", year=2023)
        self.assertFalse(gdp.is_stale(today=date(2025, 12, 1)))  # 24 months
        self.assertTrue(gdp.is_stale(today=date(2026, 1, 1)))
        undated = make_fact(self.haimen, "enterprises", "1900", "家")
        self.assertTrue(undated.is_stale())

    def test_trend_is_drawn_when_several_years_exist(self):
        response = self.profile(self.haimen)
        self.assertNotContains(response, 'class="sparkline"')
        for year, value in ((2021, "100"), (2022, "120"), (2023, "150")):
            make_fact(self.haimen, "gdp", value, "亿元", year=year)
        response = self.profile(self.haimen)
        self.assertContains(response, '<svg class="sparkline" role="img"', count=1)
        self.assertContains(response, "<title>")

    def test_sample_data_is_labelled(self):
        make_fact(self.haimen, "gdp", "500", "亿元", year=2024, is_sample=True)
        response = self.client.get(f"/en/zones/{self.haimen.slug}/")
        self.assertContains(response, "示例数据 / sample data")

    def test_city_incentive_shows_on_every_zone_of_the_city(self):
        make_incentive("南通市招商引资政策", region=self.nantong_city)
        self.assertContains(self.profile(self.haimen), "南通市招商引资政策")
        self.assertContains(self.profile(self.nantong), "南通市招商引资政策")
        self.assertNotContains(self.profile(self.ningbo), "南通市招商引资政策")

    def test_expired_incentives_are_hidden_until_asked_for(self):
        make_incentive("现行政策", zone=self.haimen)
        make_incentive(
            "旧政策",
            zone=self.haimen,
            status=Incentive.Status.EXPIRED,
            valid_until=date(2020, 12, 31),
        )
        response = self.profile(self.haimen)
        self.assertContains(response, "现行政策")
        self.assertNotContains(response, "旧政策")
        self.assertContains(response, "?expired=1#incentives")
        response = self.profile(self.haimen, "?expired=1")
        self.assertContains(response, "旧政策")
        self.assertContains(response, "incentive-expired")
        text = response.content.decode()
        self.assertLess(text.index("现行政策"), text.index("旧政策"))

    def test_incentives_in_force_first_then_newest_then_undated(self):
        make_incentive(
            "未说明状态的政策",
            zone=self.haimen,
            status=Incentive.Status.NOT_STATED,
            issued_on=date(2024, 5, 1),
        )
        make_incentive("无日期的现行政策", zone=self.haimen)
        make_incentive("旧的现行政策", zone=self.haimen, issued_on=date(2019, 1, 1))
        make_incentive(
            "新的现行政策", region=self.nantong_city, issued_on=date(2023, 3, 1)
        )
        make_incentive(
            "审议中的政策",
            zone=self.haimen,
            status=Incentive.Status.UNDER_REVIEW,
            issued_on=date(2025, 1, 1),
        )
        text = self.profile(self.haimen).content.decode()
        titles = ["新的现行政策", "旧的现行政策", "无日期的现行政策",
                  "审议中的政策", "未说明状态的政策"]  # fmt: skip
        positions = [text.index(title) for title in titles]
        self.assertEqual(positions, sorted(positions))

    def test_rank_history_lists_each_year(self):
        make_fact(self.haimen, "mofcom-rank", "50", label="综合排名", year=2019)
        make_fact(self.haimen, "mofcom-rank", "45", label="综合排名", year=2020)
        response = self.profile(self.haimen)
        self.assertContains(response, "ranks-heading")
        self.assertContains(response, "<td>50")
        self.assertContains(response, "<td>45")

    def test_profile_links_to_the_comparison(self):
        self.assertContains(
            self.profile(self.haimen),
            reverse("facts:compare-add", kwargs={"slug": self.haimen.slug}),
        )
