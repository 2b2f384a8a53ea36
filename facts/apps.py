from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactsConfig(AppConfig):
    name = "facts"
    verbose_name = _("zone facts")

    def ready(self):
        from core import cache as page_cache
        from facts.directory import FactsDirectory
        from zones.extensions import register_directory_extension

        # Zone profiles show the facts: changing one replaces stored pages.
        page_cache.watch("facts")
        # The directory filters by figures and incentives and sorts by a key
        # figure (facts.directory); zones cannot import this app.
        register_directory_extension(FactsDirectory)
