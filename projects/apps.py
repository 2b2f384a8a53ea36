from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("investment projects")

    def ready(self):
        from core import cache as page_cache

        # Zone profiles list the open projects: changing one replaces stored
        # pages.
        page_cache.watch("projects")
