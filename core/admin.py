from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.models import SiteSettings


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
