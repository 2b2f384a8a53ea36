"""The query parameters of the zone directory, checked before they reach SQL.

A value that names nothing (level=foo, an unknown province) is dropped and
the reader is told so in a note; the rest of the filters still apply. Slugs
are matched against a pattern first, so stray bytes (PostgreSQL refuses NUL
in a query) never reach the database.
"""

import re

from django.db.models import Case, Count, F, IntegerField, Q, When
from django.utils.translation import gettext as _

from zones.models import Industry, Region, Zone

ASCII_SLUG = re.compile(r"^[-a-z0-9]{1,100}\Z")
# Industry slugs keep their Chinese characters (装备制造).
UNICODE_SLUG = re.compile(r"^[-\w]{1,100}\Z")
QUERY_MAX_LENGTH = 100
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# The industry list of the filter shows the most common ones; there are
# over a thousand in the catalogue.
INDUSTRY_CHOICES = 40

SORTS = {
    # Pinyin order: the English names start with the pinyin of the place.
    "name": ("name_en", "name", "pk"),
    "-approved": (F("approved_on").desc(nulls_last=True), "name_en", "pk"),
    "-area": (F("area_hectares").desc(nulls_last=True), "name_en", "pk"),
}
DEFAULT_SORT = "name"


def sort_choices():
    return [
        ("name", _("Name")),
        ("-approved", _("Newest approval first")),
        ("-area", _("Largest area first")),
    ]


class ZoneFilters:
    """The filters of one request to the directory.

    Attributes hold what the parameters name (None or "" when absent or
    ignored); `notes` holds one sentence per ignored parameter.
    """

    PARAMETERS = ("province", "city", "level", "kind", "industry", "q", "sort")

    def __init__(self, params):
        self.notes = []
        self.raw = {name: params.get(name, "").strip() for name in self.PARAMETERS}
        self.province, self.city = self._regions()
        self.level = self._choice("level", Zone.Level.values, _("level"))
        self.kind = self._choice("kind", Zone.Kind.values, _("kind of zone"))
        self.industry = self._industry()
        self.q = self._query()
        self.sort = self._choice("sort", SORTS, _("sort order")) or DEFAULT_SORT

    def _ignore(self, label, value):
        self.notes.append(
            _("There is no %(filter)s “%(value)s”, so that filter was ignored.")
            % {"filter": label, "value": value}
        )

    def _regions(self):
        """Look up the province and city slugs, in one query."""
        wanted = {
            name: self.raw[name]
            for name in ("province", "city")
            if self.raw[name] and ASCII_SLUG.match(self.raw[name])
        }
        found = {}
        if wanted:
            found = {
                region.slug: region
                for region in Region.objects.filter(slug__in=wanted.values())
            }
        province = found.get(wanted.get("province"))
        if province is not None and province.level != Region.Level.PROVINCE:
            province = None
        city = found.get(wanted.get("city"))
        # A municipality acts as its own city (北京's zones have 北京 as city).
        if city is not None and not (
            city.level == Region.Level.CITY or city.is_municipality
        ):
            city = None
        if self.raw["province"] and province is None:
            self._ignore(_("province"), self.raw["province"])
        if self.raw["city"] and city is None:
            self._ignore(_("city"), self.raw["city"])
        return province, city

    def _choice(self, name, allowed, label):
        value = self.raw[name]
        if not value:
            return ""
        if value in allowed:
            return value
        self._ignore(label, value)
        return ""

    def _industry(self):
        value = self.raw["industry"]
        if not value:
            return None
        found = None
        if UNICODE_SLUG.match(value):
            found = Industry.objects.filter(slug=value).first()
        if found is None:
            self._ignore(_("industry"), value)
        return found

    def _query(self):
        value = CONTROL_CHARACTERS.sub("", self.raw["q"])
        if len(value) > QUERY_MAX_LENGTH:
            self.notes.append(
                _("The search was cut to its first %(count)d characters.")
                % {"count": QUERY_MAX_LENGTH}
            )
            value = value[:QUERY_MAX_LENGTH]
        return value.strip()

    def apply(self, queryset, skip=None):
        """Filter `queryset` by every filter except the one named `skip`."""
        if self.province and skip != "province":
            queryset = queryset.filter(province=self.province)
        if self.city and skip != "city":
            queryset = queryset.filter(city=self.city)
        if self.level and skip != "level":
            queryset = queryset.filter(level=self.level)
        if self.kind and skip != "kind":
            queryset = queryset.filter(kind=self.kind)
        if self.industry and skip != "industry":
            queryset = queryset.filter(zoneindustry__tag=self.industry)
        if self.q:
            queryset = queryset.filter(
                Q(name__icontains=self.q)
                | Q(short_name__icontains=self.q)
                | Q(name_en__icontains=self.q)
                | Q(code__iexact=self.q)
            )
        return queryset

    @property
    def ordering(self):
        return SORTS[self.sort]

    def facets(self, zones):
        """Counts per value of each filter, each counted with the other
        filters applied: five queries, whatever the page size."""
        provinces = (
            Region.objects.filter(province_zones__in=self.apply(zones, "province"))
            .annotate(zone_count=Count("province_zones"))
            .order_by("code")
        )
        cities = (
            Region.objects.filter(city_zones__in=self.apply(zones, "city"))
            .annotate(zone_count=Count("city_zones"))
            .select_related("parent")
            .order_by("code")
        )
        levels = dict(
            self.apply(zones, "level")
            .order_by()
            .values_list("level")
            .annotate(count=Count("pk"))
        )
        kinds = dict(
            self.apply(zones, "kind")
            .order_by()
            .values_list("kind")
            .annotate(count=Count("pk"))
        )
        selected_industry = self.industry.pk if self.industry else 0
        industries = (
            Industry.objects.filter(
                zone_links__content_object__in=self.apply(zones, "industry")
            )
            .annotate(
                zone_count=Count("zone_links"),
                # The chosen industry stays in the list even when it is rare.
                is_chosen=Case(
                    When(pk=selected_industry, then=1),
                    default=0,
                    output_field=IntegerField(),
                ),
            )
            .order_by("-is_chosen", "-zone_count", "name")[:INDUSTRY_CHOICES]
        )
        city_groups = []
        for city in cities:
            # Group cities under their province; a municipality is its own group.
            group = city.parent or city
            if not city_groups or city_groups[-1][0] != group:
                city_groups.append((group, []))
            city_groups[-1][1].append(city)
        return {
            "province": list(provinces),
            "city": city_groups,
            "level": [
                (value, Zone.level_name(value), levels[value])
                for value in Zone.Level.values
                if value in levels
            ],
            "kind": [
                (value, Zone.kind_name(value), kinds[value])
                for value in Zone.Kind.values
                if value in kinds
            ],
            "industry": sorted(
                industries, key=lambda item: (-item.zone_count, item.name)
            ),
        }

    def active(self):
        """The filters in use, as (parameter, label) pairs, for removal links."""
        pairs = [
            ("province", self.province and self.province.display_name),
            ("city", self.city and self.city.display_name),
            ("level", self.level and Zone.level_name(self.level)),
            ("kind", self.kind and Zone.kind_name(self.kind)),
            ("industry", self.industry and self.industry.name),
            ("q", self.q and _("“%(text)s”") % {"text": self.q}),
        ]
        return [(name, label) for name, label in pairs if label]
