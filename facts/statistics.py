"""The zone catalogue counted four ways, for the statistics page.

Four grouped queries; each chart is a list of rows (label, value, link to
the directory) drawn as SVG bars and repeated as a table.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from facts.svg import bar_chart
from zones.models import Region, Zone, ZoneIndustry

TOP_INDUSTRIES = 15
# Approved area in km² (the catalogue gives hectares): lower bounds.
AREA_BUCKETS = (0, 1, 5, 10, 20, 50)


@dataclass
class Chart:
    key: str
    title: str
    description: str
    columns: list
    # (label, url, [values]); the first value is the one drawn.
    rows: list = field(default_factory=list)
    note: str = ""

    @property
    def svg(self):
        return bar_chart(
            [(label, values[0], url) for label, url, values in self.rows],
            self.title,
            self.description,
            f"chart-{self.key}",
        )


def directory(**params):
    url = reverse("zones:index")
    return f"{url}?{urlencode(params)}" if params else url


def by_province(zones):
    english = get_language() == "en"
    counts = {}
    for slug, name, name_en, level, total in (
        zones.values_list(
            "province__slug", "province__name", "province__name_en", "level"
        )
        .annotate(total=Count("pk"))
        .order_by()
    ):
        label = Region.display_name_of(name, name_en, Region.Level.PROVINCE, english)
        row = counts.setdefault(slug, [label, 0, 0])
        row[1 if level == Zone.Level.NATIONAL else 2] += total
    rows = sorted(counts.items(), key=lambda item: -(item[1][1] + item[1][2]))
    return Chart(
        "province",
        _("Zones by province and level"),
        _("Number of development zones in each province, national and provincial."),
        [_("Province"), _("All zones"), _("National"), _("Provincial")],
        [
            (
                label,
                directory(province=slug),
                [national + provincial, national, provincial],
            )
            for slug, (label, national, provincial) in rows
        ],
    )


def by_year(zones):
    rows = (
        zones.filter(approved_on__isnull=False)
        .values_list("approved_on__year")
        .annotate(total=Count("pk"))
        .order_by("approved_on__year")
    )
    link = directory(sort="-approved")
    return Chart(
        "year",
        _("Approvals by year"),
        _("Number of zones approved in each year, as the catalogue dates them."),
        [_("Year"), _("Zones approved")],
        [(str(year), link, [total]) for year, total in rows],
        _(
            "The directory has no year filter: each year links to the directory "
            "sorted by approval date."
        ),
    )


def by_area(zones):
    buckets = list(AREA_BUCKETS) + [None]
    aggregates = {}
    for index, low in enumerate(AREA_BUCKETS):
        high = buckets[index + 1]
        condition = Q(area_hectares__gte=low * 100)
        if high is not None:
            condition &= Q(area_hectares__lt=high * 100)
        aggregates[f"b{index}"] = Count("pk", filter=condition)
    counted = zones.aggregate(**aggregates)
    link = directory(sort="-area")
    rows = []
    for index, low in enumerate(AREA_BUCKETS):
        high = buckets[index + 1]
        label = (
            _("%(low)s–%(high)s km²") % {"low": low, "high": high}
            if high is not None
            else _("%(low)s km² and more") % {"low": low}
        )
        rows.append((label, link, [counted[f"b{index}"]]))
    return Chart(
        "area",
        _("Approved area"),
        _("Number of zones by the area approved in the catalogue."),
        [_("Approved area"), _("Zones")],
        rows,
        _(
            "The directory has no area filter: each band links to the directory "
            "sorted by area."
        ),
    )


def by_industry(zones):
    rows = (
        ZoneIndustry.objects.filter(content_object__in=zones)
        .values_list("tag__slug", "tag__name")
        .annotate(total=Count("pk"))
        .order_by("-total", "tag__name")[:TOP_INDUSTRIES]
    )
    return Chart(
        "industry",
        _("Most common leading industries"),
        _("The leading industries named by the most zones in the catalogue."),
        [_("Industry"), _("Zones")],
        [(name, directory(industry=slug), [total]) for slug, name, total in rows],
    )


def catalogue_statistics():
    zones = Zone.objects.published()
    return [by_province(zones), by_year(zones), by_area(zones), by_industry(zones)]
