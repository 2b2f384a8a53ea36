from urllib.parse import urlencode

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from core.bilingual import is_english_page
from core.roles import can_see_article
from news.filters import ArticleFilters
from news.models import Article, Channel, attach_thumbnails
from news.pagination import NewsPaginationMixin
from zones.models import Region


def news_list_url(**filters):
    """The news list narrowed to `filters` (parameter name → value)."""
    query = urlencode({name: value for name, value in filters.items() if value})
    return reverse("news:index") + (f"?{query}" if query else "")


def region_parameter(region):
    return "province" if region.level == Region.Level.PROVINCE else "city"


def breadcrumb_trail(channel=None, region=None, zone=None, kind=None, tag=None):
    """Crumbs like the reference page: 开发区新闻 > 南通 > 文字新闻.

    Each crumb links to the list narrowed down to it and to the crumbs
    before it, so every level of the trail is a real, filtered page.
    """
    crumbs, filters = [], {}
    if channel is None:
        crumbs.append({"label": _("Zone news"), "url": news_list_url()})
    else:
        filters["channel"] = channel.slug
        crumbs.append({"label": channel.display_name, "url": news_list_url(**filters)})
    if region is not None:
        filters[region_parameter(region)] = region.slug
        crumbs.append({"label": region.display_name, "url": news_list_url(**filters)})
    if zone is not None:
        filters["zone"] = zone.slug
        crumbs.append({"label": zone.display_name, "url": news_list_url(**filters)})
    if kind is not None:
        filters["kind"] = kind
        crumbs.append(
            {"label": str(Article.Kind(kind).label), "url": news_list_url(**filters)}
        )
    if tag is not None:
        filters["tag"] = tag.slug
        crumbs.append({"label": tag.name, "url": news_list_url(**filters)})
    return crumbs


def feed_links(channel=None, zone=None):
    """<link rel="alternate"> targets for a news page: all news, and the
    channel's and the zone's own feeds when the page is about one."""
    links = [
        {
            "title": _("Latest news (RSS)"),
            "type": "application/rss+xml",
            "url": reverse("news:feed-rss"),
        },
        {
            "title": _("Latest news (Atom)"),
            "type": "application/atom+xml",
            "url": reverse("news:feed-atom"),
        },
    ]
    if channel is not None:
        links.append(
            {
                "title": _("%(channel)s (RSS)") % {"channel": channel.display_name},
                "type": "application/rss+xml",
                "url": reverse("news:channel-feed-rss", kwargs={"slug": channel.slug}),
            }
        )
    if zone is not None:
        links.append(
            {
                "title": _("News of %(zone)s (RSS)") % {"zone": zone.display_name},
                "type": "application/rss+xml",
                "url": reverse("news:zone-feed-rss", kwargs={"slug": zone.slug}),
            }
        )
    return links


def chinese_news_url():
    with translation.override("zh-hans"):
        return reverse("news:index")


class NewsSectionMixin:
    """What every news page shares: the nav mark and the article language."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["nav_section"] = "news"
        context["is_english"] = is_english_page()
        return context


class ArticleListView(NewsSectionMixin, NewsPaginationMixin, ListView):
    template_name = "news/article_list.html"
    context_object_name = "articles"

    def get_queryset(self):
        self.filters = ArticleFilters(self.request.GET)
        articles = Article.objects.published().in_language(get_language())
        return self.filters.apply(articles).for_listing()

    def get_rows(self, ids):
        # The ids came from the filtered list a moment ago; fetching them by
        # id again skips the filters (a zone's named articles, tag probes)
        # and keeps only the visibility rule, in case one was just withdrawn.
        return Article.objects.published().filter(pk__in=ids).for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attach_thumbnails(context["object_list"])
        filters, paginator = self.filters, context["paginator"]
        crumbs = breadcrumb_trail(
            filters.channel, filters.region, filters.zone, filters.kind, filters.tag
        )
        provinces, cities = self._filter_regions(filters)
        context.update(
            filters=filters,
            breadcrumbs=crumbs,
            heading=" · ".join(crumb["label"] for crumb in crumbs),
            feeds=feed_links(filters.channel, filters.zone),
            channels=list(Channel.objects.all()),
            provinces=provinces,
            cities=cities,
            years=self._years(),
            months=range(1, 13),
            kinds=Article.Kind.choices,
            active_filters=self._removal_links(filters.active()),
            chinese_news_url=chinese_news_url(),
            # "more than 200" when the count stopped at its cap.
            count_cap=paginator.cap if paginator.is_capped else None,
            # Picture news is listed as a grid of its pictures.
            is_picture_list=filters.kind == Article.Kind.PICTURE,
        )
        return context

    def _removal_links(self, active):
        """(label, URL of this list without that filter) for each filter."""
        return [
            # A month means nothing without its year.
            (
                label,
                self.filters.form.url_without(
                    self.request, name, *(["month"] if name == "year" else [])
                ),
            )
            for name, label in active
        ]

    @staticmethod
    def _filter_regions(filters):
        """Options (slug, label, is_selected) for the province select, and
        for the city select when a province is chosen: one query for both,
        read as tuples (the options need three columns, not 45 Region
        instances)."""
        province = filters.province
        wanted = Q(level=Region.Level.PROVINCE)
        if province is not None:
            wanted |= Q(level=Region.Level.CITY, parent=province)
        chosen = {region.pk for region in (province, filters.city) if region}
        english = is_english_page()
        provinces, cities = [], []
        for pk, slug, name, name_en, level in Region.objects.filter(wanted).values_list(
            "pk", "slug", "name", "name_en", "level"
        ):
            option = (
                slug,
                Region.display_name_of(name, name_en, level, english),
                pk in chosen,
            )
            (provinces if level == Region.Level.PROVINCE else cities).append(option)
        return provinces, cities

    @staticmethod
    def _years():
        first = (
            Article.objects.published()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        if first is None:
            return []
        first_year = timezone.localtime(first).year
        return range(timezone.localdate().year, first_year - 1, -1)


def article_page_context(article):
    """The context the article page needs beyond the article itself."""
    previous, following = article.listing_neighbours()
    trail = breadcrumb_trail(article.channel, article.region, kind=article.kind)
    page_language = "en" if is_english_page() else "zh-hans"
    return {
        "article": article,
        "nav_section": "news",
        "is_english": is_english_page(),
        "previous_article": previous,
        "next_article": following,
        "related_articles": article.related_articles(),
        "breadcrumbs": [*trail, {"label": article.title, "url": None}],
        "channel_url": trail[0]["url"],
        # The article's own language, when it differs from the page's.
        "content_lang": ""
        if article.language == page_language
        else ("en" if article.language == Article.Language.ENGLISH else "zh-Hans"),
        "feeds": feed_links(article.channel, article.zone),
        "zone_is_public": bool(article.zone and article.zone.is_public()),
        "source_url": article.source_url
        or (article.source.website if article.source else ""),
    }


class ArticleDetailView(NewsSectionMixin, DetailView):
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # The visibility rule: drafts, scheduled and deleted articles 404.
        return Article.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(article_page_context(self.object))
        return context


@never_cache
@staff_member_required
def article_preview(request, pk):
    """Show staff any article as readers would see it once it is public."""
    if not request.user.has_perm("news.view_article"):
        raise PermissionDenied
    article = get_object_or_404(Article.objects.for_detail(), pk=pk)
    if not can_see_article(request.user, article):
        raise Http404  # another zone's article: not even its existence
    if article.is_published():
        return redirect(article)
    context = article_page_context(article)
    context.update(is_preview=True, preview_state=_preview_state(article))
    return render(request, "news/article_detail.html", context)


def _preview_state(article):
    if article.deleted_at is not None:
        return _("This article is in the recycle bin.")
    if article.is_scheduled():
        return _("This article is scheduled; readers will see it from %(time)s.") % {
            "time": timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M")
        }
    return _("This article is not published (status: %(status)s).") % {
        "status": article.get_status_display()
    }
