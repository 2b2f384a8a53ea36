"""What the home page shows, in a fixed number of queries.

The per-province block and the zone block both come from one window of the
newest articles: grouping those rows in Python finds the provinces and
zones with the most recent news without a query per province, however
many provinces there are. The window is read as plain tuples (id, title,
zone, the region's chain up to its province): as model instances, 200
articles with their zone and three levels of regions were a thousand
objects built on every view of the home page, most of its cost.
"""

from news.models import Article, attach_thumbnails
from zones.models import Region, Zone

LATEST_COUNT = 8
PICTURE_COUNT = 6
PROVINCE_COUNT = 4
HEADLINES_PER_PROVINCE = 5
ZONE_COUNT = 6
# How far back the province and zone blocks look, in articles. Large enough
# to fill four provinces on a busy day, small enough to read in one go.
RECENT_WINDOW = 200
PROVINCE = Region.Level.PROVINCE


def _recent_rows(published):
    """(id, title, zone id, zone published?, province id) of the window."""
    rows = published.filter(region__isnull=False).values_list(
        "id", "title", "zone_id", "zone__is_published",
        "region_id", "region__level",
        "region__parent_id", "region__parent__level",
        "region__parent__parent_id", "region__parent__parent__level",
    )[:RECENT_WINDOW]  # fmt: skip
    recent = []
    for pk, title, zone_id, zone_is_published, *chain in rows:
        province_id = next(
            (
                region_id
                for region_id, level in zip(chain[::2], chain[1::2], strict=True)
                if level == PROVINCE
            ),
            None,
        )
        recent.append((pk, title, zone_id if zone_is_published else None, province_id))
    return recent


def _by_province(recent):
    """[{"province": Region, "articles": [Article with id and title]}]."""
    blocks = {}
    for pk, title, _zone_id, province_id in recent:
        if province_id is None:
            continue
        if province_id not in blocks:
            if len(blocks) == PROVINCE_COUNT:
                continue
            blocks[province_id] = []
        if len(blocks[province_id]) < HEADLINES_PER_PROVINCE:
            blocks[province_id].append(Article(pk=pk, title=title))
    if not blocks:
        return []
    provinces = Region.objects.only("name", "name_en", "slug", "level").in_bulk(
        list(blocks)
    )
    return [
        {"province": provinces[province_id], "articles": articles}
        for province_id, articles in blocks.items()
    ]


def _zones_with_news(recent):
    zone_ids = []
    for _pk, _title, zone_id, _province_id in recent:
        if zone_id is not None and zone_id not in zone_ids:
            zone_ids.append(zone_id)
            if len(zone_ids) == ZONE_COUNT:
                break
    if not zone_ids:
        return []
    zones = Zone.objects.only("name", "name_en", "slug", "level").in_bulk(zone_ids)
    return [zones[zone_id] for zone_id in zone_ids]


def front_page(language):
    """The home page's sections for pages in `language`.

    Featured, latest, pictures, the recent window, and the provinces and
    zones it names: six queries, plus one per image block whose picture
    news has no cover (the first gallery image stands in).
    """
    published = Article.objects.published().in_language(language)
    featured = (
        published.filter(is_featured=True)
        .for_listing()
        .select_related("channel")
        .first()
    )
    if featured is not None:
        attach_thumbnails([featured])
    others = published.exclude(pk=featured.pk) if featured else published
    latest = list(others.for_listing()[:LATEST_COUNT])
    pictures = attach_thumbnails(
        list(published.filter(kind=Article.Kind.PICTURE).for_listing()[:PICTURE_COUNT])
    )
    recent = _recent_rows(published)
    return {
        "featured": featured,
        "latest_articles": latest,
        "picture_articles": [article for article in pictures if article.thumbnail],
        "province_blocks": _by_province(recent),
        "zones_with_news": _zones_with_news(recent),
        "has_news": bool(featured or latest or pictures or recent),
    }
