from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from core import roles
from core.images import rendition_preview
from core.models import SiteSettings
from core.uploads import KEEP_UPLOADS


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fieldsets = (
        (None, {"fields": ("site_name", "site_name_en", "tagline", "tagline_en")}),
        (_("contacts"), {"fields": ("phone", "fax", "email", "address", "address_en")}),
        (None, {"fields": ("copyright",)}),
    )

    def has_add_permission(self, request):
        # The data migration creates the one record; nobody adds a second.
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


# The role groups by their labels, in the reader's language (the stored
# names are English keys).

admin.site.unregister(Group)
admin.site.unregister(get_user_model())


@admin.register(Group)
class RoleGroupAdmin(GroupAdmin):
    list_display = ("role",)

    @admin.display(description=_("name"), ordering="name")
    def role(self, obj):
        return roles.group_label(obj.name)


class RoleFilter(admin.SimpleListFilter):
    title = _("role")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return [
            (str(pk), roles.group_label(name))
            for pk, name in Group.objects.values_list("pk", "name")
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isascii() and value.isdigit():
            return queryset.filter(groups__pk=int(value))
        return queryset


@admin.register(get_user_model())
class StaffUserAdmin(UserAdmin):
    list_filter = ("is_staff", "is_superuser", "is_active", RoleFilter)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups":
            field.label_from_instance = lambda group: roles.group_label(group.name)
        return field


class GalleryImageInline(roles.ParentScopedInlineMixin, admin.TabularInline):
    """The pictures of a core.images.GalleryImage gallery, edited where
    their owner may be. Set `model`."""

    # Chosen pictures survive the form's other errors (core.uploads).
    formfield_overrides = KEEP_UPLOADS
    fields = ("image", "preview", "alt_text", "caption", "position")
    readonly_fields = ("preview",)
    ordering = ("position", "id")
    extra = 1

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return rendition_preview(obj, "image", width=96)
