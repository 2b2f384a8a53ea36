"""news.workflow and news.emails called directly, as a command or an API would."""

from datetime import timedelta

import reversion
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from core.models import StaffLanguage, language_of
from news import emails, workflow
from news.models import Article
from tests.people.helpers import PeopleTestCase, change_url

Status = Article.Status


class TransitionTests(PeopleTestCase):
    def run_on_commit(self, function, *args, **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return function(*args, **kwargs)

    def test_submit_send_back_publish(self):
        article = self.make_article("待审的文章", author=self.zadmin)

        workflow.submit(article, self.zadmin)
        article.refresh_from_db()
        self.assertEqual(article.status, Status.SUBMITTED)
        self.assertIsNotNone(article.submitted_at)

        done = self.run_on_commit(
            workflow.send_back, article, self.editor, "请补充投资额。"
        )
        article.refresh_from_db()
        self.assertEqual(done.previous_status, Status.SUBMITTED)
        self.assertEqual(done.author_notice, emails.SENT)
        self.assertEqual(
            (article.status, article.review_comment, article.reviewed_by),
            (Status.DRAFT, "请补充投资额。", self.editor),
        )
        self.assertEqual(mail.outbox[-1].to, ["zadmin@example.com"])

        workflow.submit(article, self.zadmin)
        done = self.run_on_commit(workflow.publish, article, self.editor)
        article.refresh_from_db()
        self.assertEqual(article.status, Status.PUBLISHED)
        self.assertEqual(article.review_comment, "")
        self.assertEqual(len(mail.outbox), 2)

    def test_each_transition_keeps_a_version_with_its_comment(self):
        article = self.make_article("有历史的文章")
        workflow.submit(article, self.zadmin)
        workflow.publish(article, self.editor)
        versions = Version.objects.get_for_object(article).order_by("pk")
        self.assertEqual(
            [v.revision.get_comment() for v in versions],
            ["Submitted for review.", "Published."],  # translated when shown
        )
        self.assertEqual(versions.last().revision.user, self.editor)

    def test_permissions_are_checked(self):
        other_zone = self.make_article("宁波的稿件", zone=self.zone_b)
        own = self.make_article("海门的稿件")
        refusals = (
            (workflow.submit, other_zone, self.zadmin),
            (workflow.publish, own, self.zadmin),  # zone A is reviewed
            (workflow.unpublish, own, self.editor),  # not published
            (workflow.restore, own, self.editor),  # not in the bin
            (workflow.set_featured, own, self.zadmin, True),
        )
        for function, article, user, *rest in refusals:
            with (
                self.subTest(function=function.__name__),
                self.assertRaises(workflow.NotAllowed),
            ):
                function(article, user, *rest)
        with self.assertRaises(workflow.NotAllowed):
            workflow.send_back(own, self.editor, "?")  # not submitted
        with self.assertRaises(workflow.NotAllowed):
            workflow.purge([own], self.editor)
        own.refresh_from_db()
        self.assertEqual(own.status, Status.DRAFT)

    def test_permission_is_judged_by_the_stored_row(self):
        # An unsaved edit moving the article into a zone the user administers
        # does not make someone else's article theirs.
        article = self.make_article("宁波的稿件", zone=self.zone_b)
        article.zone = self.zone_a
        with self.assertRaises(workflow.NotAllowed):
            workflow.submit(article, self.zadmin)

    def test_picture_news_without_an_image_is_not_published(self):
        article = self.make_article("无图", kind=Article.Kind.PICTURE)
        with self.assertRaises(workflow.NotAllowed):
            workflow.publish(article, self.editor)

    def test_recycle_bin(self):
        article = self.make_article("要删除的文章")
        workflow.move_to_bin(article, self.zadmin)
        article.refresh_from_db()
        self.assertIsNotNone(article.deleted_at)
        workflow.restore(article, self.zadmin)
        article.refresh_from_db()
        self.assertIsNone(article.deleted_at)
        self.assertEqual(workflow.purge([article], self.root), 0)  # not binned
        workflow.move_to_bin(article, self.zadmin)
        article.refresh_from_db()
        self.assertEqual(workflow.purge([article], self.root), 1)
        self.assertFalse(Article.objects.filter(pk=article.pk).exists())

    def test_no_email_address_is_reported(self):
        self.zadmin.email = ""
        self.zadmin.save()
        article = self.make_article("作者没有邮箱", author=self.zadmin)
        workflow.submit(article, self.zadmin)
        done = self.run_on_commit(workflow.publish, article, self.editor)
        self.assertEqual(done.author_notice, emails.NO_ADDRESS)
        self.assertEqual(mail.outbox, [])

    def test_nothing_is_sent_when_the_transaction_rolls_back(self):
        article = self.make_article("回滚", author=self.zadmin)
        workflow.submit(article, self.zadmin)

        class Undo(Exception):
            pass

        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            try:
                with reversion.create_revision():
                    workflow.publish(article, self.editor)
                    raise Undo
            except Undo:
                pass
        self.assertEqual(callbacks, [])
        self.assertEqual(mail.outbox, [])


class PublishTimeTests(PeopleTestCase):
    """Publishing a reviewed article sets its time to now, unless someone
    chose the time on purpose."""

    def submitted(self, **fields):
        article = self.make_article(
            "写于一周前",
            published_at=self.now - timedelta(days=7),
            status=Status.SUBMITTED,
            author=self.zadmin,
            **fields,
        )
        return article

    def test_a_long_review_does_not_backdate_the_article(self):
        article = self.submitted()
        before = timezone.now()
        workflow.publish(article, self.editor)
        article.refresh_from_db()
        self.assertGreaterEqual(article.published_at, before)

    def test_a_time_chosen_on_purpose_is_kept(self):
        chosen = (self.now + timedelta(days=3)).replace(microsecond=0)
        article = self.submitted(is_publish_time_chosen=True)
        Article.objects.filter(pk=article.pk).update(published_at=chosen)
        article.refresh_from_db()
        workflow.publish(article, self.editor)
        article.refresh_from_db()
        self.assertEqual(article.published_at, chosen)
        self.assertTrue(article.is_scheduled())

    def test_the_form_records_a_time_changed_by_hand(self):
        self.client.force_login(self.zadmin)
        add = self.client.get(reverse("admin:news_article_add"))
        initial = add.context["adminform"].form["published_at"].value()
        initial = timezone.localtime(initial)
        untouched = self.article_form(
            title="没改时间",
            published_at_0=initial.strftime("%Y-%m-%d"),
            published_at_1=initial.strftime("%H:%M:%S"),
            **{
                "initial-published_at_0": initial.strftime("%Y-%m-%d"),
                "initial-published_at_1": initial.strftime("%H:%M:%S"),
            },
        )
        self.client.post(reverse("admin:news_article_add"), untouched)
        self.client.post(
            reverse("admin:news_article_add"),
            self.article_form(
                title="改了时间",
                **{
                    "initial-published_at_0": initial.strftime("%Y-%m-%d"),
                    "initial-published_at_1": initial.strftime("%H:%M:%S"),
                },
            ),
        )
        self.assertFalse(Article.objects.get(title="没改时间").is_publish_time_chosen)
        self.assertTrue(Article.objects.get(title="改了时间").is_publish_time_chosen)

    def test_publishing_by_the_form_button_sets_now(self):
        article = self.submitted()
        self.client.force_login(self.editor)
        page = self.client.get(change_url(article))
        form = page.context["adminform"].form
        shown = timezone.localtime(form["published_at"].value())
        stamp = {
            "published_at_0": shown.strftime("%Y-%m-%d"),
            "published_at_1": shown.strftime("%H:%M:%S"),
        }
        before = timezone.now().replace(microsecond=0)
        self.client.post(
            change_url(article),
            self.article_form(
                title="写于一周前",
                status=Status.SUBMITTED,
                _publish="1",
                **stamp,
                **{f"initial-{name}": value for name, value in stamp.items()},
            ),
        )
        article.refresh_from_db()
        self.assertEqual(article.status, Status.PUBLISHED)
        self.assertGreaterEqual(article.published_at, before)


class EmailLanguageTests(PeopleTestCase):
    """Emails are written in the recipient's language: the one of their
    last sign-in to the admin, else the site's default (Chinese)."""

    def publish_reviewed(self, **fields):
        article = self.make_article(
            "四甲镇产业园开工", status=Status.SUBMITTED, author=self.zadmin, **fields
        )
        with self.captureOnCommitCallbacks(execute=True):
            workflow.publish(article, self.editor, base_url="https://example.org/")
        return article, mail.outbox[-1]

    def test_chinese_by_default_with_a_link_to_the_public_article(self):
        StaffLanguage.objects.filter(user=self.zadmin).delete()
        article, message = self.publish_reviewed()
        self.assertEqual(message.subject, "已发布：四甲镇产业园开工")
        self.assertIn("已由 Wang 审核并发布", message.body)
        link = f"https://example.org{article.get_absolute_url()}"
        self.assertIn(link, message.body)
        html = message.alternatives[0][0]
        self.assertIn(f'<a href="{link}">', html)
        self.assertIn('lang="zh-Hans"', html)

    def test_english_for_someone_who_signs_in_to_the_english_admin(self):
        self.client.post(
            reverse("admin:login").replace("/admin/", "/en/admin/", 1),
            {"username": "zadmin", "password": "zadmin-password-8472"},
        )
        self.assertEqual(language_of(self.zadmin), "en")
        article, message = self.publish_reviewed()
        self.assertEqual(message.subject, "Published: 四甲镇产业园开工")
        self.assertIn("was reviewed by Wang and published", message.body)
        # The link goes to the article's own language version.
        self.assertIn(f"https://example.org/news/{article.pk}/", message.body)

    def test_the_reviewers_language_does_not_decide(self):
        StaffLanguage.objects.update_or_create(
            user=self.zadmin, defaults={"language": "zh-hans"}
        )
        article = self.make_article(
            "待退回", status=Status.SUBMITTED, author=self.zadmin
        )
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                "/en" + change_url(article),
                self.article_form(
                    title="待退回",
                    status=Status.SUBMITTED,
                    review_comment="请补充。",
                    _send_back="1",
                ),
            )
        self.assertEqual(mail.outbox[-1].subject, "已退回：待退回")
        self.assertIn("/admin/news/article/", mail.outbox[-1].body)
        self.assertNotIn("/en/admin/", mail.outbox[-1].body)
