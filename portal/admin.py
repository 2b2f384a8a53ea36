from django.contrib import admin
from django.utils.translation import gettext as _

from core.models import SiteSettings


class PortalAdminSite(admin.AdminSite):
    """Django's admin, headed with the portal's own name from site settings.

    Without the app sidebar: beside the change lists' filters it left the
    article list 631 px of a 1280 px screen, so columns scrolled off-screen.
    The index and the breadcrumbs lead to every list as well.
    """

    enable_nav_sidebar = False

    def each_context(self, request):
        context = super().each_context(request)
        name = SiteSettings.load().display_site_name
        context["site_header"] = _("%(site)s administration") % {"site": name}
        context["site_title"] = context["site_header"]
        return context
