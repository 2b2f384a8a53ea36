"""What facts add to the zone directory (zones.extensions).

Two filters, "figures" (zones with or without reported figures) and
"incentive" (zones with a current incentive of a kind), and one sort order
per key figure, each in its better direction (GDP highest first, land
price lowest first), zones lacking it last.

What counts is what a zone's profile shows (facts.profile): every figure of
a published zone, demonstration values included (the card labels them
"sample data", as the profile does), and the incentives the profile lists
by default: its own and its regions', expired ones left out.

A zone sorts by its latest value of the figure, the one its profile and the
compare page show, read by a subquery per zone (facts_fact_sort_idx finds
it). Values published in another unit of the same kind (万亿元 for a figure
kept in 亿元) are converted; a latest value without a number ("一企一议") or
in a unit that cannot be converted (亿美元 for a figure in 亿元: no
exchange rate is assumed) sorts with the zones lacking the figure, and its
card says why.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filters import ChoiceField
from facts.compare import ACCEPTED_UNITS
from facts.models import Fact, Incentive, Indicator
from zones.extensions import DirectoryExtension

HUNDRED_MILLION_YUAN = {"亿元": 1, "亿": 1, "万亿元": 10_000, "万元": Decimal("0.0001")}
# The units each sortable figure may be published in, with the factor to
# its indicator's own unit. Indicators not named here are not offered as a
# sort: MOFCOM ranks, for one, come from several lists that do not compare.
COMPARABLE_UNITS = {
    "gdp": HUNDRED_MILLION_YUAN,
    "industrial-output": HUNDRED_MILLION_YUAN,
    "budget-revenue": HUNDRED_MILLION_YUAN,
    "tax-revenue": HUNDRED_MILLION_YUAN,
    "trade": HUNDRED_MILLION_YUAN,
    "fdi-used": {
        "亿美元": 1,
        "万美元": Decimal("0.0001"),
        "million USD": Decimal("0.01"),
        "billion USD": 10,
    },
    "enterprises": {"家": 1, "个": 1},
    "foreign-enterprises": {"家": 1, "个": 1},
    "employees": {"万人": 1, "人": Decimal("0.0001")},
    "gas": {"元/立方米": 1, "元/立方": 1, "元/m³": 1},
    "steam": {"元/吨": 1},
    "social-insurance-base": {"元/月": 1},
    **ACCEPTED_UNITS,
}
FIGURE = "directory_figure"  # the annotation the sort orders by
SORT_KEY = DecimalField(max_digits=32, decimal_places=8)
FIGURES = (
    ("with", gettext_lazy("with reported figures")),
    ("without", gettext_lazy("without reported figures")),
)


def sort_value(indicator):
    """The `sort` parameter for an indicator: "-gdp" (highest first) or
    "land-price" (lowest first)."""
    return indicator.code if indicator.is_lower_better else f"-{indicator.code}"


def latest_facts(indicator):
    """Facts of `indicator` per zone, latest first as facts.profile.latest
    reads them: undated ones count as oldest."""
    return Fact.objects.filter(indicator=indicator).order_by(
        F("sort_date").desc(nulls_last=True), "-pk"
    )


def comparable_value(indicator):
    """The fact's number in the indicator's unit (a range at its middle), or
    NULL where there is none."""
    middle = (F("value") + Coalesce(F("value_high"), F("value"))) / Value(2)
    return Case(
        *(
            When(
                unit=unit,
                value__isnull=False,
                then=middle * Value(Decimal(factor), output_field=SORT_KEY),
            )
            for unit, factor in COMPARABLE_UNITS[indicator.code].items()
        ),
        default=None,
        output_field=SORT_KEY,
    )


def has_facts():
    return Q(pk__in=Fact.objects.values("zone"))


def incentive_places():
    """{kind: (zone ids, region ids)} of the current incentives.

    A few dozen rows, read in one query: the incentive filter and its counts
    then name the places as lists instead of compiling four subqueries for
    every kind, which cost the directory more time than all its other
    queries.
    """
    places = defaultdict(lambda: (set(), set()))
    rows = Incentive.objects.current().values_list("kind", "zone", "region")
    for kind, zone_id, region_id in rows:
        zone_ids, region_ids = places[kind]
        if zone_id is not None:
            zone_ids.add(zone_id)
        if region_id is not None:
            region_ids.add(region_id)
    return places


def in_places(zone_ids, region_ids):
    """The zones named, or lying in one of the regions: with the places of
    one kind of incentive (incentive_places), the zones that kind applies
    to, the zone's own incentives or those of its province, city or county.
    """
    condition = Q(pk__in=sorted(zone_ids)) if zone_ids else Q(pk__in=[])
    if region_ids:
        regions = sorted(region_ids)
        condition |= Q(province__in=regions) | Q(city__in=regions)
        condition |= Q(county__in=regions)
    return condition


class FactsDirectory(DirectoryExtension):
    def __init__(self):
        self._indicators = None
        self._places = None
        self.figures = ""
        self.incentive = ""
        self.indicator = None  # the figure sorted by

    @property
    def indicators(self):
        """The key figures a reader may sort by (one query a request)."""
        if self._indicators is None:
            self._indicators = list(
                Indicator.objects.filter(
                    is_key_figure=True, is_catch_all=False, code__in=COMPARABLE_UNITS
                ).order_by("position")
            )
        return self._indicators

    @property
    def places(self):
        """incentive_places(), read once a request: for the incentive filter
        and for its counts."""
        if self._places is None:
            self._places = incentive_places()
        return self._places

    def has_incentive(self, kind):
        """The zones a current incentive of `kind` applies to."""
        return in_places(*self.places.get(kind, ((), ())))

    def fields(self):
        return {
            "figures": ChoiceField(choices=FIGURES, label=gettext_lazy("figures")),
            "incentive": ChoiceField(
                choices=Incentive.Kind.choices, label=gettext_lazy("kind of incentive")
            ),
        }

    def sorts(self):
        return [
            (
                sort_value(indicator),
                (
                    _("%(figure)s, lowest first")
                    if indicator.is_lower_better
                    else _("%(figure)s, highest first")
                )
                % {"figure": indicator.display_name},
            )
            for indicator in self.indicators
        ]

    def bind(self, form):
        self.figures = form.value("figures", "")
        self.incentive = form.value("incentive", "")
        sort = form.value("sort", "")
        self.indicator = next(
            (i for i in self.indicators if sort_value(i) == sort), None
        )

    def apply(self, queryset, skip=()):
        if self.figures and "figures" not in skip:
            queryset = queryset.filter(
                has_facts() if self.figures == "with" else ~has_facts()
            )
        if self.incentive and "incentive" not in skip:
            queryset = queryset.filter(self.has_incentive(self.incentive))
        return queryset

    def order(self, queryset, sort):
        indicator = self.indicator
        figure = F(FIGURE)
        return queryset.annotate(
            **{
                FIGURE: Subquery(
                    latest_facts(indicator)
                    .filter(zone=OuterRef("pk"))
                    .annotate(key=comparable_value(indicator))
                    .values("key")[:1],
                    output_field=SORT_KEY,
                )
            }
        ).order_by(
            figure.asc(nulls_last=True)
            if indicator.is_lower_better
            else figure.desc(nulls_last=True),
            "name_en",
            "name",
            "pk",
        )

    def facets(self, filters, zones):
        """Both selects from one query: the zones that pass every other
        filter, counted per value of each, the other one applied. A kind
        without a current incentive counts no zone and is not asked for."""
        with_facts = has_facts()
        kind_chosen = self.has_incentive(self.incentive) if self.incentive else None
        figures_chosen = {"with": with_facts, "without": ~with_facts}.get(self.figures)

        def counted(condition, other):
            if other is not None:
                condition &= other
            return Count("pk", filter=condition)

        counts = (
            filters.apply(zones, skip=("figures", "incentive"))
            .order_by()
            .aggregate(
                with_figures=counted(with_facts, kind_chosen),
                without_figures=counted(~with_facts, kind_chosen),
                **{
                    f"kind_{kind}": counted(self.has_incentive(kind), figures_chosen)
                    for kind in Incentive.Kind.values
                    if kind in self.places
                },
            )
        )
        for kind in Incentive.Kind.values:
            counts.setdefault(f"kind_{kind}", 0)
        figures = [
            (value, label, counts[f"{value}_figures"], value == self.figures)
            for value, label in FIGURES
        ]
        kinds = [
            (kind, capfirst(label), counts[f"kind_{kind}"], kind == self.incentive)
            for kind, label in Incentive.Kind.choices
            if counts[f"kind_{kind}"] or kind == self.incentive
        ]
        return [
            {
                "name": "figures",
                "label": _("Figures"),
                "all_label": _("With or without figures"),
                "options": figures,
            },
            {
                "name": "incentive",
                "label": _("Incentives"),
                "all_label": _("Any or no incentive"),
                "options": kinds,
            },
        ]

    def active(self):
        pairs = []
        if self.figures:
            pairs.append(("figures", str(dict(FIGURES)[self.figures])))
        if self.incentive:
            pairs.append(
                (
                    "incentive",
                    _("%(kind)s incentive")
                    % {"kind": Incentive.Kind(self.incentive).label},
                )
            )
        return pairs

    def prepare_cards(self, zones):
        """When sorting by a figure, each card shows the value it sorted by:
        one query for the page."""
        indicator = self.indicator
        if indicator is None or not zones:
            return
        found = defaultdict(list)
        for fact in latest_facts(indicator).filter(zone__in=[z.pk for z in zones]):
            found[fact.zone_id].append(fact)
        today = timezone.localdate()
        for zone in zones:
            fact = found[zone.pk][0] if found[zone.pk] else None
            if fact is not None:
                fact.indicator = indicator  # is_stale reads its freshness
            zone.card_extras.append(
                render_to_string(
                    "facts/includes/card_figure.html",
                    {
                        "label": indicator.display_name,
                        "fact": fact,
                        # The indicator's unit reads in the page's language.
                        "unit": fact
                        and (
                            indicator.display_unit
                            if fact.unit == indicator.unit
                            else fact.unit
                        ),
                        "is_stale": fact is not None and fact.is_stale(today),
                        "is_not_sorted": fact is not None
                        and getattr(zone, FIGURE, None) is None,
                    },
                )
            )
