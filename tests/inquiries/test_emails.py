"""Inquiry emails leave the request alone: sent in the background, each row
claimed once."""

import threading
import time
from unittest import mock

from django.core import mail
from django.test import override_settings

from inquiries import emails
from inquiries.models import Delivery
from tests.inquiries.helpers import InquiryTestCase


class BackgroundSendingTests(InquiryTestCase):
    @override_settings(INQUIRY_EMAIL_BACKGROUND=True)
    def test_sending_does_not_wait_for_the_mail_server(self):
        finished = threading.Event()

        def slow_send(deliveries):
            time.sleep(1)
            finished.set()

        with mock.patch("inquiries.emails.send_deliveries", slow_send):
            started = time.monotonic()
            emails.send_soon([1])
            elapsed = time.monotonic() - started
        self.assertLess(elapsed, 0.5)
        self.assertTrue(finished.wait(5))

    @override_settings(INQUIRY_EMAIL_BACKGROUND=True)
    def test_commands_send_in_line(self):
        with (
            mock.patch("inquiries.emails.send_deliveries") as send,
            emails.sending_inline(),
        ):
            emails.send_soon([1])
        send.assert_called_once()

    def test_a_row_is_sent_once_even_when_two_senders_race(self):
        inquiry = self.make_inquiry()
        delivery = emails.queue(inquiry, Delivery.Kind.CONFIRMATION)
        stale_copy = Delivery.objects.get(pk=delivery.pk)
        self.assertTrue(emails.send(delivery))
        self.assertFalse(emails.send(stale_copy))  # already claimed
        self.assertEqual(len(mail.outbox), 1)


class StaffLanguageTests(InquiryTestCase):
    def test_each_handler_reads_the_new_inquiry_in_their_admin_language(self):
        from core.models import StaffLanguage
        from tests.people.helpers import make_user

        colleague = make_user("colleague", zones=[self.zone_a])
        StaffLanguage.objects.create(user=colleague, language="en")
        inquiry = self.make_inquiry(zone=self.zone_a)
        Delivery.objects.all().delete()

        emails.queue(inquiry, Delivery.Kind.NEW_INQUIRY)

        rows = {row.language: row.recipients for row in Delivery.objects.all()}
        self.assertEqual(rows["en"], colleague.email)
        self.assertEqual(rows["zh-hans"], self.zadmin.email)
        for row in Delivery.objects.all():
            self.assertTrue(emails.send(row))
        subjects = {message.to[0]: message.subject for message in mail.outbox}
        self.assertRegex(subjects[colleague.email], r"[A-Za-z]{4,}")
        self.assertNotEqual(subjects[colleague.email], subjects[self.zadmin.email])
