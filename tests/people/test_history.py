"""Versions, compare, restore, the recycle bin, and refused stale saves."""

from django.urls import reverse
from reversion.models import Version

from news.models import Article
from tests.people.helpers import (
    PeopleTestCase,
    change_url,
    form_errors,
    resubmit_data,
    zone_change_url,
)
from zones.models import Industry, Zone

CHANGELIST = "admin:news_article_changelist"


def versions_of(obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


class ArticleVersionTests(PeopleTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor)

    def save_through_admin(self, article, **changes):
        page = self.client.get(change_url(article))
        response = self.client.post(change_url(article), resubmit_data(page, **changes))
        self.assertEqual(response.status_code, 302, form_errors(response))
        article.refresh_from_db()

    def test_every_admin_save_keeps_a_version_with_who_and_when(self):
        response = self.client.post(
            reverse("admin:news_article_add"),
            self.article_form(title="初稿", tags="半导体"),
        )
        self.assertEqual(response.status_code, 302)
        article = Article.objects.get(title="初稿")
        self.save_through_admin(article, title="二稿")

        history = self.client.get(
            reverse("admin:news_article_history", args=[article.pk])
        )

        kept = versions_of(article)
        self.assertEqual(len(kept), 2)
        self.assertEqual({v.revision.user for v in kept}, {self.editor})
        self.assertContains(history, 'name="old"', count=2)
        self.assertContains(history, "editor")

    def test_compare_two_versions_marks_what_changed(self):
        article = self.make_article("海门新闻")
        self.save_through_admin(article, title="海门新闻", tags="半导体")
        self.save_through_admin(
            article,
            title="海门要闻",
            body="<p>四甲镇规划建设三大产业园。</p>",
            tags="半导体, 物流",
        )
        older, newer = versions_of(article)

        response = self.client.get(
            reverse("admin:news_article_compare", args=[article.pk]),
            {"old": older.pk, "new": newer.pk},
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<del>新</del>")
        self.assertContains(response, "<ins>要</ins>")
        self.assertContains(response, "<del>两</del>")
        self.assertContains(response, "<ins>三</ins>")
        self.assertContains(response, "物流")  # the tag links differ too
        restore = reverse("admin:news_article_revision", args=[article.pk, older.pk])
        self.assertContains(response, restore)

    def test_compare_with_bad_or_foreign_versions_goes_back_to_history(self):
        article = self.make_article("海门新闻")
        other = self.make_article("宁波新闻", zone=self.zone_b)
        self.save_through_admin(article, title="海门新闻一")
        self.save_through_admin(other, title="宁波新闻一")
        foreign = versions_of(other)[0]
        own = versions_of(article)[0]
        url = reverse("admin:news_article_compare", args=[article.pk])
        for params in (
            {},
            {"old": "x", "new": "y"},
            {"old": own.pk, "new": own.pk},
            {"old": own.pk, "new": foreign.pk},
            {"old": "99999999999999999999999", "new": own.pk},
        ):
            with self.subTest(params=params):
                response = self.client.get(url, params)
                self.assertRedirects(
                    response, reverse("admin:news_article_history", args=[article.pk])
                )

    def test_restore_an_earlier_version_with_its_tags_and_gallery(self):
        article = self.make_article("原标题")
        self.save_through_admin(
            article,
            tags="半导体",
            **{
                "images-TOTAL_FORMS": "0",
            },
        )
        first = versions_of(article)[0]
        self.save_through_admin(
            article, title="改坏的标题", body="<p>错误内容</p>", tags="错误"
        )
        self.assertEqual(article.title, "改坏的标题")

        page = self.client.get(
            reverse("admin:news_article_revision", args=[article.pk, first.pk])
        )
        self.assertContains(page, "原标题")
        # Looking at an old version changes nothing.
        article.refresh_from_db()
        self.assertEqual(article.title, "改坏的标题")

        response = self.client.post(
            reverse("admin:news_article_revision", args=[article.pk, first.pk]),
            resubmit_data(page),
        )

        self.assertEqual(response.status_code, 302, form_errors(response))
        article.refresh_from_db()
        self.assertEqual(article.title, "原标题")
        self.assertIn("四甲镇", article.body)
        self.assertEqual(set(article.tags.names()), {"半导体"})
        # The restore is itself a version, so it can be undone.
        self.assertEqual(len(versions_of(article)), 3)

    def test_a_version_of_another_object_cannot_be_reverted_through_this_one(self):
        article = self.make_article("海门新闻")
        self.save_through_admin(article, title="海门新闻一")
        self.client.force_login(self.root)
        zone_page = self.client.get(zone_change_url(self.zone_b))
        self.client.post(
            zone_change_url(self.zone_b), resubmit_data(zone_page, phone="1")
        )
        zone_version = versions_of(self.zone_b)[0]

        response = self.client.get(
            reverse("admin:news_article_revision", args=[article.pk, zone_version.pk])
        )

        self.assertEqual(response.status_code, 404)


class RecycleBinTests(PeopleTestCase):
    def test_deleting_moves_to_the_bin_and_restoring_brings_it_back(self):
        article = self.make_article("要删的文章", status=Article.Status.PUBLISHED)
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 200)

        confirm = self.client.get(
            reverse("admin:news_article_delete", args=[article.pk])
        )
        # No list of related rows "to be deleted": nothing is.
        self.assertContains(confirm, 'name="post"')
        self.assertNotContains(confirm, 'id="deleted-objects"')
        response = self.client.post(
            reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"}
        )

        self.assertRedirects(response, reverse(CHANGELIST))
        article.refresh_from_db()
        self.assertIsNotNone(article.deleted_at)
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 404)
        listed = self.client.get(reverse(CHANGELIST))
        self.assertNotIn(article, listed.context["cl"].result_list)
        binned = self.client.get(reverse(CHANGELIST), {"bin": "1"})
        self.assertEqual(list(binned.context["cl"].result_list), [article])
        latest = versions_of(article)[-1]
        self.assertIsNotNone(latest.field_dict["deleted_at"])
        self.assertEqual(latest.revision.user, self.editor)

        self.client.post(
            reverse(CHANGELIST) + "?bin=1",
            {"action": "restore_from_bin", "_selected_action": [str(article.pk)]},
        )

        article.refresh_from_db()
        self.assertIsNone(article.deleted_at)
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 200)

    def test_restore_button_on_the_change_form(self):
        article = self.make_article("要删的文章")
        self.client.force_login(self.zadmin)
        self.client.post(
            reverse(CHANGELIST),
            {"action": "move_to_bin", "_selected_action": [str(article.pk)]},
        )
        article.refresh_from_db()
        self.assertIsNotNone(article.deleted_at)
        page = self.client.get(change_url(article))
        self.assertContains(page, 'name="_restore"')

        self.client.post(
            change_url(article), self.article_form(title=article.title, _restore="1")
        )

        article.refresh_from_db()
        self.assertIsNone(article.deleted_at)

    def test_only_a_superuser_purges_and_can_recover_a_purged_article(self):
        article = self.make_article("要清除的文章")
        self.make_article("另一篇")
        self.client.force_login(self.editor)
        self.client.post(
            reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"}
        )
        # The editor cannot purge it from the bin.
        purge = reverse("admin:news_article_delete", args=[article.pk])
        self.assertEqual(self.client.post(purge, {"post": "yes"}).status_code, 403)
        actions = self.client.get(reverse(CHANGELIST)).context["action_form"]
        self.assertNotIn("delete_selected", dict(actions.fields["action"].choices))
        self.assertTrue(Article.objects.filter(pk=article.pk).exists())

        self.client.force_login(self.root)
        confirm = self.client.post(
            reverse(CHANGELIST) + "?bin=1",
            {"action": "delete_selected", "_selected_action": [str(article.pk)]},
        )
        self.assertContains(confirm, "要清除的文章")
        self.client.post(
            reverse(CHANGELIST) + "?bin=1",
            {
                "action": "delete_selected",
                "_selected_action": [str(article.pk)],
                "post": "yes",
            },
        )
        self.assertFalse(Article.objects.filter(pk=article.pk).exists())
        self.assertEqual(Article.objects.count(), 1)

        # Purged rows are still in the history: a superuser recovers one.
        recover_list = self.client.get(reverse("admin:news_article_recoverlist"))
        self.assertContains(recover_list, "要清除的文章")
        deleted = Version.objects.get_deleted(Article).get()
        page = self.client.get(reverse("admin:news_article_recover", args=[deleted.pk]))
        response = self.client.post(
            reverse("admin:news_article_recover", args=[deleted.pk]),
            resubmit_data(page),
        )
        self.assertEqual(response.status_code, 302, form_errors(response))
        self.assertTrue(Article.objects.filter(title="要清除的文章").exists())

        self.client.force_login(self.editor)
        self.assertEqual(
            self.client.get(reverse("admin:news_article_recoverlist")).status_code, 403
        )

    def test_purging_a_live_article_is_refused(self):
        article = self.make_article("在用的文章")
        self.client.force_login(self.root)

        self.client.post(
            reverse(CHANGELIST),
            {
                "action": "delete_selected",
                "_selected_action": [str(article.pk)],
                "post": "yes",
            },
        )

        self.assertTrue(Article.objects.filter(pk=article.pk).exists())


class StaleSaveTests(PeopleTestCase):
    def test_the_second_of_two_concurrent_saves_is_refused_keeping_its_input(self):
        article = self.make_article("原标题", author=self.zadmin)
        self.client.force_login(self.editor)
        editors_page = self.client.get(change_url(article))
        self.client.force_login(self.zadmin)
        authors_page = self.client.get(change_url(article))

        # The editor saves first.
        self.client.force_login(self.editor)
        first = self.client.post(
            change_url(article), resubmit_data(editors_page, title="编辑改的标题")
        )
        self.assertEqual(first.status_code, 302)

        # The author's save, from the page loaded before, is refused.
        self.client.force_login(self.zadmin)
        second = self.client.post(
            change_url(article),
            resubmit_data(authors_page, title="作者改的标题", summary="作者的摘要"),
        )

        self.assertEqual(second.status_code, 200)
        self.assertIn("stale", form_errors(second))
        self.assertContains(second, "editor")  # who changed it
        self.assertContains(second, 'value="作者改的标题"')
        self.assertContains(second, "作者的摘要")
        article.refresh_from_db()
        self.assertEqual(article.title, "编辑改的标题")

        # Saving again from the refreshed form is a conscious overwrite.
        third = self.client.post(change_url(article), resubmit_data(second))
        self.assertEqual(third.status_code, 302, form_errors(third))
        article.refresh_from_db()
        self.assertEqual(article.title, "作者改的标题")

    def test_stale_zone_profile_save_is_refused(self):
        self.client.force_login(self.zadmin)
        stale_page = self.client.get(zone_change_url(self.zone_a))
        self.client.force_login(self.editor)
        fresh_page = self.client.get(zone_change_url(self.zone_a))
        self.client.post(
            zone_change_url(self.zone_a), resubmit_data(fresh_page, phone="111")
        )

        self.client.force_login(self.zadmin)
        response = self.client.post(
            zone_change_url(self.zone_a), resubmit_data(stale_page, phone="222")
        )

        self.assertIn("stale", form_errors(response))
        self.zone_a.refresh_from_db()
        self.assertEqual(self.zone_a.phone, "111")


class ZoneVersionTests(PeopleTestCase):
    def test_zone_administrator_restores_the_profile_but_not_catalogue_data(self):
        industry = Industry.objects.create(name="装备制造", slug="装备制造")
        self.zone_a.industries.add(industry)
        self.client.force_login(self.zadmin)
        page = self.client.get(zone_change_url(self.zone_a))
        self.client.post(
            zone_change_url(self.zone_a),
            resubmit_data(page, profile="<p>旧简介</p>"),
        )
        old = versions_of(self.zone_a)[0]
        # Later the editor corrects the official data, and the profile moves on.
        self.client.force_login(self.editor)
        page = self.client.get(zone_change_url(self.zone_a))
        self.client.post(
            zone_change_url(self.zone_a),
            resubmit_data(
                page,
                name="海门经济技术开发区（更正）",
                profile="<p>新简介</p>",
                industries="生物医药",
            ),
        )
        self.zone_a.refresh_from_db()
        self.assertEqual(self.zone_a.name, "海门经济技术开发区（更正）")

        self.client.force_login(self.zadmin)
        revision_url = reverse(
            "admin:zones_zone_revision", args=[self.zone_a.pk, old.pk]
        )
        page = self.client.get(revision_url)
        response = self.client.post(revision_url, resubmit_data(page))

        self.assertEqual(response.status_code, 302, form_errors(response))
        zone = Zone.objects.get(pk=self.zone_a.pk)
        self.assertEqual(zone.profile, "<p>旧简介</p>")
        self.assertEqual(zone.name, "海门经济技术开发区（更正）")
        self.assertEqual([i.name for i in zone.industry_list()], ["生物医药"])
        self.assertEqual(list(zone.administrators.all()), [self.zadmin])


class BadAddressTests(PeopleTestCase):
    def test_malformed_or_unknown_ids_never_fail(self):
        article = self.make_article("海门新闻")
        self.client.force_login(self.editor)
        bad_ids = ("abc", "0", "99999999999999999999", "-1")
        for bad in bad_ids:
            for url in (
                f"/admin/news/article/{bad}/change/",
                f"/admin/news/article/{bad}/history/",
                f"/admin/news/article/{bad}/history/compare/?old=1&new=2",
                f"/admin/news/article/{article.pk}/history/{bad}/",
                f"/admin/zones/zone/{bad}/change/",
                f"/admin/zones/zone/{bad}/history/",
            ):
                for method in ("get", "post"):
                    with self.subTest(url=url, method=method):
                        response = getattr(self.client, method)(url)
                        self.assertIn(response.status_code, (302, 404))
