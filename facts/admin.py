from django.contrib import admin, messages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import roles
from core.history import VersionHistoryAdmin
from core.uploads import KEEP_UPLOADS
from facts.models import Fact, Incentive, Indicator

BOOKKEEPING = ("entered_by", "verified_by", "verified_at", "created_at", "updated_at")


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    """The seeded list; editors and zone administrators only read it."""

    list_display = (
        "name",
        "name_en",
        "unit",
        "category",
        "is_lower_better",
        "fresh_months",
        "is_key_figure",
    )
    list_filter = ("category", "is_key_figure")
    search_fields = ("name", "name_en", "code", "aliases")


class VerifiedFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [("no", _("not verified")), ("yes", _("verified"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(verified_at__isnull=self.value() == "no")
        return queryset


class ZoneScopedFactsAdmin(roles.ZoneScopedAdminMixin, VersionHistoryAdmin):
    """Zone administrators see and edit their zones' rows; editors verify.

    Changing what a verified row says makes it unverified again, so a
    verification always covers what is shown.
    """

    # Fields whose change undoes a verification.
    verified_fields = ()
    actions = ("verify",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_verify_permission(self, request):
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.verify_{opts.model_name}")

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), *BOOKKEEPING)

    def protected_fields(self, request, obj=None):
        # Put back from the stored row when saving (a restored version must
        # not bring back an old verification), then set by save_model.
        return ["entered_by", "verified_by", "verified_at"]

    def save_model(self, request, obj, form, change):
        unverify = change and set(form.changed_data) & set(self.verified_fields)
        if not change:
            obj.entered_by = request.user
        super().save_model(request, obj, form, change)
        if unverify and obj.verified_at is not None:
            type(obj).objects.filter(pk=obj.pk).update(
                verified_by=None, verified_at=None
            )
            obj.verified_by = obj.verified_at = None

    @admin.action(
        description=_("Mark the selected rows verified"), permissions=["verify"]
    )
    def verify(self, request, queryset):
        count = queryset.filter(verified_at__isnull=True).update(
            verified_by=request.user, verified_at=timezone.now()
        )
        self.message_user(
            request,
            ngettext("%(count)d row verified.", "%(count)d rows verified.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.display(description=_("verified"), boolean=True)
    def verified(self, obj):
        return obj.is_verified


@admin.register(Fact)
class FactAdmin(ZoneScopedFactsAdmin):
    list_display = (
        "zone",
        "indicator",
        "label",
        "value_text",
        "unit",
        "period_display",
        "is_sample",
        "verified",
    )
    list_filter = ("indicator__category", "indicator", VerifiedFilter, "is_sample")
    list_select_related = ("zone", "indicator")
    search_fields = ("zone__name", "zone__code", "label", "source_title")
    autocomplete_fields = ("zone",)
    verified_fields = (
        "zone",
        "indicator",
        "label",
        "value_text",
        "qualifier",
        "unit",
        "year",
        "as_of",
        "source_title",
        "source_url",
    )
    fieldsets = (
        (None, {"fields": ("zone", "indicator", "label")}),
        (
            _("Value"),
            {
                "fields": (
                    ("value_text", "qualifier", "unit"),
                    ("value", "value_high"),
                    ("year", "as_of", "period_text"),
                )
            },
        ),
        (
            _("Source"),
            {
                "fields": (
                    "source_title",
                    "source_url",
                    ("source_publisher", "source_date"),
                    "source_quality",
                    "note",
                    "is_sample",
                )
            },
        ),
        (_("Verification"), {"fields": (*BOOKKEEPING,)}),
    )

    @admin.display(description=_("period"), ordering="sort_date")
    def period_display(self, fact):
        return fact.period_display


@admin.register(Incentive)
class IncentiveAdmin(ZoneScopedFactsAdmin):
    """Region-wide incentives (a city's, a province's) are editors' work."""

    formfield_overrides = KEEP_UPLOADS

    list_display = (
        "title",
        "kind",
        "zone",
        "region",
        "issuing_authority",
        "document_number",
        "status",
        "verified",
    )
    list_filter = ("status", "kind", VerifiedFilter, "is_sample")
    list_select_related = ("zone", "region")
    search_fields = ("title", "title_en", "document_number", "issuing_authority")
    autocomplete_fields = ("zone", "region")
    date_hierarchy = "issued_on"
    verified_fields = (
        "title",
        "kind",
        "zone",
        "region",
        "summary",
        "eligibility",
        "amount",
        "issuing_authority",
        "document_number",
        "issued_on",
        "valid_from",
        "valid_until",
        "status",
        "source_url",
        "document",
    )
    fieldsets = (
        (None, {"fields": (("title", "title_en"), "kind", ("zone", "region"))}),
        (
            _("Content"),
            {"fields": ("summary", "summary_en", "eligibility", "amount")},
        ),
        (
            _("Legal basis and validity"),
            {
                "fields": (
                    ("issuing_authority", "document_number"),
                    ("issued_on", "issued_text"),
                    ("valid_from", "valid_until"),
                    "validity_note",
                    "status",
                )
            },
        ),
        (
            _("Source"),
            {"fields": ("source_url", "source_publisher", "document", "note")},
        ),
        (_("Verification"), {"fields": ("is_sample", *BOOKKEEPING)}),
    )

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if roles.is_zone_scoped(request.user):
            fields = (*fields, "region")
        return fields

    def protected_fields(self, request, obj=None):
        fields = super().protected_fields(request, obj)
        if roles.is_zone_scoped(request.user):
            fields = [*fields, "region"]
        return fields
