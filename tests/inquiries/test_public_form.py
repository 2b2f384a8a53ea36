"""The investor's form: sending, confirmation, routing and the abuse checks."""

from unittest import mock

from django.core import mail
from django.test import override_settings
from django.urls import reverse

from inquiries.models import Delivery, Inquiry
from tests.inquiries.helpers import InquiryTestCase, form_data, stamp


class BrokenBackend:
    """An email backend whose server never answers."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


class InquiryFormTests(InquiryTestCase):
    def url(self, zone=None):
        return reverse("inquiries:inquire", args=[(zone or self.zone_a).slug])

    def send(self, zone=None, **overrides):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(self.url(zone), form_data(**overrides))

    def test_zone_profile_links_to_the_form(self):
        response = self.client.get(self.zone_a.get_absolute_url())
        self.assertContains(response, f'href="{self.url()}"')
        self.assertContains(response, "咨询招商")

    def test_form_in_both_languages_is_never_cached(self):
        response = self.client.get(self.url())
        self.assertContains(response, "咨询招商")
        self.assertIn("no-cache", response["Cache-Control"])
        english = self.client.get("/en" + self.url())
        self.assertContains(english, "Contact the investment office")
        self.assertContains(english, 'name="consent"')

    def test_unknown_or_unpublished_zone_is_404(self):
        self.assertEqual(self.client.get("/zones/nowhere/inquire/").status_code, 404)
        self.zone_b.is_published = False
        self.zone_b.save()
        self.assertEqual(self.client.get(self.url(self.zone_b)).status_code, 404)

    def test_prefilled_from_the_query_string(self):
        response = self.client.get(self.url() + "?industry=新能源&message=关于项目")
        self.assertContains(response, 'value="新能源"')
        self.assertContains(response, "关于项目</textarea>")

    def test_sending_stores_confirms_and_tells_the_zone(self):
        response = self.send()
        inquiry = Inquiry.objects.get()
        self.assertRedirects(response, reverse("inquiries:sent", args=[inquiry.token]))
        self.assertEqual(inquiry.zone, self.zone_a)
        self.assertEqual(inquiry.status, Inquiry.Status.NEW)
        self.assertGreater(inquiry.due_at, inquiry.submitted_at)
        confirmation, to_zone = mail.outbox
        self.assertEqual(confirmation.to, ["anna@example.com"])
        self.assertIn("Your inquiry to Haimen Etdz", confirmation.subject)  # English
        self.assertIn(f"/en/inquiries/{inquiry.token}/", confirmation.body)
        self.assertEqual(to_zone.to, ["zadmin@example.com"])
        self.assertIn("新的投资咨询", to_zone.subject)  # staff read Chinese
        self.assertFalse(Delivery.objects.filter(sent_at__isnull=True).exists())

        page = self.client.get(response.url)
        self.assertContains(page, inquiry.get_absolute_url())
        self.assertIn("private", page["Cache-Control"])

    def test_zone_without_administrators_routes_to_the_editors(self):
        self.send(zone=self.zone_b)
        to_zone = mail.outbox[1]
        self.assertEqual(to_zone.to, ["editor@example.com"])

    def test_submitting_costs_a_constant_number_of_queries(self):
        self.client.get(self.url())  # site settings cached
        data = form_data()
        # 15 with one handler: the handlers' languages are read in one query.
        with self.assertNumQueries(15):
            response = self.client.post(self.url(), data)
        self.assertEqual(response.status_code, 302)

    def test_a_failing_mail_server_neither_fails_the_request_nor_loses_the_email(self):
        with override_settings(EMAIL_BACKEND=f"{__name__}.BrokenBackend"):
            response = self.send()
        self.assertEqual(response.status_code, 302)
        failed = Delivery.objects.filter(sent_at__isnull=True)
        self.assertEqual(failed.count(), 2)
        self.assertIn("mail server down", failed.first().last_error)

        from django.core.management import call_command

        call_command("remind_inquiries", verbosity=0)
        self.assertFalse(Delivery.objects.filter(sent_at__isnull=True).exists())
        self.assertEqual(len(mail.outbox), 2)

    def assertRefusedAndKept(self, response, text):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, text)
        self.assertFalse(Inquiry.objects.exists())
        # Nothing lost: the message is still in the form.
        self.assertContains(response, "We plan a gearbox plant.")
        self.assertContains(response, 'value="Schmidt Antriebstechnik GmbH"')

    def test_honeypot_refuses(self):
        response = self.send(homepage="http://spam.example/")
        self.assertRefusedAndKept(response, "请不要填写此栏")
        self.assertEqual(mail.outbox, [])

    def test_too_fast_refuses(self):
        response = self.send(started=stamp(seconds_ago=0))
        self.assertRefusedAndKept(response, "填写得太快了")

    def test_forged_start_time_refuses(self):
        response = self.send(started="12345:forged")
        self.assertRefusedAndKept(response, "表单已过期")

    def test_too_many_links_refuses(self):
        response = self.send(
            message="We plan a gearbox plant. "
            + " ".join(f"https://x{n}.example" for n in range(4))
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Inquiry.objects.exists())

    def test_consent_is_required(self):
        response = self.send(consent="")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Inquiry.objects.exists())

    def test_rate_limit_per_address_keeps_the_form_filled(self):
        for number in range(5):
            self.assertEqual(self.send(email=f"a{number}@example.com").status_code, 302)
        response = self.send(email="a9@example.com")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "请稍后再发送")
        self.assertContains(response, "We plan a gearbox plant.")
        self.assertEqual(Inquiry.objects.count(), 5)

    def test_rate_limit_per_email_across_addresses(self):
        for number in range(5):
            response = self.client.post(
                self.url(), form_data(), REMOTE_ADDR=f"10.0.0.{number}"
            )
            self.assertEqual(response.status_code, 302)
        response = self.client.post(self.url(), form_data(), REMOTE_ADDR="10.0.0.99")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(Inquiry.objects.count(), 5)

    def test_rate_limit_fails_open_when_the_cache_is_down(self):
        broken = mock.Mock()
        broken.get_many.side_effect = ConnectionError("redis down")
        broken.add.side_effect = ConnectionError("redis down")
        with (
            mock.patch("inquiries.ratelimit.cache", broken),
            self.assertLogs("inquiries.ratelimit", "WARNING") as logs,
        ):
            response = self.send()
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Inquiry.objects.count(), 1)
        self.assertIn("cache is not answering", logs.output[0])
