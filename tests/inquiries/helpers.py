"""Zones, roles and inquiries shared by the inquiry tests."""

from datetime import timedelta

from django.core import signing
from django.utils import timezone

from inquiries.forms import STAMP_SALT
from inquiries.models import Inquiry
from inquiries.workdays import add_working_days
from tests.people.helpers import PeopleTestCase


def stamp(seconds_ago=60):
    """The form's hidden start time, as if the form was shown that long ago."""
    started = int(timezone.now().timestamp()) - seconds_ago
    return signing.TimestampSigner(salt=STAMP_SALT).sign(str(started))


def form_data(**overrides):
    data = {
        "name": "Anna Schmidt",
        "organisation": "Schmidt Antriebstechnik GmbH",
        "country": "Germany",
        "email": "anna@example.com",
        "phone": "",
        "language": "en",
        "industry": "装备制造",
        "investment": Inquiry.Investment.TO_100M,
        "space_needed": "50 mu of industrial land",
        "jobs": "120",
        "timeline": Inquiry.Timeline.YEAR,
        "message": "We plan a gearbox plant.\nWhat land is available?",
        "homepage": "",
        "started": stamp(),
        "consent": "on",
    }
    data.update(overrides)
    return data


class InquiryTestCase(PeopleTestCase):
    """The people fixtures (zone A 海门 with `zadmin`, zone B 宁波 with no
    administrator, zone D with `dadmin`; an editor and a root) plus
    inquiries."""

    def make_inquiry(self, zone=None, submitted_at=None, days=2, **fields):
        submitted_at = submitted_at or timezone.now()
        fields.setdefault("name", "Anna Schmidt")
        fields.setdefault("organisation", "Schmidt GmbH")
        fields.setdefault("country", "Germany")
        fields.setdefault("email", "anna@example.com")
        fields.setdefault("language", "en")
        fields.setdefault("industry", "装备制造")
        fields.setdefault("investment", Inquiry.Investment.TO_100M)
        fields.setdefault("timeline", Inquiry.Timeline.YEAR)
        fields.setdefault("message", "What land is available?")
        fields.setdefault("waiting_since", submitted_at)
        fields.setdefault("due_at", add_working_days(submitted_at, days))
        fields.setdefault("escalate_at", add_working_days(submitted_at, 2 * days))
        return Inquiry.objects.create(
            zone=zone or self.zone_a, submitted_at=submitted_at, **fields
        )

    def days_ago(self, days):
        return timezone.now() - timedelta(days=days)
