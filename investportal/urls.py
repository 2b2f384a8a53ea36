from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.static import serve

from portal import views as portal_views
from portal.sitemaps import SITEMAPS

handler500 = "portal.views.server_error"

urlpatterns = [
    # The open-data API: one address in every language (its data carries
    # both), outside i18n_patterns.
    path("api/v1/", include("api.urls")),
    path("healthz", portal_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", portal_views.robots_txt, name="robots"),
    path("favicon.ico", portal_views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

urlpatterns += i18n_patterns(
    path("", portal_views.home, name="home"),
    path("zones/", include("facts.urls")),
    path("zones/", include("zones.urls")),
    path("news/", include("news.urls")),
    path("projects/", include("projects.urls")),
    path("search/", include("search.urls")),
    path("", include("inquiries.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
