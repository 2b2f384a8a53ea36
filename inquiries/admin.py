"""The zones' inbox. Wiring only: every change goes through inquiries.workflow."""

import csv
import json
from datetime import timedelta

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import roles
from inquiries import stats, workflow
from inquiries.models import (
    INVESTOR_FIELDS,
    PROJECT_FIELDS,
    Inquiry,
    ZoneResponseTime,
)

ACTION_BUTTONS = {
    "_acknowledge": _("Acknowledge"),
    "_close": _("Close"),
    "_spam": _("Mark as spam"),
}
REPORT_DAYS = 180


def _when(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


class OverdueFilter(admin.SimpleListFilter):
    title = _("reply clock")
    parameter_name = "clock"

    def lookups(self, request, model_admin):
        return (("overdue", _("overdue")), ("waiting", _("waiting for a reply")))

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.overdue()
        if self.value() == "waiting":
            return queryset.waiting()
        return queryset


class InquiryAdminForm(forms.ModelForm):
    reply = forms.CharField(
        label=_("reply to the investor"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Sent by email when you save, and shown on their tracking page."),
    )
    note = forms.CharField(
        label=_("internal note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For the zone's staff and the editors; the investor never sees it."
        ),
    )

    class Meta:
        model = Inquiry
        fields = ("assigned_to",)


@admin.register(Inquiry)
class InquiryAdmin(roles.ZoneScopedAdminMixin, admin.ModelAdmin):
    form = InquiryAdminForm
    list_display = (
        "number",
        "zone",
        "organisation",
        "status",
        "submitted_at",
        "reply_due",
        "assigned_to",
    )
    list_filter = ("status", OverdueFilter)
    list_select_related = ("zone", "assigned_to")
    search_fields = ("organisation", "name", "email", "industry")
    date_hierarchy = "submitted_at"
    actions = ("acknowledge", "close", "mark_spam", "export_personal_data")
    change_form_template = "admin/inquiries/inquiry/change_form.html"
    # The tracking page is the investor's own: staff answer here.
    view_on_site = False
    change_list_template = "admin/inquiries/inquiry/change_list.html"
    readonly_fields = (
        "zone",
        "status",
        "submitted_at",
        "reply_due",
        "first_replied_at",
        *INVESTOR_FIELDS,
        *PROJECT_FIELDS,
        "message_text",
        "conversation",
        "email_log",
    )

    def get_fieldsets(self, request, obj=None):
        return (
            (
                None,
                {
                    "fields": (
                        "zone",
                        "status",
                        "submitted_at",
                        "reply_due",
                        "first_replied_at",
                        "assigned_to",
                    )
                },
            ),
            (_("Investor"), {"fields": INVESTOR_FIELDS}),
            (_("Project"), {"fields": PROJECT_FIELDS}),
            (_("Conversation"), {"fields": ("message_text", "conversation")}),
            (_("Answer"), {"fields": ("reply", "note")}),
            (_("Emails"), {"fields": ("email_log",), "classes": ("collapse",)}),
        )

    def get_list_filter(self, request):
        if roles.is_zone_scoped(request.user):
            return self.list_filter
        # Only zones that have inquiries: the catalogue has 2,543.
        return (*self.list_filter, ("zone", admin.RelatedOnlyFieldListFilter))

    # Scope: a zone administrator sees their zones' inquiries only (the
    # queryset from roles.ZoneScopedAdminMixin); handling has its own rule.

    def has_add_permission(self, request):
        return False  # inquiries come from the public form

    def has_delete_permission(self, request, obj=None):
        # Personal data leaves through purge_inquiries, on a schedule.
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.can_handle(request.user, obj))

    def has_export_personal_data_permission(self, request):
        return request.user.has_perm("inquiries.export_personal_data")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "assigned_to" and isinstance(
            formfield.widget, RelatedFieldWidgetWrapper
        ):
            # Choose a colleague; no links to add or edit user accounts.
            formfield.widget = formfield.widget.widget
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            inquiry = getattr(request, "_inquiry", None)
            kwargs["queryset"] = (
                workflow.assignable_users(inquiry)
                if inquiry is not None
                else Inquiry.assigned_to.field.related_model.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_object(self, request, object_id, from_field=None):
        inquiry = super().get_object(request, object_id, from_field)
        request._inquiry = inquiry
        return inquiry

    # Columns and read-only views.

    @admin.display(description=_("number"), ordering="pk")
    def number(self, obj):
        return obj.pk

    @admin.display(description=_("reply due"), ordering="due_at")
    def reply_due(self, obj):
        if not obj.is_waiting():
            return "—"
        if obj.is_overdue():
            return format_html(
                '<strong class="inquiry-overdue">{} ({})</strong>',
                _when(obj.due_at),
                gettext("overdue"),
            )
        return _when(obj.due_at)

    @admin.display(description=_("message"))
    def message_text(self, obj):
        return linebreaksbr(obj.message, autoescape=True)

    @admin.display(description=_("replies, follow-ups and notes"))
    def conversation(self, obj):
        items = list(obj.messages.select_related("author"))
        if not items:
            return "—"
        return format_html(
            '<ol class="inquiry-thread">{}</ol>',
            format_html_join(
                "",
                '<li class="inquiry-{}"><p><strong>{}</strong> · {}{}</p>'
                "<div>{}</div></li>",
                (
                    (
                        item.kind,
                        item.get_kind_display(),
                        _when(item.created_at),
                        f" · {item.author.get_username()}" if item.author else "",
                        linebreaksbr(item.body, autoescape=True),
                    )
                    for item in items
                ),
            ),
        )

    @admin.display(description=_("emails about this inquiry"))
    def email_log(self, obj):
        rows = list(obj.deliveries.all())
        if not rows:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {}</li>",
                (
                    (
                        row.get_kind_display(),
                        gettext("sent %(when)s") % {"when": _when(row.sent_at)}
                        if row.sent_at
                        else gettext("not sent yet (%(attempts)d attempts) %(error)s")
                        % {"attempts": row.attempts, "error": row.last_error},
                    )
                    for row in rows
                ),
            ),
        )

    # Saving: the reply, the note, the assignment and the state buttons.

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["action_buttons"] = [
            (name, label)
            for name, label in ACTION_BUTTONS.items()
            if obj is not None and self._button_applies(name, obj)
        ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    @staticmethod
    def _button_applies(name, obj):
        if name == "_acknowledge":
            return obj.status == Inquiry.Status.NEW
        if name == "_close":
            return obj.status not in (Inquiry.Status.CLOSED, Inquiry.Status.SPAM)
        return obj.status != Inquiry.Status.SPAM

    def save_model(self, request, obj, form, change):
        user = request.user
        inquiry = Inquiry.objects.select_related("zone").get(pk=obj.pk)
        if "assigned_to" in form.changed_data:
            workflow.assign(user, inquiry, form.cleaned_data["assigned_to"])
        if form.cleaned_data.get("note"):
            workflow.add_note(user, inquiry, form.cleaned_data["note"])
        reply = form.cleaned_data.get("reply")
        if reply and workflow.reply(user, inquiry, reply):
            self.message_user(
                request, gettext("The reply is on its way to the investor.")
            )
        if "_acknowledge" in request.POST:
            workflow.acknowledge(user, inquiry)
        elif "_close" in request.POST:
            workflow.close(user, inquiry)
        elif "_spam" in request.POST:
            workflow.mark_spam(user, inquiry)

    def save_related(self, request, form, formsets, change):
        pass  # nothing related is edited here

    def response_change(self, request, obj):
        if any(name in request.POST for name in ACTION_BUTTONS):
            return self.response_post_save_change(request, obj)
        return super().response_change(request, obj)

    # List actions, each through the workflow for every selected inquiry.

    def _act(self, request, queryset, function, done_message):
        count = 0
        for inquiry in queryset.select_related("zone"):
            try:
                if function(request.user, inquiry):
                    count += 1
            except PermissionDenied:
                continue
        self.message_user(request, done_message % {"count": count})

    @admin.action(
        description=_("Acknowledge the selected inquiries"), permissions=("change",)
    )
    def acknowledge(self, request, queryset):
        self._act(
            request, queryset, workflow.acknowledge, gettext("%(count)d acknowledged.")
        )

    @admin.action(
        description=_("Close the selected inquiries"), permissions=("change",)
    )
    def close(self, request, queryset):
        self._act(request, queryset, workflow.close, gettext("%(count)d closed."))

    @admin.action(
        description=_("Mark the selected inquiries as spam"), permissions=("change",)
    )
    def mark_spam(self, request, queryset):
        self._act(
            request, queryset, workflow.mark_spam, gettext("%(count)d marked as spam.")
        )

    @admin.action(
        description=_("Export the investors' data (JSON)"),
        permissions=("export_personal_data",),
    )
    def export_personal_data(self, request, queryset):
        """Everything stored about the selected inquiries' investors, as far
        as the user may see it: all their inquiries by the same email."""
        emails = set(queryset.values_list("email", flat=True))
        inquiries = (
            self.get_queryset(request)
            .filter(email__in=emails)
            .select_related("zone")
            .prefetch_related("messages")
        )
        data = [
            {
                "number": inquiry.pk,
                "zone": inquiry.zone.name,
                "status": inquiry.status,
                "submitted_at": inquiry.submitted_at,
                **{
                    name: getattr(inquiry, name)
                    for name in INVESTOR_FIELDS + PROJECT_FIELDS
                },
                "message": inquiry.message,
                "messages": [
                    {"kind": m.kind, "written_at": m.created_at, "text": m.body}
                    for m in inquiry.messages.all()
                    if m.is_public()
                ],
            }
            for inquiry in inquiries
        ]
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="investor-data.json"'
        return response

    # The editors' report.

    def get_urls(self):
        report = self.admin_site.admin_view(self.report_view)
        return [
            path("report/", report, name="inquiries_inquiry_report"),
            *super().get_urls(),
        ]

    def report_view(self, request):
        if not request.user.has_perm("inquiries.view_report"):
            raise PermissionDenied
        since = timezone.now() - timedelta(days=REPORT_DAYS)
        rows = stats.zone_report(Inquiry.objects.filter(submitted_at__gte=since))
        if request.GET.get("format") == "csv":
            return self._report_csv(rows)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Inquiries by zone, last %(days)d days")
            % {"days": REPORT_DAYS},
            "rows": rows,
            "opts": self.opts,
            "csv_url": reverse("admin:inquiries_inquiry_report") + "?format=csv",
        }
        return TemplateResponse(request, "admin/inquiries/inquiry/report.html", context)

    @staticmethod
    def _report_csv(rows):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="inquiries-by-zone.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [
                "zone",
                "zone_en",
                "received",
                "answered",
                "median_first_reply_working_days",
                "p90_first_reply_working_days",
                "overdue_now",
            ]
        )
        for row in rows:
            writer.writerow(
                [
                    row["name"],
                    row["name_en"],
                    row["received"],
                    row["answered"],
                    "" if row["median"] is None else row["median"],
                    "" if row["p90"] is None else row["p90"],
                    row["overdue"],
                ]
            )
        return response


@admin.register(ZoneResponseTime)
class ZoneResponseTimeAdmin(admin.ModelAdmin):
    """Platform administrators set a zone's clock (no group holds these
    permissions)."""

    list_display = ("zone", "working_days")
    autocomplete_fields = ("zone",)
    search_fields = ("zone__name", "zone__name_en")
