"""purge_inquiries: closed inquiries past the retention period lose the
investor's data, in the stored versions too."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from reversion.models import Version

from inquiries import workflow
from inquiries.models import Delivery, Inquiry
from tests.inquiries.helpers import InquiryTestCase


@override_settings(INQUIRY_RETENTION_DAYS=365)
class PurgeTests(InquiryTestCase):
    def old_closed_inquiry(self):
        inquiry = self.make_inquiry(
            submitted_at=timezone.now() - timedelta(days=500),
            email="secret.person@example.com",
            name="Secret Person",
        )
        workflow.reply(self.zadmin, inquiry, "Dear Secret Person, call us.")
        workflow.follow_up(inquiry, "My mobile is 138 0000 0000.")
        workflow.close(None, inquiry)
        Inquiry.objects.filter(pk=inquiry.pk).update(
            closed_at=timezone.now() - timedelta(days=400)
        )
        return inquiry

    def purge(self, *args):
        out = StringIO()
        call_command("purge_inquiries", *args, stdout=out)
        return out.getvalue()

    def stored_text(self):
        return " ".join(Version.objects.values_list("serialized_data", flat=True))

    def test_old_closed_inquiry_is_anonymised_with_its_versions(self):
        inquiry = self.old_closed_inquiry()
        recent = self.make_inquiry(email="recent@example.com")
        workflow.close(None, recent)
        self.assertIn("secret.person@example.com", self.stored_text())
        self.assertIn("138 0000 0000", self.stored_text())

        self.assertIn("Anonymised 1 inquiries", self.purge())

        inquiry.refresh_from_db()
        self.assertEqual(inquiry.email, "")
        self.assertEqual(inquiry.name, "")
        self.assertIsNotNone(inquiry.anonymised_at)
        self.assertFalse(inquiry.messages.exclude(body="").exists())
        self.assertFalse(Delivery.objects.filter(inquiry=inquiry).exists())
        stored = self.stored_text()
        for personal in ("secret.person@example.com", "Secret Person", "138 0000"):
            self.assertNotIn(personal, stored)
        # Kept for the statistics, and the recent one untouched.
        self.assertEqual(inquiry.zone, self.zone_a)
        self.assertIsNotNone(inquiry.first_replied_at)
        recent.refresh_from_db()
        self.assertEqual(recent.email, "recent@example.com")

    def test_old_tracking_link_stops_working(self):
        inquiry = self.old_closed_inquiry()
        url = inquiry.get_absolute_url()
        self.purge()
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_dry_run_changes_nothing_and_a_rerun_is_harmless(self):
        inquiry = self.old_closed_inquiry()
        self.assertIn("Would anonymise 1", self.purge("--dry-run"))
        inquiry.refresh_from_db()
        self.assertEqual(inquiry.email, "secret.person@example.com")
        self.purge()
        self.assertIn("Anonymised 0 inquiries", self.purge())

    def test_open_inquiries_are_kept_however_old(self):
        self.make_inquiry(submitted_at=timezone.now() - timedelta(days=900))
        self.assertIn("Anonymised 0", self.purge())
