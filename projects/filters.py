"""The query parameters of the project list, checked before they reach SQL.

A value that names nothing is dropped with a note (see core.filters); the
other filters still apply.

Investment ranges apply to amounts in yuan only. Projects are priced in
yuan, US dollars or euros; converting would mean choosing an exchange rate
and a day for it, numbers nobody entered. So a range is a range of yuan,
the filter says so, and a project priced in another currency (or without
an amount) is outside every range. For the same reason the sort by
investment puts amounts in yuan first, largest first, then the other
currencies' amounts by currency, then projects without an amount.
"""

from collections import Counter
from decimal import Decimal

from django.db.models import Case, CharField, Count, F, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy

from core.bilingual import in_page_language, is_english_page
from core.filters import ChoiceField, FilterForm, SlugChoiceField, SlugField
from projects.models import Project
from zones.filters import clean_province_and_city
from zones.models import Industry, Region, Zone

FILTERS = (
    "province",
    "city",
    "zone",
    "industry",
    "cooperation",
    "investment",
    "status",
)

# Investment ranges: (value, label, lowest, highest) in millions of yuan
# (Project.investment's unit), the lowest included and the highest not.
# The values are those of the inquiry form's planned investment.
INVESTMENT_RANGES = (
    ("under-10m", gettext_lazy("under CNY 10 million"), None, 10),
    ("10m-100m", gettext_lazy("CNY 10 to 100 million"), 10, 100),
    ("100m-1b", gettext_lazy("CNY 100 million to 1 billion"), 100, 1000),
    ("over-1b", gettext_lazy("CNY 1 billion and more"), 1000, None),
)
RANGES = {value: (low, high) for value, _label, low, high in INVESTMENT_RANGES}
YUAN = Project.Currency.CNY

SORTS = {
    "newest": ("-created_at", "-pk"),
    "investment": (
        # Yuan first, then other currencies, then no amount (see above).
        Case(
            When(investment__isnull=True, then=Value(2)),
            When(currency=YUAN, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ),
        "currency",
        F("investment").desc(),
        "-created_at",
        "-pk",
    ),
}
DEFAULT_SORT = "newest"


def sort_choices():
    return [
        ("newest", gettext_lazy("Newest first")),
        ("investment", gettext_lazy("Largest investment first")),
    ]


def _range_condition(value):
    low, high = RANGES[value]
    condition = Q(currency=YUAN, investment__isnull=False)
    if low is not None:
        condition &= Q(investment__gte=Decimal(low))
    if high is not None:
        condition &= Q(investment__lt=Decimal(high))
    return condition


class ProjectFilterForm(FilterForm):
    province = SlugField(label=gettext_lazy("province"))
    city = SlugField(label=gettext_lazy("city"))
    zone = SlugChoiceField(Zone.objects.published(), label=gettext_lazy("zone"))
    industry = SlugChoiceField(Industry.objects.all(), label=gettext_lazy("industry"))
    cooperation = ChoiceField(
        choices=Project.Cooperation.choices, label=gettext_lazy("kind of cooperation")
    )
    investment = ChoiceField(
        choices=[(value, label) for value, label, _low, _high in INVESTMENT_RANGES],
        label=gettext_lazy("investment range"),
    )
    status = ChoiceField(choices=Project.Status.choices, label=gettext_lazy("status"))

    def clean(self):
        return clean_province_and_city(self, super().clean())


class ProjectPageForm(ProjectFilterForm):
    """The list page's query string: the filters and the order. (The API
    has the filters only: its pages follow ids.)"""

    sort = ChoiceField(
        choices=[(value, value) for value in SORTS], label=gettext_lazy("sort order")
    )


class ProjectFilters:
    """The filters of one request to the project list (or the API's)."""

    def __init__(self, params, form_class=ProjectFilterForm):
        self.form = form = form_class(params)
        self.notes = form.notes
        self.values = {name: form.value(name) for name in FILTERS}
        self.sort = form.value("sort", DEFAULT_SORT)

    @property
    def ordering(self):
        return SORTS[self.sort]

    def apply(self, queryset, skip=None):
        lookups = {
            "province": "zone__province",
            "city": "zone__city",
            "zone": "zone",
            "industry": "industry",
            "cooperation": "cooperation",
            "status": "status",
        }
        for name, lookup in lookups.items():
            value = self.values[name]
            if value and name != skip:
                queryset = queryset.filter(**{lookup: value})
        if self.values["investment"] and skip != "investment":
            queryset = queryset.filter(_range_condition(self.values["investment"]))
        return queryset

    def _selected(self, name):
        value = self.values[name]
        if value is None:
            return None
        return getattr(value, "slug", value)

    def facets(self, projects):
        """Counts per value of each filter, each with the other filters
        applied: one query a filter, whatever the page size.

        Options are (value, label, count, is_selected) tuples; cities come
        as (province label, options) groups, as in the zone directory.
        """
        english = is_english_page()
        facets = {}
        named = {
            "province": (
                "zone__province__slug",
                "zone__province__name",
                "zone__province__name_en",
            ),
            "zone": ("zone__slug", "zone__name", "zone__name_en"),
            "industry": ("industry__slug", "industry__name", "industry__name_en"),
        }
        for name, (slug, chinese, english_name) in named.items():
            rows = (
                self.apply(projects, skip=name)
                .filter(**{f"{slug}__isnull": False})
                .values_list(slug, chinese, english_name)
                .annotate(count=Count("pk"))
                .order_by(slug)
            )
            selected = self._selected(name)
            options = [
                (value, in_page_language(label, label_en, english), count,
                 value == selected)
                for value, label, label_en, count in rows
            ]  # fmt: skip
            if name == "province":
                options = [
                    (value, Region.short_name_of(label, Region.Level.PROVINCE)
                     if not english else label, count, is_selected)
                    for value, label, count, is_selected in options
                ]  # fmt: skip
            facets[name] = sorted(options, key=lambda option: option[1])
        facets["city"] = self._city_groups(projects, english)
        for name, choices in (
            ("cooperation", Project.Cooperation),
            ("status", Project.Status),
        ):
            counts = dict(
                self.apply(projects, skip=name)
                .values_list(name)
                .annotate(count=Count("pk"))
                .order_by(name)
            )
            selected = self._selected(name)
            facets[name] = [
                (value, label, counts[value], value == selected)
                for value, label in choices.choices
                if counts.get(value)
            ]
        facets["investment"] = self._investment_options(projects)
        return facets

    def _city_groups(self, projects, english):
        """[(province label, [(slug, city label, count, is_selected)])], in
        the regions' code order: one query."""
        rows = (
            self.apply(projects, skip="city")
            .filter(zone__city__isnull=False)
            .values_list(
                "zone__city__slug", "zone__city__name", "zone__city__name_en",
                "zone__city__level", "zone__city__code",
                "zone__province__name", "zone__province__name_en",
            )
            .annotate(count=Count("pk"))
            .order_by("zone__city__code", "zone__city__slug")
        )  # fmt: skip
        selected = self._selected("city")
        groups = []
        for slug, name, name_en, level, _code, province, province_en, count in rows:
            group = Region.display_name_of(
                province, province_en, Region.Level.PROVINCE, english
            )
            if not groups or groups[-1][0] != group:
                groups.append((group, []))
            label = Region.display_name_of(name, name_en, level, english)
            groups[-1][1].append((slug, label, count, slug == selected))
        return groups

    def _investment_options(self, projects):
        """The ranges with their counts, from one query: each project in yuan
        is labelled with its range by the database and the labels counted."""
        bucket = Case(
            *(
                When(_range_condition(value), then=Value(value))
                for value, _label, _low, _high in INVESTMENT_RANGES
            ),
            default=Value(""),
            output_field=CharField(),
        )
        counts = Counter(
            dict(
                self.apply(projects, skip="investment")
                .filter(currency=YUAN, investment__isnull=False)
                .annotate(bucket=bucket)
                .values_list("bucket")
                .annotate(count=Count("pk"))
                .order_by("bucket")
            )
        )
        selected = self.values["investment"]
        return [
            (value, label, counts[value], value == selected)
            for value, label, _low, _high in INVESTMENT_RANGES
            if counts[value] or value == selected
        ]
