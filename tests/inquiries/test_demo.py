"""The demo inquiries: every state, some overdue, Haimen's reply time shown."""

from demo import inquiries as demo_inquiries
from demo.zones import HAIMEN, NANTONG, SUZHOU_SIP
from inquiries.models import Inquiry
from inquiries.stats import typical_reply_days
from tests.factories import make_zone
from tests.inquiries.helpers import InquiryTestCase


class DemoInquiryTests(InquiryTestCase):
    def test_every_state_some_overdue_and_a_rerun_adds_nothing(self):
        nantong = make_zone(NANTONG, "nantong-etdz", self.jiangsu)
        suzhou = make_zone(SUZHOU_SIP, "suzhou-sip", self.jiangsu)
        zones = {HAIMEN: self.zone_a, NANTONG: nantong, SUZHOU_SIP: suzhou}

        created, existing = demo_inquiries.load(zones)
        self.assertEqual((created, existing), (13, 0))
        self.assertEqual(demo_inquiries.load(zones), (0, 13))

        states = set(Inquiry.objects.values_list("status", flat=True))
        self.assertEqual(states, set(Inquiry.Status.values))
        self.assertGreater(Inquiry.objects.overdue().count(), 1)
        self.assertIsNotNone(typical_reply_days(self.zone_a.pk))
