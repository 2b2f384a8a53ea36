"""Emails about inquiries: queued as Delivery rows, sent after the commit.

Nothing here makes a request fail or wait on the mail server: the rows are
written in the workflow's transaction, and the sending starts once it has
committed, in a background thread (INQUIRY_EMAIL_BACKGROUND, on by default).
A failed send is recorded on its row (attempts, last error) and retried by
`manage.py remind_inquiries`. Each email is rendered from
templates/inquiries/email/<kind>.txt and .html in the recipient's language:
the investor's chosen one, the site's default for staff.
"""

import logging
import threading
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import close_old_connections, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.models import StaffLanguage
from core.roles import EDITORS
from inquiries.models import Delivery

logger = logging.getLogger(__name__)

# A row is given up after this many failed attempts (the admin shows it).
MAX_ATTEMPTS = 8
STAFF_KINDS = {
    Delivery.Kind.NEW_INQUIRY,
    Delivery.Kind.FOLLOW_UP,
    Delivery.Kind.REMINDER,
    Delivery.Kind.ESCALATION,
}


def _staff(users):
    """Active users with an address."""
    return [user for user in users.filter(is_active=True) if user.email]


def editors():
    """The editors; the platform administrators if no editor has an address."""
    users = get_user_model().objects.all()
    return _staff(users.filter(groups__name=EDITORS)) or _staff(
        users.filter(is_superuser=True)
    )


def handlers(zone):
    """Who answers the zone's inquiries: its administrators, else the editors."""
    return _staff(zone.administrators.all()) or editors()


def by_language(users):
    """{language: [addresses]}: staff read in the language of their last
    sign-in to the admin (core.StaffLanguage), one query for all of them."""
    stored = dict(
        StaffLanguage.objects.filter(
            user_id__in=[user.pk for user in users]
        ).values_list("user_id", "language")
    )
    groups = {}
    for user in users:
        language = stored.get(user.pk, settings.LANGUAGE_CODE)
        groups.setdefault(language, set()).add(user.email)
    return {language: sorted(found) for language, found in sorted(groups.items())}


def queue(inquiry, kind, message=None):
    """Write the email's rows now (one per language); send them once the
    transaction commits. Returns the first row, or None with nobody to write to.
    """
    if kind in STAFF_KINDS:
        staff = (
            editors() if kind == Delivery.Kind.ESCALATION else handlers(inquiry.zone)
        )
        groups = by_language(staff)
    else:
        groups = {inquiry.language: [inquiry.email]}
    if not groups:
        logger.warning("Inquiry %s: nobody to send the %s email to", inquiry.pk, kind)
        return None
    deliveries = [
        Delivery.objects.create(
            inquiry=inquiry,
            kind=kind,
            message=message,
            recipients="\n".join(recipients),
            language=language,
        )
        for language, recipients in groups.items()
    ]
    pks = [delivery.pk for delivery in deliveries]
    transaction.on_commit(lambda: send_soon(pks))
    return deliveries[0]


_inline = ContextVar("inquiry_emails_inline", default=False)


@contextmanager
def sending_inline():
    """Send queued emails in this thread (management commands: a background
    thread would die with the process)."""
    token = _inline.set(True)
    try:
        yield
    finally:
        _inline.reset(token)


def send_soon(pks):
    if settings.INQUIRY_EMAIL_BACKGROUND and not _inline.get():
        threading.Thread(target=_send_in_thread, args=(pks,), daemon=True).start()
    else:
        send_deliveries(Delivery.objects.filter(pk__in=pks))


def _send_in_thread(pks):
    try:
        send_deliveries(Delivery.objects.filter(pk__in=pks))
    except Exception:
        # The rows stay unsent and the next remind_inquiries retries them.
        logger.exception("Sending inquiry emails %s failed", pks)
    finally:
        close_old_connections()


def send_deliveries(deliveries):
    """Send each unsent row; returns (sent, failed)."""
    sent = failed = 0
    for delivery in deliveries.filter(sent_at__isnull=True).select_related(
        "inquiry__zone", "message"
    ):
        if send(delivery):
            sent += 1
        else:
            failed += 1
    return sent, failed


def retry_unsent():
    """Retry the emails that failed before (remind_inquiries)."""
    return send_deliveries(Delivery.objects.filter(attempts__lt=MAX_ATTEMPTS))


def send(delivery):
    # Claim the row first, so that a retry running at the same moment as
    # the first attempt does not send the email twice.
    claimed = Delivery.objects.filter(
        pk=delivery.pk, sent_at__isnull=True, attempts=delivery.attempts
    ).update(attempts=F("attempts") + 1)
    if not claimed:
        return False
    try:
        email = render(delivery)
        email.send()
    except Exception as error:  # SMTP, DNS, a template: record and go on
        logger.warning("Inquiry email %s not sent: %s", delivery.pk, error)
        Delivery.objects.filter(pk=delivery.pk).update(
            last_error=f"{type(error).__name__}: {error}"[:500]
        )
        return False
    Delivery.objects.filter(pk=delivery.pk).update(
        sent_at=timezone.now(), last_error=""
    )
    return True


def _site_url(path):
    return settings.SITE_URL.rstrip("/") + path


def render(delivery):
    inquiry = delivery.inquiry
    with translation.override(delivery.language):
        context = {
            "inquiry": inquiry,
            "zone": inquiry.zone,
            "zone_name": inquiry.zone.display_name,
            "message": delivery.message,
            "tracking_url": _site_url(inquiry.get_absolute_url()),
            "admin_url": _site_url(
                reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])
            ),
        }
        subject = _subject(delivery.kind, context)
        text = render_to_string(f"inquiries/email/{delivery.kind}.txt", context)
        html = render_to_string(f"inquiries/email/{delivery.kind}.html", context)
    email = EmailMultiAlternatives(
        subject=subject, body=text, to=delivery.recipient_list()
    )
    email.attach_alternative(html, "text/html")
    return email


def _subject(kind, context):
    names = {"zone": context["zone_name"], "number": context["inquiry"].pk}
    subjects = {
        Delivery.Kind.CONFIRMATION: _("Your inquiry to %(zone)s"),
        Delivery.Kind.REPLY: _("%(zone)s replied to your inquiry"),
        Delivery.Kind.NEW_INQUIRY: _("New inquiry %(number)s for %(zone)s"),
        Delivery.Kind.FOLLOW_UP: _("Follow-up on inquiry %(number)s (%(zone)s)"),
        Delivery.Kind.REMINDER: _("Overdue: inquiry %(number)s for %(zone)s"),
        Delivery.Kind.ESCALATION: _(
            "Unanswered for twice the response time: inquiry %(number)s (%(zone)s)"
        ),
    }
    return subjects[kind] % names
