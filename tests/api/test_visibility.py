"""Nothing private leaves through the API: every state of an article, a
project, a zone, a figure and an incentive, in the list and the detail."""

import json
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from facts.models import Incentive
from news.models import Article
from projects.models import Project
from tests.api.helpers import ApiTestCase, make_fact
from tests.factories import make_region, make_zone
from tests.facts.helpers import make_incentive
from tests.projects.helpers import make_project
from zones.models import Region

ARTICLES = reverse("api:article-list")
PROJECTS = reverse("api:project-list")
PRIVATE_ARTICLE_FIELDS = (
    "author", "reviewed_by", "review_comment", "status", "submitted_at",
    "reviewed_at", "deleted_at", "is_publish_time_chosen", "created_at",
    "updated_at",
)  # fmt: skip


def article_url(article):
    return reverse("api:article-detail", kwargs={"pk": article.pk})


def project_url(project):
    return reverse("api:project-detail", kwargs={"pk": project.pk})


class ArticleStateTests(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.published = self.make_article("已发布的新闻")
        self.hidden = {
            "draft": self.make_article("草稿", status=Article.Status.DRAFT),
            "submitted": self.make_article("待审核", status=Article.Status.SUBMITTED),
            "scheduled": self.make_article("定时发布", published_at=self.tomorrow),
            "deleted": self.make_article("回收站里的", deleted_at=self.now),
            "deleted draft": self.make_article(
                "回收站里的草稿", status=Article.Status.DRAFT, deleted_at=self.now
            ),
        }

    def test_only_the_published_article_is_listed(self):
        self.assertEqual(self.ids(ARTICLES), [self.published.pk])

    def test_every_other_state_answers_404(self):
        self.get_json(article_url(self.published))
        for state, article in self.hidden.items():
            with self.subTest(state):
                data = self.get_json(article_url(article), expect=404)
                self.assertEqual(set(data), {"detail"})

    def test_filters_never_bring_hidden_articles_back(self):
        for params in (
            {"zone": self.haimen_zone.slug},
            {"channel": self.zone_news.slug},
            {"province": self.jiangsu.slug},
            {"language": "zh-hans"},
            {"year": self.now.year},
        ):
            with self.subTest(params):
                self.assertEqual(self.ids(ARTICLES, **params), [self.published.pk])

    def test_a_scheduled_article_appears_once_its_time_comes(self):
        scheduled = self.hidden["scheduled"]
        Article.objects.filter(pk=scheduled.pk).update(
            published_at=timezone.now() - timedelta(seconds=1)
        )
        self.assertIn(scheduled.pk, self.ids(ARTICLES))
        self.get_json(article_url(scheduled))

    def test_no_staff_name_or_workflow_field_is_shown(self):
        Article.objects.filter(pk=self.published.pk).update(
            author=self.editor,
            reviewed_by=self.editor,
            review_comment="内部意见：请改标题",
            reviewed_at=self.now,
            submitted_at=self.now,
        )
        for url in (ARTICLES, article_url(self.published)):
            text = self.client.get(url).content.decode()
            data = json.loads(text)
            row = data["results"][0] if "results" in data else data
            for name in PRIVATE_ARTICLE_FIELDS:
                self.assertNotIn(name, row)
            self.assertNotIn("editor", text)
            self.assertNotIn("内部意见", text)

    def test_an_unpublished_zone_is_named_but_not_linked(self):
        self.haimen_zone.is_published = False
        self.haimen_zone.save()
        data = self.get_json(article_url(self.published))
        self.assertEqual(data["zone"]["slug"], self.haimen_zone.slug)
        self.assertIsNone(data["zone"]["url"])

    def test_other_zones_named_are_only_published_ones(self):
        self.ningbo_zone.is_published = False
        self.ningbo_zone.save()
        self.published.related_zones.add(self.suzhou_zone, self.ningbo_zone)
        data = self.get_json(article_url(self.published))
        self.assertEqual(
            [zone["slug"] for zone in data["related_zones"]], [self.suzhou_zone.slug]
        )


class ProjectStateTests(ApiTestCase):
    def setUp(self):
        super().setUp()
        today = timezone.localdate()
        self.open = make_project(self.haimen_zone, "公开项目")
        self.last_day = make_project(self.haimen_zone, "今天截止", valid_until=today)
        self.signed = make_project(
            self.haimen_zone, "已签约", status=Project.Status.SIGNED
        )
        self.draft = make_project(self.haimen_zone, "草稿项目", is_published=False)
        self.expired = make_project(
            self.haimen_zone, "过期项目", valid_until=today - timedelta(days=1)
        )
        self.ningbo_zone.is_published = False
        self.ningbo_zone.save()
        self.hidden_zone = make_project(self.ningbo_zone, "隐藏园区的项目")

    def test_the_list_holds_what_the_project_list_shows(self):
        self.assertEqual(
            self.ids(PROJECTS), [self.signed.pk, self.last_day.pk, self.open.pk]
        )

    def test_unpublished_projects_and_those_of_hidden_zones_answer_404(self):
        for project in (self.draft, self.hidden_zone):
            with self.subTest(project.title):
                self.get_json(project_url(project), expect=404)

    def test_an_expired_project_keeps_its_detail_marked_closed(self):
        data = self.get_json(project_url(self.expired))
        self.assertFalse(data["is_open"])
        self.assertTrue(self.get_json(project_url(self.open))["is_open"])
        self.assertTrue(self.get_json(project_url(self.last_day))["is_open"])
        self.assertFalse(self.get_json(project_url(self.signed))["is_open"])

    def test_contact_falls_back_to_the_zones(self):
        self.haimen_zone.phone = "0513-82200000"
        self.haimen_zone.save()
        data = self.get_json(project_url(self.open))
        self.assertEqual(data["phone"], "0513-82200000")
        self.assertNotIn("is_published", data)


class ZoneVisibilityTests(ApiTestCase):
    def test_unpublished_zones_are_neither_listed_nor_shown(self):
        self.ningbo_zone.is_published = False
        self.ningbo_zone.save()
        slugs = [
            row["slug"]
            for row in self.get_json(reverse("api:zone-list"), page_size=100)["results"]
        ]
        self.assertCountEqual(slugs, [self.haimen_zone.slug, self.suzhou_zone.slug])
        url = reverse("api:zone-detail", kwargs={"slug": self.ningbo_zone.slug})
        self.get_json(url, expect=404)

    def test_the_point_is_shown_only_when_marked_reliable(self):
        for zone, reliable in ((self.haimen_zone, True), (self.suzhou_zone, False)):
            zone.latitude, zone.longitude = 31.87, 121.18
            zone.is_location_reliable = reliable
            zone.save()
        url = reverse("api:zone-detail", kwargs={"slug": self.haimen_zone.slug})
        self.assertEqual(
            self.get_json(url)["location"], {"latitude": 31.87, "longitude": 121.18}
        )
        url = reverse("api:zone-detail", kwargs={"slug": self.suzhou_zone.slug})
        self.assertIsNone(self.get_json(url)["location"])

    def test_administrators_are_not_shown(self):
        self.haimen_zone.administrators.add(self.editor)
        url = reverse("api:zone-detail", kwargs={"slug": self.haimen_zone.slug})
        text = self.client.get(url).content.decode()
        self.assertNotIn("administrators", text)
        self.assertNotIn("editor", text)
        self.assertNotIn("is_direct_publishing", text)


class FigureVisibilityTests(ApiTestCase):
    def test_figures_of_hidden_zones_are_hidden(self):
        shown = make_fact(self.haimen_zone)
        hidden = make_fact(self.ningbo_zone)
        self.ningbo_zone.is_published = False
        self.ningbo_zone.save()
        self.assertEqual(self.ids(reverse("api:figure-list")), [shown.pk])
        self.get_json(
            reverse("api:figure-detail", kwargs={"pk": hidden.pk}), expect=404
        )

    def test_verification_is_a_flag_without_names_and_notes_stay_inside(self):
        verified = make_fact(
            self.haimen_zone,
            note="内部备注",
            source_quality="二手来源",
            entered_by=self.editor,
            verified_by=self.editor,
            verified_at=self.now,
        )
        unverified = make_fact(self.suzhou_zone)
        url = reverse("api:figure-detail", kwargs={"pk": verified.pk})
        text = self.client.get(url).content.decode()
        self.assertTrue(json.loads(text)["is_verified"])
        for private in ("内部备注", "二手来源", "editor", "entered_by", "verified_by"):
            self.assertNotIn(private, text)
        url = reverse("api:figure-detail", kwargs={"pk": unverified.pk})
        self.assertFalse(self.get_json(url)["is_verified"])


class IncentiveVisibilityTests(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.own = make_incentive("海门设备补贴", zone=self.haimen_zone)
        self.city = make_incentive("南通人才政策", region=self.nantong)
        self.expired = make_incentive(
            "过期政策", zone=self.haimen_zone, status=Incentive.Status.EXPIRED
        )
        empty_city = make_region(
            "空城市", "empty-city", Region.Level.CITY, self.jiangsu
        )
        self.nowhere = make_incentive("无开发区城市的政策", region=empty_city)
        hidden_zone = make_zone(
            "未公开开发区", "hidden-zone", self.jiangsu, self.suzhou, is_published=False
        )
        self.hidden = make_incentive("未公开开发区政策", zone=hidden_zone)

    def test_expired_ones_only_on_request(self):
        url = reverse("api:incentive-list")
        self.assertCountEqual(self.ids(url), [self.own.pk, self.city.pk])
        self.assertCountEqual(
            self.ids(url, expired="true"), [self.own.pk, self.city.pk, self.expired.pk]
        )

    def test_a_zone_gets_its_own_and_its_regions_incentives(self):
        url = reverse("api:incentive-list")
        self.assertCountEqual(
            self.ids(url, zone=self.haimen_zone.slug), [self.own.pk, self.city.pk]
        )
        self.assertEqual(self.ids(url, zone=self.ningbo_zone.slug), [])

    def test_incentives_no_public_page_shows_answer_404(self):
        for incentive in (self.nowhere, self.hidden):
            with self.subTest(incentive.title):
                url = reverse("api:incentive-detail", kwargs={"pk": incentive.pk})
                self.get_json(url, expect=404)
        url = reverse("api:incentive-detail", kwargs={"pk": self.expired.pk})
        self.assertEqual(self.get_json(url)["status"], "expired")

    def test_staff_fields_are_not_shown(self):
        self.own.note = "内部备注"
        self.own.entered_by = self.editor
        self.own.save()
        url = reverse("api:incentive-detail", kwargs={"pk": self.own.pk})
        text = self.client.get(url).content.decode()
        for private in ("内部备注", "editor", "entered_by", "verified"):
            self.assertNotIn(private, text)
