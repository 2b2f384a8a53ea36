from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZonesConfig(AppConfig):
    name = "zones"
    verbose_name = _("development zones")

    def ready(self):
        from core import cache as page_cache
        from core import roles
        from zones.models import Zone

        # Zone profiles, regions and industries are what readers see.
        page_cache.watch("zones")
        # Staff are scoped to the zones they administer (core/roles.py).
        roles.register_zone_model(Zone)
