"""The two result lists of a search: zones, then articles.

Zones (about 3,000 rows) are matched with case-insensitive substring
conditions on name, short name, English name and catalogue code, and ranked:
exact name, then every term in the name or short name, then the rest.
PostgreSQL scans that table in a few milliseconds, so no index is involved.

Articles match when their title and summary together hold every term as a
substring; the same conditions run on both databases, so both return the
same rows. The body is not searched (the migration explains why).

How articles are fetched depends on how many match, because at a million
articles the costs differ by orders of magnitude (measured, see the
migration):

1. Probe: among the newest PROBE_ROWS published articles, find the first
   PAGE_SIZE + 1 matches. When the probe fills up, the query is broad
   (2% of recent articles or more) and the newest-first walk below finds a
   page after reading about a thousand rows.
2. Otherwise collect every match, up to RANK_LIMIT, through the bigram GIN
   index (PostgreSQL) or a scan (SQLite). If that stays under the limit the
   set is ranked in Python: title holds every term first, newest first
   within that, with an exact count and numbered pages.
3. More than RANK_LIMIT matches: newest first, walking the publication-date
   index and testing each row, with keyset pages ("older" / "newer"), and
   the count shown as "more than RANK_LIMIT". Ranking that many rows would
   mean reading every one of them for every page.
"""

from dataclasses import dataclass, field

from django.db import OperationalError, connection, transaction
from django.db.models import BooleanField, Case, Q, Subquery, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat, Lower, StrIndex
from django.db.models.lookups import GreaterThan

from core.pagination import Cursor
from news.models import Article
from zones.models import Region, Zone

PAGE_SIZE = 20
PROBE_ROWS = 1000
RANK_LIMIT = 3000
# On the first page of a search of everything, this many zones come first;
# a link leads to all of them.
ZONES_FIRST = 5

# A search that still runs after this long is stopped and the reader asked
# to narrow it, rather than holding a worker. PostgreSQL only.
STATEMENT_TIMEOUT_MS = 3000

# These must match the expressions of news_article_search_idx and
# zones_zone_search_idx exactly (see the migrations), or PostgreSQL cannot use
# the indexes.
ARTICLE_DOCUMENT = "search_bigrams(news_article.title || ' ' || news_article.summary)"
ZONE_DOCUMENT = (
    "search_bigrams(zones_zone.name || ' ' || zones_zone.short_name"
    " || ' ' || zones_zone.name_en || ' ' || zones_zone.code)"
)


class SearchTooBroad(Exception):
    """The database gave up on a query within STATEMENT_TIMEOUT_MS."""


@dataclass
class Filters:
    """The filters a search applies, already resolved to objects."""

    kind: str = ""  # "", "zones" or "news"
    province: Region | None = None
    zone: Zone | None = None
    language: str = "zh-hans"  # the page's Django language code

    @property
    def wants_zones(self):
        return self.kind in ("", "zones")

    @property
    def wants_news(self):
        return self.kind in ("", "news")

    @property
    def narrows_articles(self):
        return self.province is not None or self.zone is not None


@dataclass
class ZonePage:
    zones: list = field(default_factory=list)
    total: int = 0


@dataclass
class ArticlePage:
    """One page of articles.

    Ranked: `total` is exact and pages are numbered. Not ranked (more than
    RANK_LIMIT matches): newest first, `total` is None, and `older` /
    `newer` are the cursors of the neighbouring pages, if any.
    """

    articles: list = field(default_factory=list)
    is_ranked: bool = True
    total: int | None = 0
    older: Cursor | None = None
    newer: Cursor | None = None


def _document(*field_names):
    """Lower-cased text of the named fields, joined by spaces."""
    if len(field_names) == 1:
        return Lower(field_names[0])
    parts = []
    for name in field_names:
        parts.extend([name, Value(" ")])
    return Lower(Concat(*parts[:-1], output_field=TextField()))


def _contains_all(terms, *field_names):
    """Q: every term occurs in the named text fields (joined by spaces).

    STRPOS/INSTR rather than LIKE: no pattern characters to escape, and
    PostgreSQL keeps its default estimate for the condition instead of a
    histogram guess near zero, which would steer a broad query away from the
    date-ordered walk and into a scan of the whole table.
    """
    document = _document(*field_names)
    condition = Q()
    for term in terms:
        condition &= Q(GreaterThan(StrIndex(document, Lower(Value(term))), 0))
    return condition


def _any_field_contains_all(terms, *field_names):
    """Q: every term occurs in at least one of the fields (case-insensitive)."""
    condition = Q()
    for term in terms:
        in_any = Q()
        for name in field_names:
            in_any |= Q(**{f"{name}__icontains": term})
        condition &= in_any
    return condition


# Zones ---------------------------------------------------------------------


def matching_zones(query, filters):
    """Published zones for the query, best first.

    The whole query as a name, then names that begin with it, then names
    holding every term, then matches in the English name or code; national
    zones before provincial ones within each.
    """
    zones = _with_index(
        Zone.objects.published().filter(
            _any_field_contains_all(
                query.terms, "name", "short_name", "name_en", "code"
            )
        ),
        query,
        ZONE_DOCUMENT,
    )
    if filters.province is not None:
        zones = zones.filter(province=filters.province)
    if filters.zone is not None:
        zones = zones.filter(pk=filters.zone.pk)
    exact = (
        Q(name__iexact=query.text)
        | Q(short_name__iexact=query.text)
        | Q(name_en__iexact=query.text)
    )
    starts = Q(name__istartswith=query.text) | Q(short_name__istartswith=query.text)
    return zones.annotate(
        rank=Case(
            When(exact, then=Value(0)),
            When(starts, then=Value(1)),
            When(_any_field_contains_all(query.terms, "name", "short_name"), then=2),
            default=Value(3),
        )
    ).order_by("rank", "level", "name", "pk")


def find_zones(query, filters, offset, limit):
    """Return a ZonePage: `limit` zones from `offset`, and the total."""
    zone_ids = list(matching_zones(query, filters).values_list("pk", flat=True))
    page_ids = zone_ids[offset : offset + limit]
    found = Zone.objects.with_regions().in_bulk(page_ids) if page_ids else {}
    return ZonePage(zones=[found[pk] for pk in page_ids], total=len(zone_ids))


# Articles --------------------------------------------------------------------


def _visible_articles(filters):
    articles = Article.objects.published().in_language(filters.language)
    if filters.province is not None:
        province = filters.province
        regions = Region.objects.filter(
            Q(pk=province.pk) | Q(parent=province) | Q(parent__parent=province)
        ).values("pk")
        articles = articles.filter(region__in=regions)
    if filters.zone is not None:
        articles = articles.filter(zone=filters.zone)
    return articles


def matching_articles(query, filters):
    """Visible articles whose title and summary hold every term, unordered."""
    return (
        _visible_articles(filters)
        .filter(_contains_all(query.terms, "title", "summary"))
        .order_by()
    )


def _with_index(queryset, query, document=ARTICLE_DOCUMENT):
    """Add the bigram index condition (PostgreSQL); SQLite has no such index.

    It only narrows the candidates; the substring conditions decide.
    """
    if connection.vendor != "postgresql":
        return queryset
    placeholders = " && ".join(["search_bigram_query(%s)"] * len(query.terms))
    return queryset.filter(
        # The SQL text is constant; the terms travel as parameters.
        RawSQL(  # noqa: S611
            f"{document} @@ ({placeholders})",
            list(query.terms),
            output_field=BooleanField(),
        )
    )


def _newest_first(articles, reverse=False):
    if reverse:
        return articles.order_by("published_at", "pk")
    return articles.order_by("-published_at", "-pk")


def _after(articles, cursor):
    """Articles older than the cursor (further down the newest-first list)."""
    return articles.filter(published_at__lte=cursor.published_at).exclude(
        published_at=cursor.published_at, pk__gte=cursor.pk
    )


def _before(articles, cursor):
    """Articles newer than the cursor (further up the newest-first list)."""
    return articles.filter(published_at__gte=cursor.published_at).exclude(
        published_at=cursor.published_at, pk__lte=cursor.pk
    )


def _load(ids):
    """The articles of a page, in the order of `ids`, with what a result shows."""
    if not ids:
        return []
    found = (
        Article.objects.select_related("zone", "source")
        .only(
            "id",
            "title",
            "summary",
            "kind",
            "published_at",
            "zone__name",
            "zone__name_en",
            "zone__slug",
            "source__name",
            "source__name_en",
        )  # fmt: skip
        .in_bulk(ids)
    )
    return [found[pk] for pk in ids]


def find_articles(query, filters, page_number=1, older_than=None, newer_than=None):
    """Return the ArticlePage for a page number (ranked) or a cursor (walk)."""
    matches = matching_articles(query, filters)
    probe_ids = []
    if not filters.narrows_articles:
        # The publish time of the PROBE_ROWS-th newest article bounds the
        # walk: one index range scan, however rare the terms. With fewer
        # articles than that, the probe covers them all.
        horizon = _newest_first(Article.objects.published()).values("published_at")[
            PROBE_ROWS - 1 : PROBE_ROWS
        ]
        since = Coalesce(Subquery(horizon), Value(Cursor.EPOCH))
        probe_ids = list(
            _newest_first(matches.filter(published_at__gte=since)).values_list(
                "pk", flat=True
            )[: PAGE_SIZE + 1]
        )
    if len(probe_ids) <= PAGE_SIZE:
        title_has_all = _contains_all(query.terms, "title")
        candidates = list(
            _with_index(matches, query)
            .annotate(
                in_title=Case(
                    When(title_has_all, then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
            .values_list("pk", "published_at", "in_title")[: RANK_LIMIT + 1]
        )
        if len(candidates) <= RANK_LIMIT:
            return _ranked_page(candidates, page_number)
        probe_ids = []
    return _walk_page(matches, probe_ids, older_than, newer_than)


def _ranked_page(candidates, page_number):
    ranked = sorted(candidates, key=lambda row: (row[1], row[0]), reverse=True)
    ranked.sort(key=lambda row: not row[2])  # stable: title matches first
    start = (page_number - 1) * PAGE_SIZE
    ids = [pk for pk, _, _ in ranked[start : start + PAGE_SIZE]]
    return ArticlePage(articles=_load(ids), is_ranked=True, total=len(ranked))


def _walk_page(matches, probe_ids, older_than, newer_than):
    if newer_than is not None:
        rows = list(
            _newest_first(_before(matches, newer_than), reverse=True).values_list(
                "pk", flat=True
            )[: PAGE_SIZE + 1]
        )
        has_more_newer = len(rows) > PAGE_SIZE
        ids = list(reversed(rows[:PAGE_SIZE]))
        articles = _load(ids)
        return ArticlePage(
            articles=articles,
            is_ranked=False,
            total=None,
            newer=Cursor.of(articles[0]) if has_more_newer and articles else None,
            older=Cursor.of(articles[-1]) if articles else None,
        )
    if older_than is not None:
        rows = list(
            _newest_first(_after(matches, older_than)).values_list("pk", flat=True)[
                : PAGE_SIZE + 1
            ]
        )
    elif probe_ids:
        rows = probe_ids
    else:
        rows = list(
            _newest_first(matches).values_list("pk", flat=True)[: PAGE_SIZE + 1]
        )
    articles = _load(rows[:PAGE_SIZE])
    return ArticlePage(
        articles=articles,
        is_ranked=False,
        total=None,
        older=Cursor.of(articles[-1]) if len(rows) > PAGE_SIZE else None,
        newer=Cursor.of(articles[0]) if older_than is not None and articles else None,
    )


# Both ------------------------------------------------------------------------


def run_search(function, *args, **kwargs):
    """Call function(*args, **kwargs) under the search's database settings.

    On PostgreSQL, inside a transaction: a statement timeout, JIT off (it
    costs more to compile than these queries take), no parallel workers
    (starting them costs more than the few thousand rows they would share,
    and under load they only take CPU from other requests), and enough
    work_mem for the index bitmaps to stay exact. Raises SearchTooBroad on
    the timeout.
    """
    if connection.vendor != "postgresql":
        return function(*args, **kwargs)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('statement_timeout', %s, true),"
                    " set_config('jit', 'off', true),"
                    " set_config('max_parallel_workers_per_gather', '0', true),"
                    " set_config('work_mem', '32MB', true)",
                    [str(STATEMENT_TIMEOUT_MS)],
                )
            return function(*args, **kwargs)
    except OperationalError as exc:
        # psycopg2 reports a cancelled statement with SQLSTATE 57014.
        if getattr(exc.__cause__, "pgcode", None) == "57014":
            raise SearchTooBroad from exc
        raise
