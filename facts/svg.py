"""Small SVG charts drawn on the server: no script, no outside library.

Every chart is an <svg role="img"> with a <title> naming what it shows; the
page puts the same numbers in a table beside it, so the picture is never
the only way to read them.
"""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _


def _scale(values, low, high):
    top, bottom = max(values), min(values)
    span = (top - bottom) or 1
    return [high - (value - bottom) / span * (high - low) for value in values]


def sparkline(points, label, unit, width=120, height=32):
    """A line through (year, value) points, oldest first."""
    years = [year for year, _value in points]
    values = [float(value) for _year, value in points]
    ys = _scale(values, 4, height - 4)
    step = (width - 8) / (len(points) - 1)
    coordinates = " ".join(
        f"{4 + index * step:.1f},{y:.1f}" for index, y in enumerate(ys)
    )
    title = _("%(label)s, %(first)s to %(last)s: %(start)s to %(end)s %(unit)s") % {
        "label": label,
        "first": years[0],
        "last": years[-1],
        "start": f"{values[0]:g}",
        "end": f"{values[-1]:g}",
        "unit": unit,
    }
    last_x, last_y = coordinates.split(" ")[-1].split(",")
    return format_html(
        '<svg class="sparkline" role="img" width="{}" height="{}" '
        'viewBox="0 0 {} {}"><title>{}</title>'
        '<polyline points="{}" fill="none" stroke="currentColor" stroke-width="2"/>'
        '<circle cx="{}" cy="{}" r="3" fill="currentColor"/></svg>',
        width,
        height,
        width,
        height,
        title,
        coordinates,
        last_x,
        last_y,
    )


def bar_chart(rows, title, description, chart_id, width=520, bar_height=22):
    """Horizontal bars for (label, value, url) rows, each bar a link.

    Labels are drawn inside the SVG too, so the picture stands alone when
    printed; screen readers get the title and description, each bar's link
    ("山东 174"), and the table the page shows beside it. No role="img":
    an image may not contain links.
    """
    if not rows:
        return ""
    label_width = 150
    top = max(value for _label, value, _url in rows) or 1
    scale = (width - label_width - 60) / top
    height = len(rows) * (bar_height + 6) + 6
    bars = format_html_join(
        "",
        '<a href="{}"><g transform="translate(0,{})">'
        '<text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text>'
        '<rect x="{}" y="0" width="{}" height="{}" class="chart-bar"/>'
        '<text x="{}" y="{}" class="chart-value">{}</text></g></a>',
        (
            (
                url,
                6 + index * (bar_height + 6),
                label_width - 8,
                bar_height * 0.7,
                label,
                label_width,
                max(1, value * scale),
                bar_height,
                label_width + value * scale + 6,
                bar_height * 0.7,
                f"{value:g}" if isinstance(value, float) else value,
            )
            for index, (label, value, url) in enumerate(rows)
        ),
    )
    return format_html(
        '<svg class="chart" aria-labelledby="{}-title" aria-describedby="{}-desc" '
        'viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMinYMin meet">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        chart_id,
        chart_id,
        width,
        height,
        chart_id,
        title,
        chart_id,
        description,
        bars,
    )
