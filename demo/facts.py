"""Sample figures, costs and incentives for demo zones that have no real ones.

The real, sourced figures come from data/zone-facts/ (import_zone_facts).
A demo zone with none of them gets made-up values here so that the profile,
the compare page and the cost estimate have something to show; every one is
`is_sample`, and pages label it "示例数据 / sample data". Values are derived
from the zone's code, so a re-run makes the same ones (and creates nothing).
"""

import hashlib
from datetime import date
from decimal import Decimal

from facts.models import Fact, Incentive, Indicator

SOURCE = "示例数据（演示站点虚构，非官方数据）"
YEARS = (2022, 2023, 2024)
# indicator code: (low, high) of the made-up value, and its unit.
YEARLY = {
    "gdp": ((300, 1500), "亿元"),
    "industrial-output": ((500, 3000), "亿元"),
    "fdi-used": ((2, 15), "亿美元"),
    "enterprises": ((800, 6000), "家"),
}
COSTS = {
    "land-price": ((20, 80), "万元/亩"),
    "factory-rent": ((12, 35), "元/平方米·月"),
    "power-peak": ((0.95, 1.25), "元/千瓦时"),
    "power-flat": ((0.60, 0.75), "元/千瓦时"),
    "power-valley": ((0.28, 0.40), "元/千瓦时"),
    "water": ((2.5, 4.5), "元/吨"),
    "sewage": ((0.9, 1.6), "元/吨"),
    "min-wage": ((1800, 2500), "元/月"),
    "average-wage": ((5000, 9000), "元/月"),
}
COSTS_AS_OF = date(2025, 10, 1)


def fraction(*parts):
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def made_up(zone, code, bounds, step=0):
    low, high = bounds
    value = low + (high - low) * fraction(zone.code, code)
    # Each later year a little higher, so the trend has a shape.
    value *= 1 + 0.06 * step
    places = 2 if high < 10 else 1 if high < 100 else 0
    return Decimal(str(round(value, places) if places else round(value)))


def has_real(zone, codes):
    return Fact.objects.filter(
        zone=zone, indicator__code__in=list(codes), is_sample=False
    ).exists()


def add_sample_facts(zones, counts):
    """Sample figures for each zone of `zones` that has no real ones of a
    kind (yearly figures, costs), and two sample incentives."""
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    for zone in zones:
        if has_real(zone, YEARLY):
            counts["sample skipped"] += 1
        else:
            for code, (bounds, unit) in YEARLY.items():
                for step, year in enumerate(YEARS):
                    value = made_up(zone, code, bounds, step)
                    save_fact(
                        zone,
                        indicators[code],
                        value,
                        unit,
                        str(year),
                        counts,
                        year=year,
                    )
        if has_real(zone, COSTS):
            counts["sample skipped"] += 1
        else:
            for code, (bounds, unit) in COSTS.items():
                value = made_up(zone, code, bounds)
                save_fact(
                    zone,
                    indicators[code],
                    value,
                    unit,
                    COSTS_AS_OF.isoformat(),
                    counts,
                    as_of=COSTS_AS_OF,
                )
        for kind, status, title, summary, until in (
            (
                Incentive.Kind.LAND,
                Incentive.Status.IN_FORCE,
                "先进制造业项目用地支持办法（示例）",
                "示例：固定资产投资达标的制造业项目，可按工业用地基准地价的70%起挂牌出让。",
                date(2027, 12, 31),
            ),
            (
                Incentive.Kind.TALENT,
                Incentive.Status.EXPIRED,
                "高层次人才安居补贴（示例，已失效）",
                "示例：引进的高层次人才三年内每月发放住房补贴。",
                date(2023, 12, 31),
            ),
        ):
            _incentive, created = Incentive.objects.get_or_create(
                zone=zone,
                title=title,
                defaults={
                    "kind": kind,
                    "status": status,
                    "summary": summary,
                    "summary_en": "Sample: made up for the demonstration site.",
                    "issuing_authority": f"{zone.name}管理委员会（示例）",
                    "valid_from": date(2021, 1, 1),
                    "valid_until": until,
                    "source_url": "https://example.com/sample-policy",
                    "is_sample": True,
                },
            )
            counts["sample incentive created" if created else "sample existing"] += 1


def save_fact(zone, indicator, value, unit, period_text, counts, **period):
    _fact, created = Fact.objects.get_or_create(
        zone=zone,
        indicator=indicator,
        label="",
        period_text=period_text,
        source_url="",
        defaults={
            "value_text": f"{value:f}",
            "unit": unit,
            "source_title": SOURCE,
            "is_sample": True,
            **period,
        },
    )
    counts["sample fact created" if created else "sample existing"] += 1
