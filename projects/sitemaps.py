"""The sitemap section of the projects; the site shell lists it in the
sitemap index (portal/sitemaps.py)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from projects.models import Project


class ProjectSitemap(Sitemap):
    changefreq = "weekly"
    limit = 10_000

    def items(self):
        return Project.objects.published().order_by("-pk").only("id", "updated_at")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]
