from django.contrib import admin, messages
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.images import pick
from zones.models import Industry, Park, Region, Zone


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "code", "level", "parent")
    list_filter = ("level",)
    search_fields = ("name", "name_en", "code", "slug")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    ordering = ("code",)


@admin.register(Industry)
class IndustryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


class ParkInline(admin.StackedInline):
    model = Park
    extra = 0
    fields = (
        ("name", "name_en"),
        ("planned_area", "area_unit"),
        "industries",
        "description",
        "position",
    )


def image_preview(zone, field_name, width):
    """A small preview of an uploaded image, from its smallest rendition."""
    field_file = getattr(zone, field_name)
    if not field_file:
        return _("none")
    rendition = pick(zone.renditions_of(field_name), width)
    url = rendition["url"] if rendition else field_file.url
    return format_html(
        '<img src="{}" alt="" style="max-width:{}px;height:auto">', url, width
    )


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):
    """Staff edit every field; catalogue fields come from import_zones.

    Zone administrators (a later role) will see a narrower form: keep the
    field groups below in line with Zone's catalogue/profile split, so that a
    subclass can make the catalogue fieldset read-only.
    """

    list_display = (
        "name",
        "code",
        "level",
        "kind",
        "province",
        "city",
        "approved_on",
        "is_published",
    )
    list_filter = (
        "level",
        "kind",
        # Only the 31 provinces, not every region.
        ("province", admin.RelatedOnlyFieldListFilter),
        "is_published",
    )
    search_fields = ("name", "short_name", "name_en", "code")
    list_select_related = ("province", "city")
    autocomplete_fields = ("province", "city", "county", "administrators")
    prepopulated_fields = {"slug": ("name_en",)}
    date_hierarchy = "approved_on"
    inlines = (ParkInline,)
    actions = ("publish", "unpublish")
    readonly_fields = ("logo_preview", "cover_preview", "created_at", "updated_at")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    catalogue_fields = (
        ("name", "code"),
        ("level", "kind", "catalogue_number"),
        ("province", "city", "county"),
        ("approved_on", "approval_text"),
        "area_hectares",
        "industries",
        "data_as_of",
    )
    fieldsets = (
        (_("Catalogue"), {"fields": catalogue_fields}),
        (_("Names and address"), {"fields": (("short_name", "name_en"), "slug")}),
        (
            _("Profile"),
            {
                "fields": (
                    "profile",
                    "profile_en",
                    ("logo", "logo_preview"),
                    ("cover", "cover_preview"),
                    "cover_alt",
                )
            },
        ),
        (
            _("Contacts"),
            {"fields": ("address", ("phone", "fax"), ("email", "website"))},
        ),
        (
            _("Location"),
            {"fields": (("latitude", "longitude"), "is_location_reliable")},
        ),
        (
            _("Publishing"),
            {
                "fields": (
                    "is_published",
                    "administrators",
                    "is_direct_publishing",
                    ("created_at", "updated_at"),
                )
            },
        ),
    )

    @admin.display(description=_("logo preview"))
    def logo_preview(self, zone):
        return image_preview(zone, "logo", 96)

    @admin.display(description=_("cover preview"))
    def cover_preview(self, zone):
        return image_preview(zone, "cover", 320)

    @admin.action(description=_("Publish the selected zones"))
    def publish(self, request, queryset):
        count = queryset.update(is_published=True, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d zone published.", "%(count)d zones published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected zones"))
    def unpublish(self, request, queryset):
        count = queryset.update(is_published=False, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d zone unpublished.", "%(count)d zones unpublished.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )
