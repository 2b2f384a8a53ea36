import axes.apps
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default = True  # this module also holds AxesConfig
    name = "core"
    verbose_name = _("site")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from core.cache import content_linked, content_saved, watch
        from core.models import remember_language

        # Any change readers could see replaces the page cache's content
        # version (core/cache.py); the apps above register themselves too.
        watch("core")
        post_save.connect(content_saved, dispatch_uid="core.page-cache.save")
        post_delete.connect(content_saved, dispatch_uid="core.page-cache.delete")
        m2m_changed.connect(content_linked, dispatch_uid="core.page-cache.m2m")
        # Staff emails are written in the language of the last sign-in.
        user_logged_in.connect(remember_language, dispatch_uid="core.staff-language")


class AxesConfig(axes.apps.AppConfig):
    """django-axes under a name staff understand (it names itself "Axes")."""

    default = False  # named in INSTALLED_APPS instead of "axes"
    verbose_name = _("sign-in protection")
