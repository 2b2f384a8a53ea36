"""The zones' inbox: scoping, crafted requests, replies and the state buttons."""

import json

from django.core import mail
from django.urls import reverse

from inquiries.models import Inquiry, Message
from tests.inquiries.helpers import InquiryTestCase

CHANGELIST = "admin:inquiries_inquiry_changelist"


def change_url(inquiry):
    return reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])


class InboxScopeTests(InquiryTestCase):
    def setUp(self):
        super().setUp()
        self.haimen = self.make_inquiry(organisation="海门客户公司")
        self.ningbo = self.make_inquiry(zone=self.zone_b, organisation="宁波客户公司")

    def test_zone_administrator_lists_only_their_zones_inquiries(self):
        self.client.force_login(self.zadmin)
        response = self.client.get(reverse(CHANGELIST))
        self.assertContains(response, "海门客户公司")
        self.assertNotContains(response, "宁波客户公司")
        self.assertEqual(response.context["cl"].result_count, 1)

    def test_editor_lists_every_zone(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse(CHANGELIST))
        self.assertContains(response, "海门客户公司")
        self.assertContains(response, "宁波客户公司")

    def test_crafted_url_and_post_for_another_zone_are_refused(self):
        self.client.force_login(self.zadmin)
        response = self.client.get(change_url(self.ningbo))
        self.assertNotContains(response, "宁波客户公司", status_code=302)
        self.client.post(
            change_url(self.ningbo), {"reply": "Hello", "assigned_to": "", "_save": "1"}
        )
        self.client.post(
            reverse(CHANGELIST),
            {"action": "mark_spam", "_selected_action": [str(self.ningbo.pk)]},
        )
        self.ningbo.refresh_from_db()
        self.assertEqual(self.ningbo.status, Inquiry.Status.NEW)
        self.assertFalse(Message.objects.exists())

    def test_list_query_count_does_not_grow_with_inquiries(self):
        self.client.force_login(self.zadmin)
        self.client.get(reverse(CHANGELIST))
        with self.assertNumQueries(9):
            self.client.get(reverse(CHANGELIST))
        for _ in range(5):
            self.make_inquiry()
        with self.assertNumQueries(9):
            self.client.get(reverse(CHANGELIST))

    def test_admin_index_counts_overdue_inquiries_in_scope(self):
        self.make_inquiry(submitted_at=self.days_ago(10), organisation="旧")
        self.make_inquiry(zone=self.zone_b, submitted_at=self.days_ago(10))
        self.client.force_login(self.zadmin)
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, 'id="inquiries-overdue"><strong>1<')
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, 'id="inquiries-overdue"><strong>2<')


class AnsweringTests(InquiryTestCase):
    def setUp(self):
        super().setUp()
        self.inquiry = self.make_inquiry()
        self.client.force_login(self.zadmin)

    def post(self, **data):
        data.setdefault("assigned_to", "")
        data.setdefault("reply", "")
        data.setdefault("note", "")
        data.setdefault("_save", "Save")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(change_url(self.inquiry), data)
        self.inquiry.refresh_from_db()
        return response

    def test_change_page_shows_the_investor_and_the_message(self):
        self.inquiry.message = "<b>hi</b>\nthere"
        self.inquiry.save()
        response = self.client.get(change_url(self.inquiry))
        self.assertContains(response, "anna@example.com")
        self.assertContains(response, "&lt;b&gt;hi&lt;/b&gt;<br>there")

    def test_reply_is_emailed_in_the_investors_language_and_answers(self):
        self.post(reply="Welcome to Haimen.\nCall us.")
        self.assertEqual(self.inquiry.status, Inquiry.Status.ANSWERED)
        self.assertIsNotNone(self.inquiry.first_replied_at)
        (email,) = mail.outbox
        self.assertEqual(email.to, ["anna@example.com"])
        self.assertIn("replied to your inquiry", email.subject)
        self.assertIn("Welcome to Haimen.\nCall us.", email.body)
        self.assertIn(f"/en/inquiries/{self.inquiry.token}/", email.body)

    def test_note_is_kept_and_not_emailed(self):
        self.post(note="Call them on Monday.")
        self.assertEqual(self.inquiry.messages.get().kind, Message.Kind.NOTE)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(self.inquiry.status, Inquiry.Status.NEW)

    def test_state_buttons(self):
        self.post(_acknowledge="1")
        self.assertEqual(self.inquiry.status, Inquiry.Status.ACKNOWLEDGED)
        self.post(_close="1")
        self.assertEqual(self.inquiry.status, Inquiry.Status.CLOSED)
        self.assertIsNotNone(self.inquiry.closed_at)
        self.post(_spam="1")
        self.assertEqual(self.inquiry.status, Inquiry.Status.SPAM)

    def test_assign_to_a_colleague_but_not_to_another_zones_administrator(self):
        self.post(assigned_to=str(self.editor.pk))
        self.assertEqual(self.inquiry.assigned_to, self.editor)
        response = self.post(assigned_to=str(self.dadmin.pk))
        self.assertEqual(response.status_code, 200)  # not a valid choice
        self.assertEqual(self.inquiry.assigned_to, self.editor)

    def test_history_keeps_versions(self):
        from reversion.models import Version

        self.post(_acknowledge="1")
        self.post(reply="Welcome")
        self.assertGreaterEqual(Version.objects.get_for_object(self.inquiry).count(), 2)


class ReportAndExportTests(InquiryTestCase):
    def setUp(self):
        super().setUp()
        answered = self.make_inquiry(submitted_at=self.days_ago(3))
        answered.first_replied_at = self.days_ago(2)
        answered.status = Inquiry.Status.ANSWERED
        answered.save()
        self.make_inquiry(zone=self.zone_b, submitted_at=self.days_ago(10))

    def test_editor_reads_the_report_and_downloads_csv(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:inquiries_inquiry_report"))
        self.assertContains(response, "海门经济技术开发区")
        csv_response = self.client.get(
            reverse("admin:inquiries_inquiry_report") + "?format=csv"
        )
        lines = csv_response.content.decode().splitlines()
        self.assertTrue(lines[0].startswith("zone,zone_en,received,answered"))
        self.assertIn("宁波经济技术开发区,Ningbo Etdz,1,0,,,1", lines)

    def test_zone_administrator_may_not_read_the_report(self):
        self.client.force_login(self.zadmin)
        response = self.client.get(reverse("admin:inquiries_inquiry_report"))
        self.assertEqual(response.status_code, 403)

    def test_export_an_investors_data(self):
        self.client.force_login(self.editor)
        one = Inquiry.objects.filter(zone=self.zone_a).get()
        response = self.client.post(
            reverse(CHANGELIST),
            {"action": "export_personal_data", "_selected_action": [str(one.pk)]},
        )
        data = json.loads(response.content)
        self.assertEqual(len(data), 2)  # both inquiries by anna@example.com
        self.assertEqual(data[0]["email"], "anna@example.com")
