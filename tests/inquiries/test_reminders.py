"""remind_inquiries: once per threshold, escalation, routing, retries."""

from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from inquiries import workflow
from inquiries.models import Delivery, Inquiry
from tests.inquiries.helpers import InquiryTestCase


class ReminderTests(InquiryTestCase):
    def remind(self, now=None):
        moment = now or timezone.now()
        with (
            mock.patch("inquiries.workflow.timezone.now", return_value=moment),
            self.captureOnCommitCallbacks(execute=True),
        ):
            call_command("remind_inquiries", verbosity=0)

    def overdue_inquiry(self, zone=None):
        now = timezone.now()
        return self.make_inquiry(
            zone=zone,
            submitted_at=now - timedelta(days=20),
            due_at=now - timedelta(hours=1),
            escalate_at=now + timedelta(days=2),
        )

    def test_reminder_is_sent_once(self):
        inquiry = self.overdue_inquiry()
        self.remind()
        self.remind()
        (reminder,) = mail.outbox
        self.assertEqual(reminder.to, ["zadmin@example.com"])
        self.assertIn("已超时", reminder.subject)
        inquiry.refresh_from_db()
        self.assertEqual(inquiry.reminders_sent, 1)

    def test_escalation_at_twice_the_response_time_goes_to_the_editors_once(self):
        inquiry = self.overdue_inquiry()
        self.remind()
        later = inquiry.escalate_at + timedelta(minutes=1)
        self.remind(later)
        self.remind(later)
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(mail.outbox[1].to, ["editor@example.com"])
        inquiry.refresh_from_db()
        self.assertEqual(inquiry.reminders_sent, 2)

    def test_zone_without_administrators_is_reminded_through_the_editors(self):
        self.overdue_inquiry(zone=self.zone_b)
        self.remind()
        self.assertEqual(mail.outbox[0].to, ["editor@example.com"])

    def test_answered_and_not_yet_due_inquiries_are_left_alone(self):
        answered = self.overdue_inquiry()
        answered.status = Inquiry.Status.ANSWERED
        answered.save()
        self.make_inquiry()
        self.remind()
        self.assertEqual(mail.outbox, [])

    def test_a_follow_up_restarts_the_clock_and_the_reminders(self):
        inquiry = self.overdue_inquiry()
        self.remind()
        workflow.reply(self.zadmin, inquiry, "Hello")
        workflow.follow_up(inquiry, "And the land price?")
        inquiry.refresh_from_db()
        self.assertEqual(inquiry.reminders_sent, 0)
        self.assertGreater(inquiry.due_at, timezone.now())

    def test_failed_send_is_retried(self):
        inquiry = self.overdue_inquiry()
        with mock.patch(
            "django.core.mail.EmailMultiAlternatives.send",
            side_effect=OSError("connection refused"),
        ):
            self.remind()
        failed = Delivery.objects.get(inquiry=inquiry)
        self.assertIsNone(failed.sent_at)
        self.assertEqual(failed.attempts, 1)
        self.assertIn("connection refused", failed.last_error)
        self.remind()
        failed.refresh_from_db()
        self.assertIsNotNone(failed.sent_at)
        self.assertEqual(len(mail.outbox), 1)  # retried, and not reminded again
