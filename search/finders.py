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

import functools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple

from django.db import OperationalError, connection, transaction
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Now
from django.utils import timezone

from core.pagination import Cursor
from news.models import Article
from projects.models import Project
from zones.models import Industry, Region, Zone

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

# The text an article is searched in: its columns, and the two joined for the
# index. Written out rather than built with Concat, whose COALESCE wrapping
# costs Python time to compile on every query and has nothing to do here (both
# columns are NOT NULL).
ARTICLE_COLUMNS = ("news_article.title", "news_article.summary")
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
# The project fields searched, by rank, as for zones: its titles, then what
# it offers (its industry, its zone), then the description's text; as
# (table, column), for the project's query joins the industry and the zone.
PROJECT_TITLE_COLUMNS = (
    ("projects_project", "title"),
    ("projects_project", "title_en"),
)
PROJECT_OFFER_COLUMNS = (
    ("zones_industry", "name"),
    ("zones_industry", "name_en"),
    ("zones_zone", "name"),
    ("zones_zone", "short_name"),
    ("zones_zone", "name_en"),
)
PROJECT_DESCRIPTION_COLUMNS = (("projects_project", "description_text"),)


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


# Conditions as SQL -------------------------------------------------------------
#
# The conditions of a search are written as SQL text with parameters rather
# than built from Q, Case, When and StrIndex: at one condition per term and
# field, resolving and compiling those expressions cost the worker more time
# than the database took to run the queries (README, "Measurements behind
# the code"). The SQL is what Django writes for the same lookups, taken from
# the database backend's own tables (connection.operators, lookup_cast and
# the LIKE escaping), so both databases match exactly as the ORM did; the
# SQL text is built only from constants and column names, and every value
# a reader typed travels as a parameter.


def _column(table, column):
    return _quoted_column(connection.vendor, table, column)


@functools.cache
def _quoted_column(vendor, table, column):
    quote = connection.ops.quote_name
    return f"{quote(table)}.{quote(column)}"


def _lookup(term, lookup):
    """The case-sensitive lookup for a caseless term (see _contains_all: no
    UPPER() on every row and column), the case-insensitive one otherwise."""
    return lookup if is_caseless(term) else f"i{lookup}"


def _any_column(columns, lookup, value):
    """(sql, params): Django's `field__<lookup>=value` on one of the text
    columns at least.

    `lookup` is exact, iexact, contains, icontains, startswith or
    istartswith; `columns` are quoted SQL (see _column).
    """
    ops = connection.ops
    if lookup.endswith("contains"):
        value = f"%{ops.prep_for_like_query(value)}%"
    elif lookup.endswith("startswith"):
        value = f"{ops.prep_for_like_query(value)}%"
    elif lookup == "iexact":
        value = ops.prep_for_iexact_query(value)
    sql = _any_column_sql(connection.vendor, tuple(columns), lookup)
    return sql, [value] * len(columns)


@functools.cache
def _any_column_sql(vendor, columns, lookup):
    """The SQL of _any_column, with a placeholder for the value in each
    column's condition: the same for every value, so written once per
    process."""
    ops = connection.ops
    conditions = [
        f"{ops.lookup_cast(lookup, 'TextField') % column}"
        f" {connection.operators[lookup] % '%s'}"
        for column in columns
    ]
    return "(" + " OR ".join(conditions) + ")"


def _any_column_contains_all(terms, columns):
    """(sql, params): every term occurs in at least one of the columns
    (case-insensitive)."""
    conditions = [
        _any_column(columns, _lookup(term, "contains"), term) for term in terms
    ]
    return (
        "(" + " AND ".join(sql for sql, _params in conditions) + ")",
        [param for _sql, params in conditions for param in params],
    )


def _match_rank(query, exact_columns, prefix_columns, tiers):
    """(sql, params): a CASE giving a row's rank for the query.

    0 when one of `exact_columns` is the whole query, 1 when one of
    `prefix_columns` begins with it, then 2, 3… for the first of `tiers`
    (each a list of columns) that holds every term, and one more than the
    last for the rest.
    """
    text = query.text
    whens = [
        _any_column(exact_columns, _lookup(text, "exact"), text),
        _any_column(prefix_columns, _lookup(text, "startswith"), text),
        *(_any_column_contains_all(query.terms, columns) for columns in tiers),
    ]
    cases = " ".join(
        f"WHEN {sql} THEN {rank}" for rank, (sql, _params) in enumerate(whens)
    )
    return (
        f"CASE {cases} ELSE {len(whens)} END",
        [param for _sql, params in whens for param in params],
    )


def _contains_all(terms, columns):
    """(sql, params): every term occurs in one of the SQL text columns.

    Case-insensitive. The text is lower-cased only for terms with a case:
    LOWER() under a C.UTF-8 ctype is slow enough per row to be half the cost
    of ranking a common term's matches (README, "Benchmark"), and a Chinese
    term needs no folding (see is_caseless).

    Each column is searched on its own rather than their text joined with a
    space: a term holds no space (search.terms), so it is in the joined text
    exactly when it is in one of them, and no row's text is copied to find
    out.

    STRPOS/INSTR rather than LIKE: no pattern characters to escape, and
    PostgreSQL keeps its default estimate for the condition instead of a
    histogram guess near zero, which would steer a broad query away from the
    date-ordered walk and into a scan of the whole table.
    """
    position = "STRPOS" if connection.vendor == "postgresql" else "INSTR"
    conditions = []
    for term in terms:
        template = (
            f"{position}({{}}, %s) > 0"
            if is_caseless(term)
            else f"{position}(LOWER({{}}), LOWER(%s)) > 0"
        )
        either = " OR ".join(template.format(column) for column in columns)
        conditions.append(f"({either})")
    params = [term for term in terms for _column in columns]
    return "(" + " AND ".join(conditions) + ")", params


def _index_condition(query, document):
    """(sql, params): the bigram index condition, on PostgreSQL; None on
    SQLite, which has no such index. It only narrows the candidates; the
    substring conditions decide."""
    if connection.vendor != "postgresql":
        return None
    placeholders = " && ".join(["search_bigram_query(%s)"] * len(query.terms))
    return f"{document} @@ ({placeholders})", list(query.terms)


def _where(*conditions):
    """(sql, params) of the conditions that are not None, joined with AND."""
    present = [condition for condition in conditions if condition is not None]
    return (
        " AND ".join(sql for sql, _params in present),
        [param for _sql, params in present for param in params],
    )


def _fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# Zones ---------------------------------------------------------------------

ZONE = functools.partial(_column, "zones_zone")

# One page of the matching zones, their count and what the page shows, in
# one statement. The window counts the matches and the sort cuts the page
# before any region is joined: joining every match (for 开发区, 1,701 zones)
# before the sort cost more than a second query (README).
ZONE_PAGE = """
    WITH page AS (
        SELECT zones_zone.id, {rank} AS match_rank, COUNT(*) OVER () AS total
        FROM zones_zone
        WHERE {where}
        ORDER BY match_rank, zones_zone.level, zones_zone.name, zones_zone.id
        LIMIT %s OFFSET %s
    )
    SELECT page.total,
        zone.id, zone.name, zone.short_name, zone.name_en, zone.code, zone.slug,
        zone.level, zone.industry_text, zone.profile_text,
        province.id, province.name, province.name_en, province.level,
        city.id, city.name, city.name_en, city.level
    FROM page
    JOIN zones_zone zone ON zone.id = page.id
    LEFT JOIN zones_region province ON province.id = zone.province_id
    LEFT JOIN zones_region city ON city.id = zone.city_id
    ORDER BY page.match_rank, zone.level, zone.name, zone.id
"""


def _zone_conditions(query, filters):
    """(sql, params): published zones holding every term in one of the
    searched fields, within the filters."""
    searched = [
        ZONE(name)
        for name in ZONE_NAME_FIELDS + ZONE_INDUSTRY_FIELDS + ZONE_PROFILE_FIELDS
    ]
    province, zone = filters.province, filters.zone
    return _where(
        (ZONE("is_published"), []),
        _any_column_contains_all(query.terms, searched),
        _index_condition(query, ZONE_DOCUMENT),
        (f"{ZONE('province_id')} = %s", [province.pk]) if province else None,
        (f"{ZONE('id')} = %s", [zone.pk]) if zone else None,
    )


def _zone_rank(query):
    """The whole query as a name, then names that begin with it, then zones
    with every term in their names, then with every term in their names or
    industries, then the rest (some term only in the profile)."""
    names = [ZONE(name) for name in ZONE_NAME_FIELDS]
    industries = [ZONE(name) for name in ZONE_INDUSTRY_FIELDS]
    return _match_rank(
        query,
        [ZONE("name"), ZONE("short_name"), ZONE("name_en")],
        [ZONE("name"), ZONE("short_name")],
        [names, names + industries],
    )


def _region(pk, name, name_en, level):
    if pk is None:
        return None
    return Region(pk=pk, name=name, name_en=name_en, level=level)


def find_zones(query, filters, offset, limit):
    """Return a ZonePage: `limit` published zones for the query from
    `offset`, best first, and the total.

    Ranked by _zone_rank; national zones before provincial ones within each
    rank, then by name.
    """
    rank_sql, rank_params = _zone_rank(query)
    where_sql, where_params = _zone_conditions(query, filters)
    rows = _fetch(
        ZONE_PAGE.format(rank=rank_sql, where=where_sql),
        [*rank_params, *where_params, limit, offset],
    )
    if not rows:
        # Past the last page, no row carries the count. Only then, and not
        # on a first page, which has a row for any match.
        total = 0
        if offset:
            # where_sql is built from constants (see _zone_conditions).
            sql = f"SELECT COUNT(*) FROM zones_zone WHERE {where_sql}"  # noqa: S608
            total = _fetch(sql, where_params)[0][0]
        return ZonePage(zones=[], total=total)
    zones = []
    for row in rows:
        zone = Zone(
            pk=row[1],
            name=row[2],
            short_name=row[3],
            name_en=row[4],
            code=row[5],
            slug=row[6],
            level=row[7],
            industry_text=row[8],
            profile_text=row[9],
        )
        zone.province = _region(*row[10:14])
        zone.city = _region(*row[14:18])
        zones.append(zone)
    return ZonePage(zones=zones, total=rows[0][0])


# Projects --------------------------------------------------------------------

PROJECT = functools.partial(_column, "projects_project")

# As ZONE_PAGE: the page of matching projects with what it shows and the
# count, in one statement.
PROJECT_PAGE = """
    WITH page AS (
        SELECT projects_project.id, {rank} AS match_rank, COUNT(*) OVER () AS total
        {matches}
        ORDER BY match_rank, projects_project.created_at DESC,
            projects_project.id DESC
        LIMIT %s OFFSET %s
    )
    SELECT page.total,
        project.id, project.title, project.title_en, project.status,
        project.cooperation, project.description_text,
        zone.id, zone.name, zone.name_en,
        industry.id, industry.name, industry.name_en
    FROM page
    JOIN projects_project project ON project.id = page.id
    JOIN zones_zone zone ON zone.id = project.zone_id
    LEFT JOIN zones_industry industry ON industry.id = project.industry_id
    ORDER BY page.match_rank, project.created_at DESC, project.id DESC
"""


def _project_matches(query, filters):
    """(sql, params): FROM and WHERE of the published, unexpired projects
    (as Project.objects.published()) holding every term in one of the
    searched fields, within the filters."""
    searched = [
        _column(*column)
        for column in PROJECT_TITLE_COLUMNS
        + PROJECT_OFFER_COLUMNS
        + PROJECT_DESCRIPTION_COLUMNS
    ]
    today = connection.ops.adapt_datefield_value(timezone.localdate())
    province, zone = filters.province, filters.zone
    where, params = _where(
        (f"{PROJECT('is_published')} AND {ZONE('is_published')}", []),
        (
            f"({PROJECT('valid_until')} IS NULL OR {PROJECT('valid_until')} >= %s)",
            [today],
        ),
        _any_column_contains_all(query.terms, searched),
        (f"{ZONE('province_id')} = %s", [province.pk]) if province else None,
        (f"{PROJECT('zone_id')} = %s", [zone.pk]) if zone else None,
    )
    return (
        "FROM projects_project"
        " JOIN zones_zone ON zones_zone.id = projects_project.zone_id"
        " LEFT JOIN zones_industry"
        " ON zones_industry.id = projects_project.industry_id"
        f" WHERE {where}"
    ), params


def _project_rank(query):
    """Ranked as zones are (see _zone_rank): the whole query as a title,
    titles that begin with it, every term in the titles, every term in the
    titles, the industry or the zone's names, then the rest (some term only
    in the description's text)."""
    titles = [_column(*column) for column in PROJECT_TITLE_COLUMNS]
    offer = [_column(*column) for column in PROJECT_OFFER_COLUMNS]
    return _match_rank(query, titles, titles, [titles, titles + offer])


def find_projects(query, filters, offset, limit):
    """Return a ProjectPage: `limit` projects for the query from `offset`,
    best first (newest first within a rank), and the total."""
    rank_sql, rank_params = _project_rank(query)
    matches_sql, matches_params = _project_matches(query, filters)
    rows = _fetch(
        PROJECT_PAGE.format(rank=rank_sql, matches=matches_sql),
        [*rank_params, *matches_params, limit, offset],
    )
    if not rows:
        total = 0
        if offset:
            total = _fetch(f"SELECT COUNT(*) {matches_sql}", matches_params)[0][0]
        return ProjectPage(projects=[], total=total)
    projects = []
    for row in rows:
        project = Project(
            pk=row[1],
            title=row[2],
            title_en=row[3],
            status=row[4],
            cooperation=row[5],
            description_text=row[6],
        )
        project.zone = Zone(pk=row[7], name=row[8], name_en=row[9])
        industry_pk = row[10]
        project.industry = (
            None
            if industry_pk is None
            else Industry(pk=industry_pk, name=row[11], name_en=row[12])
        )
        projects.append(project)
    return ProjectPage(projects=projects, total=rows[0][0])


# Articles --------------------------------------------------------------------


def _visible_articles(filters):
    # The database's clock (Now()) decides what is published, so that the
    # SQL of this condition is the same on every request (_visible_where).
    articles = Article.objects.published(now=Now()).in_language(filters.language)
    if filters.province is not None:
        province = filters.province
        regions = Region.objects.within(province).values("pk")
        articles = articles.filter(region__in=regions)
    if filters.zone is not None:
        articles = articles.filter(zone=filters.zone)
    return articles


def matching_articles(query, filters):
    """Visible articles whose title and summary hold every term, unordered."""
    return (
        _visible_articles(filters)
        .filter(_raw_condition(*_contains_all(query.terms, ARTICLE_COLUMNS)))
        .order_by()
    )


def _raw_condition(sql, params):
    # The SQL text is built from constants; values travel as parameters.
    return RawSQL(sql, params, output_field=BooleanField())  # noqa: S611


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


def _found(row):
    """A FoundArticle from a row of SHOWN_COLUMNS read without the ORM.

    SQLite gives the publish time without its time zone: UTC, in which
    Django stores it there.
    """
    article = FoundArticle(*row)
    if timezone.is_naive(article.published_at):
        aware = timezone.make_aware(article.published_at, UTC)
        article = article._replace(published_at=aware)
    return article


# The probe: the newest matches among the PROBE_ROWS newest published
# articles (of every language), with what they show. The newest rows are a
# subquery named as the table, so the conditions and the shown columns,
# written for news_article, apply to them; its LIMIT keeps the conditions
# out of it, and the walk down the publication-date index stops at the
# PAGE_SIZE + 1-th match or after PROBE_ROWS rows, in one pass.
PROBE = """
    {shown_columns}
    FROM (
        SELECT * FROM news_article WHERE {published}
        ORDER BY news_article.published_at DESC, news_article.id DESC
        LIMIT %s
    ) news_article{shown_joins}
    WHERE {where}
    ORDER BY news_article.published_at DESC, news_article.id DESC
    LIMIT {limit}
"""


def _probe(query, filters):
    """The first PAGE_SIZE + 1 matches of the probe, as FoundArticles."""
    published_sql, published_params = _published_everywhere(connection.vendor)
    where_sql, where_params = _where(
        _visible_where(filters),
        _contains_all(query.terms, ARTICLE_COLUMNS),
    )
    shown_columns, shown_joins = _shown_parts(connection.vendor)
    sql = PROBE.format(
        shown_columns=shown_columns,
        published=published_sql,
        shown_joins=shown_joins,
        where=where_sql,
        limit=PAGE_SIZE + 1,
    )
    params = [*published_params, PROBE_ROWS, *where_params]
    return [_found(row) for row in _fetch(sql, params)]


def find_articles(query, filters, page_number=1, older_than=None, newer_than=None):
    """Return the ArticlePage for a page number (ranked) or a cursor (walk)."""
    probe = []
    if not filters.narrows_articles:
        # At most PROBE_ROWS rows of the publication-date index, however
        # rare the terms. With fewer articles than that, the probe covers
        # them all. A full probe is the first page of the walk, so it reads
        # what the page shows.
        probe = _probe(query, filters)
    if len(probe) <= PAGE_SIZE:
        page = _ranked_page(query, filters, page_number)
        if page is not None:
            return page
        probe = []
    return _walk_page(matching_articles(query, filters), probe, older_than, newer_than)


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


def _where_of(queryset):
    """(sql, params): the WHERE clause of a queryset that joins nothing, as
    the ORM compiles it. For conditions the models define once (published(),
    in_language(), the regions within a province) inside SQL written here."""
    query = queryset.query
    sql, params = query.get_compiler(connection=connection).compile(query.where)
    return sql, tuple(params)


def _visible_where(filters):
    """(sql, params): the WHERE clause of _visible_articles(filters)."""
    if filters.narrows_articles:
        return _where_of(_visible_articles(filters))
    return _visible_everywhere(connection.vendor, filters.language)


@functools.cache
def _visible_everywhere(vendor, language):
    """_visible_where without a province or zone: the same SQL and parameters
    on every request, so compiled once per process."""
    return _where_of(_visible_articles(Filters(language=language)))


@functools.cache
def _published_everywhere(vendor):
    """The WHERE clause of the published articles, in every language:
    compiled once per process (see _visible_articles)."""
    return _where_of(Article.objects.published(now=Now()))


@functools.cache
def _shown_sql(vendor):
    """The SQL of every article with SHOWN_COLUMNS: constant, so compiled
    once per process (and database vendor)."""
    shown = Article.objects.order_by().values_list(*SHOWN_COLUMNS)
    sql, params = shown.query.sql_with_params()
    assert not params, "the shown columns take no parameters"  # noqa: S101
    return sql


@functools.cache
def _shown_parts(vendor):
    """_shown_sql split around its table, for the probe, which reads from a
    subquery named as the table: (the SELECT list, the joins after it)."""
    columns, table, joins = _shown_sql(vendor).partition(' FROM "news_article"')
    assert table, "the shown columns are read from news_article"  # noqa: S101
    return columns, joins


# The ranking's candidates: every match, up to RANK_LIMIT + 1, with whether
# its title holds every term.
CANDIDATES = """
    SELECT news_article.id, news_article.published_at,
        CASE WHEN {in_title} THEN 1 ELSE 0 END
    FROM news_article WHERE {where} LIMIT {limit}
"""


def _ranked_page(query, filters, page_number):
    """The ranked ArticlePage, or None if more than RANK_LIMIT articles match.

    Title holds every term first, newest first within that, ties by id.
    """
    title_sql, title_params = _contains_all(
        query.terms, [_column("news_article", "title")]
    )
    where_sql, where_params = _where(
        _visible_where(filters),
        _contains_all(query.terms, ARTICLE_COLUMNS),
        _index_condition(query, ARTICLE_DOCUMENT),
    )
    candidates_sql = CANDIDATES.format(
        in_title=title_sql, where=where_sql, limit=RANK_LIMIT + 1
    )
    candidates_params = [*title_params, *where_params]
    sql = RANKED_PAGE.format(
        candidates=candidates_sql,
        columns=", ".join(FoundArticle._fields),
        shown=_shown_sql(connection.vendor),
        shown_columns=", ".join(f"shown.{name}" for name in FoundArticle._fields),
    )
    offset = (page_number - 1) * PAGE_SIZE
    rows = _fetch(sql, [*candidates_params, PAGE_SIZE, offset])
    if rows:
        total = rows[0][0]
    elif offset:
        # Past the last page: no row carries the count, which the page
        # still shows. One more query, only here.
        count_sql = f"SELECT COUNT(*) FROM ({candidates_sql}) candidates"  # noqa: S608
        total = _fetch(count_sql, candidates_params)[0][0]
    else:
        total = 0
    if total > RANK_LIMIT:
        return None
    return ArticlePage(
        articles=[_found(row[1:]) for row in rows],
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
