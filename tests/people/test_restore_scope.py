"""A version holds one article: restoring or comparing it never reaches
another zone's articles, whatever path saved it (issue: a bulk action once
kept one revision for the whole batch, and restoring any article of it
reverted them all)."""

import reversion
from django.urls import reverse
from reversion.models import Version

from news.models import Article, ArticleImage
from tests.news.helpers import jpeg_upload
from tests.people.helpers import PeopleTestCase, form_errors, resubmit_data

CHANGELIST = "admin:news_article_changelist"
Status = Article.Status


def versions_of(obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def add_image(article, caption):
    return ArticleImage.objects.create(
        article=article,
        image=jpeg_upload(size=(120, 80)),
        alt_text=caption,
        caption=caption,
    )


class RestoreScopeTests(PeopleTestCase):
    def setUp(self):
        super().setUp()
        # One article per zone: 海门 (reviewed), 宁波 (nobody's here), 苏州
        # (direct publishing, dadmin's), each with a gallery image and a tag.
        self.haimen = self.make_article("海门的稿件", status=Status.SUBMITTED)
        self.ningbo = self.make_article("宁波的稿件", zone=self.zone_b)
        self.suzhou = self.make_article("苏州的稿件", zone=self.zone_d)
        for article, place in (
            (self.haimen, "海门"),
            (self.ningbo, "宁波"),
            (self.suzhou, "苏州"),
        ):
            add_image(article, f"{place}的图片")
            article.tags.add(f"{place}标签")
        self.batch = [self.haimen, self.ningbo, self.suzhou]

    def bulk_publish(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse(CHANGELIST),
            {
                "action": "publish_now",
                "_selected_action": [str(a.pk) for a in self.batch],
            },
        )
        self.assertEqual(response.status_code, 302)

    def change_everything_since(self):
        """Later edits the restore must leave alone (not through a version)."""
        for article in self.batch:
            Article.objects.filter(pk=article.pk).update(
                title=article.title + "（改）", status=Status.DRAFT
            )
            add_image(article, f"{article.pk}号后加的图片")

    def restore(self, user, article, version):
        self.client.force_login(user)
        url = reverse("admin:news_article_revision", args=[article.pk, version.pk])
        page = self.client.get(url)
        self.assertEqual(page.status_code, 200)
        response = self.client.post(url, resubmit_data(page))
        self.assertEqual(response.status_code, 302, form_errors(response))

    def assert_untouched(self, *articles):
        for article in articles:
            with self.subTest(article=article.title):
                stored = Article.objects.get(pk=article.pk)
                self.assertEqual(stored.title, article.title + "（改）")
                self.assertEqual(stored.status, Status.DRAFT)
                self.assertEqual(stored.images.count(), 2)

    def test_a_bulk_action_keeps_one_version_per_article_in_its_own_revision(self):
        self.bulk_publish()
        for article in self.batch:
            with self.subTest(article=article.title):
                published = versions_of(article)[-1]
                articles_in_revision = published.revision.version_set.filter(
                    content_type=published.content_type
                )
                self.assertEqual(
                    list(articles_in_revision.values_list("object_id", flat=True)),
                    [str(article.pk)],
                )
                self.assertEqual(published.revision.user, self.editor)

    def test_restore_after_a_bulk_publish_reverts_only_that_article(self):
        self.bulk_publish()
        published = {a.pk: versions_of(a)[-1] for a in self.batch}
        self.change_everything_since()
        for user, article in (
            (self.dadmin, self.suzhou),  # a zone administrator
            (self.editor, self.haimen),
            (self.root, self.ningbo),  # a platform administrator
        ):
            with self.subTest(role=user.username):
                self.restore(user, article, published[article.pk])
                restored = Article.objects.get(pk=article.pk)
                self.assertEqual(restored.title, article.title)
                self.assertEqual(restored.status, Status.PUBLISHED)
                # Its own gallery as it was: the image added since is gone.
                self.assertEqual(restored.images.count(), 1)
                self.assert_untouched(*(a for a in self.batch if a != article))
                # Put it back in the shape the other subtests expect.
                Article.objects.filter(pk=article.pk).update(
                    title=article.title + "（改）", status=Status.DRAFT
                )
                add_image(article, "再加的图片")
                ArticleImage.objects.filter(article=article).order_by("pk").first()

    def merged_revision(self):
        """A revision holding the three articles, as old bulk actions made."""
        with reversion.create_revision():
            reversion.set_user(self.editor)
            for article in self.batch:
                article.save()
        return {a.pk: versions_of(a)[-1] for a in self.batch}

    def test_restore_from_an_old_merged_revision_reverts_only_that_article(self):
        merged = self.merged_revision()
        self.change_everything_since()

        self.restore(self.dadmin, self.suzhou, merged[self.suzhou.pk])

        suzhou = Article.objects.get(pk=self.suzhou.pk)
        self.assertEqual(suzhou.title, "苏州的稿件")
        self.assertEqual(suzhou.images.count(), 1)
        self.assertEqual(set(suzhou.tags.names()), {"苏州标签"})
        ningbo, haimen = (
            Article.objects.get(pk=self.ningbo.pk),
            Article.objects.get(pk=self.haimen.pk),
        )
        for other in (ningbo, haimen):
            self.assertTrue(other.title.endswith("（改）"))
            self.assertEqual(other.status, Status.DRAFT)
            self.assertEqual(other.images.count(), 2)
        self.assertEqual(set(ningbo.tags.names()), {"宁波标签"})

    def test_compare_shows_nothing_of_another_zone(self):
        merged = self.merged_revision()
        with reversion.create_revision():
            self.suzhou.title = "苏州的稿件二"
            self.suzhou.save()
            self.suzhou.tags.add("新标签")
        newer = versions_of(self.suzhou)[-1]
        self.client.force_login(self.dadmin)

        response = self.client.get(
            reverse("admin:news_article_compare", args=[self.suzhou.pk]),
            {"old": merged[self.suzhou.pk].pk, "new": newer.pk},
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "苏州")
        for foreign in ("宁波", "海门"):
            self.assertNotContains(response, foreign)
