"""The search page: zones and news for /search/?q=…"""

import re
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.filters import ChoiceField, FilterForm, SlugChoiceField, SlugField
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

PAGE_NUMBER = re.compile(r"^[0-9]{1,6}\Z")
# Shown on the empty search page: a zone, an industry, two words, English.
EXAMPLES = ("海门", "半导体", "苏州 生物医药", "Suzhou")


class SearchForm(FilterForm):
    """The query string of a search, but for its page (see core.filters)."""

    # Parsed by clean_q into a search.terms.Query.
    q = forms.Field(required=False)
    kind = ChoiceField(
        choices=[("zones", "zones"), ("news", "news")],
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
        self.page_number = 1
        page = params.get("page", "")
        if page:
            if PAGE_NUMBER.match(page) and int(page) >= 1:
                self.page_number = int(page)
            else:
                self.notes.append(_("That page number is not valid; page 1 is shown."))
        self.older = self._cursor(params, "older")
        self.newer = self._cursor(params, "newer") if self.older is None else None

    def _cursor(self, params, name):
        text = params.get(name, "")
        if not text:
            return None
        cursor = finders.Cursor.parse(text)
        if cursor is None:
            self.notes.append(
                _("That page link is not valid; the first page is shown.")
            )
        return cursor

    @property
    def is_first_page(self):
        return self.page_number == 1 and self.older is None and self.newer is None

    def url(self, **changes):
        """The URL of this search with some parameters changed (None drops one)."""
        params = {
            "q": self.query.text,
            "kind": self.filters.kind,
            "province": self.filters.province.slug if self.filters.province else "",
            "zone": self.filters.zone.slug if self.filters.zone else "",
        }
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
        "other_names": [highlight(name, terms) for name in names if name],
        "place": " ".join(
            region.display_name for region in (zone.province, zone.city) if region
        ),
        "level": zone.get_level_display(),
    }


def _in_language(name, name_en, english):
    """Zone.display_name and Source.display_name, from the bare columns."""
    return name_en if english and name_en else name


def _article_item(article, terms, english):
    """The template's view of a finders.FoundArticle."""
    if article.zone_name is not None:
        origin = _in_language(article.zone_name, article.zone_name_en, english)
    elif article.source_name is not None:
        origin = _in_language(article.source_name, article.source_name_en, english)
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


def _page_links(current, last, url):
    """Numbered links: first, last, and two either side of the current page."""
    numbers = sorted(
        {1, last} | {n for n in range(current - 2, current + 3) if 1 <= n <= last}
    )
    links, previous = [], 0
    for number in numbers:
        if number > previous + 1:
            links.append(None)  # a gap, shown as an ellipsis
        links.append(
            {"number": number, "url": url(page=number if number > 1 else None)}
        )
        previous = number
    return links


def _collect(search):
    """Run the queries of one search page; return the template's results."""
    query, filters = search.query, search.filters
    per_page = finders.PAGE_SIZE
    results = {"zones": [], "articles": [], "zone_total": None, "article_total": None}
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
    return results


def _navigation(search, results):
    """Links to other pages of these results, and whether this page exists."""
    current, last = search.page_number, results["last_page"]
    if results["is_ranked"] or search.filters.kind == "zones":
        if current > last:
            return {"past_the_end": True}
        return {
            "page_links": _page_links(current, last, search.url) if last > 1 else [],
            "previous_url": search.url(page=current - 1 if current > 2 else None)
            if current > 1
            else None,
            "next_url": search.url(page=current + 1) if current < last else None,
        }
    older, newer = results["older"], results["newer"]
    return {
        "older_url": search.url(older=str(older)) if older else None,
        "newer_url": search.url(newer=str(newer)) if newer else None,
        "newest_url": None if search.is_first_page else search.url(),
    }


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


def index(request):
    """Search zones and news; zones whose names match come first."""
    # Tuples, not Region instances: 31 of them cost 0.2 ms more to make.
    provinces = list(
        Region.objects.filter(level=Region.Level.PROVINCE)
        .order_by("code")
        .values_list("pk", "slug", "name", "name_en")
    )
    search = SearchRequest(request.GET, provinces)
    query = search.query
    english = get_language() == "en"
    kind_labels = {"": _("Everything"), "zones": _("Zones"), "news": _("News")}
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
    }
    if not query.text:
        context["examples"] = [
            {"text": text, "url": search.url(q=text, kind=None, province=None)}
            for text in EXAMPLES
        ]
    status = 200
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
            context["article_items"] = [
                _article_item(article, query.terms, english)
                for article in results["articles"]
            ]
            context["all_zones_url"] = search.url(kind="zones")
            context.update(_navigation(search, results))
            if context.get("past_the_end"):
                status = 404
                context["first_page_url"] = search.url()
    return render(request, "search/results.html", context, status=status)
