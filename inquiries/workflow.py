"""Every change of an inquiry's state, one function each.

Each function checks who may do it, changes the rows in a transaction,
records a version (django-reversion) and queues the emails, which go out
after the commit (inquiries.emails). The public views, the admin and the
management commands call these; none of them repeats the rules.

    new ──acknowledge──▶ acknowledged ──reply──▶ answered ──close──▶ closed
     │                                    ▲          │
     └────────────reply───────────────────┘   follow-up reopens (new)
    any open state ──mark_spam──▶ spam
"""

import json
from datetime import timedelta

import reversion
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Version

from core import roles
from inquiries import emails
from inquiries.models import (
    DEFAULT_RESPONSE_DAYS,
    Delivery,
    Inquiry,
    Message,
    ZoneResponseTime,
    new_token,
)
from inquiries.stats import forget_reply_time
from inquiries.workdays import add_working_days

Status = Inquiry.Status


def response_days(zone):
    found = (
        ZoneResponseTime.objects.filter(zone=zone)
        .values_list("working_days", flat=True)
        .first()
    )
    return found or DEFAULT_RESPONSE_DAYS


def can_handle(user, inquiry):
    """May `user` read and answer this inquiry (its zone's staff, editors)?"""
    return (
        user.is_active
        and user.has_perm("inquiries.change_inquiry")
        and roles.can_access_zone(user, inquiry.zone_id)
    )


def _require(user, inquiry):
    if not can_handle(user, inquiry):
        raise PermissionDenied(_("You may not handle this inquiry."))


def _start_clock(inquiry, moment, days=None):
    """The investor is waiting from `moment`: set when a reply is due."""
    days = days or response_days(inquiry.zone)
    inquiry.waiting_since = moment
    inquiry.due_at = add_working_days(moment, days)
    inquiry.escalate_at = add_working_days(moment, 2 * days)
    inquiry.reminders_sent = 0


def _record(inquiry, comment, user=None):
    """Save the inquiry and a version of it with `comment`."""
    with reversion.create_revision():
        inquiry.save()
        reversion.set_comment(comment)
        if user is not None:
            reversion.set_user(user)


def submit(zone, **fields):
    """Store an investor's inquiry and tell them and the zone.

    `fields` are the form's cleaned data (the Inquiry model fields).
    """
    with transaction.atomic():
        inquiry = Inquiry(zone=zone, **fields)
        now = timezone.now()
        inquiry.submitted_at = now
        _start_clock(inquiry, now)
        _record(inquiry, "Received from the public form.")
        emails.queue(inquiry, Delivery.Kind.CONFIRMATION)
        emails.queue(inquiry, Delivery.Kind.NEW_INQUIRY)
        forget_reply_time(inquiry.zone_id)
    return inquiry


def acknowledge(user, inquiry):
    _require(user, inquiry)
    if inquiry.status != Status.NEW:
        return False
    with transaction.atomic():
        inquiry.status = Status.ACKNOWLEDGED
        _record(inquiry, "Acknowledged.", user)
    return True


def reply(user, inquiry, body):
    """Answer the investor: shown on the tracking page and emailed."""
    _require(user, inquiry)
    if inquiry.status == Status.SPAM or not body.strip():
        return None
    with transaction.atomic():
        now = timezone.now()
        message = Message.objects.create(
            inquiry=inquiry, kind=Message.Kind.REPLY, author=user, body=body
        )
        if inquiry.first_replied_at is None:
            inquiry.first_replied_at = now
            forget_reply_time(inquiry.zone_id)
        if inquiry.status != Status.CLOSED:
            inquiry.status = Status.ANSWERED
        _record(inquiry, "Replied.", user)
        emails.queue(inquiry, Delivery.Kind.REPLY, message)
    return message


def add_note(user, inquiry, body):
    """An internal note: staff only, never shown to the investor."""
    _require(user, inquiry)
    if not body.strip():
        return None
    with transaction.atomic():
        message = Message.objects.create(
            inquiry=inquiry, kind=Message.Kind.NOTE, author=user, body=body
        )
        _record(inquiry, "Internal note added.", user)
    return message


def assignable_users(inquiry):
    """Staff who may be given the inquiry: its zone's administrators and
    the editors and platform administrators."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__name=roles.EDITORS)
            | Q(administered_zones=inquiry.zone_id)
        )
        .distinct()
        .order_by("username")
    )


def assign(user, inquiry, assignee):
    _require(user, inquiry)
    if assignee is not None and not can_handle(assignee, inquiry):
        raise PermissionDenied(_("That person may not handle this inquiry."))
    if assignee == inquiry.assigned_to:
        return False
    with transaction.atomic():
        inquiry.assigned_to = assignee
        _record(inquiry, "Assigned.", user)
    return True


def close(user, inquiry):
    """Close the inquiry; `user` None is the investor on the tracking page."""
    if user is not None:
        _require(user, inquiry)
    if inquiry.status in (Status.CLOSED, Status.SPAM):
        return False
    with transaction.atomic():
        inquiry.status = Status.CLOSED
        inquiry.closed_at = timezone.now()
        forget_reply_time(inquiry.zone_id)
        _record(inquiry, "Closed by the investor." if user is None else "Closed.", user)
    return True


def mark_spam(user, inquiry):
    _require(user, inquiry)
    if inquiry.status == Status.SPAM:
        return False
    with transaction.atomic():
        inquiry.status = Status.SPAM
        inquiry.closed_at = timezone.now()
        forget_reply_time(inquiry.zone_id)
        _record(inquiry, "Marked as spam.", user)
    return True


def follow_up(inquiry, body):
    """The investor writes again: an answered inquiry reopens (as new)."""
    if not inquiry.accepts_follow_up():
        raise PermissionDenied(_("This inquiry is closed."))
    with transaction.atomic():
        now = timezone.now()
        message = Message.objects.create(
            inquiry=inquiry, kind=Message.Kind.FOLLOW_UP, body=body, created_at=now
        )
        if inquiry.status == Status.ANSWERED:
            inquiry.status = Status.NEW
            _start_clock(inquiry, now)
        _record(inquiry, "Follow-up from the investor.")
        emails.queue(inquiry, Delivery.Kind.FOLLOW_UP, message)
    return message


def send_reminders(now=None):
    """Remind the zone of overdue inquiries, and the editors at twice the
    response time; each once per waiting period. Returns (reminded, escalated).
    """
    now = now or timezone.now()
    reminded = escalated = 0
    waiting = Inquiry.objects.waiting().select_related("zone")
    for inquiry in waiting.filter(escalate_at__lte=now, reminders_sent__lt=2):
        with transaction.atomic():
            # The conditional update makes a concurrent run skip this one.
            claimed = Inquiry.objects.filter(
                pk=inquiry.pk, reminders_sent=inquiry.reminders_sent
            ).update(reminders_sent=2)
            if claimed:
                if inquiry.reminders_sent < 1:
                    emails.queue(inquiry, Delivery.Kind.REMINDER)
                emails.queue(inquiry, Delivery.Kind.ESCALATION)
                escalated += 1
    for inquiry in waiting.filter(due_at__lte=now, reminders_sent__lt=1):
        with transaction.atomic():
            if Inquiry.objects.filter(pk=inquiry.pk, reminders_sent=0).update(
                reminders_sent=1
            ):
                emails.queue(inquiry, Delivery.Kind.REMINDER)
                reminded += 1
    return reminded, escalated


# What anonymising blanks: who the investor is and everything they or the
# staff wrote. The zone, the project's figures and the dates stay for the
# statistics.
PERSONAL_FIELDS = {
    "name": "",
    "organisation": "",
    "email": "",
    "phone": "",
    "message": "",
}


def purgeable(now, retention_days):
    """Closed or spam inquiries, not yet anonymised, closed before the
    retention period."""
    return Inquiry.objects.filter(
        status__in=(Status.CLOSED, Status.SPAM),
        closed_at__lt=now - timedelta(days=retention_days),
        anonymised_at__isnull=True,
    )


def anonymise(inquiry):
    """Blank the investor's data in the inquiry, its messages, its emails
    and every stored version of them. The tracking link stops working."""
    with transaction.atomic():
        messages = list(inquiry.messages.all())
        for name, value in PERSONAL_FIELDS.items():
            setattr(inquiry, name, value)
        inquiry.token = new_token()
        inquiry.anonymised_at = timezone.now()
        inquiry.save()
        Message.objects.filter(inquiry=inquiry).update(body="")
        inquiry.deliveries.all().delete()
        _anonymise_versions(Version.objects.get_for_object(inquiry), PERSONAL_FIELDS)
        for message in messages:
            _anonymise_versions(Version.objects.get_for_object(message), {"body": ""})


def _anonymise_versions(versions, blanks):
    for version in versions:
        data = json.loads(version.serialized_data)
        for row in data:
            row["fields"].update(
                (name, value) for name, value in blanks.items() if name in row["fields"]
            )
            if "token" in row["fields"]:
                row["fields"]["token"] = ""
        version.serialized_data = json.dumps(data)
        version.save(update_fields=["serialized_data"])
