"""What the home page shows, in a fixed number of queries.

The per-province block and the zone block both come from one window of the
newest articles: grouping those rows in Python finds the provinces and
zones with the most recent news without a query per province, however
many provinces there are.
"""

from news.models import Article
from zones.models import Region

LATEST_COUNT = 8
PICTURE_COUNT = 6
PROVINCE_COUNT = 4
HEADLINES_PER_PROVINCE = 5
ZONE_COUNT = 6
# How far back the province and zone blocks look, in articles. Large enough
# to fill four provinces on a busy day, small enough to read in one go.
RECENT_WINDOW = 200


def _province_of(region):
    while region is not None and region.level != Region.Level.PROVINCE:
        region = region.parent
    return region


def _recent_with_places(published):
    return list(
        published.filter(region__isnull=False)
        .select_related("region__parent__parent", "zone")
        .only(
            "id", "title", "published_at",
            "region__name", "region__name_en", "region__slug", "region__level",
            "region__parent__name", "region__parent__name_en",
            "region__parent__slug", "region__parent__level",
            "region__parent__parent__name", "region__parent__parent__name_en",
            "region__parent__parent__slug", "region__parent__parent__level",
            "zone__name", "zone__name_en", "zone__slug", "zone__level",
            "zone__is_published",
        )[:RECENT_WINDOW]
    )  # fmt: skip


def _by_province(recent):
    blocks = {}
    for article in recent:
        province = _province_of(article.region)
        if province is None:
            continue
        if province.pk not in blocks:
            if len(blocks) == PROVINCE_COUNT:
                continue
            blocks[province.pk] = {"province": province, "articles": []}
        headlines = blocks[province.pk]["articles"]
        if len(headlines) < HEADLINES_PER_PROVINCE:
            headlines.append(article)
    return list(blocks.values())


def _zones_with_news(recent):
    zones = {}
    for article in recent:
        zone = article.zone
        if zone is not None and zone.is_published and zone.pk not in zones:
            zones[zone.pk] = zone
            if len(zones) == ZONE_COUNT:
                break
    return list(zones.values())


def front_page(language):
    """The home page's sections for pages in `language`: six queries."""
    published = Article.objects.published().in_language(language)
    featured = (
        published.filter(is_featured=True)
        .for_listing()
        .select_related("channel")
        .with_thumbnails()
        .first()
    )
    others = published.exclude(pk=featured.pk) if featured else published
    latest = list(others.for_listing()[:LATEST_COUNT])
    pictures = list(
        published.filter(kind=Article.Kind.PICTURE)
        .for_listing()
        .with_thumbnails()[:PICTURE_COUNT]
    )
    recent = _recent_with_places(published)
    return {
        "featured": featured,
        "latest_articles": latest,
        "picture_articles": [article for article in pictures if article.thumbnail],
        "province_blocks": _by_province(recent),
        "zones_with_news": _zones_with_news(recent),
        "has_news": bool(featured or latest or pictures or recent),
    }
