"""The sitemap index: /sitemap.xml lists one section per kind of page.

Each section can grow past the protocol's 50,000-URL limit by paging
(sitemap-articles.xml?p=2). The apps keep their own sections next to their
visibility rules (Article.objects.published(), Zone.objects.published());
the order here is the order of the index.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from news.sitemaps import ArticleSitemap, NewsListSitemap
from portal.views import DATASETS
from projects.sitemaps import ProjectSitemap
from zones.sitemaps import ZoneSitemap


class OpenDataSitemap(Sitemap):
    """The /data/ page, in both languages; it changes with its datasets."""

    changefreq = "daily"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["data"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        now = timezone.now()
        moments = [
            moment
            for dataset in DATASETS
            if (moment := dataset.summary(now).last_modified) is not None
        ]
        return max(moments, default=None)


SITEMAPS = {
    "articles": ArticleSitemap,
    "zones": ZoneSitemap,
    "news": NewsListSitemap,
    "projects": ProjectSitemap,
    "data": OpenDataSitemap,
}
