"""Filters and cursor pages of the API lists."""

from datetime import timedelta

from django.urls import reverse
from django.utils import translation

from news.models import Article
from projects.models import Project
from tests.api.helpers import ApiTestCase, make_fact
from tests.projects.helpers import make_project
from zones.models import Industry, Region, ZoneIndustry

ARTICLES = reverse("api:article-list")
ZONES = reverse("api:zone-list")


class ArticleFilterTests(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.haimen = self.make_article("海门新闻", tags=["半导体"])
        self.ningbo = self.make_article(
            "宁波新闻", zone=self.ningbo_zone, channel=self.investment_news
        )
        self.english = self.make_article(
            "Suzhou news", zone=self.suzhou_zone, language=Article.Language.ENGLISH
        )
        self.named = self.make_article("宁波提到海门", zone=self.ningbo_zone)
        self.named.related_zones.add(self.haimen_zone)

    def test_the_news_lists_filters_apply(self):
        cases = [
            ({}, [self.haimen, self.ningbo, self.english, self.named]),
            ({"language": "en"}, [self.english]),
            ({"zone": "haimen-etdz"}, [self.haimen, self.named]),
            ({"channel": "investment"}, [self.ningbo]),
            ({"province": "zhejiang"}, [self.ningbo, self.named]),
            ({"province": "jiangsu", "city": "suzhou"}, [self.english]),
            ({"tag": "半导体"}, [self.haimen]),
            ({"year": self.now.year + 1}, []),
        ]
        for params, expected in cases:
            with self.subTest(params):
                self.assertCountEqual(
                    self.ids(ARTICLES, **params), [a.pk for a in expected]
                )

    def test_values_that_name_nothing_answer_400_naming_each(self):
        data = self.get_json(
            ARTICLES, expect=400, zone="atlantis", kind="video", language="fr"
        )
        self.assertEqual(set(data), {"zone", "kind", "language"})
        self.assertIn("atlantis", data["zone"][0])
        for params, name in (
            ({"month": 3}, "month"),
            ({"year": "20x4"}, "year"),
            ({"province": "zhejiang", "city": "suzhou"}, "city"),
            ({"zone": "bad\x00slug"}, "zone"),
            ({"tag": "x" * 300}, "tag"),
        ):
            with self.subTest(params):
                self.assertIn(name, self.get_json(ARTICLES, expect=400, **params))

    def test_messages_follow_accept_language(self):
        response = self.client.get(
            ARTICLES, {"zone": "atlantis"}, headers={"accept-language": "en"}
        )
        self.assertEqual(response.json(), {"zone": ["There is no zone “atlantis”."]})
        response = self.client.get(ARTICLES, {"zone": "atlantis"})
        self.assertIn("atlantis", response.json()["zone"][0])
        self.assertNotIn("There is no", response.json()["zone"][0])
        self.assertIn("Accept-Language", response["Vary"])
        translation.deactivate()


class ArticlePageTests(ApiTestCase):
    def setUp(self):
        super().setUp()
        # Pairs of articles published at the very same moment: the cursor
        # must tell them apart by id.
        self.articles = []
        for day in range(5):
            moment = self.yesterday - timedelta(days=day)
            for n in range(2):
                self.articles.append(
                    self.make_article(f"新闻{day}-{n}", published_at=moment)
                )
        self.newest_first = sorted(
            self.articles, key=lambda a: (a.published_at, a.pk), reverse=True
        )

    def test_next_links_visit_every_article_once_newest_first(self):
        self.assertEqual(
            self.ids(ARTICLES, page_size=3), [a.pk for a in self.newest_first]
        )

    def test_previous_links_walk_back_to_the_first_page(self):
        pages = [self.get_json(ARTICLES, page_size=3)]
        while pages[-1]["next"]:
            pages.append(self.get_json(pages[-1]["next"]))
        self.assertEqual(len(pages), 4)
        self.assertIsNone(pages[0]["previous"])
        self.assertIsNone(pages[-1]["next"])
        back = self.get_json(pages[2]["previous"])
        self.assertEqual(back["results"], pages[1]["results"])
        first = self.get_json(back["previous"])
        self.assertEqual(first["results"], pages[0]["results"])
        self.assertIsNone(first["previous"])

    def test_a_cursor_of_a_deleted_article_still_leads_on(self):
        page = self.get_json(ARTICLES, page_size=3)
        Article.objects.filter(pk=page["results"][-1]["id"]).delete()
        following = self.get_json(page["next"])
        self.assertEqual(
            [row["id"] for row in following["results"]],
            [a.pk for a in self.newest_first[3:6]],
        )

    def test_malformed_cursors_and_page_sizes_answer_400(self):
        for cursor in ("", "x", "n", "nabc", "n12-", "p-3", "n1-2-3", "n" + "9" * 40):
            with self.subTest(cursor=cursor):
                data = self.get_json(ARTICLES, expect=400, cursor=cursor)
                self.assertEqual(list(data), ["cursor"])
        for size in ("0", "101", "-1", "abc", "1.5", ""):
            with self.subTest(size=size):
                data = self.get_json(ARTICLES, expect=400, page_size=size)
                self.assertEqual(list(data), ["page_size"])


class ZoneListTests(ApiTestCase):
    def test_the_directorys_filters_apply(self):
        chips = Industry.objects.create(name="集成电路", slug="集成电路")
        ZoneIndustry.objects.create(content_object=self.suzhou_zone, tag=chips)
        cases = [
            ({"province": "jiangsu"}, ["haimen-etdz", "suzhou-industrial-park"]),
            ({"province": "jiangsu", "city": "nantong"}, ["haimen-etdz"]),
            ({"industry": "集成电路"}, ["suzhou-industrial-park"]),
            ({"q": "宁波"}, ["ningbo-etdz"]),
            ({"level": "provincial"}, []),
            # The directory's sort has no meaning for a list in id order.
            (
                {"sort": "nonsense"},
                ["haimen-etdz", "suzhou-industrial-park", "ningbo-etdz"],
            ),
        ]
        for params, slugs in cases:
            with self.subTest(params):
                data = self.get_json(ZONES, **params)
                self.assertEqual([row["slug"] for row in data["results"]], slugs)

    def test_unknown_values_answer_400(self):
        data = self.get_json(ZONES, expect=400, province="atlantis", kind="x")
        self.assertEqual(set(data), {"province", "kind"})

    def test_zone_pages_by_cursor(self):
        first = self.get_json(ZONES, page_size=2)
        second = self.get_json(first["next"])
        self.assertEqual(
            [row["slug"] for row in first["results"] + second["results"]],
            ["haimen-etdz", "suzhou-industrial-park", "ningbo-etdz"],
        )
        self.assertIsNone(second["next"])


class OtherListTests(ApiTestCase):
    def test_regions_by_level_and_parent(self):
        data = self.get_json(reverse("api:region-list"), level="province")
        self.assertEqual(
            [row["slug"] for row in data["results"]], ["jiangsu", "zhejiang"]
        )
        data = self.get_json(reverse("api:region-list"), parent="jiangsu")
        self.assertEqual(
            [row["slug"] for row in data["results"]], ["nantong", "suzhou"]
        )
        self.assertEqual(data["results"][0]["parent"], "jiangsu")
        url = reverse("api:region-detail", kwargs={"slug": "nantong"})
        self.assertEqual(self.get_json(url)["level"], Region.Level.CITY)

    def test_projects_by_the_project_lists_filters(self):
        lease = make_project(self.haimen_zone, "厂房")
        venture = make_project(
            self.ningbo_zone,
            "合资",
            cooperation=Project.Cooperation.JOINT_VENTURE,
            status=Project.Status.NEGOTIATING,
        )
        url = reverse("api:project-list")
        for params, expected in (
            ({"province": "zhejiang"}, [venture]),
            ({"zone": "haimen-etdz"}, [lease]),
            ({"cooperation": "joint_venture"}, [venture]),
            ({"status": "seeking"}, [lease]),
        ):
            with self.subTest(params):
                self.assertEqual(self.ids(url, **params), [p.pk for p in expected])
        self.assertEqual(
            set(self.get_json(url, expect=400, status="open", zone="x")),
            {"status", "zone"},
        )

    def test_figures_by_zone_indicator_and_year(self):
        gdp = make_fact(self.haimen_zone, "gdp", "900", year=2024)
        old = make_fact(self.haimen_zone, "gdp", "800", year=2023)
        other = make_fact(self.suzhou_zone, "gdp", "3000", year=2024)
        url = reverse("api:figure-list")
        self.assertEqual(self.ids(url, zone="haimen-etdz"), [gdp.pk, old.pk])
        self.assertEqual(self.ids(url, year=2024), [gdp.pk, other.pk])
        self.assertEqual(
            self.ids(url, indicator="gdp", category="economy"),
            [gdp.pk, old.pk, other.pk],
        )
        self.assertEqual(
            set(self.get_json(url, expect=400, indicator="nope")), {"indicator"}
        )
        row = self.get_json(reverse("api:figure-detail", kwargs={"pk": gdp.pk}))
        self.assertEqual(row["value"], 900)
        self.assertEqual(row["indicator"]["code"], "gdp")


class IncentiveListTests(ApiTestCase):
    def test_expired_takes_true_or_false(self):
        url = reverse("api:incentive-list")
        for value in ("true", "false", "1", "0"):
            with self.subTest(value):
                self.get_json(url, expired=value)
        data = self.client.get(
            url, {"expired": "maybe"}, headers={"accept-language": "en"}
        ).json()
        self.assertEqual(data, {"expired": ["Write true or false, not “maybe”."]})
