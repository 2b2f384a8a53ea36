"""Editing facts in the admin: verification and uploaded documents."""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from core.roles import ZONE_ADMINISTRATORS, sync_groups
from facts.models import validate_pdf
from tests.facts.helpers import FactsTestCase, make_fact
from tests.people.helpers import make_user


class FactAdminTests(FactsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        sync_groups(Group, Permission)
        cls.zadmin = make_user("zadmin", ZONE_ADMINISTRATORS, zones=[cls.haimen])

    def test_changing_a_verified_value_undoes_the_verification(self):
        fact = make_fact(self.haimen, "gdp", "85.4", "亿元", year=2023)
        fact.verified_at = timezone.now()
        fact.save()
        self.client.force_login(self.zadmin)
        url = reverse("admin:facts_fact_change", args=[fact.pk])
        page = self.client.get(url)
        self.assertEqual(page.status_code, 200)
        data = {
            "zone": str(self.haimen.pk),
            "indicator": str(fact.indicator_id),
            "label": "",
            "value_text": "90",
            "qualifier": "",
            "unit": "亿元",
            "value": "",
            "value_high": "",
            "year": "2023",
            "as_of": "",
            "period_text": "",
            "source_title": "统计公报",
            "source_url": "https://example.com/source",
            "source_publisher": "",
            "source_date": "",
            "source_quality": "",
            "note": "",
        }
        data.update(
            {
                name: value
                for name, value in page.context["adminform"].form.initial.items()
                if name == "_lock"
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        fact.refresh_from_db()
        self.assertEqual(fact.value_text, "90")
        self.assertIsNone(fact.verified_at)

    def test_the_document_must_be_a_plain_pdf(self):
        plain = SimpleUploadedFile("policy.pdf", b"%PDF-1.7\n1 0 obj<<>>endobj\n")
        validate_pdf(plain)
        for content in (b"<html>not a pdf</html>", b"%PDF-1.7\n<</JavaScript 1>>"):
            with self.subTest(content=content), self.assertRaises(ValidationError):
                validate_pdf(SimpleUploadedFile("policy.pdf", content))

    @override_settings(MAX_UPLOAD_MB=1)
    def test_the_document_must_be_within_the_upload_limit(self):
        large = SimpleUploadedFile("policy.pdf", b"%PDF-1.7\n" + b" " * 1_600_000)
        with self.assertRaises(ValidationError) as raised:
            validate_pdf(large)
        self.assertEqual(raised.exception.code, "pdf_too_large")
        self.assertEqual(
            raised.exception.messages,
            ["文件大小为 1.5 MB，最大允许 1 MB。"],
        )
