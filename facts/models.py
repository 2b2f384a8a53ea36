"""Dated, sourced facts about zones: key figures, costs, ranks and incentives.

Every figure is a `Fact`: one value of one `Indicator` for one zone and
period, with the source it was read from. Values keep the text as published
("10-20", "约6", "一企一议") beside the number parsed from it, so nothing a
source said is lost and comparisons still have numbers to work with.
"""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.bilingual import BilingualNameMixin, in_page_language, is_english_page
from core.images import refuse_oversized
from zones.models import Region, Zone


class Indicator(BilingualNameMixin, models.Model):
    """Something a zone can report: GDP, land price, a wage, a rank.

    The list is seeded by a data migration; codes are what import files
    and the cost estimate refer to.
    """

    class Category(models.TextChoices):
        ECONOMY = "economy", _("economy")
        COSTS = "costs", _("costs")
        LABOUR = "labour", _("labour")
        LAND_UTILITIES = "land_utilities", _("land and utilities")
        RANKING = "ranking", _("ranking")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80)
    name_en = models.CharField(_("English name"), max_length=120)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    unit_en = models.CharField(_("English unit"), max_length=40, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category)
    is_lower_better = models.BooleanField(
        _("lower is better"),
        default=False,
        help_text=_("Costs and ranks: the lowest value in a comparison is marked."),
    )
    fresh_months = models.PositiveSmallIntegerField(
        _("stays fresh for (months)"),
        help_text=_("After this, a value is shown as possibly out of date."),
    )
    is_key_figure = models.BooleanField(
        _("key figure"),
        default=False,
        help_text=_("Shown among a zone's key figures and on the compare page."),
    )
    is_catch_all = models.BooleanField(
        _("catch-all"),
        default=False,
        help_text=_(
            "Holds published items that fit no other indicator of its category; "
            "their own label is shown."
        ),
    )
    aliases = models.TextField(
        _("published names"),
        blank=True,
        help_text=_(
            "Other names sources use for it, one a line; the import matches "
            "them exactly (工业用水, 月平均工资)."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    @property
    def display_unit(self):
        return in_page_language(self.unit, self.unit_en)


class Verified(models.Model):
    """Who entered a figure or an incentive, and which editor checked it."""

    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)

    class Meta:
        abstract = True


class FactQuerySet(models.QuerySet):
    def public(self):
        """Facts of published zones."""
        return self.filter(zone__is_published=True)

    def latest_first(self):
        return self.order_by("indicator__position", "-sort_date", "label", "pk")


NUMBER = r"\d+(?:\.\d+)?"
PLAIN_NUMBER = re.compile(rf"^(?:约|近|超过|不低于|不高于)?\s*({NUMBER})$")
RANGE = re.compile(rf"^({NUMBER})\s*[-~～—至]\s*({NUMBER})$")


def parse_amount(text):
    """Return (value, high) read from a published amount, or (None, None).

    "60" → (60, None); "10-20" and "2500~3500" → (10, 20); anything else
    ("13.5±10%", "一企一议") has no number to compare and stays text only.
    """
    text = text.strip().replace(",", "")
    try:
        match = PLAIN_NUMBER.match(text)
        if match:
            return Decimal(match.group(1)), None
        match = RANGE.match(text)
        if match:
            return Decimal(match.group(1)), Decimal(match.group(2))
    except InvalidOperation:
        pass
    return None, None


# Qualifiers written after the number (1900余家, 2万多家); the rest go before.
SUFFIX_QUALIFIERS = {"余", "多", "余り(余)"}
# The qualifiers the sources use, as English pages say them (always before
# the number). One not listed here is shown as published, marked Chinese.
QUALIFIERS_IN_ENGLISH = {
    "超过": _("more than"),
    "突破": _("more than"),
    "首次突破": _("more than"),
    "余": _("more than"),
    "多": _("more than"),
    "余り(余)": _("more than"),
    "近": _("nearly"),
    "约": _("about"),
    "预计": _("estimated"),
}


@reversion.register()
class Fact(Verified):
    """One published value of an indicator for a zone, with its source."""

    zone = models.ForeignKey(
        Zone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="facts"
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="facts",
    )
    label = models.CharField(
        _("item as published"),
        max_length=200,
        blank=True,
        help_text=_(
            "The source's own name for the figure, e.g. 工业用地出让基准价格 "
            "or, for a rank, the list (综合排名)."
        ),
    )
    value_text = models.CharField(
        _("value as published"),
        max_length=120,
        help_text=_("As the source prints it: 60, 10-20, 约6, 一企一议."),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Filled from the published value when it is a number."),
    )
    value_high = models.DecimalField(
        _("upper value of a range"),
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
    )
    qualifier = models.CharField(
        _("qualifier"),
        max_length=20,
        blank=True,
        help_text=_("超过, 近, 约, 预计 (an estimate)… as published."),
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("The year the figure describes.")
    )
    as_of = models.DateField(
        _("as of"),
        null=True,
        blank=True,
        help_text=_("For prices and counts: the date the figure was valid."),
    )
    period_text = models.CharField(_("period as published"), max_length=80, blank=True)
    source_title = models.CharField(_("source title"), max_length=300)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    source_publisher = models.CharField(
        _("source publisher"), max_length=200, blank=True
    )
    source_date = models.DateField(_("source publication date"), null=True, blank=True)
    source_quality = models.CharField(_("source quality"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Made-up demonstration value; pages label it as sample data."),
    )
    # When the figure was valid, as a date to sort and to judge freshness by:
    # the "as of" date, else the last day of the year, else the source date.
    sort_date = models.DateField(editable=False, null=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FactQuerySet.as_manager()

    class Meta:
        ordering = ["zone", "indicator__position", "-sort_date"]
        verbose_name = _("fact")
        verbose_name_plural = _("facts")
        get_latest_by = "sort_date"
        permissions = [("verify_fact", _("Can verify facts"))]
        indexes = [
            # A profile's facts, and the compare page's facts of a few zones.
            models.Index(fields=["zone", "indicator"], name="facts_fact_zone_ind_idx"),
            # The directory sorted by a key figure: latest value per zone.
            models.Index(
                fields=["indicator", "zone", "sort_date"], name="facts_fact_sort_idx"
            ),
        ]

    def __str__(self):
        return f"{self.zone} · {self.label or self.indicator} · {self.value_text}"

    def save(self, *args, **kwargs):
        if self.value is None and self.value_high is None:
            self.value, self.value_high = parse_amount(self.value_text)
        self.sort_date = self.as_of or (
            date(self.year, 12, 31) if self.year else self.source_date
        )
        super().save(*args, **kwargs)

    @property
    def display_label(self):
        """The published item name, or the indicator's name in the page language."""
        if self.label and (self.indicator.is_catch_all or not is_english_page()):
            return self.label
        return self.indicator.display_name

    @property
    def _qualifier_in_english(self):
        if self.qualifier and is_english_page():
            return QUALIFIERS_IN_ENGLISH.get(self.qualifier)
        return None

    @property
    def display_value(self):
        """The value with its qualifier where the page's language puts it:
        超过670 and 1900余 on Chinese pages, "more than 670" on English ones."""
        english = self._qualifier_in_english
        if english:
            return f"{english} {self.value_text}"
        if self.qualifier in SUFFIX_QUALIFIERS:
            return f"{self.value_text}{self.qualifier}"
        return f"{self.qualifier}{self.value_text}"

    @property
    def shows_published_wording(self):
        """Whether display_value holds Chinese as published (a qualifier with
        no English, or a value that is not a number): marked lang="zh"."""
        untranslated = self.qualifier and not self._qualifier_in_english
        return bool(untranslated) or self.value is None

    @property
    def period_display(self):
        if self.as_of:
            return self.as_of.isoformat()
        if self.year:
            return str(self.year)
        return self.period_text

    def is_stale(self, today=None):
        """Past the indicator's freshness, or undated: possibly out of date."""
        if self.sort_date is None:
            return True
        today = today or timezone.localdate()
        months = (today.year - self.sort_date.year) * 12 + (
            today.month - self.sort_date.month
        )
        return months > self.indicator.fresh_months

    @property
    def is_verified(self):
        return self.verified_at is not None

    @property
    def midpoint(self):
        """The number a calculation uses: the value, or a range's middle."""
        if self.value is None:
            return None
        if self.value_high is None:
            return self.value
        return (self.value + self.value_high) / 2


def validate_pdf(file):
    """Accept only a real PDF, within the upload limit, with no active content.

    Scripts, launch actions and embedded files are refused rather than
    stripped: the issuing authority's original has none of them.
    """
    refuse_oversized(
        file,
        _("The file is %(size).1f MB; the largest accepted is %(limit)d MB."),
        "pdf_too_large",
    )
    file.seek(0)
    content = file.read()
    file.seek(0)
    if not content.startswith(b"%PDF-"):
        raise ValidationError(_("This is not a PDF file."), code="not_pdf")
    for marker in (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/XFA"):
        if marker in content:
            raise ValidationError(
                _("The PDF contains scripts or embedded files; upload a plain copy."),
                code="pdf_active_content",
            )


class IncentiveQuerySet(models.QuerySet):
    def for_zone(self, zone):
        """Incentives of the zone itself and of every region it lies in."""
        return self.filter(Q(zone=zone) | Q(region_id__in=zone.region_ids))

    def for_zones(self, zones):
        region_ids = {pk for zone in zones for pk in zone.region_ids}
        return self.filter(Q(zone__in=zones) | Q(region_id__in=region_ids))

    def current(self):
        return self.exclude(status=Incentive.Status.EXPIRED)


@reversion.register()
class Incentive(Verified):
    """A policy document offering investors something, and where it applies.

    Since the 2024 fair-competition review rules restrict local tax rebates
    and selective subsidies, who issued it (and under which number) and
    whether it is in force are required, not decoration.
    """

    class Kind(models.TextChoices):
        TAX = "tax", _("tax")
        LAND = "land", _("land")
        RENT = "rent", _("rent")
        SUBSIDY = "subsidy", _("subsidy")
        TALENT = "talent", _("talent")
        FINANCE = "finance", _("finance")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("in force")
        UNDER_REVIEW = "under_review", _("under review or draft")
        NOT_STATED = "not_stated", _("status not stated by the source")
        EXPIRED = "expired", _("expired")

    STATUS_ORDER = (
        Status.IN_FORCE,
        Status.UNDER_REVIEW,
        Status.NOT_STATED,
        Status.EXPIRED,
    )

    title = models.CharField(_("title"), max_length=300)
    title_en = models.CharField(_("English title"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    zone = models.ForeignKey(
        Zone,
        verbose_name=_("zone"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="incentives",
        help_text=_("The zone it applies to; or leave empty and choose a region."),
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incentives",
        help_text=_("A province, city or county: it shows on every zone there."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("In our own words, in Chinese.")
    )
    summary_en = models.TextField(
        _("English summary"),
        blank=True,
        help_text=_("At least one of the two summaries is required."),
    )
    eligibility = models.TextField(_("who is eligible"), blank=True)
    amount = models.CharField(
        _("amount or rate"),
        max_length=200,
        blank=True,
        help_text=_("As text: 最高1000万元, 15%."),
    )
    issuing_authority = models.CharField(_("issuing authority"), max_length=200)
    document_number = models.CharField(
        _("document number (文号)"), max_length=80, blank=True
    )
    issued_on = models.DateField(_("issue date"), null=True, blank=True)
    issued_text = models.CharField(
        _("issue date as published"),
        max_length=40,
        blank=True,
        help_text=_("When only a year or month is known: 2024, 2025-12."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    validity_note = models.CharField(
        _("validity as published"), max_length=200, blank=True
    )
    status = models.CharField(_("status"), max_length=15, choices=Status)
    source_url = models.URLField(_("source address"), max_length=500)
    source_publisher = models.CharField(
        _("source publisher"), max_length=200, blank=True
    )
    document = models.FileField(
        _("document (PDF)"),
        upload_to="incentives/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
    )
    note = models.TextField(_("note"), blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = IncentiveQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "title"]
        verbose_name = _("incentive")
        verbose_name_plural = _("incentives")
        permissions = [("verify_incentive", _("Can verify incentives"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(zone__isnull=False) ^ Q(region__isnull=False),
                name="facts_incentive_one_place",
                violation_error_message=_("Choose either a zone or a region."),
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if (self.zone_id is None) == (self.region_id is None):
            raise ValidationError(_("Choose either a zone or a region."))
        if not self.summary.strip() and not self.summary_en.strip():
            raise ValidationError({"summary": _("Write a summary.")})
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("The end of validity is before its start.")}
            )

    @property
    def display_title(self):
        return in_page_language(self.title, self.title_en)

    @property
    def display_summary(self):
        """(text, lang attribute) of the summary for the page's language;
        the attribute is empty when the text is in the page's language."""
        english = is_english_page()
        if self.summary_en and (english or not self.summary):
            return self.summary_en, "" if english else "en"
        return self.summary, "zh-Hans" if english else ""

    @property
    def is_expired(self):
        return self.status == self.Status.EXPIRED

    @property
    def is_verified(self):
        return self.verified_at is not None


def in_force_first(incentives):
    """`incentives` as a profile lists them: in force, under review, status
    not stated, expired; the newest issued first within each (undated ones
    last), then by title.

    Sorted in Python: a zone has a handful, and ordering them in SQL took a
    CASE over the statuses that cost more to build than to sort.
    """
    rank = {status: position for position, status in enumerate(Incentive.STATUS_ORDER)}
    return sorted(
        incentives,
        key=lambda incentive: (
            rank.get(incentive.status, len(rank)),
            incentive.issued_on is None,
            -incentive.issued_on.toordinal() if incentive.issued_on else 0,
            incentive.title,
        ),
    )
