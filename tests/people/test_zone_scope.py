"""A zone administrator's admin: their zones only, and crafted POSTs refused."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import ZONE_ADMINISTRATORS
from news.models import Article
from tests.factories import make_zone
from tests.people.helpers import (
    PeopleTestCase,
    change_url,
    form_errors,
    make_user,
    resubmit_data,
    zone_change_url,
)
from zones.models import Park, Zone

CHANGELIST = "admin:news_article_changelist"


class ArticleListScopeTests(PeopleTestCase):
    def test_zone_administrator_lists_only_their_zones_articles(self):
        self.make_article("海门的草稿")
        self.make_article("宁波的草稿", zone=self.zone_b)
        self.make_article("苏州的草稿", zone=self.zone_d)
        self.client.force_login(self.zadmin)

        response = self.client.get(reverse(CHANGELIST))

        self.assertContains(response, "海门的草稿")
        self.assertNotContains(response, "宁波的草稿")
        self.assertNotContains(response, "苏州的草稿")
        # Filtered in the queryset: the count says so too.
        self.assertEqual(response.context["cl"].result_count, 1)

    def test_editor_lists_every_zone(self):
        self.make_article("海门的草稿")
        self.make_article("宁波的草稿", zone=self.zone_b)
        self.client.force_login(self.editor)

        response = self.client.get(reverse(CHANGELIST))

        self.assertContains(response, "海门的草稿")
        self.assertContains(response, "宁波的草稿")

    def changelist_queries(self, user):
        self.client.force_login(user)
        self.client.get(reverse(CHANGELIST))  # site settings are cached after
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse(CHANGELIST))
        self.assertEqual(response.status_code, 200)
        return len(queries), response.context["cl"].result_count

    def test_query_count_does_not_grow_with_zones_or_articles(self):
        one_zone = make_user("one-zone", ZONE_ADMINISTRATORS, zones=[self.zone_a])
        many = [make_zone(f"第{n}开发区", f"zone-{n}", self.jiangsu) for n in range(20)]
        many_zones = make_user("many-zones", ZONE_ADMINISTRATORS, zones=many)
        self.make_article("一", zone=self.zone_a)
        self.make_article("二", zone=self.zone_a)
        for number, zone in enumerate(many):
            self.make_article(f"第{number}篇", zone=zone)

        small, small_count = self.changelist_queries(one_zone)
        large, large_count = self.changelist_queries(many_zones)

        self.assertEqual((small_count, large_count), (2, 20))
        self.assertEqual(small, large)

    def test_zone_administrator_changelist_query_count_is_pinned(self):
        for number in range(3):
            self.make_article(f"第{number}篇")
        self.client.force_login(self.zadmin)
        self.client.get(reverse(CHANGELIST))  # site settings are cached after

        # Session, user, permissions (user's and groups'), the user's zones
        # (which actions they get), the channel and province filters, the
        # filtered and total counts, the rows and the date hierarchy (two).
        # No savepoint pair: the list opens no request-wide revision.
        with self.assertNumQueries(12):
            response = self.client.get(reverse(CHANGELIST))
        self.assertEqual(response.context["cl"].result_count, 3)

    def test_other_zones_article_page_is_not_found_for_them(self):
        article = self.make_article("宁波的草稿", zone=self.zone_b)
        self.client.force_login(self.zadmin)

        response = self.client.get(change_url(article))

        self.assertRedirects(response, reverse("admin:index"))

    def test_staff_account_without_zones_or_role_sees_no_articles(self):
        # Fail-closed: model permissions alone do not open every zone.
        self.make_article("海门的草稿")
        loner = make_user("loner", ZONE_ADMINISTRATORS)
        self.client.force_login(loner)

        response = self.client.get(reverse(CHANGELIST))

        self.assertEqual(response.context["cl"].result_count, 0)


class CraftedArticlePostTests(PeopleTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.zadmin)

    def test_moving_an_article_to_another_zone_is_refused(self):
        article = self.make_article("海门的草稿")

        response = self.client.post(
            change_url(article),
            self.article_form(self.zone_b, title="海门的草稿"),
        )

        self.assertEqual(response.status_code, 200)
        self.assertIn("invalid_choice", form_errors(response))
        article.refresh_from_db()
        self.assertEqual(article.zone, self.zone_a)

    def test_adding_an_article_for_another_zone_is_refused(self):
        response = self.client.post(
            reverse("admin:news_article_add"),
            self.article_form(self.zone_b, title="冒名文章"),
        )

        self.assertEqual(response.status_code, 200)
        self.assertFalse(Article.objects.filter(title="冒名文章").exists())

    def test_an_article_without_zone_is_refused_for_them(self):
        data = self.article_form(title="无主文章")
        data["zone"] = ""

        response = self.client.post(reverse("admin:news_article_add"), data)

        self.assertIn("zone_required", form_errors(response))
        self.assertFalse(Article.objects.filter(title="无主文章").exists())

    def test_publishing_without_the_right_is_refused_by_every_route(self):
        article = self.make_article("海门的草稿")
        # (route, data, the refusal's error code)
        routes = (
            (
                "status field",
                self.article_form(title="海门的草稿", status="published"),
                "invalid_choice",
            ),
            (
                "publish button",
                self.article_form(title="海门的草稿", _publish="1"),
                "publish_not_allowed",
            ),
        )
        for route, data, code in routes:
            with self.subTest(route=route):
                response = self.client.post(change_url(article), data)
                self.assertIn(code, form_errors(response))
                article.refresh_from_db()
                self.assertEqual(article.status, Article.Status.DRAFT)
        self.client.post(
            reverse(CHANGELIST),
            {"action": "publish_now", "_selected_action": [str(article.pk)]},
        )
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.DRAFT)

    def test_their_status_choices_stop_at_submitted(self):
        response = self.client.get(reverse("admin:news_article_add"))

        choices = dict(response.context["adminform"].form.fields["status"].choices)
        self.assertEqual(set(choices), {"draft", "submitted"})

    def test_featuring_on_the_home_page_is_refused(self):
        article = self.make_article("海门的草稿")

        response = self.client.post(
            change_url(article),
            self.article_form(title="海门的草稿", is_featured="on"),
        )

        self.assertIn("protected_field", form_errors(response))
        article.refresh_from_db()
        self.assertFalse(article.is_featured)

    def test_published_article_of_a_review_zone_is_read_only_for_them(self):
        article = self.make_article("已发布", status=Article.Status.PUBLISHED)

        page = self.client.get(change_url(article))
        response = self.client.post(
            change_url(article), self.article_form(title="偷偷改", status="draft")
        )

        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, 'name="title"')
        self.assertEqual(response.status_code, 403)
        article.refresh_from_db()
        self.assertEqual(article.title, "已发布")

    def test_direct_publishing_administrator_publishes_in_their_zone(self):
        self.client.force_login(self.dadmin)
        response = self.client.post(
            reverse("admin:news_article_add"),
            self.article_form(self.zone_d, title="直接发布", _publish="1"),
        )

        self.assertEqual(response.status_code, 302)
        article = Article.objects.get(title="直接发布")
        self.assertEqual(article.status, Article.Status.PUBLISHED)
        self.assertEqual(article.author, self.dadmin)

    def test_zone_autocomplete_offers_only_their_zones_as_publisher(self):
        def found(field_name):
            response = self.client.get(
                reverse("admin:autocomplete"),
                {
                    "app_label": "news",
                    "model_name": "article",
                    "field_name": field_name,
                    "term": "开发区",
                },
            )
            return {item["text"] for item in response.json()["results"]}

        self.assertEqual(found("zone"), {"海门经济技术开发区"})
        # Other zones concerned may be any zone.
        self.assertIn("宁波经济技术开发区", found("related_zones"))

    def test_staff_preview_of_another_zones_draft_is_not_found(self):
        own = self.make_article("海门的草稿")
        other = self.make_article("宁波的草稿", zone=self.zone_b)

        self.assertEqual(self.client.get(own.get_preview_url()).status_code, 200)
        self.assertEqual(self.client.get(other.get_preview_url()).status_code, 404)


class ZoneProfileScopeTests(PeopleTestCase):
    def test_zone_administrator_lists_only_their_zones(self):
        self.client.force_login(self.zadmin)

        response = self.client.get(reverse("admin:zones_zone_changelist"))

        self.assertEqual(response.context["cl"].result_count, 1)
        self.assertContains(response, "海门经济技术开发区")
        self.assertNotContains(response, "宁波经济技术开发区")

    def test_catalogue_fields_are_read_only_and_profile_editable(self):
        self.client.force_login(self.zadmin)

        response = self.client.get(zone_change_url(self.zone_a))

        form = response.context["adminform"].form
        for name in ("name", "code", "level", "kind", "province", "approved_on"):
            with self.subTest(field=name):
                self.assertNotIn(name, form.fields)
        for name in ("area_hectares", "administrators", "is_direct_publishing"):
            with self.subTest(field=name):
                self.assertNotIn(name, form.fields)
        for name in ("profile", "profile_en", "phone", "website", "name_en"):
            with self.subTest(field=name):
                self.assertIn(name, form.fields)
        # The official name is still shown, as text.
        self.assertContains(response, "海门经济技术开发区")

    def test_profile_and_park_changes_are_saved(self):
        self.client.force_login(self.zadmin)
        page = self.client.get(zone_change_url(self.zone_a))
        data = resubmit_data(
            page,
            profile="<p>欢迎投资。</p>",
            phone="0513-82200000",
            **{
                "parks-TOTAL_FORMS": "1",
                "parks-0-name": "航天新材料产业园",
                "parks-0-area_unit": "mu",
                "parks-0-position": "0",
            },
        )

        response = self.client.post(zone_change_url(self.zone_a), data)

        self.assertEqual(response.status_code, 302, form_errors(response))
        self.zone_a.refresh_from_db()
        self.assertEqual(self.zone_a.phone, "0513-82200000")
        self.assertEqual(self.zone_a.profile, "<p>欢迎投资。</p>")
        self.assertTrue(Park.objects.filter(zone=self.zone_a).exists())

    def test_crafted_changes_to_official_fields_are_refused(self):
        self.client.force_login(self.zadmin)
        page = self.client.get(zone_change_url(self.zone_a))
        crafted = {
            "name": "改名开发区",
            "code": "X000001",
            "level": Zone.Level.PROVINCIAL,
            "kind": Zone.Kind.HIGH_TECH,
            "province": str(self.zhejiang.pk),
            "approved_on": "2000-01-01",
            "area_hectares": "99999",
            "catalogue_number": "1",
            "is_direct_publishing": "on",
            "administrators": [str(self.dadmin.pk)],
            "slug": "renamed",
            "is_published": "",
        }
        for name, value in crafted.items():
            with self.subTest(field=name):
                response = self.client.post(
                    zone_change_url(self.zone_a),
                    resubmit_data(page, **{name: value}),
                )
                self.assertIn("protected_field", form_errors(response))
        zone = Zone.objects.get(pk=self.zone_a.pk)
        self.assertEqual(
            (zone.name, zone.level, zone.province, zone.slug, zone.code),
            (
                "海门经济技术开发区",
                Zone.Level.NATIONAL,
                self.jiangsu,
                "haimen-etdz",
                self.zone_a.code,
            ),
        )
        self.assertFalse(zone.is_direct_publishing)
        self.assertEqual(list(zone.administrators.all()), [self.zadmin])

    def test_they_cannot_unpublish_zones_by_action(self):
        self.client.force_login(self.zadmin)

        self.client.post(
            reverse("admin:zones_zone_changelist"),
            {"action": "unpublish", "_selected_action": [str(self.zone_a.pk)]},
        )

        self.zone_a.refresh_from_db()
        self.assertTrue(self.zone_a.is_published)

    def test_editor_corrects_catalogue_fields_but_not_administrators(self):
        self.client.force_login(self.editor)
        page = self.client.get(zone_change_url(self.zone_b))
        self.assertNotIn("administrators", page.context["adminform"].form.fields)

        response = self.client.post(
            zone_change_url(self.zone_b),
            resubmit_data(page, name="宁波经济技术开发区（更正）"),
        )

        self.assertEqual(response.status_code, 302, form_errors(response))
        self.zone_b.refresh_from_db()
        self.assertEqual(self.zone_b.name, "宁波经济技术开发区（更正）")
        self.assertEqual(
            self.client.get(reverse("admin:zones_zone_add")).status_code, 403
        )


class EnglishProfileFilterTests(PeopleTestCase):
    def test_missing_and_present(self):
        Zone.objects.filter(pk=self.zone_a.pk).update(profile_en="<p>Welcome.</p>")
        Zone.objects.filter(pk=self.zone_d.pk).update(
            profile_en="<p>Welcome.</p>", name_en=""
        )
        self.client.force_login(self.editor)
        url = reverse("admin:zones_zone_changelist")

        missing = self.client.get(url, {"english": "missing"})
        present = self.client.get(url, {"english": "present"})

        self.assertEqual(
            {zone.pk for zone in missing.context["cl"].result_list},
            {self.zone_b.pk, self.zone_d.pk},
        )
        self.assertEqual(
            [zone.pk for zone in present.context["cl"].result_list], [self.zone_a.pk]
        )
        self.assertContains(missing, 'href="?english=present"')
        # An unknown value is ignored, not an error.
        self.assertEqual(self.client.get(url, {"english": "x"}).status_code, 200)
