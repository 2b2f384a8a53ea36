import csv
from decimal import Decimal
from io import BytesIO
from urllib.parse import urlencode

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from facts.compare import MAX_ZONES, MIN_ZONES, Comparison, clean_shortlist
from facts.statistics import catalogue_statistics
from zones.models import Zone

# The shortlist a reader builds with "Add to comparison" links, kept in the
# browser as a cookie so that it works without JavaScript. The compare page
# itself reads only its query string: its URL can be shared and cached.
COOKIE = "compare"


def _optional_amount(label, most, initial, decimal_places=0):
    """A reader's figure for the estimate: none below zero, and the
    `initial` one stands in for a figure left empty (EstimateForm.inputs)."""
    return forms.DecimalField(
        label=label,
        min_value=0,
        max_value=most,
        decimal_places=decimal_places,
        initial=Decimal(initial),
        required=False,
    )


class EstimateForm(forms.Form):
    land_mu = _optional_amount(
        gettext_lazy("Land (mu, 亩)"), most=100_000, initial=50, decimal_places=2
    )
    factory_m2 = _optional_amount(
        gettext_lazy("Factory space (m²)"),
        most=10_000_000,
        initial=10_000,
        decimal_places=2,
    )
    electricity_kwh = _optional_amount(
        gettext_lazy("Electricity a year (kWh)"),
        most=10_000_000_000,
        initial=2_000_000,
    )
    water_tonnes = _optional_amount(
        gettext_lazy("Water a year (tonnes)"), most=100_000_000, initial=20_000
    )
    headcount = forms.IntegerField(
        label=gettext_lazy("Headcount"),
        min_value=0,
        max_value=1_000_000,
        initial=200,
        required=False,
    )

    def inputs(self):
        """The cleaned inputs, the defaults where the reader gave none."""
        return {
            name: (
                self.cleaned_data.get(name)
                if self.cleaned_data.get(name) is not None
                else field.initial
            )
            for name, field in self.fields.items()
        }


def estimate_form(request):
    if any(name in request.GET for name in EstimateForm.base_fields):
        data = request.GET
    else:
        data = {name: field.initial for name, field in EstimateForm.base_fields.items()}
    form = EstimateForm(data)
    form.is_valid()
    return form


def compare_url(slugs, **extra):
    query = urlencode([("z", slug) for slug in slugs] + list(extra.items()))
    return reverse("facts:compare") + (f"?{query}" if query else "")


def compare(request):
    slugs, problems = clean_shortlist(request.GET.getlist("z"))
    comparison = Comparison(slugs)
    for slug in comparison.unknown:
        problems.append(
            _("There is no zone %(slug)s; it was left out.") % {"slug": slug}
        )
    form = estimate_form(request)
    zones = comparison.zones
    shown = [zone.slug for zone in zones]
    context = {
        "nav_section": "zones",
        "comparison": comparison,
        "zones": zones,
        "problems": problems,
        "sections": comparison.sections() if comparison.is_complete else [],
        "estimates": (
            comparison.estimate(form.inputs())
            if comparison.is_complete and not form.errors
            else []
        ),
        "form": form,
        "columns": [
            (zone, compare_url([slug for slug in shown if slug != zone.slug]))
            for zone in zones
        ],
        "csv_url": reverse("facts:compare-csv")
        + "?"
        + urlencode([("z", slug) for slug in shown]),
        "xlsx_url": reverse("facts:compare-xlsx")
        + "?"
        + urlencode([("z", slug) for slug in shown]),
        "shortlist": shown,
        "min_zones": MIN_ZONES,
        "max_zones": MAX_ZONES,
        "breadcrumbs": [
            {"label": _("Development zones"), "url": reverse("zones:index")},
            {"label": _("Compare zones"), "url": ""},
        ],
    }
    return render(
        request,
        "facts/compare.html",
        context,
        status=400 if comparison.unknown and not comparison.is_complete else 200,
    )


def table_rows(comparison):
    """The comparison as rows of plain values, sources and dates included."""
    zones = comparison.zones
    header = [_("Section"), _("Row")]
    for zone in zones:
        name = zone.display_name
        header += [
            name,
            _("%(zone)s: unit") % {"zone": name},
            _("%(zone)s: period") % {"zone": name},
            _("%(zone)s: source") % {"zone": name},
            _("%(zone)s: source address") % {"zone": name},
            _("%(zone)s: notes") % {"zone": name},
        ]
    yield header
    for _key, title, rows in comparison.sections():
        for row in rows:
            line = [str(title), row.label]
            for cell in row.cells:
                notes = []
                if cell.is_stale:
                    notes.append(_("possibly out of date"))
                if cell.is_best:
                    notes.append(_("lowest"))
                if cell.is_sample:
                    notes.append(_("sample data"))
                if cell.note:
                    notes.append(cell.note)
                if cell.items:
                    notes.append("; ".join(cell.items))
                line += [
                    cell.text,
                    cell.unit,
                    cell.period,
                    cell.source_title,
                    cell.source_url,
                    "; ".join(notes),
                ]
            # Plain strings: openpyxl refuses lazy translations (an English
            # page's zone level and kind), which made the XLSX fail.
            yield [str(value) for value in line]
    yield []
    yield [
        _(
            "Downloaded %(date)s from the investment portal; values as published by "
            "each source."
        )
        % {"date": timezone.localdate().isoformat()}
    ]


def download_comparison(request):
    slugs, _problems = clean_shortlist(request.GET.getlist("z"))
    comparison = Comparison(slugs)
    if not comparison.is_complete:
        return redirect(compare_url(slugs))
    return comparison


def compare_csv(request):
    comparison = download_comparison(request)
    if isinstance(comparison, HttpResponse):
        return comparison
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="zone-comparison.csv"'
    # A byte-order mark, so that Excel opens the Chinese text as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    for line in table_rows(comparison):
        writer.writerow(line)
    return response


def compare_xlsx(request):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    comparison = download_comparison(request)
    if isinstance(comparison, HttpResponse):
        return comparison
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Comparison")[:31]
    for number, line in enumerate(table_rows(comparison)):
        sheet.append(line)
        if number == 0:
            for cell in sheet[1]:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "C2"
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
    )
    response["Content-Disposition"] = 'attachment; filename="zone-comparison.xlsx"'
    return response


def shortlist_from(request):
    value = request.COOKIES.get(COOKIE, "")
    return [slug for slug in value.split(",") if slug][:MAX_ZONES]


def compare_add(request, slug):
    """Add a zone to the reader's shortlist and show the comparison."""
    zone = get_object_or_404(Zone.objects.published(), slug=slug)
    slugs = [s for s in shortlist_from(request) if s != zone.slug]
    slugs = (slugs + [zone.slug])[-MAX_ZONES:]
    response = redirect(compare_url(slugs))
    response.set_cookie(
        COOKIE, ",".join(slugs), max_age=60 * 60 * 24 * 90, samesite="Lax"
    )
    return response


def compare_clear(request):
    response = redirect(reverse("zones:index"))
    response.delete_cookie(COOKIE, samesite="Lax")
    return response


def statistics(request):
    """The catalogue at a glance: four charts, each with its table."""
    return render(
        request,
        "facts/statistics.html",
        {
            "nav_section": "zones",
            "charts": catalogue_statistics(),
            "breadcrumbs": [
                {"label": _("Development zones"), "url": reverse("zones:index")},
                {"label": _("Statistics"), "url": ""},
            ],
        },
    )
