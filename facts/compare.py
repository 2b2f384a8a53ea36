"""A shortlist of zones side by side, and a yearly cost estimate for each.

`Comparison` reads everything in a fixed number of queries whatever the
number of zones, and builds one list of rows that the page, the CSV and the
XLSX download all write out, so the three always hold the same numbers.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filters import SLUG
from facts.models import Fact, Incentive, Indicator
from facts.profile import latest
from zones.extensions import compare_rows
from zones.models import Park, Zone, ZoneIndustry

MIN_ZONES, MAX_ZONES = 2, 5


def clean_shortlist(values):
    """Return (slugs, problems) for the `z` parameters of a request.

    Duplicates are dropped, and only the first MAX_ZONES are kept; each
    problem is a sentence for the reader. Unknown slugs are found later,
    against the database.
    """
    slugs, problems = [], []
    for value in values:
        slug = value.strip().lower()
        if not slug:
            continue
        if not SLUG.match(slug):
            # Not a slug at all (control characters, over-long): no zone has
            # it, and PostgreSQL refuses some of it in a query.
            shown = "".join(c for c in slug if c.isprintable())[:50]
            problems.append(
                _("There is no zone %(slug)s; it was left out.") % {"slug": shown}
            )
            continue
        if slug in slugs:
            problems.append(
                _("%(slug)s was listed twice; it is compared once.") % {"slug": slug}
            )
            continue
        slugs.append(slug)
    if len(slugs) > MAX_ZONES:
        problems.append(
            _(
                "At most %(max)d zones can be compared at once; the first %(max)d "
                "are shown."
            )
            % {"max": MAX_ZONES}
        )
        slugs = slugs[:MAX_ZONES]
    return slugs, problems


@dataclass
class Cell:
    text: str = ""
    unit: str = ""
    period: str = ""
    source_title: str = ""
    source_url: str = ""
    is_stale: bool = False
    is_best: bool = False
    is_sample: bool = False
    is_missing: bool = False
    # Text that exists only in Chinese (industry names, park names).
    is_chinese_data: bool = False
    number: Decimal | None = None
    items: list = field(default_factory=list)
    # What the value rests on ("from 12 inquiries").
    note: str = ""
    # Unit and source are written in the page's language (another app's
    # row), not quoted from a Chinese source.
    is_in_page_language: bool = False


@dataclass
class Row:
    section: str  # a key of SECTIONS, or the title of another app's section
    label: str
    cells: list
    lower_is_better: bool = False


SECTIONS = {
    "catalogue": gettext_lazy("Catalogue"),
    "figures": gettext_lazy("Key figures"),
    "costs": gettext_lazy("Costs"),
    "incentives": gettext_lazy("Incentives in force"),
    "parks": gettext_lazy("Industrial parks"),
}


def fact_cell(fact, today):
    if fact is None:
        return Cell(text=_("not reported"), is_missing=True)
    return Cell(
        text=fact.display_value,
        unit=fact.unit,
        period=fact.period_display,
        source_title=fact.source_title,
        source_url=fact.source_url,
        is_stale=fact.is_stale(today),
        is_sample=fact.is_sample,
        number=fact.midpoint,
    )


def mark_lowest(cells):
    """Mark the lowest number among cells of the most common unit."""
    units = defaultdict(list)
    for cell in cells:
        if cell.number is not None:
            units[cell.unit].append(cell)
    if not units:
        return
    comparable = max(units.values(), key=len)
    if len(comparable) < 2:
        return
    lowest = min(cell.number for cell in comparable)
    for cell in comparable:
        cell.is_best = cell.number == lowest


class Comparison:
    """The zones of a shortlist and everything the compare page shows."""

    def __init__(self, slugs):
        self.today = timezone.localdate()
        found = {
            zone.slug: zone
            for zone in Zone.objects.published()
            .filter(slug__in=slugs)
            .with_regions()
            .prefetch_related(
                Prefetch(
                    "zoneindustry_set",
                    queryset=ZoneIndustry.objects.select_related("tag").order_by("pk"),
                    to_attr="industry_links",
                ),
                Prefetch("parks", queryset=Park.objects.all(), to_attr="park_list"),
            )
        }
        self.zones = [found[slug] for slug in slugs if slug in found]
        self.unknown = [slug for slug in slugs if slug not in found]
        self.indicators = list(Indicator.objects.all())
        self.latest = {}
        self.has_sample = False
        if not self.zones:
            self.incentives = {}
            return
        for fact in Fact.objects.filter(
            zone__in=self.zones, indicator__is_catch_all=False
        ).select_related("indicator"):
            # One value a zone and indicator: the latest, whatever the label
            # it was published under.
            key = (fact.zone_id, fact.indicator_id)
            self.latest.setdefault(key, []).append(fact)
            self.has_sample = self.has_sample or fact.is_sample
        self.latest = {key: latest(facts) for key, facts in self.latest.items()}
        self.incentives = defaultdict(list)
        region_zones = defaultdict(list)
        for zone in self.zones:
            for region_id in zone.region_ids:
                region_zones[region_id].append(zone.pk)
        for incentive in (
            Incentive.objects.for_zones(self.zones)
            .filter(status=Incentive.Status.IN_FORCE)
            .order_by("-issued_on", "title")
        ):
            targets = (
                [incentive.zone_id]
                if incentive.zone_id
                else region_zones[incentive.region_id]
            )
            for zone_id in targets:
                self.incentives[zone_id].append(incentive)

    @property
    def is_complete(self):
        return len(self.zones) >= MIN_ZONES

    def fact(self, zone, indicator):
        return self.latest.get((zone.pk, indicator.pk))

    def rows(self):
        rows = [
            Row("catalogue", _("Level"), [Cell(z.level_display) for z in self.zones]),
            Row("catalogue", _("Kind"), [Cell(z.kind_display) for z in self.zones]),
            Row(
                "catalogue",
                _("Location"),
                [
                    Cell(" / ".join(r.display_name for r in z.regions))
                    for z in self.zones
                ],
            ),
            Row(
                "catalogue",
                _("Approved"),
                [
                    Cell(z.approved_on.strftime("%Y-%m") if z.approved_on else "")
                    for z in self.zones
                ],
            ),
            Row(
                "catalogue",
                _("Approved area (km²)"),
                [
                    Cell(
                        plain(z.area_km2) if z.area_km2 is not None else "",
                        number=z.area_km2,
                    )
                    for z in self.zones
                ],
            ),
            Row(
                "catalogue",
                _("Leading industries"),
                [
                    Cell(
                        "、".join(link.tag.name for link in z.industry_links),
                        is_chinese_data=True,
                    )
                    for z in self.zones
                ],
            ),
        ]
        for indicator in self.indicators:
            if indicator.is_catch_all or not indicator.is_key_figure:
                continue
            section = (
                "figures"
                if indicator.category
                in (Indicator.Category.ECONOMY, Indicator.Category.RANKING)
                else "costs"
            )
            cells = [
                fact_cell(self.fact(zone, indicator), self.today) for zone in self.zones
            ]
            if indicator.is_lower_better:
                mark_lowest(cells)
            rows.append(
                Row(
                    section,
                    f"{indicator.display_name} ({indicator.display_unit})"
                    if indicator.display_unit
                    and indicator.category != Indicator.Category.RANKING
                    else indicator.display_name,
                    cells,
                    indicator.is_lower_better,
                )
            )
        rows.append(
            Row(
                "incentives",
                _("Incentives in force"),
                [
                    Cell(
                        str(len(self.incentives[zone.pk])),
                        number=len(self.incentives[zone.pk]),
                        items=[i.display_title for i in self.incentives[zone.pk]],
                    )
                    for zone in self.zones
                ],
            )
        )
        rows.append(
            Row(
                "parks",
                _("Industrial parks"),
                [
                    Cell(
                        str(len(zone.park_list)),
                        number=len(zone.park_list),
                        items=[park.name for park in zone.park_list],
                        is_chinese_data=True,
                    )
                    for zone in self.zones
                ],
            )
        )
        # Rows of the apps beside this one (how fast each zone answers, from
        # inquiries), registered with zones.extensions.
        for row in compare_rows(self.zones):
            rows.append(
                Row(
                    row.section,
                    row.label,
                    [
                        Cell(
                            text=figure.text,
                            unit=figure.unit,
                            period=figure.period,
                            source_title=figure.source,
                            note=figure.note,
                            is_in_page_language=True,
                            is_missing=figure.is_missing,
                        )
                        for figure in row.figures
                    ],
                )
            )
        return rows

    def sections(self):
        """The rows grouped by section, in order, for the page."""
        grouped = []
        for row in self.rows():
            if not grouped or grouped[-1][0] != row.section:
                title = SECTIONS.get(row.section, row.section)
                grouped.append((row.section, title, []))
            grouped[-1][2].append(row)
        return grouped

    def estimate(self, inputs):
        return [
            estimate_for(zone, inputs, self.indicators, self.latest, self.today)
            for zone in self.zones
        ]


# Units a cost figure may be published in, and the factor that turns it into
# the unit the estimate works in (the indicator's own unit).
ACCEPTED_UNITS = {
    "land-price": {"万元/亩": 1, "万/亩": 1, "元/亩": Decimal("0.0001")},
    "factory-rent": {
        "元/平方米·月": 1,
        "元/平方.月": 1,
        "元/平方米": 1,
        "元/㎡": 1,
        "元/m2": 1,
    },
    "power-peak": {"元/千瓦时": 1, "元/度": 1, "": 1},
    "power-flat": {"元/千瓦时": 1, "元/度": 1, "": 1},
    "power-valley": {"元/千瓦时": 1, "元/度": 1, "": 1},
    "water": {"元/吨": 1, "元/立方米": 1, "元/立方": 1, "元/m³": 1},
    "sewage": {"元/吨": 1, "元/立方米": 1, "元/立方": 1, "元/m³": 1},
    "average-wage": {"元/月": 1, "": 1},
    "min-wage": {"元/月": 1, "": 1},
}
# The default time-of-use split of a factory's electricity: peak, flat, valley.
DEFAULT_SPLIT = (Decimal("0.40"), Decimal("0.35"), Decimal("0.25"))


@dataclass
class Figure:
    """A figure the estimate used (or looked for and did not find)."""

    label: str
    fact: Fact | None = None
    value: Decimal | None = None
    note: str = ""
    is_stale: bool = False


@dataclass
class Estimate:
    zone: Zone
    parts: list = field(default_factory=list)  # (label, formula, amount or None)
    figures: list = field(default_factory=list)
    land_once: Decimal | None = None
    yearly: Decimal = Decimal(0)
    is_complete: bool = True


def plain(number):
    """1000.00 → "1000", 0.6000 → "0.6", None → "?": figures in a formula."""
    if number is None:
        return "?"
    return format(Decimal(number).normalize(), "f")


def estimate_for(zone, inputs, indicators, latest_facts, today):
    """Yearly running cost of a plant in `zone`, in yuan, with its workings.

    yearly = rent × m² × 12 + kWh × (peak share × peak + flat share × flat
    + valley share × valley) + tonnes × (water + sewage) + headcount ×
    monthly wage × 12; land is a one-off: 亩 × land price × 10,000.
    A missing figure leaves its part out and the total marked incomplete.
    """
    by_code = {indicator.code: indicator for indicator in indicators}
    result = Estimate(zone)

    def figure(code):
        indicator = by_code[code]
        fact = latest_facts.get((zone.pk, indicator.pk))
        item = Figure(indicator.display_name, fact)
        if fact is None or fact.midpoint is None:
            item.note = _("not reported") if fact is None else _("not a number")
            item.fact = fact
        elif fact.unit not in ACCEPTED_UNITS[code]:
            item.note = _("unit %(unit)s cannot be used") % {"unit": fact.unit}
        else:
            item.value = fact.midpoint * ACCEPTED_UNITS[code][fact.unit]
            item.is_stale = fact.is_stale(today)
            notes = []
            if fact.value_high is not None:
                notes.append(_("middle of the published range"))
            if not fact.unit:
                notes.append(_("the source states no unit"))
            item.note = "; ".join(notes)
        result.figures.append(item)
        return item.value

    def add(label, formula, amount):
        result.parts.append((label, formula, amount))
        if amount is None:
            result.is_complete = False
        else:
            result.yearly += amount

    mu = inputs["land_mu"]
    if mu:
        price = figure("land-price")
        result.land_once = None if price is None else mu * price * 10_000
        if price is None:
            result.is_complete = False
    area = inputs["factory_m2"]
    if area:
        rent = figure("factory-rent")
        add(
            _("Factory rent"),
            f"{plain(area)} m² × {plain(rent)} × 12",
            None if rent is None else area * rent * 12,
        )
    kwh = inputs["electricity_kwh"]
    if kwh:
        prices = [figure(code) for code in ("power-peak", "power-flat", "power-valley")]
        split = DEFAULT_SPLIT
        formula = (
            f"{plain(kwh)} kWh × ("
            + " + ".join(
                f"{plain(share)} × {plain(price)}"
                for share, price in zip(split, prices, strict=True)
            )
            + ")"
        )
        amount = (
            None
            if None in prices
            else kwh * sum(s * p for s, p in zip(split, prices, strict=True))
        )
        add(_("Electricity"), formula, amount)
    tonnes = inputs["water_tonnes"]
    if tonnes:
        water, sewage = figure("water"), figure("sewage")
        add(
            _("Water and sewage"),
            f"{plain(tonnes)} t × ({plain(water)} + {plain(sewage)})",
            None if water is None or sewage is None else tonnes * (water + sewage),
        )
    headcount = inputs["headcount"]
    if headcount:
        wage = figure("average-wage")
        label = _("Wages (average wage)")
        if wage is None:
            wage = figure("min-wage")
            label = _("Wages (minimum wage)")
        add(
            label,
            f"{plain(headcount)} × {plain(wage)} × 12",
            None if wage is None else headcount * wage * 12,
        )
    return result
