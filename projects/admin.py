from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import roles
from core.admin import GalleryImageInline
from core.history import VersionHistoryAdmin
from projects.models import Project, ProjectImage


class ProjectImageInline(GalleryImageInline):
    """The project's pictures, edited where the project may be."""

    model = ProjectImage


@admin.register(Project)
class ProjectAdmin(roles.ZoneScopedAdminMixin, VersionHistoryAdmin):
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
    inlines = (ProjectImageInline,)
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
