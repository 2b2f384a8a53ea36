"""Where a zone lies in its province: an SVG drawn from the catalogue's points.

No map tiles and no outline (no openly licensed province outline ships in a
package this project pins): the zones of the province with a trusted point
stand in for its shape, this zone is highlighted, and a scale bar gives the
distances. The projection is equirectangular around the points' middle
latitude, which keeps a province's proportions within a few per cent.
"""

import math
from dataclasses import dataclass, field

# The drawing's size in SVG units; it scales to the page's width.
WIDTH = 640
MAX_HEIGHT = 420
PADDING = 20
# Kilometres in one degree of latitude (and of longitude at the equator).
KM_PER_DEGREE = 111.32
# The least span drawn, in degrees, so one point or a few close ones still
# give a sensible scale (about 30 km).
MIN_SPAN = 0.3
# Room below the points for the scale bar.
SCALE_ROOM = 20
# The scale bar is about this wide, rounded to 1, 2 or 5 times a power of ten.
SCALE_TARGET = 140


@dataclass
class Locator:
    width: int
    height: int
    here: tuple
    others: list = field(default_factory=list)
    scale_width: float = 0.0
    scale_km: int = 0

    @property
    def scale_y(self):
        return self.height - PADDING / 2

    @property
    def scale_end(self):
        return PADDING + self.scale_width


def nice_distance(km):
    """The largest of 1, 2, 5 × 10ⁿ kilometres not above `km` (at least 1)."""
    if km < 1:
        return 1
    power = 10 ** math.floor(math.log10(km))
    for step in (5, 2, 1):
        if step * power <= km:
            return step * power
    return power


def locate(here, others):
    """The Locator for a point `here` and the other points, (lat, lon) pairs."""
    points = [here, *others]
    latitudes = [float(lat) for lat, _lon in points]
    longitudes = [float(lon) for _lat, lon in points]
    middle = (max(latitudes) + min(latitudes)) / 2
    squeeze = math.cos(math.radians(middle))  # a degree of longitude is shorter
    west, east = min(longitudes), max(longitudes)
    south, north = min(latitudes), max(latitudes)
    span_x = max((east - west) * squeeze, MIN_SPAN)
    span_y = max(north - south, MIN_SPAN)
    inner_width = WIDTH - 2 * PADDING
    inner_height = MAX_HEIGHT - 2 * PADDING - 20
    units_per_degree = min(inner_width / span_x, inner_height / span_y)
    height = round(span_y * units_per_degree + 2 * PADDING + 20)
    # Centre the points in the drawing.
    left = PADDING + (inner_width - (east - west) * squeeze * units_per_degree) / 2
    top = (
        PADDING + ((height - 2 * PADDING - 20) - (north - south) * units_per_degree) / 2
    )

    def place(lat, lon):
        x = left + (float(lon) - west) * squeeze * units_per_degree
        y = top + (north - float(lat)) * units_per_degree
        return (round(x, 1), round(y, 1))

    km = nice_distance(SCALE_TARGET / units_per_degree * KM_PER_DEGREE)
    return Locator(
        width=WIDTH,
        height=height,
        here=place(*here),
        others=[place(lat, lon) for lat, lon in others],
        scale_width=round(km / KM_PER_DEGREE * units_per_degree, 1),
        scale_km=km,
    )
