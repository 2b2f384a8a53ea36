"""Zones are found by what investors search for: industries and profile too."""

from django.urls import reverse

from search.finders import Filters, find_zones, run_search
from search.terms import parse_query
from tests.factories import make_zone
from tests.search.helpers import SearchTestCase, queries_per_search
from zones.models import Industry, Zone


class ZoneMatchingTests(SearchTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.haimen.industries.add("装备制造", "生物医药", "机电")
        cls.suzhou = make_zone(
            "苏州工业园区",
            "suzhou-industrial-park",
            cls.jiangsu,
            short_name="苏州工业园",
            name_en="Suzhou Industrial Park",
        )
        cls.suzhou.industries.add("电子信息", "生物医药", "纳米技术")
        cls.xian = make_zone(
            "西安高新技术产业开发区", "xian-high-tech-zone", cls.zhejiang, name_en=""
        )
        cls.xian.industries.add("半导体", "软件和信息服务")
        cls.named = make_zone(
            "苏州生物医药产业园",
            "suzhou-biomedicine-park",
            cls.jiangsu,
            level=Zone.Level.PROVINCIAL,
            name_en="",
        )
        cls.profiled = make_zone(
            "常熟经济技术开发区",
            "changshu-etdz",
            cls.jiangsu,
            profile="<p>毗邻<strong>苏州</strong>，重点发展生物医药。</p>",
            name_en="",
        )

    def zones(self, q):
        page = run_search(find_zones, parse_query(q), Filters(), 0, 20)
        return page.zones

    def search(self, q, **params):
        return self.client.get(reverse("search:index"), {"q": q, **params})

    def test_leading_industry_finds_the_zone(self):
        self.assertEqual(self.zones("半导体"), [self.xian])
        response = self.search("半导体")
        self.assertContains(response, "西安高新技术产业开发区")
        self.assertContains(response, "<mark>半导体</mark>、软件和信息服务", html=True)

    def test_a_short_name_equal_to_the_official_one_is_not_repeated(self):
        Zone.objects.filter(pk=self.suzhou.pk).update(short_name="苏州工业园区")
        for path in ("/search/", "/en/search/"):
            with self.subTest(path=path):
                text = self.client.get(path, {"q": "苏州工业园区"}).content.decode()
                # Once as the heading (in Chinese) or the other name (in
                # English), never again as the short name.
                self.assertEqual(text.count("<mark>苏州工业园区</mark>"), 1)

    def test_english_industry_names_are_searched_and_shown(self):
        Industry.objects.filter(name="半导体").update(name_en="Semiconductors")
        Industry.objects.get(name="半导体").save()  # as the admin would

        self.assertEqual(self.zones("semiconductor"), [self.xian])
        response = self.client.get("/en/search/", {"q": "semiconductor"})
        self.assertContains(response, "<mark>Semiconductor</mark>s, ", html=False)

    def test_place_and_industry_together(self):
        # 苏州 in the name, 生物医药 among the industries (or in the name, or
        # in the profile): names first, then industries, then the profile.
        self.assertEqual(
            self.zones("苏州 生物医药"), [self.named, self.suzhou, self.profiled]
        )

    def test_profile_text_is_searched_without_its_markup(self):
        self.assertEqual(self.zones("毗邻苏州"), [self.profiled])
        self.assertEqual(self.zones("strong"), [])
        response = self.search("毗邻")
        self.assertContains(
            response, "<mark>毗邻</mark>苏州，重点发展生物医药。", html=True
        )

    def test_short_and_english_names_still_match(self):
        self.assertEqual(self.zones("苏州工业园"), [self.suzhou])
        self.assertEqual(self.zones("industrial park"), [self.suzhou])

    def test_changing_industries_or_profile_changes_what_is_found(self):
        self.xian.industries.remove("半导体")
        self.assertEqual(self.zones("半导体"), [])
        self.xian.industries.add("航空航天")
        self.assertEqual(self.zones("航空"), [self.xian])
        self.xian.profile = "<p>集成电路</p>"
        self.xian.save()
        self.assertEqual(self.zones("集成电路"), [self.xian])

    def test_query_count_does_not_grow_with_industry_matches(self):
        # Site settings, provinces, zones with their count, projects, probe,
        # ranked articles: as for a match in the names.
        with self.assertNumQueries(queries_per_search(6)):
            response = self.search("生物医药")
        self.assertEqual(len(response.context["zone_items"]), 4)
