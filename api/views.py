"""The open-data API: read-only lists and details of what the site shows.

Each view starts from the same visibility queryset as the public pages
(`published()` of news, zones and projects; facts of published zones) and
reads its filters through the same forms, strictly (api.filters). Lists are
cursor-paged (api.pagination); answers get an ETag and a Cache-Control
header from the site's middleware (core.http_cache), like public pages.
"""

from collections import defaultdict
from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework import viewsets
from rest_framework.decorators import api_view, schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.reverse import reverse
from taggit.models import TaggedItem

from api import serializers
from api.filters import (
    FigureFilterForm,
    IncentiveFilterForm,
    LanguageForm,
    RegionFilterForm,
    check,
    parameters,
)
from api.pagination import DateIdKeyset, IdKeyset, KeysetPagination
from facts.models import Fact, Incentive
from news.filters import ArticleFilterForm, ArticleFilters
from news.models import Article
from projects.filters import ProjectFilterForm, ProjectFilters
from projects.models import Project
from zones.extensions import directory_extensions
from zones.filters import ZoneFilterForm, ZoneFilters
from zones.models import Region, Zone

ID = OpenApiParameter(
    "id",
    {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
    OpenApiParameter.PATH,
)
SLUG = OpenApiParameter(
    "slug",
    {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$", "maxLength": 200},
    OpenApiParameter.PATH,
)
# Larger ids cannot be rows (bigint); answered 404 before any query.
MAX_ID = 2**63 - 1


def activate_client_language(request):
    """Speak the client's Accept-Language (Chinese without one) in messages.

    The API has one address for both languages, so the site's URL prefix
    cannot choose; the language cookie is not read, as answers do not vary
    by cookie. Data is bilingual whatever the language (api.serializers).
    """
    headers_only = SimpleNamespace(COOKIES={}, META=request.META, path_info="/")
    translation.activate(
        translation.get_language_from_request(headers_only, check_path=False)
    )


def attach_tag_names(rows):
    """Give each row `tag_names`, its tags' names sorted, in one query.

    Cheaper than prefetch_related("tags"), which has taggit build and
    discard a filtered queryset for every row (most of a 100-row page's
    time). The content type is a subquery, so the count never depends on
    Django's content-type cache.
    """
    if not rows:
        return rows
    model = type(rows[0])
    content_type = ContentType.objects.filter(
        app_label=model._meta.app_label, model=model._meta.model_name
    ).values("pk")[:1]
    names = defaultdict(list)
    for object_id, name in TaggedItem.objects.filter(
        content_type_id=Subquery(content_type),
        object_id__in=[row.pk for row in rows],
    ).values_list("object_id", "tag__name"):
        names[object_id].append(name)
    for row in rows:
        row.tag_names = sorted(names[row.pk])
    return rows


def allow_any_origin(response):
    """Let scripts on any site read the answer (CORS): the data is public
    and no answer depends on cookies or credentials, which are not sent."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


class Without:
    """Query parameters less some names, read through to the original.

    Not a copy: the page cache notes which parameters a view read from the
    original (core.cache.uses_every_parameter) before it stores an answer.
    """

    def __init__(self, params, *names):
        self.params = params
        self.names = names

    def get(self, key, default=None):
        return default if key in self.names else self.params.get(key, default)

    def getlist(self, key, default=None):
        return [] if key in self.names else self.params.getlist(key, default)

    def __contains__(self, key):
        return key not in self.names and key in self.params

    def __getitem__(self, key):
        if key in self.names:
            raise KeyError(key)
        return self.params[key]

    def __iter__(self):
        return (key for key in self.params if key not in self.names)


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = KeysetPagination
    keyset = IdKeyset()
    detail_serializer_class = None
    # Lists whose rows show their tags (attach_tag_names).
    list_has_tags = False

    def initial(self, request, *args, **kwargs):
        activate_client_language(request)
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        return allow_any_origin(
            super().finalize_response(request, response, *args, **kwargs)
        )

    def paginate_queryset(self, queryset):
        rows = super().paginate_queryset(queryset)
        if self.list_has_tags:
            attach_tag_names(rows)
        return rows

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.serializer_class

    def get_object(self):
        try:
            if self.lookup_field == "pk" and int(self.kwargs["pk"]) > MAX_ID:
                raise Http404
            return super().get_object()
        except Http404:
            # Not Django's "No Article matches the given query.", in English.
            name = self.get_queryset().model._meta.verbose_name
            raise NotFound(
                _("There is no public %(object)s at this address.") % {"object": name}
            ) from None


@extend_schema_view(
    list=extend_schema(
        summary="Regions",
        description="Provinces, prefecture-level cities and counties with "
        "their GB/T 2260 codes, in id order.",
        parameters=parameters(
            RegionFilterForm, {"parent": "Slug of the region above (a province)."}
        ),
    ),
    retrieve=extend_schema(summary="A region", parameters=[SLUG]),
)
class RegionViewSet(ReadOnlyViewSet):
    serializer_class = serializers.RegionSerializer
    lookup_field = "slug"
    lookup_value_regex = r"[-\w]+"

    def get_queryset(self):
        regions = Region.objects.select_related("parent").only(
            "slug", "code", "name", "name_en", "level", "parent__slug"
        )
        if self.action == "list":
            form = RegionFilterForm(self.request.query_params)
            check(form)
            if form.value("level"):
                regions = regions.filter(level=form.value("level"))
            if form.value("parent"):
                regions = regions.filter(parent=form.value("parent"))
        return regions


def zone_parameters():
    # The directory's filters from the apps above zones (facts: figures
    # reported, incentive kind); their fields need no query to build.
    extra_fields = {
        name: field
        for extension in directory_extensions()
        for name, field in extension.fields().items()
    }
    return parameters(
        ZoneFilterForm,
        {
            "province": "Province slug (regions with level=province).",
            "city": "City slug, within the province if one is given.",
            "industry": "Industry slug, as in a zone's `industries`.",
            "q": "Text in the zone's names, or its catalogue code.",
            "figures": "`with`: zones that reported figures; `without`: none.",
            "incentive": "Zones with an incentive of this kind in force.",
        },
        exclude=("sort",),
        extra_fields=extra_fields,
    )


@extend_schema_view(
    list=extend_schema(
        summary="Development zones",
        description="Published zones of the official catalogue with their "
        "leading industries, in id order. The filters are the zone "
        "directory's.",
        parameters=zone_parameters(),
    ),
    retrieve=extend_schema(
        summary="A development zone",
        description="Adds the profile (sanitised HTML), contacts, pictures and parks.",
        parameters=[SLUG],
    ),
)
class ZoneViewSet(ReadOnlyViewSet):
    serializer_class = serializers.ZoneSerializer
    detail_serializer_class = serializers.ZoneDetailSerializer
    lookup_field = "slug"
    lookup_value_regex = r"[-\w]+"

    def get_queryset(self):
        zones = Zone.objects.published().with_regions().with_industries()
        if self.action == "list":
            # The directory's sort orders are pages of a name order; the API
            # pages by id, so the parameter has no meaning here.
            filters = ZoneFilters(Without(self.request.query_params, "sort"))
            check(filters.form)
            # One industry a filter, linked once per zone: no duplicate rows.
            zones = filters.apply(zones)
            return zones.defer("profile", "profile_en", "profile_text", "industry_text")
        return zones.prefetch_related("parks")


def article_parameters():
    return parameters(LanguageForm) + parameters(
        ArticleFilterForm,
        {
            "channel": "Channel slug.",
            "province": "Province slug: articles of it and the regions below.",
            "city": "City or county slug.",
            "zone": "Zone slug: its own articles and those naming it.",
            "tag": "Tag slug.",
            "year": "Year published (site time, Asia/Shanghai).",
            "month": "Month published; needs `year`.",
        },
    )


@extend_schema_view(
    list=extend_schema(
        summary="News articles",
        description="Published articles, newest first: the site's visibility "
        "rule, so drafts, articles awaiting review, scheduled ones and those "
        "in the recycle bin are never listed. The filters are the news "
        "list's; without `language` both languages are listed.",
        parameters=article_parameters(),
    ),
    retrieve=extend_schema(
        summary="A news article",
        description="Adds the body (sanitised HTML), the gallery and the "
        "other zones the article concerns. Articles readers cannot see "
        "answer 404.",
        parameters=[ID],
    ),
)
class ArticleViewSet(ReadOnlyViewSet):
    serializer_class = serializers.ArticleSerializer
    detail_serializer_class = serializers.ArticleDetailSerializer
    keyset = DateIdKeyset()
    list_has_tags = True
    lookup_value_regex = r"[0-9]{1,30}"

    def get_queryset(self):
        articles = Article.objects.published().select_related("source", "zone")
        if self.action == "list":
            language = LanguageForm(self.request.query_params)
            filters = ArticleFilters(self.request.query_params)
            check(language, filters.form)
            if language.value("language"):
                articles = articles.filter(language=language.value("language"))
            articles = filters.apply(articles)
            return articles.only(
                *LIST_FIELDS,
                "source__name", "source__name_en", "source__website",
                "zone__slug", "zone__name", "zone__name_en", "zone__is_published",
            ).prefetch_related("channel", "region")  # fmt: skip
        return articles.select_related("channel", "region").prefetch_related(
            "tags",
            "images",
            Prefetch(
                "related_zones",
                queryset=Zone.objects.published().only(
                    "slug", "name", "name_en", "is_published"
                ),
            ),
        )


LIST_FIELDS = (
    "id", "title", "subtitle", "summary", "language", "kind", "published_at",
    "cover", "cover_alt", "cover_renditions", "channel", "region", "zone",
    "source",
)  # fmt: skip


@extend_schema_view(
    list=extend_schema(
        summary="Investment projects",
        description="Published projects of published zones, newest first; "
        "projects past their valid-until date leave the list as they leave "
        "the site's. The filters are the project list's.",
        parameters=parameters(
            ProjectFilterForm,
            {
                "province": "Province slug.",
                "city": "City slug (a municipality is its own city).",
                "zone": "Zone slug.",
                "industry": "Industry slug.",
                "investment": "Range of the total investment in yuan. Amounts "
                "in other currencies are not converted: such projects, and "
                "those without an amount, are in no range.",
            },
        ),
    ),
    retrieve=extend_schema(
        summary="An investment project",
        description="An expired project keeps its detail, with "
        "`is_open` false, as its page says it is closed; an unpublished one "
        "answers 404.",
        parameters=[ID],
    ),
)
class ProjectViewSet(ReadOnlyViewSet):
    serializer_class = serializers.ProjectSerializer
    detail_serializer_class = serializers.ProjectDetailSerializer
    keyset = IdKeyset(descending=True)
    list_has_tags = True
    lookup_value_regex = r"[0-9]{1,30}"

    def get_queryset(self):
        related = ("zone", "industry")
        if self.action == "list":
            filters = ProjectFilters(self.request.query_params)
            check(filters.form)
            projects = filters.apply(Project.objects.published())
            return projects.select_related(*related).defer(
                "description", "description_en", "description_text", "zone__profile",
                "zone__profile_en", "zone__profile_text",
            )  # fmt: skip
        return Project.objects.live().select_related(*related).prefetch_related("tags")


@extend_schema_view(
    list=extend_schema(
        summary="Zone figures",
        description="Dated, sourced figures of published zones (GDP, land "
        "prices, wages, MOFCOM ranks…), each as published with the number "
        "read from it, as the zone profiles show them; `is_verified` says an "
        "editor checked it, as the profile's badge does. In id order.",
        parameters=parameters(
            FigureFilterForm,
            {
                "zone": "Zone slug.",
                "indicator": "Indicator code, as in `indicator.code`.",
                "year": "The year the figure describes.",
            },
        ),
    ),
    retrieve=extend_schema(summary="A zone figure", parameters=[ID]),
)
class FigureViewSet(ReadOnlyViewSet):
    serializer_class = serializers.FigureSerializer
    lookup_value_regex = r"[0-9]{1,30}"

    def get_queryset(self):
        facts = Fact.objects.public().select_related("zone", "indicator")
        if self.action == "list":
            form = FigureFilterForm(self.request.query_params)
            check(form)
            lookups = {
                "zone": "zone",
                "indicator": "indicator",
                "category": "indicator__category",
                "year": "year",
            }
            for name, lookup in lookups.items():
                if form.value(name):
                    facts = facts.filter(**{lookup: form.value(name)})
        return facts.defer(
            "zone__profile", "zone__profile_en", "zone__profile_text", "note"
        )


def public_incentives():
    """Incentives a zone profile can show: those of a published zone, and
    those of a region some published zone lies in."""
    in_region = Zone.objects.published().filter(
        Q(province=OuterRef("region"))
        | Q(city=OuterRef("region"))
        | Q(county=OuterRef("region"))
    )
    return Incentive.objects.alias(has_zone=Exists(in_region)).filter(
        Q(zone__is_published=True) | Q(region__isnull=False, has_zone=True)
    )


@extend_schema_view(
    list=extend_schema(
        summary="Incentives",
        description="Policy documents offering investors something, of a zone "
        "or of a region (then they apply to every zone in it). Expired ones "
        "are left out unless `expired=true`, as on the zone profiles. In id "
        "order.",
        parameters=parameters(
            IncentiveFilterForm,
            {
                "zone": "Zone slug: what its profile shows, its own incentives "
                "and those of the regions it lies in.",
                "region": "Region slug: incentives issued for that region.",
                "expired": "Include expired incentives (default false).",
            },
        ),
    ),
    retrieve=extend_schema(summary="An incentive", parameters=[ID]),
)
class IncentiveViewSet(ReadOnlyViewSet):
    serializer_class = serializers.IncentiveSerializer
    lookup_value_regex = r"[0-9]{1,30}"

    def get_queryset(self):
        incentives = public_incentives().select_related("zone", "region")
        if self.action == "list":
            form = IncentiveFilterForm(self.request.query_params)
            check(form)
            if not form.value("expired"):
                incentives = incentives.current()
            zone = form.value("zone")
            if zone is not None:
                incentives = incentives.for_zone(zone)
            for name in ("region", "kind", "status"):
                if form.value(name):
                    incentives = incentives.filter(**{name: form.value(name)})
        return incentives.defer(
            "note", "zone__profile", "zone__profile_en", "zone__profile_text"
        )


@extend_schema(exclude=True)
@api_view(["GET"])
def root(request):
    """Links to every list, the schema and the documentation."""
    names = ("region", "zone", "article", "project", "figure", "incentive")
    links = {f"{name}s": reverse(f"api:{name}-list", request=request) for name in names}
    links["schema"] = reverse("api:schema", request=request)
    links["docs"] = reverse("api:docs", request=request)
    # The open data page states each dataset's sources and licence.
    with translation.override(settings.LANGUAGE_CODE):
        links["licence_and_sources"] = reverse("data", request=request)
    return Response(links)


@extend_schema(exclude=True)
@api_view(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"])
@schema(None)
def not_found(request, path=""):
    """Any other address under /api/v1/: a JSON 404, not the site's page."""
    activate_client_language(request)
    raise NotFound(_("There is nothing at this address of the API."))


class SchemaView(SpectacularJSONAPIView):
    """The OpenAPI schema in English, as its descriptions are written,
    whatever the client's language (`?lang=zh-hans`: Chinese field titles)."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        with translation.override("en"):
            return allow_any_origin(super().get(request, *args, **kwargs))


def docs(request):
    """Swagger UI over the schema, from the sidecar's files: no CDN, and no
    inline script or style, so it runs under a strict Content-Security-Policy."""
    activate_client_language(request)
    return render(request, "api/docs.html", {"schema_url": reverse("api:schema")})
