"""Sitemap sections of the news: the articles and the list pages.

The site shell lists them, with the zones' own section, in the sitemap
index (portal/sitemaps.py).
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import translation

from news.models import Article, Channel


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return (
            Article.objects.published()
            .order_by("-published_at", "-id")
            .only("id", "language", "updated_at")
        )

    def location(self, item):
        # An English article's page is the /en/ one.
        language = "en" if item.language == Article.Language.ENGLISH else "zh-hans"
        with translation.override(language):
            return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item: a full table read
        # for the sitemap index. One aggregate answers the same question.
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]


class NewsListSitemap(Sitemap):
    """The news list and each channel's list."""

    changefreq = "daily"

    def items(self):
        return [None, *Channel.objects.all()]

    def location(self, item):
        if item is None:
            return reverse("news:index")
        return item.get_absolute_url()
