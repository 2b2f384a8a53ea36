from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactsConfig(AppConfig):
    name = "facts"
    verbose_name = _("zone facts")

    def ready(self):
        from core import cache as page_cache

        # Zone profiles show the facts: changing one replaces stored pages.
        page_cache.watch("facts")
