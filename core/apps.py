from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("site")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from core.cache import content_linked, content_saved, watch

        # Any change readers could see replaces the page cache's content
        # version (core/cache.py); the apps above register themselves too.
        watch("core")
        post_save.connect(content_saved, dispatch_uid="core.page-cache.save")
        post_delete.connect(content_saved, dispatch_uid="core.page-cache.delete")
        m2m_changed.connect(content_linked, dispatch_uid="core.page-cache.m2m")
