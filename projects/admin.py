from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import roles
from core.history import VersionHistoryAdmin
from projects.models import Project
from zones.models import Zone


@admin.register(Project)
class ProjectAdmin(VersionHistoryAdmin):
    """Zone administrators manage their zones' projects.

    Publishing follows the article rule: editors publish anywhere, a zone
    administrator only in zones that publish directly; elsewhere the
    published flag is read-only and an editor switches it on.
    """

    list_display = (
        "title",
        "zone",
        "industry",
        "cooperation",
        "status",
        "valid_until",
        "is_published",
    )
    list_filter = ("status", "cooperation", "is_published")
    list_select_related = ("zone", "industry")
    search_fields = ("title", "title_en", "zone__name")
    autocomplete_fields = ("zone", "industry")
    date_hierarchy = "created_at"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": (("title", "title_en"), "zone", "industry", "tags")}),
        (
            _("Offer"),
            {
                "fields": (
                    ("cooperation", "status"),
                    ("investment", "currency"),
                    ("land_mu", "floor_space_m2"),
                    "description",
                    "description_en",
                )
            },
        ),
        (
            _("Contact"),
            {"fields": ("contact_name", "contact_phone", "contact_email")},
        ),
        (_("Publication"), {"fields": ("valid_until", "is_published")}),
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if roles.is_zone_scoped(request.user):
            queryset = queryset.filter(
                zone_id__in=roles.administered_zone_ids(request.user)
            )
        return queryset

    def may_touch(self, request, obj):
        return obj is None or roles.can_access_zone(request.user, obj.zone_id)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.may_touch(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.may_touch(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.may_touch(
            request, obj
        )

    def may_publish(self, request, obj):
        if obj is None:
            return roles.can_publish_anywhere(request.user)
        return roles.can_publish(request.user, obj.zone_id)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if not self.may_publish(request, obj):
            fields = (*fields, "is_published")
        return fields

    def protected_fields(self, request, obj=None):
        fields = list(super().protected_fields(request, obj))
        if obj is not None and not self.may_publish(request, obj):
            fields.append("is_published")
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "zone" and roles.is_zone_scoped(request.user):
            kwargs["queryset"] = Zone.objects.filter(
                pk__in=roles.administered_zone_ids(request.user)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        # A zone administrator of a direct zone may pick, on a new project,
        # a zone of theirs that goes through review.
        if (
            not change
            and obj.is_published
            and not roles.can_publish(request.user, obj.zone_id)
        ):
            obj.is_published = False
        super().save_model(request, obj, form, change)
