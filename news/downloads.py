"""The articles' metadata as open data: one CSV (see core.downloads).

Exactly the articles readers may see (Article.objects.published()), one row
each, with no body and no staff: id, title, language, publish time, kind,
channel, source, publishing zone, tags, URL. The rows stream in id order,
CHUNK_SIZE at a time (core.downloads.in_chunks), each chunk with one more
query for its tags, so a million articles never sit in memory.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from taggit.models import TaggedItem

from core.cache import content_version, guarded, remembered
from core.downloads import (
    CHUNK_SIZE,
    CODE,
    DATETIME,
    INTEGER,
    PORTAL_LICENCE,
    PORTAL_LICENCE_URL,
    TEXT,
    URL,
    Dataset,
    Download,
    Field,
    Summary,
    csv_chunks,
    detail_url_prefixes,
    in_chunks,
    iso_datetime,
    page_url,
    version_tag,
)
from core.http_cache import download_response
from core.models import SiteSettings
from news.models import Article

# Raise when the file's columns change, so cached copies are replaced.
FORMAT_VERSION = 1

FIELDS = (
    Field(
        "id",
        INTEGER,
        _("The article's number on the portal, the end of its page's address."),
    ),
    Field("title", TEXT, _("Title, as published.")),
    Field(
        "language",
        CODE,
        _(
            "zh-hans: a Chinese article, listed on the Chinese pages; en: an "
            "English one, listed on the English pages."
        ),
    ),
    Field("published_at", DATETIME, _("Publish time.")),
    Field("kind", CODE, _("text: text news; picture: picture news.")),
    Field("channel", TEXT, _("The news channel (栏目), by its slug.")),
    Field(
        "source",
        TEXT,
        _("The organisation the article comes from (来源), where one is named."),
    ),
    Field(
        "zone_slug",
        TEXT,
        _(
            "The publishing zone, by the slug of the zone catalogue; empty when "
            "no zone published it."
        ),
    ),
    Field("zone", TEXT, _("The publishing zone's official name.")),
    Field("tags", TEXT, _("Tags, separated by semicolons.")),
    Field("url", URL, _("The article's page on this portal.")),
    Field("updated_at", DATETIME, _("When the article last changed.")),
)
HEADER = tuple(field.name for field in FIELDS)
PREAMBLE_LINES = 5


def summary(now=None):
    """Published articles: how many, and the newest change.

    From the cache while nothing changed (core.cache.remembered): the
    query reads every published row, some 1.9 s at a million articles.
    """
    return remembered("data:articles", count_published, now)


def count_published(now=None):
    """Published articles: how many, and the newest change (one query).

    A scheduled article changes the list when its time comes, without a
    save: the newest change is the later of the newest edit and the newest
    publish time.
    """
    found = (
        Article.objects.published(now)
        .order_by()
        .aggregate(
            count=Count("pk"),
            updated=Max("updated_at"),
            went_live=Max("published_at"),
        )
    )
    moments = [found[key] for key in ("updated", "went_live") if found[key]]
    return Summary(found["count"], max(moments) if moments else None)


DATASET = Dataset(
    key="articles",
    title=_("Zone news: article metadata"),
    description=_(
        "One row per article readers can see on the portal (published, its "
        "time come, not deleted), in both languages. Metadata only: the "
        "texts stay on the articles' pages."
    ),
    fields=FIELDS,
    downloads=(Download("CSV", "data-articles-csv", "text/csv"),),
    summary=summary,
    preamble_lines=PREAMBLE_LINES,
    api_url_name="api:article-list",
    licence=_(
        "The metadata is compiled by the portal and licensed under CC BY 4.0. "
        "Titles are written by the publishing zones and the sources named; "
        "the articles themselves are not part of the dataset."
    ),
)


# The columns read for a row, in the file's order up to the URL.
COLUMNS = (
    "id", "title", "language", "published_at", "kind", "channel__slug",
    "source__name", "zone__slug", "zone__name", "updated_at",
)  # fmt: skip


def _rows(now, prefixes):
    """The file's rows: the articles as tuples, chunk by chunk, each chunk's
    tags in one more query (model instances and taggit's prefetch cost
    several times more per row)."""
    articles = Article.objects.published(now).values_list(*COLUMNS)
    for chunk in in_chunks(articles, CHUNK_SIZE):
        tags = tag_names([row[0] for row in chunk])
        for pk, title, language, published_at, kind, channel, source, *rest in chunk:
            zone_slug, zone_name, updated_at = rest
            yield [
                pk,
                title,
                language,
                iso_datetime(published_at),
                kind,
                channel,
                source or "",
                zone_slug or "",
                zone_name or "",
                "; ".join(tags.get(pk, ())),
                f"{prefixes[language]}{pk}/",
                iso_datetime(updated_at),
            ]


def tag_names(article_ids):
    """{article id: its tag names, sorted} for these articles, in one query."""
    names = defaultdict(list)
    links = (
        TaggedItem.objects.filter(
            content_type_id=Subquery(
                ContentType.objects.filter(app_label="news", model="article").values(
                    "pk"
                )[:1]
            ),
            object_id__in=article_ids,
        )
        .order_by()
        .values_list("object_id", "tag__name")
    )
    for article_id, name in links:
        names[article_id].append(name)
    # Sorted here, by code point, the same on every database's collation.
    return {article_id: sorted(found) for article_id, found in names.items()}


@require_safe
def articles_csv(request):
    now = timezone.now()
    found = summary(now)
    site = SiteSettings.load()
    base = request.build_absolute_uri("/").rstrip("/")
    version = version_tag(FORMAT_VERSION, found, guarded(content_version), base)

    def chunks():
        prefixes = detail_url_prefixes(
            base, "news:detail", "pk", Article.Language.values
        )
        page = page_url(request, "data", "zh-hans")
        page_en = page_url(request, "data", "en")
        preamble = [
            f"# 开发区新闻元数据 Zone news: article metadata — {site.site_name} {page}",
            f"# Rows: {found.count} published articles; last change "
            f"{iso_datetime(found.last_modified) or '-'}",
            "# Metadata only: no article text. Titles are the publishing zones' "
            "and the named sources'",
            f"# Compiled by the portal: {PORTAL_LICENCE} {PORTAL_LICENCE_URL} — "
            f"attribute {site.site_name} ({base}/)",
            f"# Fields: {page_en}",
        ]

        return csv_chunks(preamble, HEADER, _rows(now, prefixes))

    stamp = found.last_modified or now
    return download_response(
        request,
        version=version,
        last_modified=found.last_modified,
        filename=f"investportal-articles-{stamp:%Y-%m-%d}.csv",
        content_type="text/csv; charset=utf-8",
        chunks=chunks,
    )
