from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class PortalConfig(AppConfig):
    # No models: views, the sitemap index, the home page template and the
    # admin site's name.
    name = "portal"
    default = True


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with the portal's admin site as the default."""

    default = False
    default_site = "portal.admin.PortalAdminSite"
