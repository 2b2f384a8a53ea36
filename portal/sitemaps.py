"""The sitemap index: /sitemap.xml lists one section per kind of page.

Each section can grow past the protocol's 50,000-URL limit by paging
(sitemap-articles.xml?p=2). The apps keep their own sections next to their
visibility rules (Article.objects.published(), Zone.objects.published());
the order here is the order of the index.
"""

from news.sitemaps import ArticleSitemap, NewsListSitemap
from projects.sitemaps import ProjectSitemap
from zones.sitemaps import ZoneSitemap

SITEMAPS = {
    "articles": ArticleSitemap,
    "zones": ZoneSitemap,
    "news": NewsListSitemap,
    "projects": ProjectSitemap,
}
