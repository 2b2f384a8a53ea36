import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.bilingual import is_english_page
from core.models import SiteSettings
from news import downloads as news_downloads
from news.frontpage import front_page
from news.views import chinese_news_url, feed_links
from zones import downloads as zone_downloads

logger = logging.getLogger(__name__)

# The datasets of the /data/ page, in its order; each lives in its own app.
DATASETS = (zone_downloads.DATASET, news_downloads.DATASET)


def home(request):
    context = front_page(get_language())
    context.update(
        nav_section="home",
        feeds=feed_links(),
        is_english=is_english_page(),
        chinese_news_url=chinese_news_url(),
    )
    return render(request, "portal/home.html", context)


def open_data(request):
    """The datasets offered as files: fields, rows, newest change, licence."""
    now = timezone.now()
    datasets = []
    for dataset in DATASETS:
        found = dataset.summary(now)
        datasets.append(
            {
                "dataset": dataset,
                "count": found.count,
                "last_modified": found.last_modified,
                "files": [
                    (download, reverse(download.url_name))
                    for download in dataset.downloads
                ],
                "api_url": (
                    reverse(dataset.api_url_name) if dataset.api_url_name else ""
                ),
            }
        )
    return render(
        request,
        "portal/data.html",
        {
            "datasets": datasets,
            "api_docs_url": reverse("api:docs"),
            "api_root_url": reverse("api:root"),
            "breadcrumbs": [{"label": _("Open data"), "url": ""}],
        },
    )


@never_cache
def healthz(request):
    """Report the database and the cache; 503 only when the database fails.

    The cache failing leaves the site working (pages are served without
    it), so it makes the answer "degraded" with 200: a load balancer keeps
    the node. The cache is probed even while the pages rest it, so this
    answer shows the moment it is back.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as exc:
        logger.warning("health check: database unreachable: %s", exc)
        checks["database"] = "error"
    if settings.REDIS_URL:
        try:
            cache.set("core:healthz", "1", 5)
            checks["cache"] = "ok" if cache.get("core:healthz") == "1" else "error"
        except Exception as exc:
            logger.warning("health check: cache unreachable: %s", exc)
            checks["cache"] = "error"
    if checks["database"] != "ok":
        status = "error"
    elif checks.get("cache", "ok") != "ok":
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {"status": status, **checks}, status=503 if status == "error" else 200
    )


def server_error(request, template_name="500.html"):
    """Render the 500 page without touching the database.

    The error may be the database itself, so the site texts come from the
    cache when they are there and from the model defaults otherwise.
    """
    try:
        site = cache.get(SiteSettings.CACHE_KEY)
    except Exception:
        site = None
    if site is None:
        site = SiteSettings(pk=1)
    try:
        body = loader.get_template(template_name).render({"site": site})
    except Exception:
        logger.exception("the 500 page itself failed to render")
        body = "<h1>Server Error (500)</h1>"
    return HttpResponseServerError(body)


@require_GET
def favicon(request):
    """Feed readers and old browsers ask for /favicon.ico whatever a page links."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap-index"))
    lines = ["User-agent: *", "Disallow:", "", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
