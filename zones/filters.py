"""The query parameters of the zone directory, checked before they reach SQL.

A value that names nothing (level=foo, an unknown province) is dropped and
the reader is told so in a note; the rest of the filters still apply. See
core.filters.
"""

import re
from collections import Counter

from django import forms
from django.db.models import Case, Count, F, IntegerField, Q, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.bilingual import in_page_language, is_english_page
from core.filters import ChoiceField, FilterForm, SlugChoiceField, SlugField
from zones.extensions import directory_extensions
from zones.models import Industry, Region, Zone

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


class ZoneFilterForm(FilterForm):
    """The query string of the directory; see core.filters.

    Registered extensions (zones.extensions) add their fields after the
    directory's own and their sort orders to `sort`.
    """

    province = SlugField(label=gettext_lazy("province"))
    city = SlugField(label=gettext_lazy("city"))
    level = ChoiceField(choices=Zone.Level.choices, label=gettext_lazy("level"))
    kind = ChoiceField(choices=Zone.Kind.choices, label=gettext_lazy("kind of zone"))
    industry = SlugChoiceField(Industry.objects.all(), label=gettext_lazy("industry"))
    # Cleaned by clean_q: control characters are removed, not refused.
    q = forms.Field(required=False)
    sort = ChoiceField(
        choices=[(value, value) for value in SORTS], label=gettext_lazy("sort order")
    )

    def __init__(self, params, extensions=()):
        self.extensions = extensions
        super().__init__(params)

    def add_fields(self):
        sorts = list(SORTS)
        for extension in self.extensions:
            self.fields.update(extension.fields())
            sorts += [value for value, _label in extension.sorts()]
        self.fields["sort"].choices = [(value, value) for value in sorts]

    def clean_q(self):
        value = CONTROL_CHARACTERS.sub("", self.data.get("q", "").strip())
        if len(value) > QUERY_MAX_LENGTH:
            self.remarks["q"].append(
                _("The search was cut to its first %(count)d characters.")
                % {"count": QUERY_MAX_LENGTH}
            )
            value = value[:QUERY_MAX_LENGTH]
        return value.strip()

    def clean(self):
        return clean_province_and_city(self, super().clean())


def clean_province_and_city(form, data):
    """Resolve the `province` and `city` slugs of a FilterForm's cleaned
    `data` to regions, in one query, and return `data`.

    An unknown slug, or one of the wrong level, is noted and dropped; a city
    outside the chosen province is dropped with a note that says so.
    """
    wanted = [data[name] for name in ("province", "city") if data.get(name)]
    found = {}
    if wanted:
        found = {
            region.slug: region for region in Region.objects.filter(slug__in=wanted)
        }
    province = found.get(data.get("province"))
    if province is not None and province.level != Region.Level.PROVINCE:
        province = None
    city = found.get(data.get("city"))
    # A municipality acts as its own city (北京's zones have 北京 as city).
    if city is not None and not (
        city.level == Region.Level.CITY or city.is_municipality
    ):
        city = None
    for name, region in (("province", province), ("city", city)):
        if region is not None:
            data[name] = region
        elif data.get(name):
            form.add_error(name, "")
    if province and city and not city.is_within(province):
        form.drop(
            "city",
            city_outside_note(city, province),
            city_outside_refusal(city, province),
        )
    return data


def city_outside_note(city, province):
    return _("%(city)s is not in %(province)s, so the city filter was ignored.") % {
        "city": city.display_name,
        "province": province.display_name,
    }


def city_outside_refusal(city, province):
    return _("%(city)s is not in %(province)s.") % {
        "city": city.display_name,
        "province": province.display_name,
    }


class ZoneFilters:
    """The filters of one request to the directory.

    Attributes hold what the parameters name (None or "" when absent or
    ignored); `notes` holds one sentence per ignored parameter.
    """

    def __init__(self, params):
        self.extensions = directory_extensions()
        self.form = form = ZoneFilterForm(params, self.extensions)
        for extension in self.extensions:
            extension.bind(form)
        self.notes = form.notes
        self.province = form.value("province")
        self.city = form.value("city")
        self.level = form.value("level", "")
        self.kind = form.value("kind", "")
        self.industry = form.value("industry")
        self.q = form.value("q", "")
        self.sort = form.value("sort", DEFAULT_SORT)

    def apply(self, queryset, skip=()):
        """Filter `queryset` by every filter except those named in `skip`."""
        if self.province and "province" not in skip:
            queryset = queryset.filter(province=self.province)
        if self.city and "city" not in skip:
            queryset = queryset.filter(city=self.city)
        if self.level and "level" not in skip:
            queryset = queryset.filter(level=self.level)
        if self.kind and "kind" not in skip:
            queryset = queryset.filter(kind=self.kind)
        if self.industry and "industry" not in skip:
            queryset = queryset.filter(zoneindustry__tag=self.industry)
        if self.q:
            queryset = queryset.filter(
                Q(name__icontains=self.q)
                | Q(short_name__icontains=self.q)
                | Q(name_en__icontains=self.q)
                | Q(code__iexact=self.q)
            )
        for extension in self.extensions:
            queryset = extension.apply(queryset, skip)
        return queryset

    def order(self, queryset):
        """`queryset` in the chosen order (a figure's, from an extension)."""
        if self.sort in SORTS:
            return queryset.order_by(*SORTS[self.sort])
        for extension in self.extensions:
            if any(value == self.sort for value, _label in extension.sorts()):
                return extension.order(queryset, self.sort)
        return queryset.order_by(*SORTS[DEFAULT_SORT])

    def sort_choices(self):
        choices = sort_choices()
        for extension in self.extensions:
            choices += extension.sorts()
        return choices

    def extension_facets(self, zones):
        """The extensions' selects, counted like the directory's filters."""
        return [
            select
            for extension in self.extensions
            for select in extension.facets(self, zones)
        ]

    def prepare_cards(self, zones):
        for zone in zones:
            zone.card_extras = []
        for extension in self.extensions:
            extension.prepare_cards(zones)

    def facets(self, zones):
        """Counts per value of each filter, each counted with the other
        filters applied: four queries, whatever the page size.

        Options are (value, label, count, is_selected) tuples; cities come
        as (province label, options) groups; `total` is the number of zones
        that pass every filter. Province with city and level with kind are
        counted in one query a pair, and rows are read as tuples and labelled
        here rather than as some 240 model instances from one query a
        filter, which made the facets the directory's largest cost.
        """
        english = is_english_page()
        chosen = {
            "province": self.province.pk if self.province else None,
            "city": self.city.pk if self.city else None,
            "level": self.level or None,
            "kind": self.kind or None,
        }
        provinces, cities, _total = self._paired_counts(
            zones, "province", "city", chosen
        )
        levels, kinds, total = self._paired_counts(zones, "level", "kind", chosen)
        province_options, city_groups = [], []
        group_id = None
        for (
            pk,
            slug,
            name,
            name_en,
            level,
            parent_id,
            parent_name,
            parent_name_en,
            parent_level,
        ) in (
            Region.objects.filter(pk__in=[*provinces, *cities])
            .order_by("code")
            .values_list(
                "pk",
                "slug",
                "name",
                "name_en",
                "level",
                "parent",
                "parent__name",
                "parent__name_en",
                "parent__level",
            )
        ):
            label = Region.display_name_of(name, name_en, level, english)
            if pk in provinces:
                province_options.append(
                    (slug, label, provinces[pk], pk == chosen["province"])
                )
            if pk not in cities:
                continue
            # Group cities under their province; a municipality is its own group.
            if parent_id is None:
                parent_id, group_label = pk, label
            else:
                group_label = Region.display_name_of(
                    parent_name, parent_name_en, parent_level, english
                )
            if parent_id != group_id:
                group_id = parent_id
                city_groups.append((group_label, []))
            city_groups[-1][1].append((slug, label, cities[pk], pk == chosen["city"]))
        industries = (
            Industry.objects.filter(
                zone_links__content_object__in=self.apply(zones, skip=("industry",))
            )
            .values_list("slug", "name", "name_en")
            .annotate(
                zone_count=Count("zone_links"),
                # The chosen industry stays in the list even when it is rare.
                is_chosen=Case(
                    When(pk=self.industry.pk if self.industry else 0, then=1),
                    default=0,
                    output_field=IntegerField(),
                ),
            )
            .order_by("-is_chosen", "-zone_count", "name")[:INDUSTRY_CHOICES]
        )
        return {
            "total": total,
            "province": province_options,
            "city": city_groups,
            "level": [
                (value, Zone.level_name(value), levels[value], value == self.level)
                for value in Zone.Level.values
                if value in levels
            ],
            "kind": [
                (value, Zone.kind_name(value), kinds[value], value == self.kind)
                for value in Zone.Kind.values
                if value in kinds
            ],
            "industry": [
                (
                    slug,
                    in_page_language(name, name_en, english),
                    count,
                    bool(is_chosen),
                    english and not name_en,  # shown in Chinese on an English page
                )
                for slug, name, name_en, count, is_chosen in sorted(
                    industries, key=lambda row: (-row[3], row[1])
                )
            ],
        }

    def _paired_counts(self, zones, first, second, chosen):
        """Counts per value of two filters, from one query.

        The zones that pass every other filter are grouped by both fields; a
        value's count adds up the rows whose other field the other filter
        allows (`chosen` maps each filter to its value, or None). The rows
        that both filters allow add up to the zones that pass every filter.
        """
        firsts, seconds, total = Counter(), Counter(), 0
        for a, b, count in (
            self.apply(zones, skip=(first, second))
            .order_by()
            .values_list(first, second)
            .annotate(count=Count("pk"))
        ):
            allows_a = chosen[first] is None or a == chosen[first]
            allows_b = chosen[second] is None or b == chosen[second]
            if allows_b and a is not None:
                firsts[a] += count
            if allows_a and b is not None:
                seconds[b] += count
            if allows_a and allows_b:
                total += count
        return firsts, seconds, total

    def active(self):
        """The filters in use, as (parameter, label) pairs, for removal links."""
        pairs = [
            ("province", self.province and self.province.display_name),
            ("city", self.city and self.city.display_name),
            ("level", self.level and Zone.level_name(self.level)),
            ("kind", self.kind and Zone.kind_name(self.kind)),
            ("industry", self.industry and self.industry.display_name),
            ("q", self.q and _("“%(text)s”") % {"text": self.q}),
        ]
        for extension in self.extensions:
            pairs += extension.active()
        return [(name, label) for name, label in pairs if label]
