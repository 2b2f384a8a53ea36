"""Inquiries: an investor asks a zone, the zone's investment office answers.

An inquiry belongs to one zone. Its state changes only through
`inquiries.workflow`; emails about it are rows of `Delivery`, sent after
the transaction commits and retried by `manage.py remind_inquiries`.
"""

import secrets

import reversion
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zones.models import Zone

DEFAULT_RESPONSE_DAYS = 2
MESSAGE_MAX_LENGTH = 5000


def new_token():
    # 32 URL-safe characters, 192 bits: the tracking page's only key.
    return secrets.token_urlsafe(24)


class ZoneResponseTime(models.Model):
    """How many working days a zone has to answer (default 2)."""

    zone = models.OneToOneField(
        Zone,
        on_delete=models.CASCADE,
        related_name="response_time",
        verbose_name=_("zone"),
    )
    working_days = models.PositiveSmallIntegerField(
        _("working days to answer"),
        default=DEFAULT_RESPONSE_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_(
            "An inquiry is overdue after this many working days without a "
            "reply, and goes to the editors after twice as many."
        ),
    )

    class Meta:
        ordering = ["zone__name"]
        verbose_name = _("zone response time")
        verbose_name_plural = _("zone response times")

    def __str__(self):
        return str(self.zone)


class InquiryQuerySet(models.QuerySet):
    def waiting(self):
        """Inquiries that wait for the zone's reply."""
        return self.filter(status__in=(Inquiry.Status.NEW, Inquiry.Status.ACKNOWLEDGED))

    def overdue(self, now=None):
        return self.waiting().filter(due_at__lte=now or timezone.now())


# What the investor tells about themselves, and about the plan: the public
# form asks for both, the admin shows them in these two groups.
INVESTOR_FIELDS = ("name", "organisation", "country", "email", "phone", "language")
PROJECT_FIELDS = ("industry", "investment", "space_needed", "jobs", "timeline")


@reversion.register(follow=("messages",))
class Inquiry(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        ACKNOWLEDGED = "acknowledged", _("acknowledged")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", _("closed")
        SPAM = "spam", _("spam")

    class Investment(models.TextChoices):
        UNDER_10M = "under-10m", _("under CNY 10 million")
        TO_100M = "10m-100m", _("CNY 10 to 100 million")
        TO_1B = "100m-1b", _("CNY 100 million to 1 billion")
        OVER_1B = "over-1b", _("over CNY 1 billion")
        UNDECIDED = "undecided", _("not decided yet")

    class Timeline(models.TextChoices):
        SIX_MONTHS = "6m", _("within 6 months")
        YEAR = "12m", _("within a year")
        TWO_YEARS = "24m", _("within two years")
        LATER = "later", _("later or not decided")

    zone = models.ForeignKey(
        Zone,
        on_delete=models.PROTECT,
        related_name="inquiries",
        verbose_name=_("zone"),
    )
    token = models.CharField(
        _("tracking token"), max_length=43, unique=True, default=new_token
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_inquiries",
        verbose_name=_("assigned to"),
    )

    # The investor (personal data: anonymised by purge_inquiries).
    name = models.CharField(_("name"), max_length=100)
    organisation = models.CharField(_("organisation"), max_length=200)
    country = models.CharField(_("country or region"), max_length=100)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    # The project.
    industry = models.CharField(_("industry"), max_length=100)
    investment = models.CharField(
        _("planned investment"), max_length=20, choices=Investment.choices
    )
    space_needed = models.CharField(
        _("land or floor space needed"), max_length=200, blank=True
    )
    jobs = models.PositiveIntegerField(_("expected jobs"), null=True, blank=True)
    timeline = models.CharField(_("timeline"), max_length=10, choices=Timeline.choices)
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)

    # The reply clock.
    submitted_at = models.DateTimeField(_("received"), default=timezone.now)
    waiting_since = models.DateTimeField(
        _("waiting since"),
        default=timezone.now,
        help_text=_("When the investor last wrote without an answer since."),
    )
    due_at = models.DateTimeField(_("reply due"))
    escalate_at = models.DateTimeField(_("goes to the editors"))
    reminders_sent = models.PositiveSmallIntegerField(
        _("reminders sent"),
        default=0,
        help_text=_("0 none, 1 the reminder when due, 2 also the escalation."),
    )
    first_replied_at = models.DateTimeField(_("first reply"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        get_latest_by = "submitted_at"
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        permissions = [
            ("view_report", _("Can see the inquiries report of every zone")),
            ("export_personal_data", _("Can export an investor's data")),
        ]
        indexes = [
            # The inbox of one zone, newest first, and the response-time
            # figure over a zone's recent inquiries.
            models.Index(
                fields=["zone", "submitted_at"], name="inquiries_zone_received_idx"
            ),
            # remind_inquiries and the overdue counts: open inquiries by due time.
            models.Index(
                fields=["due_at"],
                condition=Q(status__in=("new", "acknowledged")),
                name="inquiries_waiting_due_idx",
            ),
        ]

    def __str__(self):
        # No personal data: this text lands in the admin's log and history.
        return _("Inquiry %(number)s to %(zone)s") % {
            "number": self.pk or "",
            "zone": self.zone,
        }

    def get_absolute_url(self):
        return reverse("inquiries:track", args=[self.token])

    def is_waiting(self):
        return self.status in (self.Status.NEW, self.Status.ACKNOWLEDGED)

    def is_overdue(self, now=None):
        return self.is_waiting() and self.due_at <= (now or timezone.now())

    def accepts_follow_up(self):
        return self.status not in (self.Status.CLOSED, self.Status.SPAM)


@reversion.register()
class Message(models.Model):
    """A reply, a follow-up from the investor, or an internal note."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("reply to the investor")
        FOLLOW_UP = "follow-up", _("follow-up from the investor")
        NOTE = "note", _("internal note")

    inquiry = models.ForeignKey(
        Inquiry,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("inquiry"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("text"), max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.inquiry_id})"

    def is_public(self):
        return self.kind != self.Kind.NOTE


class Delivery(models.Model):
    """One email about an inquiry: queued, sent, or failed and to be retried."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("confirmation to the investor")
        REPLY = "reply", _("reply to the investor")
        NEW_INQUIRY = "new-inquiry", _("new inquiry to the zone")
        FOLLOW_UP = "follow-up", _("follow-up to the zone")
        REMINDER = "reminder", _("reminder to the zone")
        ESCALATION = "escalation", _("escalation to the editors")

    inquiry = models.ForeignKey(
        Inquiry,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("inquiry"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    message = models.ForeignKey(
        Message,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("message"),
    )
    recipients = models.TextField(_("recipients"), help_text=_("One per line."))
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        indexes = [
            # The retry pass: unsent emails only.
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True),
                name="inquiries_unsent_idx",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.inquiry_id})"

    def recipient_list(self):
        return [line for line in self.recipients.splitlines() if line]
