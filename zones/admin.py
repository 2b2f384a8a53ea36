from django.contrib import admin, messages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import roles
from core.history import VersionHistoryAdmin
from core.images import image_source
from core.sanitize import SanitizeNoticeMixin
from core.uploads import KEEP_UPLOADS
from zones.models import Industry, Park, Region, Zone

# The official catalogue data: imported, corrected by platform staff only.
CATALOGUE_FIELDS = (
    "name",
    "code",
    "catalogue_number",
    "level",
    "kind",
    "province",
    "city",
    "county",
    "approved_on",
    "approval_text",
    "area_hectares",
    "industries",
    "data_as_of",
)
# Who runs the zone and whether their news skips review: a platform
# administrator's decision.
RIGHTS_FIELDS = ("administrators", "is_direct_publishing")
# A read-only relation is shown as a link to the related admin page, which
# answers 403 to whoever may not view regions: they get the name as text.
REGION_AS_TEXT = {
    "province": "province_text",
    "city": "city_text",
    "county": "county_text",
}


def replace_fields(fieldsets, replacements):
    """`fieldsets` with field names swapped, rows and order kept.

    A name may be replaced by several, which then share its row.
    """

    def names(name):
        replacement = replacements.get(name, name)
        return replacement if isinstance(replacement, tuple) else (replacement,)

    def line(entry):
        if isinstance(entry, (list, tuple)):
            return tuple(new for name in entry for new in names(name))
        new = names(entry)
        return new if len(new) > 1 else new[0]

    return [
        (
            title,
            {**options, "fields": tuple(line(entry) for entry in options["fields"])},
        )
        for title, options in fieldsets
    ]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "code", "level", "parent")
    list_filter = ("level",)
    search_fields = ("name", "name_en", "code", "slug")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    ordering = ("code",)


class EnglishNameFilter(admin.SimpleListFilter):
    """Industries that English pages still show in Chinese."""

    title = _("English name")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return (("missing", _("missing")), ("given", _("given")))

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.filter(name_en="")
        if self.value() == "given":
            return queryset.exclude(name_en="")
        return queryset


@admin.register(Industry)
class IndustryAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "slug")
    list_filter = (EnglishNameFilter,)
    search_fields = ("name", "name_en", "slug")
    prepopulated_fields = {"slug": ("name",)}


class ParkInline(roles.ParentScopedInlineMixin, admin.StackedInline):
    model = Park
    extra = 0
    fields = (
        ("name", "name_en"),
        ("planned_area", "area_unit"),
        "industries",
        ("description", "description_en"),
        "position",
    )


def image_preview(zone, field_name, width):
    """A small preview of an uploaded image, from its smallest rendition."""
    image = image_source(zone, field_name, width)
    if image is None:
        return _("none")
    return format_html(
        '<img src="{}" class="image-preview" width="{}" alt="">', image.src, width
    )


class EnglishProfileFilter(admin.SimpleListFilter):
    """Zones whose English name or English profile is still empty."""

    title = _("English profile")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [("missing", _("missing")), ("present", _("present"))]

    def queryset(self, request, queryset):
        # The editor stores an emptied profile as an empty paragraph.
        missing = Q(name_en="") | Q(profile_en="") | Q(profile_en="<p></p>")
        if self.value() == "missing":
            return queryset.filter(missing)
        if self.value() == "present":
            return queryset.exclude(missing)
        return queryset


@admin.register(Zone)
class ZoneAdmin(SanitizeNoticeMixin, VersionHistoryAdmin):
    """Zones for every role; catalogue fields come from import_zones.

    Zone administrators see only their zones and may change the profile,
    contacts, location and parks, not the catalogue data, the slug, whether
    the zone is public, or who administers it (see core.roles).
    """

    sanitized_fields = ("profile", "profile_en")

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
        EnglishProfileFilter,
    )
    search_fields = ("name", "short_name", "name_en", "code")
    list_select_related = ("province", "city")
    autocomplete_fields = ("province", "city", "county", "administrators")
    prepopulated_fields = {"slug": ("name_en",)}
    date_hierarchy = "approved_on"
    inlines = (ParkInline,)
    actions = ("publish", "unpublish")
    history_latest_first = True
    readonly_fields = ("logo_preview", "cover_preview", "created_at", "updated_at")
    # URLs assumed https, and chosen pictures kept when the form has errors.
    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        **KEEP_UPLOADS,
    }
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

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if roles.is_zone_scoped(request.user) and not _is_related_zones_lookup(request):
            queryset = queryset.filter(pk__in=roles.administered_zone_ids(request.user))
        return queryset

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or roles.can_access_zone(request.user, obj.pk)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or roles.can_access_zone(request.user, obj.pk)
        )

    def has_delete_permission(self, request, obj=None):
        # Never from the admin, not even for a superuser: a zone's parks and
        # its links from articles would go with it, and no version brings a
        # deleted zone back. Unpublishing hides it and can be undone.
        return False

    def has_publish_permission(self, request):
        return self.has_change_permission(request) and not roles.is_zone_scoped(
            request.user
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if roles.is_zone_scoped(request.user):
            fields += [*CATALOGUE_FIELDS, "slug", "is_published"]
        if not request.user.is_superuser:
            fields += RIGHTS_FIELDS
        fields += ["shared_code", *REGION_AS_TEXT.values()]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        replacements = {}
        if obj is not None and self.zones_sharing_code(obj):
            replacements["code"] = ("code", "shared_code")
        readonly = self.get_readonly_fields(request, obj)
        if "province" in readonly and not request.user.has_perm("zones.view_region"):
            replacements.update(REGION_AS_TEXT)
        return replace_fields(fieldsets, replacements) if replacements else fieldsets

    def zones_sharing_code(self, zone):
        """Other zones with this zone's catalogue code (S377018 is given twice)."""
        if not hasattr(zone, "_zones_sharing_code"):
            zone._zones_sharing_code = list(
                Zone.objects.filter(code=zone.code)
                .exclude(pk=zone.pk)
                .values_list("name", flat=True)
            )
        return zone._zones_sharing_code

    @admin.display(description=_("shared code"))
    def shared_code(self, zone):
        others = self.zones_sharing_code(zone) if zone.pk else []
        if not others:
            return "-"
        return _(
            "The 2018 catalogue gives this code to %(count)d zones; the other: "
            "%(names)s. The catalogue number and level tell them apart."
        ) % {"count": len(others) + 1, "names": "、".join(others)}

    @admin.display(description=_("province"))
    def province_text(self, zone):
        return zone.province or "-"

    @admin.display(description=_("city"))
    def city_text(self, zone):
        return zone.city or "-"

    @admin.display(description=_("county"))
    def county_text(self, zone):
        return zone.county or "-"

    def get_prepopulated_fields(self, request, obj=None):
        if "slug" in self.get_readonly_fields(request, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def protected_fields(self, request, obj=None):
        readonly = set(self.get_readonly_fields(request, obj))
        return [
            field.name
            for field in Zone._meta.concrete_fields
            if field.name in readonly and field.editable
        ]

    def stored_related(self, pk):
        return {
            "industry_ids": sorted(
                Zone.industries.through.objects.filter(
                    content_object_id=pk
                ).values_list("tag_id", flat=True)
            ),
            "administrator_ids": set(
                Zone.administrators.through.objects.filter(zone_id=pk).values_list(
                    "user_id", flat=True
                )
            ),
        }

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        zone = form.instance
        state = self.stored_state(request, zone) if change else None
        readonly = self.get_readonly_fields(request, zone)
        if "administrators" not in readonly:
            before = state.related["administrator_ids"] if state else set()
            for user in zone.administrators.exclude(pk__in=before):
                self.appoint(request, user, zone)
        if state is not None and "industries" in readonly:
            # A restored version may have brought back other industries; the
            # catalogue's list is not the zone administrator's to change.
            kept = state.related["industry_ids"]
            if self.stored_related(zone.pk)["industry_ids"] != kept:
                zone.industries.set(list(Industry.objects.filter(pk__in=kept)))

    def appoint(self, request, user, zone):
        """Someone added to the zone's administrators gets the role's rights."""
        changes = roles.appoint_zone_administrator(user, zone)
        if changes:
            self.message_user(
                request,
                _("%(user)s is now an administrator of this zone: %(changes)s.")
                % {"user": user.get_username(), "changes": ", ".join(changes)},
                messages.SUCCESS,
            )

    @admin.display(description=_("logo preview"))
    def logo_preview(self, zone):
        return image_preview(zone, "logo", 96)

    @admin.display(description=_("cover preview"))
    def cover_preview(self, zone):
        return image_preview(zone, "cover", 320)

    @admin.action(description=_("Publish the selected zones"), permissions=["publish"])
    def publish(self, request, queryset):
        count = queryset.update(is_published=True, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d zone published.", "%(count)d zones published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Unpublish the selected zones"), permissions=["publish"]
    )
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


def _is_related_zones_lookup(request):
    """Is this the autocomplete for an article's "other zones concerned"?

    A zone administrator may name any zone there, not only their own; the
    publishing zone's autocomplete stays limited to their zones.
    """
    match = request.resolver_match
    return (
        match is not None
        and match.url_name == "autocomplete"
        and request.GET.get("app_label") == "news"
        and request.GET.get("model_name") == "article"
        and request.GET.get("field_name") == "related_zones"
    )
