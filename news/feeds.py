"""RSS and Atom feeds: all news, one zone's news, one channel's news.

Feeds list what the public list shows (Article.objects.published(), in the
page's language), so a draft or a scheduled article never leaks into a
reader's feed before its time.
"""

from collections import defaultdict

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from taggit.models import TaggedItem

from core.models import SiteSettings
from news.models import Article, Channel
from news.views import news_list_url
from zones.models import Zone

FEED_LENGTH = 30


def _attach_tag_names(articles):
    """Set `tag_names` on each article, from one query for all of them.

    prefetch_related("tags") gives the same, but taggit builds a queryset
    per article to do it, thirty a feed: a large share of its time.
    """
    names = defaultdict(list)
    if articles:
        links = (
            TaggedItem.objects.filter(
                content_type__app_label="news",
                content_type__model="article",
                object_id__in=[article.pk for article in articles],
            )
            .order_by("tag__name")
            .values_list("object_id", "tag__name")
        )
        for article_id, name in links:
            names[article_id].append(name)
    for article in articles:
        article.tag_names = names[article.pk]


class LatestNewsFeed(Feed):
    """The newest published articles of the whole portal."""

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed generator writes the XML in hundreds of small pieces, and
        # gunicorn sends each piece with its own system call, which under load
        # dominated a feed request. One joined body is one send.
        response.content = response.content
        return response

    def title(self, obj=None):
        return _("%(site)s: latest news") % {
            "site": SiteSettings.load().display_site_name
        }

    def link(self, obj=None):
        return news_list_url()

    def description(self, obj=None):
        return _("News from China's development zones.")

    subtitle = description  # Atom's name for the description

    def articles(self, obj):
        return Article.objects.published().in_language(get_language())

    def items(self, obj=None):
        items = list(
            self.articles(obj)
            .select_related("channel", "source", "zone")
            .only(
                "id", "title", "summary", "published_at", "updated_at",
                "channel__name", "channel__name_en",
                "source__name", "source__name_en", "zone__name", "zone__name_en",
            )[:FEED_LENGTH]
        )  # fmt: skip
        _attach_tag_names(items)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers render an item's description (RSS) and summary (Atom,
        # sent as type="html") as HTML; the summary is plain text, so it goes
        # out escaped and markup in it shows as the characters it is.
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        if item.source is not None:
            return item.source.display_name
        return item.zone.display_name if item.zone is not None else None

    def item_categories(self, item):
        return [item.channel.display_name, *item.tag_names]


class ZoneNewsFeed(LatestNewsFeed):
    """The articles of one published zone, including those that name it."""

    def get_object(self, request, slug):
        return get_object_or_404(Zone.objects.published(), slug=slug)

    def title(self, obj=None):
        return _("%(zone)s: news") % {"zone": obj.display_name}

    def link(self, obj=None):
        return news_list_url(zone=obj.slug)

    def description(self, obj=None):
        return _("The latest news of %(zone)s on %(site)s.") % {
            "zone": obj.display_name,
            "site": SiteSettings.load().display_site_name,
        }

    subtitle = description

    def articles(self, obj):
        return super().articles(obj).concerning_zone(obj)


class ChannelNewsFeed(LatestNewsFeed):
    """The articles of one channel (栏目)."""

    def get_object(self, request, slug):
        return get_object_or_404(Channel, slug=slug)

    def title(self, obj=None):
        return _("%(site)s: %(channel)s") % {
            "site": SiteSettings.load().display_site_name,
            "channel": obj.display_name,
        }

    def link(self, obj=None):
        return news_list_url(channel=obj.slug)

    def description(self, obj=None):
        return obj.description or self.title(obj)

    subtitle = description

    def articles(self, obj):
        return super().articles(obj).filter(channel=obj)


class LatestNewsAtomFeed(LatestNewsFeed):
    feed_type = Atom1Feed


class ZoneNewsAtomFeed(ZoneNewsFeed):
    feed_type = Atom1Feed


class ChannelNewsAtomFeed(ChannelNewsFeed):
    feed_type = Atom1Feed
