"""The sitemap section of the zone profiles (listed in portal/sitemaps.py)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from zones.models import Zone


class ZoneSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return Zone.objects.published().order_by("pk").only("id", "slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]
