"""The zone profile's response-time line: a real median, never invented."""

from datetime import timedelta

from django.utils import timezone

from inquiries.models import Inquiry
from inquiries.stats import typical_reply_days
from inquiries.workdays import add_working_days
from tests.inquiries.helpers import InquiryTestCase


class ReplyTimeTests(InquiryTestCase):
    def answered(self, working_days, zone=None):
        received = timezone.now() - timedelta(days=30)
        return self.make_inquiry(
            zone=zone,
            submitted_at=received,
            first_replied_at=add_working_days(received, working_days),
            status=Inquiry.Status.ANSWERED,
        )

    def test_absent_under_five_inquiries(self):
        for days in (1, 1, 2, 3):
            self.answered(days)
        self.assertIsNone(typical_reply_days(self.zone_a.pk))
        response = self.client.get(self.zone_a.get_absolute_url())
        self.assertNotContains(response, "通常在")

    def test_median_of_five_shown_on_the_profile(self):
        for days in (0.5, 1, 1.5, 3, 4):
            self.answered(days)
        self.make_inquiry(status=Inquiry.Status.SPAM)  # not counted
        self.assertEqual(typical_reply_days(self.zone_a.pk), 1.5)
        response = self.client.get(self.zone_a.get_absolute_url())
        self.assertContains(response, "通常在 1.5 个工作日内回复")
        english = self.client.get("/en" + self.zone_a.get_absolute_url())
        self.assertContains(english, "Usually replies within 1.5 working days")

    def test_unanswered_inquiries_count_with_their_wait_so_far(self):
        for days in (0.5, 0.5, 0.5):
            self.answered(days)
        for _ in range(2):
            self.make_inquiry(submitted_at=timezone.now() - timedelta(days=30))
        # Five inquiries; two wait since a month: the median is still 0.5,
        # with a third waiting it would not be.
        self.assertEqual(typical_reply_days(self.zone_a.pk), 0.5)
        self.make_inquiry(submitted_at=timezone.now() - timedelta(days=30))
        self.assertGreater(typical_reply_days(self.zone_a.pk), 10)

    def test_old_inquiries_are_left_out(self):
        for _ in range(5):
            self.make_inquiry(
                submitted_at=timezone.now() - timedelta(days=200),
                first_replied_at=timezone.now() - timedelta(days=199),
            )
        self.assertIsNone(typical_reply_days(self.zone_a.pk))
