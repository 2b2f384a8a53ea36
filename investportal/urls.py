from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.static import serve

from news import downloads as news_downloads
from portal import views as portal_views
from portal.sitemaps import SITEMAPS
from zones import downloads as zone_downloads

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
    # Open data files: one address for both languages (the /data/ page
    # explains them).
    path("data/zones.csv", zone_downloads.catalogue_csv, name="data-zones-csv"),
    path(
        "data/zones.geojson",
        zone_downloads.catalogue_geojson,
        name="data-zones-geojson",
    ),
    path("data/articles.csv", news_downloads.articles_csv, name="data-articles-csv"),
]

urlpatterns += i18n_patterns(
    path("", portal_views.home, name="home"),
    path("zones/", include("facts.urls")),
    path("zones/", include("zones.urls")),
    path("news/", include("news.urls")),
    path("projects/", include("projects.urls")),
    path("search/", include("search.urls")),
    path("data/", portal_views.open_data, name="data"),
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
