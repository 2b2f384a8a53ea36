"""What a zone profile shows of the zone's facts, computed once per page.

Two queries a profile: the zone's facts with their indicators, and the
incentives of the zone and of the regions it lies in.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from facts.models import Fact, Incentive, Indicator, in_force_first
from facts.svg import sparkline

COST_CATEGORIES = (
    Indicator.Category.LAND_UTILITIES,
    Indicator.Category.COSTS,
    Indicator.Category.LABOUR,
)


@dataclass
class Row:
    """One line of a table: an indicator and its latest fact (or none)."""

    indicator: Indicator
    fact: Fact | None = None
    label: str = ""
    trend: str = ""
    is_stale: bool = False
    history: list = field(default_factory=list)


def latest(facts):
    """The fact with the most recent date; undated ones count as oldest."""
    return max(facts, key=lambda fact: (fact.sort_date is not None, fact.sort_date))


def trend_of(facts, latest_fact):
    """A sparkline when several years of one unit exist, else ""."""
    points = {}
    for fact in facts:
        if fact.year and fact.value is not None and fact.unit == latest_fact.unit:
            points.setdefault(fact.year, fact.midpoint)
    if len(points) < 2:
        return ""
    years = sorted(points)
    return sparkline(
        [(year, points[year]) for year in years],
        label=latest_fact.indicator.display_name,
        unit=latest_fact.unit,
    )


def indicators():
    return list(Indicator.objects.all())


def build_rows(facts_by_indicator, wanted, today):
    """Rows for the key indicators in `wanted` (reported or not) and every
    fact of the catch-all ones, each labelled as published."""
    rows = []
    for indicator in wanted:
        facts = facts_by_indicator.get(indicator.pk, [])
        if indicator.is_catch_all:
            for fact in facts:
                rows.append(
                    Row(indicator, fact, fact.display_label, "", fact.is_stale(today))
                )
            continue
        if not facts and not indicator.is_key_figure:
            continue
        if not facts:
            rows.append(Row(indicator, label=indicator.display_name))
            continue
        by_label = {}
        for fact in facts:
            by_label.setdefault(fact.label, []).append(fact)
        for group in by_label.values():
            fact = latest(group)
            rows.append(
                Row(
                    indicator,
                    fact,
                    fact.display_label,
                    trend_of(group, fact),
                    fact.is_stale(today),
                    sorted(group, key=lambda f: f.sort_date or timezone.now().date()),
                )
            )
    return rows


def zone_facts(zone, show_expired=False):
    today = timezone.localdate()
    all_indicators = indicators()
    facts = list(
        Fact.objects.filter(zone=zone)
        .select_related("indicator")
        .order_by("indicator__position", "-sort_date", "pk")
    )
    by_indicator = {}
    for fact in facts:
        by_indicator.setdefault(fact.indicator_id, []).append(fact)
    economy = [i for i in all_indicators if i.category == Indicator.Category.ECONOMY]
    costs = [i for i in all_indicators if i.category in COST_CATEGORIES]
    ranks = [
        fact for fact in facts if fact.indicator.category == Indicator.Category.RANKING
    ]
    ranks.sort(key=lambda fact: (-(fact.year or 0), fact.indicator.position))
    incentives = in_force_first(
        Incentive.objects.for_zone(zone).select_related("region")
    )
    expired = [incentive for incentive in incentives if incentive.is_expired]
    if not show_expired:
        incentives = [i for i in incentives if not i.is_expired]
    cost_rows = build_rows(by_indicator, costs, today)
    return {
        "zone": zone,
        "key_rows": build_rows(by_indicator, economy, today),
        "cost_rows": cost_rows,
        "has_costs": any(row.fact for row in cost_rows),
        "ranks": ranks,
        "incentives": incentives,
        "expired_count": len(expired),
        "show_expired": show_expired,
        "has_sample": any(fact.is_sample for fact in facts)
        or any(incentive.is_sample for incentive in incentives),
        "has_facts": bool(facts),
    }
