"""The three result lists of a search: zones, projects, then articles.

Zones (about 3,000 rows) are matched with case-insensitive substring
conditions on their names (official, short, English), catalogue code,
leading industries and profile text, every term in at least one of them, and
ranked by where the weakest term was found: names (exact name first, then
names that begin with the query), then industries, then the profile. On
PostgreSQL the bigram index of the migrations narrows the candidates.

Projects (a few thousand at most, published and unexpired) are matched and
ranked the same way as zones: the whole query as a title, titles that
begin with it, every term in the titles, every term in the titles, the
industry or the zone's names, then the rest (some term only in the
description's text). They are few enough that no index is needed.

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
   set is ranked by the database, which returns one page of it and the
   count: title holds every term first, newest first within that, then the
   higher id, with an exact count and numbered pages.
3. More than RANK_LIMIT matches: newest first, walking the publication-date
   index and testing each row, with keyset pages ("older" / "newer"), and
   the count shown as "more than RANK_LIMIT". Ranking that many rows would
   mean reading every one of them for every page.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.db import OperationalError, connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    Q,
    Subquery,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Lower, StrIndex
from django.db.models.lookups import GreaterThan

from core.pagination import Cursor
from news.models import Article
from projects.models import Project
from zones.models import Region, Zone

PAGE_SIZE = 20
PROBE_ROWS = 1000
RANK_LIMIT = 3000
# On the first page of a search of everything, this many zones come first,
# then this many projects; a link leads to all of either.
ZONES_FIRST = 5
PROJECTS_FIRST = 5

# A search that still runs after this long is stopped and the reader asked
# to narrow it, rather than holding a worker. PostgreSQL only.
STATEMENT_TIMEOUT_MS = 3000

# The text an article is searched in. Written out rather than built with
# Concat, whose COALESCE wrapping costs Python time to compile on every query
# and has nothing to do here (both columns are NOT NULL).
ARTICLE_TEXT = "news_article.title || ' ' || news_article.summary"
# These must match the expressions of news_article_search_idx and
# zones_zone_search_idx exactly (see the migrations), or PostgreSQL cannot use
# the indexes.
ARTICLE_DOCUMENT = f"search_bigrams({ARTICLE_TEXT})"
ZONE_DOCUMENT = (
    "search_bigrams(zones_zone.name || ' ' || zones_zone.short_name"
    " || ' ' || zones_zone.name_en || ' ' || zones_zone.code"
    " || ' ' || zones_zone.industry_text || ' ' || zones_zone.profile_text)"
)
# The zone fields searched, by rank: a zone found through its names comes
# before one found through its industries, which comes before one found only
# in its profile.
ZONE_NAME_FIELDS = ("name", "short_name", "name_en", "code")
ZONE_INDUSTRY_FIELDS = ("industry_text",)
ZONE_PROFILE_FIELDS = ("profile_text",)
# The project fields searched, by rank, as for zones.
PROJECT_TITLE_FIELDS = ("title", "title_en")
PROJECT_OFFER_FIELDS = (
    "industry__name",
    "industry__name_en",
    "zone__name",
    "zone__short_name",
    "zone__name_en",
)
PROJECT_DESCRIPTION_FIELDS = ("description_text",)


class SearchTooBroad(Exception):
    """The database gave up on a query within STATEMENT_TIMEOUT_MS."""


@dataclass
class Filters:
    """The filters a search applies, already resolved to objects."""

    kind: str = ""  # "", "zones", "projects" or "news"
    province: Region | None = None
    zone: Zone | None = None
    language: str = "zh-hans"  # the page's Django language code

    @property
    def wants_zones(self):
        return self.kind in ("", "zones")

    @property
    def wants_projects(self):
        return self.kind in ("", "projects")

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
class ProjectPage:
    projects: list = field(default_factory=list)
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


def is_caseless(term):
    """Whether no letter of the term has a case (Chinese characters, digits).

    Such a term is found in a text exactly where it is found in the
    lower-cased text: lower-casing only changes letters that have a case,
    and none of them becomes a caseless character. SQLite's LOWER() only
    changes ASCII letters; for PostgreSQL's, a test checks all of Unicode.
    """
    return term.lower() == term == term.upper()


def _contains_all(terms, text):
    """Q: every term occurs in the text expression.

    Case-insensitive. The text is lower-cased only for terms with a case:
    LOWER() under a C.UTF-8 ctype is slow enough per row to be half the cost
    of ranking a common term's matches (README, "Benchmark"), and a Chinese
    term needs no folding (see is_caseless).

    STRPOS/INSTR rather than LIKE: no pattern characters to escape, and
    PostgreSQL keeps its default estimate for the condition instead of a
    histogram guess near zero, which would steer a broad query away from the
    date-ordered walk and into a scan of the whole table.
    """
    condition = Q()
    for term in terms:
        if is_caseless(term):
            position = StrIndex(text, Value(term))
        else:
            position = StrIndex(Lower(text), Lower(Value(term)))
        condition &= Q(GreaterThan(position, 0))
    return condition


def _lookup(term, lookup):
    """The case-sensitive lookup for a caseless term (see _contains_all: no
    UPPER() on every row and column), the case-insensitive one otherwise."""
    return lookup if is_caseless(term) else f"i{lookup}"


def _any_field_contains_all(terms, *field_names):
    """Q: every term occurs in at least one of the fields (case-insensitive)."""
    condition = Q()
    for term in terms:
        in_any = Q()
        lookup = _lookup(term, "contains")
        for name in field_names:
            in_any |= Q(**{f"{name}__{lookup}": term})
        condition &= in_any
    return condition


# Zones ---------------------------------------------------------------------


def matching_zones(query, filters):
    """Published zones for the query, best first.

    The whole query as a name, then names that begin with it, then zones
    with every term in their names, then with every term in their names or
    industries, then the rest (some term only in the profile); national zones
    before provincial ones within each.
    """
    names = ZONE_NAME_FIELDS
    names_and_industries = names + ZONE_INDUSTRY_FIELDS
    zones = _with_index(
        Zone.objects.published().filter(
            _any_field_contains_all(
                query.terms, *names_and_industries, *ZONE_PROFILE_FIELDS
            )
        ),
        query,
        ZONE_DOCUMENT,
    )
    if filters.province is not None:
        zones = zones.filter(province=filters.province)
    if filters.zone is not None:
        zones = zones.filter(pk=filters.zone.pk)
    exact, starts = _lookup(query.text, "exact"), _lookup(query.text, "startswith")
    is_name = (
        Q(**{f"name__{exact}": query.text})
        | Q(**{f"short_name__{exact}": query.text})
        | Q(**{f"name_en__{exact}": query.text})
    )
    starts_name = Q(**{f"name__{starts}": query.text}) | Q(
        **{f"short_name__{starts}": query.text}
    )
    return zones.annotate(
        rank=Case(
            When(is_name, then=Value(0)),
            When(starts_name, then=Value(1)),
            When(_any_field_contains_all(query.terms, *names), then=Value(2)),
            When(
                _any_field_contains_all(query.terms, *names_and_industries),
                then=Value(3),
            ),
            default=Value(4),
        )
    ).order_by("rank", "level", "name", "pk")


def find_zones(query, filters, offset, limit):
    """Return a ZonePage: `limit` zones from `offset`, and the total.

    The ids of the page come with the count of all matches (a window over
    them); the page's zones are read by id, only if there are any. One query
    that joined the regions before the window and the sort joined every
    match, not just the page: slower when no zone or many zones are found
    (most searches), slightly faster only when a few are.
    """
    rows = list(
        matching_zones(query, filters)
        .annotate(total=Window(Count("*")))
        .values_list("pk", "total")[offset : offset + limit]
    )
    if not rows:
        # Past the last page, no row carries the count. Only then, and not
        # on a first page, which has a row for any match.
        total = matching_zones(query, filters).count() if offset else 0
        return ZonePage(zones=[], total=total)
    page_ids = [pk for pk, _ in rows]
    found = (
        Zone.objects.select_related("province", "city")
        .only(
            "name",
            "short_name",
            "name_en",
            "code",
            "slug",
            "level",
            "industry_text",
            "profile_text",
            "province__name",
            "province__name_en",
            "province__level",
            "city__name",
            "city__name_en",
            "city__level",
        )  # fmt: skip
        .in_bulk(page_ids)
    )
    return ZonePage(zones=[found[pk] for pk in page_ids], total=rows[0][1])


# Projects --------------------------------------------------------------------


def matching_projects(query, filters):
    """Published, unexpired projects for the query, best first.

    Ranked as zones are (see matching_zones): the whole query as a title,
    titles that begin with it, every term in the titles, every term in the
    titles, the industry or the zone's names, then the rest; newest first
    within each.
    """
    titles = PROJECT_TITLE_FIELDS
    titles_and_offer = titles + PROJECT_OFFER_FIELDS
    projects = Project.objects.published().filter(
        _any_field_contains_all(
            query.terms, *titles_and_offer, *PROJECT_DESCRIPTION_FIELDS
        )
    )
    if filters.province is not None:
        projects = projects.filter(zone__province=filters.province)
    if filters.zone is not None:
        projects = projects.filter(zone=filters.zone)
    exact, starts = _lookup(query.text, "exact"), _lookup(query.text, "startswith")
    is_title = Q(**{f"title__{exact}": query.text}) | Q(
        **{f"title_en__{exact}": query.text}
    )
    starts_title = Q(**{f"title__{starts}": query.text}) | Q(
        **{f"title_en__{starts}": query.text}
    )
    return projects.annotate(
        rank=Case(
            When(is_title, then=Value(0)),
            When(starts_title, then=Value(1)),
            When(_any_field_contains_all(query.terms, *titles), then=Value(2)),
            When(
                _any_field_contains_all(query.terms, *titles_and_offer),
                then=Value(3),
            ),
            default=Value(4),
        )
    ).order_by("rank", "-created_at", "-pk")


def find_projects(query, filters, offset, limit):
    """Return a ProjectPage: `limit` projects from `offset`, and the total.

    One query: the page's projects with their zone and industry, each row
    carrying the count of all matches (a window over them). With so few
    projects, joining before the window costs nothing worth a second query.
    """
    found = list(
        matching_projects(query, filters)
        .select_related("zone", "industry")
        .only(
            "title",
            "title_en",
            "status",
            "cooperation",
            "description_text",
            "zone__name",
            "zone__name_en",
            "industry__name",
            "industry__name_en",
        )  # fmt: skip
        .annotate(total=Window(Count("*")))[offset : offset + limit]
    )
    if not found:
        total = matching_projects(query, filters).count() if offset else 0
        return ProjectPage(projects=[], total=total)
    return ProjectPage(projects=found, total=found[0].total)


# Articles --------------------------------------------------------------------


def _visible_articles(filters):
    articles = Article.objects.published().in_language(filters.language)
    if filters.province is not None:
        province = filters.province
        regions = Region.objects.within(province).values("pk")
        articles = articles.filter(region__in=regions)
    if filters.zone is not None:
        articles = articles.filter(zone=filters.zone)
    return articles


def matching_articles(query, filters):
    """Visible articles whose title and summary hold every term, unordered."""
    text = RawSQL(ARTICLE_TEXT, [], TextField())  # noqa: S611 - constant SQL
    return (
        _visible_articles(filters).filter(_contains_all(query.terms, text)).order_by()
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


class FoundArticle(NamedTuple):
    """What a result shows of an article.

    Read as a tuple, in the query that finds the page, rather than as twenty
    Article instances with their zones and sources loaded by id in a query
    of their own: no second round trip, no model instances to build.
    """

    pk: int
    title: str
    summary: str
    kind: str
    published_at: datetime
    zone_name: str | None
    zone_name_en: str | None
    source_name: str | None
    source_name_en: str | None


# The fields of a FoundArticle, in its order.
SHOWN_COLUMNS = (
    "pk",
    "title",
    "summary",
    "kind",
    "published_at",
    "zone__name",
    "zone__name_en",
    "source__name",
    "source__name_en",
)


def _shown(articles, limit):
    """The first `limit` articles of an ordered queryset, as FoundArticles."""
    return [FoundArticle(*row) for row in articles.values_list(*SHOWN_COLUMNS)[:limit]]


def find_articles(query, filters, page_number=1, older_than=None, newer_than=None):
    """Return the ArticlePage for a page number (ranked) or a cursor (walk)."""
    matches = matching_articles(query, filters)
    probe = []
    if not filters.narrows_articles:
        # The publish time of the PROBE_ROWS-th newest article bounds the
        # walk: one index range scan, however rare the terms. With fewer
        # articles than that, the probe covers them all.
        horizon = _newest_first(Article.objects.published()).values("published_at")[
            PROBE_ROWS - 1 : PROBE_ROWS
        ]
        since = Coalesce(Subquery(horizon), Value(Cursor.EPOCH))
        # A full probe is the first page of the walk, so it reads what the
        # page shows.
        probe = _shown(
            _newest_first(matches.filter(published_at__gte=since)), PAGE_SIZE + 1
        )
    if len(probe) <= PAGE_SIZE:
        page = _ranked_page(matches, query, page_number)
        if page is not None:
            return page
        probe = []
    return _walk_page(matches, probe, older_than, newer_than)


# One page of the ranked candidates with what it shows, and how many
# candidates there are, in one query: fetching thousands of candidates into
# Python to sort them there, then the page's articles in a query of their
# own, cost the worker several times the CPU of one round trip that returns
# only the page. COUNT(*) OVER () is
# taken before LIMIT applies, over the candidates, which the inner query caps
# at RANK_LIMIT + 1 rows. `shown` is every article with SHOWN_COLUMNS, named
# as in FoundArticle; joined to the page's ids, only those 20 are read.
RANKED_PAGE = """
    WITH candidates (id, published_at, in_title) AS ({candidates}),
    page AS (
        SELECT id, published_at, in_title, COUNT(*) OVER () AS total
        FROM candidates
        ORDER BY in_title DESC, published_at DESC, id DESC
        LIMIT %s OFFSET %s
    ),
    shown ({columns}) AS ({shown})
    SELECT page.total, {shown_columns}
    FROM page JOIN shown ON shown.pk = page.id
    ORDER BY page.in_title DESC, page.published_at DESC, page.id DESC
"""


def _ranked_page(matches, query, page_number):
    """The ranked ArticlePage, or None if more than RANK_LIMIT articles match.

    Title holds every term first, newest first within that, ties by id.
    """
    title_has_all = _contains_all(query.terms, F("title"))
    candidates = (
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
    candidates_sql, candidates_params = candidates.query.sql_with_params()
    shown = Article.objects.order_by().values_list(*SHOWN_COLUMNS)
    shown_sql, shown_params = shown.query.sql_with_params()
    sql = RANKED_PAGE.format(
        candidates=candidates_sql,
        columns=", ".join(FoundArticle._fields),
        shown=shown_sql,
        shown_columns=", ".join(f"shown.{name}" for name in FoundArticle._fields),
    )
    offset = (page_number - 1) * PAGE_SIZE
    with connection.cursor() as cursor:
        cursor.execute(sql, [*candidates_params, PAGE_SIZE, offset, *shown_params])
        rows = cursor.fetchall()
    if rows:
        total = rows[0][0]
    elif offset:
        # Past the last page: no row carries the count, which the page
        # still shows. One more query, only here.
        total = candidates.count()
    else:
        total = 0
    if total > RANK_LIMIT:
        return None
    return ArticlePage(
        articles=[FoundArticle(*row[1:]) for row in rows],
        is_ranked=True,
        total=total,
    )


def _walk_page(matches, probe, older_than, newer_than):
    if newer_than is not None:
        rows = _shown(
            _newest_first(matches.filter(newer_than.newer()), reverse=True),
            PAGE_SIZE + 1,
        )
        has_more_newer = len(rows) > PAGE_SIZE
        articles = list(reversed(rows[:PAGE_SIZE]))
        return ArticlePage(
            articles=articles,
            is_ranked=False,
            total=None,
            newer=Cursor.of(articles[0]) if has_more_newer and articles else None,
            older=Cursor.of(articles[-1]) if articles else None,
        )
    if older_than is not None:
        rows = _shown(_newest_first(matches.filter(older_than.older())), PAGE_SIZE + 1)
    elif probe:
        rows = probe
    else:
        rows = _shown(_newest_first(matches), PAGE_SIZE + 1)
    articles = rows[:PAGE_SIZE]
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
