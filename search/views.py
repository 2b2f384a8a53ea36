"""The search page: zones, projects and news for /search/?q=…"""

import functools
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.bilingual import in_page_language, is_english_page
from core.filters import ChoiceField, FilterForm, SlugChoiceField, SlugField
from core.pagination import MAX_DIGITS, Cursor, KeysetPage, nearest_page, query_url
from news.models import Article
from search import finders
from search.terms import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    excerpt,
    highlight,
    match_spans,
    parse_query,
)
from zones.models import Region, Zone

# Shown on the empty search page: a zone, an industry, two words, English.
EXAMPLES = ("海门", "半导体", "苏州 生物医药", "Suzhou")


class SearchForm(FilterForm):
    """The query string of a search, but for its page (see core.filters)."""

    # Parsed by clean_q into a search.terms.Query.
    q = forms.Field(required=False)
    kind = ChoiceField(
        choices=[("zones", "zones"), ("projects", "projects"), ("news", "news")],
        note=gettext_lazy("The kind of result asked for is unknown; all are shown."),
    )
    province = SlugField(
        note=gettext_lazy("There is no such province; it was not applied.")
    )
    zone = SlugChoiceField(
        Zone.objects.published().only("pk", "slug", "name", "name_en"),
        note=gettext_lazy("There is no such zone; it was not applied."),
    )

    def __init__(self, params, provinces):
        """`provinces`: (pk, slug, name, name_en) of each province."""
        self.provinces = provinces
        super().__init__(params)

    def clean_q(self):
        query = parse_query(self.data.get("q", ""))
        if query.was_shortened:
            self.remarks["q"].append(
                _("Only the first %(count)d characters were searched for.")
                % {"count": MAX_QUERY_LENGTH}
            )
        if query.dropped_terms:
            self.remarks["q"].append(
                _("Only the first %(count)d words were searched for.")
                % {"count": MAX_TERMS}
            )
        return query

    def clean_province(self):
        """The province, from the list the form shows: no query of its own."""
        slug = self.cleaned_data["province"]
        if not slug:
            return None
        for pk, province_slug, name, name_en in self.provinces:
            if province_slug == slug:
                return Region(
                    pk=pk,
                    slug=slug,
                    name=name,
                    name_en=name_en,
                    level=Region.Level.PROVINCE,
                )
        raise ValidationError("unknown province")


class SearchRequest:
    """The parameters of one search request, checked and resolved.

    Nothing here trusts the query string: a value that names nothing is
    dropped with a note for the reader, never passed to a query.
    """

    def __init__(self, params, provinces):
        """`provinces`: (pk, slug, name, name_en) of each province."""
        form = SearchForm(params, provinces)
        self.notes = form.notes
        # Every link of the page starts with this; reverse() once.
        self.path = reverse("search:index")
        self.query = form.cleaned_data["q"]
        self.filters = finders.Filters(language=get_language())
        self.filters.kind = form.value("kind", "")
        self.filters.province = form.value("province")
        self.filters.zone = form.value("zone")
        # A page that is not a page redirects (core.pagination): bad cursors
        # to the first page, a page number written oddly ("0", "abc", "02")
        # to the page it comes nearest, at once; a number past the end to the
        # last page, once the results are counted.
        requested = params.get("page", "").strip()
        self.page_number = nearest_page(requested, 10**MAX_DIGITS)
        cursors = [params.get(name, "").strip() for name in ("older", "newer")]
        self.older, self.newer = (Cursor.parse(text) for text in cursors)
        self.is_not_a_page = bool(
            (cursors[0] and self.older is None)
            or (cursors[1] and self.newer is None)
            or (self.older and self.newer)
            or (requested and (self.older or self.newer))
        )
        self.page_written_oddly = (
            bool(requested)
            and str(self.page_number) != requested
            and len(requested) <= MAX_DIGITS
        )

    @property
    def is_first_page(self):
        return self.page_number == 1 and self.older is None and self.newer is None

    @property
    def params(self):
        """The search's parameters, as its page links keep them."""
        query = QueryDict(mutable=True)
        query.update(
            {
                name: value
                for name, value in self._params().items()
                if value not in ("", None)
            }
        )
        return query

    def _params(self):
        return {
            "q": self.query.text,
            "kind": self.filters.kind,
            "province": self.filters.province.slug if self.filters.province else "",
            "zone": self.filters.zone.slug if self.filters.zone else "",
        }

    def url(self, **changes):
        """The URL of this search with some parameters changed (None drops one)."""
        params = self._params()
        params.update(changes)
        query_string = urlencode(
            {name: value for name, value in params.items() if value not in ("", None)}
        )
        return f"{self.path}?{query_string}"


def _zone_item(zone, terms, english):
    names = [zone.short_name, zone.name if english else zone.name_en, zone.code]
    # Why a zone was found when its names do not say: the industries that
    # hold a term, and the passage of the profile for a term found only there.
    industries = profile = ""
    # industry_text: the Chinese names, then (if any) a line of English ones.
    lines = zone.industry_text.split("\n")
    shown = [line for line in lines if match_spans(line, terms)]
    industries_in_chinese = False
    if shown:
        preferred = lines[-1] if english else lines[0]
        line = preferred if preferred in shown else shown[0]
        industries = highlight(line, terms)
        industries_in_chinese = english and line == lines[0]
    elsewhere = [
        term
        for term in terms
        if not any(match_spans(text, [term]) for text in [zone.name, *names])
        and not match_spans(zone.industry_text, [term])
    ]
    if elsewhere:
        profile = excerpt(zone.profile_text, elsewhere)
    return {
        "industries": industries,
        "industries_in_chinese": industries_in_chinese,
        "profile": profile,
        "url": zone.get_absolute_url(),
        "name": highlight(zone.display_name, terms),
        # A short name the same as the official one is not shown twice.
        "other_names": [
            highlight(name, terms)
            for name in dict.fromkeys(names)
            if name and name != zone.display_name
        ],
        "place": " ".join(
            region.display_name for region in (zone.province, zone.city) if region
        ),
        "level": zone.get_level_display(),
    }


def _project_item(project, terms, english):
    """The template's view of a found project: why it was found, where the
    titles do not say (the description's passage holding the other terms)."""
    titles = [project.title, project.title_en]
    elsewhere = [
        term for term in terms if not any(match_spans(text, [term]) for text in titles)
    ]
    other_title = project.title if english else project.title_en
    industry = project.industry
    return {
        "url": project.get_absolute_url(),
        "title": highlight(project.display_title, terms),
        "title_is_chinese": english and not project.title_en,
        "other_title": highlight(other_title, terms) if other_title else "",
        "other_title_lang": "zh-Hans" if english else "en",
        "zone": highlight(project.zone.display_name, terms),
        "zone_is_chinese": english and not project.zone.name_en,
        "industry": highlight(industry.display_name, terms) if industry else "",
        "industry_is_chinese": bool(industry) and english and not industry.name_en,
        "status": project.get_status_display(),
        "cooperation": project.get_cooperation_display(),
        "excerpt": excerpt(project.description_text, elsewhere) if elsewhere else "",
    }


def _article_item(article, terms, english):
    """The template's view of a finders.FoundArticle."""
    if article.zone_name is not None:
        origin = in_page_language(article.zone_name, article.zone_name_en, english)
    elif article.source_name is not None:
        origin = in_page_language(article.source_name, article.source_name_en, english)
    else:
        origin = ""
    return {
        "url": Article.path_for(article.pk),
        "title": highlight(article.title, terms),
        "excerpt": excerpt(article.summary, terms),
        "published_at": article.published_at,
        "origin": origin,
        "is_picture": article.kind == Article.Kind.PICTURE,
    }


def _collect(search):
    """Run the queries of one search page; return the template's results."""
    query, filters = search.query, search.filters
    per_page = finders.PAGE_SIZE
    results = {
        "zones": [],
        "projects": [],
        "articles": [],
        "zone_total": None,
        "project_total": None,
        "article_total": None,
    }
    results["is_ranked"] = True
    results["older"] = results["newer"] = None
    last_page = 1
    if filters.kind == "zones":
        offset = (search.page_number - 1) * per_page
        zone_page = finders.find_zones(query, filters, offset, per_page)
        results["zones"], results["zone_total"] = zone_page.zones, zone_page.total
        last_page = max(1, -(-zone_page.total // per_page))
    elif filters.wants_zones and search.is_first_page:
        zone_page = finders.find_zones(query, filters, 0, finders.ZONES_FIRST)
        results["zones"], results["zone_total"] = zone_page.zones, zone_page.total
    if filters.kind == "projects":
        offset = (search.page_number - 1) * per_page
        project_page = finders.find_projects(query, filters, offset, per_page)
        results["projects"] = project_page.projects
        results["project_total"] = project_page.total
        last_page = max(1, -(-project_page.total // per_page))
    elif filters.wants_projects and search.is_first_page:
        project_page = finders.find_projects(query, filters, 0, finders.PROJECTS_FIRST)
        results["projects"] = project_page.projects
        results["project_total"] = project_page.total
    if filters.wants_news:
        article_page = finders.find_articles(
            query, filters, search.page_number, search.older, search.newer
        )
        results["articles"] = article_page.articles
        results["article_total"] = article_page.total
        results["is_ranked"] = article_page.is_ranked
        results["older"], results["newer"] = article_page.older, article_page.newer
        if article_page.is_ranked:
            last_page = max(1, -(-article_page.total // per_page))
    results["last_page"] = last_page
    results["page_count"] = {
        "zones": results["zone_total"],
        "projects": results["project_total"],
    }.get(filters.kind, results["article_total"]) or 0
    return results


def _pages(search, results):
    """The pagination include's context, or the URL to redirect to when
    this page is past the last one or its cursor leads nowhere."""
    current, last = search.page_number, results["last_page"]
    paginator = Paginator(range(results["page_count"]), finders.PAGE_SIZE)
    if results["is_ranked"] or search.filters.kind in ("zones", "projects"):
        if current > last:
            return {"redirect": last}
        page = paginator.page(current)
        return {
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(
                current, on_each_side=2, on_ends=1
            ),
        }
    older, newer = results["older"], results["newer"]
    context = {"older_cursor": older, "newer_cursor": newer}
    if not search.is_first_page:
        if not results["articles"]:
            return {"redirect": 1}
        # A way back to the top of the results.
        context["page_obj"] = KeysetPage(results["articles"], paginator)
        context["page_range"] = [1, paginator.ELLIPSIS]
    return context


def _active_filters(search, kind_labels):
    """(label, URL without that filter) for each filter in use."""
    filters = search.filters
    active = []
    if filters.kind:
        active.append((kind_labels[filters.kind], search.url(kind=None)))
    if filters.province:
        active.append((filters.province.display_name, search.url(province=None)))
    if filters.zone:
        active.append((filters.zone.display_name, search.url(zone=None)))
    return active


def _province_options(provinces, chosen, english):
    """(slug, name, is_selected) for each province of the form."""
    chosen_slug = chosen.slug if chosen else None
    return [
        (
            slug,
            Region.display_name_of(name, name_en, Region.Level.PROVINCE, english),
            slug == chosen_slug,
        )
        for _pk, slug, name, name_en in provinces
    ]


@functools.cache
def _provinces_query(vendor):
    """SQL and parameters of the provinces the form lists, by code: the same
    on every request, so compiled once per process (and database vendor)."""
    provinces = (
        Region.objects.filter(level=Region.Level.PROVINCE)
        .order_by("code")
        .values_list("pk", "slug", "name", "name_en")
    )
    return provinces.query.sql_with_params()


def _provinces():
    """(pk, slug, name, name_en) of each province: tuples, as the form needs
    three columns, not 31 Region instances."""
    sql, params = _provinces_query(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def index(request):
    """Search zones, projects and news; zones whose names match come first."""
    provinces = _provinces()
    search = SearchRequest(request.GET, provinces)
    if search.is_not_a_page:
        return redirect(query_url(request, page=None, older=None, newer=None))
    if search.page_written_oddly:
        number = search.page_number
        return redirect(query_url(request, page=number if number > 1 else None))
    query = search.query
    english = is_english_page()
    kind_labels = {
        "": _("Everything"),
        "zones": _("Zones"),
        "projects": _("Investment projects"),
        "news": _("News"),
    }
    context = {
        "search": search,
        "search_query": query.text,
        "province_options": _province_options(
            provinces, search.filters.province, english
        ),
        "notes": search.notes,
        "search_max_length": MAX_QUERY_LENGTH,
        "rank_limit": finders.RANK_LIMIT,
        "breadcrumbs": [{"label": _("Search"), "url": ""}],
        "kinds": list(kind_labels.items()),
        "active_filters": _active_filters(search, kind_labels),
        "page_query": search.params,
    }
    if not query.text:
        context["examples"] = [
            {"text": text, "url": search.url(q=text, kind=None, province=None)}
            for text in EXAMPLES
        ]
    if query:
        try:
            results = finders.run_search(_collect, search)
        except finders.SearchTooBroad:
            context["too_broad"] = True
        else:
            context["results"] = results
            context["zone_items"] = [
                _zone_item(zone, query.terms, english) for zone in results["zones"]
            ]
            context["project_items"] = [
                _project_item(project, query.terms, english)
                for project in results["projects"]
            ]
            context["all_projects_url"] = search.url(kind="projects")
            context["article_items"] = [
                _article_item(article, query.terms, english)
                for article in results["articles"]
            ]
            context["all_zones_url"] = search.url(kind="zones")
            pages = _pages(search, results)
            if "redirect" in pages:
                number = pages["redirect"]
                return redirect(
                    query_url(
                        request,
                        page=number if number > 1 else None,
                        older=None,
                        newer=None,
                    )
                )
            context.update(pages)
    return render(request, "search/results.html", context)
