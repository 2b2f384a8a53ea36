"""Draft → submitted → sent back → resubmitted → published, through the admin."""

from django.core import mail
from django.urls import reverse

from news.models import Article
from tests.people.helpers import PeopleTestCase, change_url, form_errors

CHANGELIST = "admin:news_article_changelist"


class ReviewWorkflowTests(PeopleTestCase):
    def post_as(self, user, url, data):
        self.client.force_login(user)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, data)

    def test_the_whole_walk(self):
        # The zone administrator writes a draft and submits it.
        response = self.post_as(
            self.zadmin,
            reverse("admin:news_article_add"),
            self.article_form(title="四甲镇产业园开工"),
        )
        self.assertEqual(response.status_code, 302)
        article = Article.objects.get(title="四甲镇产业园开工")
        self.assertEqual(
            (article.status, article.author), (Article.Status.DRAFT, self.zadmin)
        )
        page = self.client.get(change_url(article))
        self.assertContains(page, 'name="_submit_for_review"')
        self.assertNotContains(page, 'name="_publish"')

        self.post_as(
            self.zadmin,
            change_url(article),
            self.article_form(title="四甲镇产业园开工", _submit_for_review="1"),
        )
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.SUBMITTED)
        self.assertIsNotNone(article.submitted_at)
        self.assertFalse(article.is_published())

        # The editor finds it in the review queue and on the admin index.
        self.client.force_login(self.editor)
        queue = self.client.get(reverse(CHANGELIST), {"queue": "review"})
        self.assertEqual(list(queue.context["cl"].result_list), [article])
        index = self.client.get(reverse("admin:index"))
        self.assertContains(index, "?queue=review")
        self.assertContains(index, '<td id="review-awaiting">1</td>')

        # Sending back needs a comment.
        response = self.post_as(
            self.editor,
            change_url(article),
            self.article_form(title="四甲镇产业园开工", _send_back="1"),
        )
        self.assertIn("comment_required", form_errors(response))
        self.assertEqual(len(mail.outbox), 0)

        self.post_as(
            self.editor,
            change_url(article),
            self.article_form(
                title="四甲镇产业园开工",
                review_comment="请补充投资额和开工时间。",
                _send_back="1",
            ),
        )
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.DRAFT)
        self.assertEqual(article.reviewed_by, self.editor)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["zadmin@example.com"])
        self.assertIn("请补充投资额和开工时间。", mail.outbox[0].body)
        self.assertIn(change_url(article), mail.outbox[0].body)

        # The author sees the outcome in the admin.
        self.client.force_login(self.zadmin)
        page = self.client.get(change_url(article))
        self.assertContains(page, 'id="review-notice"')
        self.assertContains(page, "请补充投资额和开工时间。")
        sent_back = self.client.get(reverse(CHANGELIST), {"queue": "sent-back"})
        self.assertEqual(list(sent_back.context["cl"].result_list), [article])

        # Resubmitted with the answer; the comment stays for the reviewer.
        self.post_as(
            self.zadmin,
            change_url(article),
            self.article_form(
                title="四甲镇产业园开工",
                body="<p>总投资50亿元，3月开工。</p>",
                _submit_for_review="1",
            ),
        )
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.SUBMITTED)
        self.assertEqual(article.review_comment, "请补充投资额和开工时间。")

        # The editor publishes it; the author hears so.
        self.client.force_login(self.editor)
        page = self.client.get(change_url(article))
        self.assertContains(page, 'name="_publish"')
        self.assertContains(page, 'name="_send_back"')
        self.post_as(
            self.editor,
            change_url(article),
            self.article_form(
                title="四甲镇产业园开工",
                body="<p>总投资50亿元，3月开工。</p>",
                review_comment="请补充投资额和开工时间。",
                _publish="1",
            ),
        )
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.PUBLISHED)
        self.assertEqual(article.review_comment, "")
        self.assertTrue(article.is_published())
        self.assertEqual(len(mail.outbox), 2)
        self.assertIn("四甲镇产业园开工", mail.outbox[1].subject)
        public = self.client.get(article.get_absolute_url())
        self.assertContains(public, "总投资50亿元")

    def test_publishing_from_the_queue_by_action_tells_the_author(self):
        article = self.make_article(
            "待审", status=Article.Status.SUBMITTED, author=self.zadmin
        )
        self.client.force_login(self.editor)

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse(CHANGELIST),
                {"action": "publish_now", "_selected_action": [str(article.pk)]},
            )

        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.PUBLISHED)
        self.assertEqual(article.reviewed_by, self.editor)
        self.assertEqual(len(mail.outbox), 1)

    def test_review_queue_is_oldest_submission_first(self):
        newer = self.make_article("后交", status=Article.Status.SUBMITTED)
        older = self.make_article("先交", status=Article.Status.SUBMITTED)
        Article.objects.filter(pk=newer.pk).update(submitted_at=self.now)
        Article.objects.filter(pk=older.pk).update(submitted_at=self.yesterday)
        self.make_article("草稿")
        self.client.force_login(self.editor)

        response = self.client.get(reverse(CHANGELIST), {"queue": "review"})

        self.assertEqual(list(response.context["cl"].result_list), [older, newer])

    def test_index_counts_are_scoped_to_the_zone_administrator(self):
        self.make_article("海门待审", status=Article.Status.SUBMITTED)
        self.make_article("宁波待审", zone=self.zone_b, status=Article.Status.SUBMITTED)
        self.make_article(
            "宁波退回", zone=self.zone_b, review_comment="重写", author=self.zadmin
        )
        for user, awaiting, sent_back in ((self.editor, 2, 1), (self.zadmin, 1, 0)):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                index = self.client.get(reverse("admin:index"))
                self.assertContains(index, f'<td id="review-awaiting">{awaiting}</td>')
                self.assertContains(
                    index, f'<td id="review-sent-back">{sent_back}</td>'
                )

    def test_author_without_email_is_mentioned_to_the_reviewer(self):
        author = self.zadmin
        author.email = ""
        author.save()
        article = self.make_article(
            "待审", status=Article.Status.SUBMITTED, author=author
        )

        response = self.post_as(
            self.editor,
            change_url(article),
            self.article_form(title="待审", _publish="1"),
        )

        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(mail.outbox), 0)
        notes = [str(m) for m in response.wsgi_request._messages]
        self.assertTrue(any("zadmin" in note for note in notes))
