"""The investor's private page: status, replies, follow-up and closing."""

from django.core import mail
from django.test import override_settings

from core.cache import PageCacheMiddleware
from inquiries import workflow
from inquiries.models import Inquiry, Message
from tests.inquiries.helpers import InquiryTestCase


class TrackingPageTests(InquiryTestCase):
    def setUp(self):
        super().setUp()
        self.inquiry = self.make_inquiry()

    def test_shows_status_due_time_and_the_message(self):
        response = self.client.get(self.inquiry.get_absolute_url())
        self.assertContains(response, "What land is available?")
        self.assertContains(response, "新")
        self.assertContains(response, "预计回复时间")

    def test_overdue_inquiry_says_so(self):
        self.inquiry.due_at = self.days_ago(1)
        self.inquiry.save()
        response = self.client.get("/en" + self.inquiry.get_absolute_url())
        self.assertContains(response, "later than expected")

    def test_is_private_and_not_indexable(self):
        response = self.client.get(self.inquiry.get_absolute_url())
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")
        self.assertContains(
            response, '<meta name="robots" content="noindex, nofollow">'
        )
        self.assertNotContains(response, 'rel="canonical"')

    @override_settings(PAGE_CACHE=True)
    def test_is_never_stored_by_the_page_cache(self):
        url = self.inquiry.get_absolute_url()
        self.client.get(url)
        self.inquiry.status = Inquiry.Status.CLOSED
        self.inquiry.save()
        response = self.client.get(url)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "已关闭")
        self.assertTrue(PageCacheMiddleware)  # the middleware is in the chain

    def test_unknown_token_and_spam_are_404(self):
        self.assertEqual(self.client.get("/inquiries/not-a-token/").status_code, 404)
        self.inquiry.status = Inquiry.Status.SPAM
        self.inquiry.save()
        response = self.client.get(self.inquiry.get_absolute_url())
        self.assertEqual(response.status_code, 404)

    def test_hostile_message_is_shown_as_text_with_its_line_breaks(self):
        self.inquiry.message = '<script>alert("x")</script>\n<b>bold</b>'
        self.inquiry.save()
        response = self.client.get(self.inquiry.get_absolute_url())
        self.assertNotContains(response, "<script>alert")
        self.assertContains(
            response,
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>&lt;b&gt;bold&lt;/b&gt;",
        )

    def test_replies_are_shown_and_internal_notes_are_not(self):
        workflow.reply(self.zadmin, self.inquiry, "Welcome to Haimen.")
        workflow.add_note(self.zadmin, self.inquiry, "Big fish, call them.")
        response = self.client.get(self.inquiry.get_absolute_url())
        self.assertContains(response, "Welcome to Haimen.")
        self.assertNotContains(response, "Big fish")

    def test_follow_up_reopens_an_answered_inquiry(self):
        with self.captureOnCommitCallbacks(execute=True):
            workflow.reply(self.zadmin, self.inquiry, "Welcome to Haimen.")
        self.inquiry.refresh_from_db()
        self.assertEqual(self.inquiry.status, Inquiry.Status.ANSWERED)
        mail.outbox.clear()

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                self.inquiry.get_absolute_url(), {"body": "How big is the plot?"}
            )
        self.assertRedirects(response, self.inquiry.get_absolute_url())
        self.inquiry.refresh_from_db()
        self.assertEqual(self.inquiry.status, Inquiry.Status.NEW)
        self.assertEqual(self.inquiry.reminders_sent, 0)
        self.assertGreater(self.inquiry.due_at, self.inquiry.first_replied_at)
        self.assertEqual(mail.outbox[0].to, ["zadmin@example.com"])
        self.assertIn("How big is the plot?", mail.outbox[0].body)
        page = self.client.get(self.inquiry.get_absolute_url())
        self.assertContains(page, "How big is the plot?")

    def test_investor_closes_it_and_can_no_longer_write(self):
        self.client.post(self.inquiry.get_absolute_url(), {"close": "1"})
        self.inquiry.refresh_from_db()
        self.assertEqual(self.inquiry.status, Inquiry.Status.CLOSED)
        page = self.client.get(self.inquiry.get_absolute_url())
        self.assertNotContains(page, 'name="body"')
        self.client.post(self.inquiry.get_absolute_url(), {"body": "One more thing"})
        self.assertFalse(Message.objects.exists())

    def test_empty_follow_up_is_a_form_error(self):
        response = self.client.post(self.inquiry.get_absolute_url(), {"body": ""})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Message.objects.exists())
