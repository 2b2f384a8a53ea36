"""Pictures for the demo content, drawn with Pillow.

Every picture is a flat illustration (a sky gradient, ground and a motif
such as a skyline, a port or a silicon wafer) varied by a random generator
seeded with a stable key, so the same key always draws the same picture.
There is no lettering: Pillow's built-in font has no Chinese glyphs.
"""

import math
import random
import zlib
from io import BytesIO

from PIL import Image, ImageDraw

COVER_SIZE = (1200, 675)
LOGO_SIZE = (400, 400)
# Shapes are drawn at twice the size and scaled down, because ImageDraw does
# not antialias: circles and slopes look ragged without it.
SUPERSAMPLE = 2
SLATE = (70, 82, 102)
WHITE = (255, 255, 255)

# (sky top, sky bottom, far ground, near ground, accent)
PALETTES = {
    "dawn": ("#243b6b", "#f3b38a", "#55607e", "#2d3550", "#ffd27a"),
    "day": ("#2f7fc1", "#bfe3f5", "#7aa6a0", "#3f6f69", "#f6c744"),
    "dusk": ("#2b1e4a", "#e47a5a", "#5a3d66", "#2a1f3d", "#ffb85c"),
    "mist": ("#8fa7b8", "#e8eef0", "#9fb3b0", "#6c8584", "#d9805f"),
    "night": ("#0b1633", "#2e4a7d", "#1d2b4d", "#101a33", "#7fd4ff"),
    "spring": ("#4aa3c9", "#e3f4d9", "#8cbf7a", "#4e8a4b", "#f29e4c"),
}


def seeded(key):
    """A random generator that always starts the same way for `key`."""
    # zlib.crc32, not hash(): str hashes change from one process to the next.
    return random.Random(zlib.crc32(key.encode("utf-8")))


def _rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _vertical_gradient(size, top, bottom):
    width, height = size
    # A one-pixel strip stretched sideways: far cheaper than per-pixel work.
    strip = Image.new("RGB", (1, height))
    for y in range(height):
        strip.putpixel((0, y), _mix(top, bottom, y / max(1, height - 1)))
    return strip.resize(size, Image.Resampling.BILINEAR)


class Canvas:
    """The drawing surface of one picture, with its palette and its dice."""

    def __init__(self, image, rng, palette):
        self.image = image
        self.draw = ImageDraw.Draw(image)
        self.rng = rng
        self.width, self.height = image.size
        # One "pixel" of the final picture, whatever the supersampling.
        self.u = self.height / COVER_SIZE[1]
        self.top, self.bottom, self.far, self.near, self.accent = palette

    def hills(self, base, amplitude, colour, bumps):
        phase = self.rng.uniform(0, math.tau)
        points = [(0, self.height)]
        steps = 48
        for i in range(steps + 1):
            x = self.width * i / steps
            wave = 0.6 * math.sin(phase + bumps * math.pi * i / steps) + 0.4 * math.sin(
                phase * 2 + bumps * 2.3 * math.pi * i / steps
            )
            points.append((x, base - amplitude * wave))
        points.append((self.width, self.height))
        self.draw.polygon(points, fill=colour)

    def sun(self):
        rng, u = self.rng, self.u
        radius = rng.uniform(45, 80) * u
        cx = rng.uniform(0.15, 0.85) * self.width
        cy = rng.uniform(0.15, 0.35) * self.height
        halo = radius * 1.6
        self.draw.ellipse(
            (cx - halo, cy - halo, cx + halo, cy + halo),
            fill=_mix(self.accent, self.bottom, 0.65),
        )
        self.draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius), fill=self.accent
        )


def _skyline(c):
    rng, u, draw = c.rng, c.u, c.draw
    far, near = _mix(c.far, SLATE, 0.45), _mix(c.near, SLATE, 0.55)
    window = _mix(c.accent, near, 0.3)
    ground = c.height * 0.8
    x = -20 * u
    while x < c.width:
        w = rng.uniform(50, 100) * u
        h = rng.uniform(0.2, 0.5) * c.height
        draw.rectangle((x, ground - h, x + w, c.height), fill=far)
        x += w + rng.uniform(2, 10) * u
    x = -10 * u
    while x < c.width:
        w = rng.uniform(60, 120) * u
        top = ground - rng.uniform(0.2, 0.55) * c.height
        draw.rectangle((x, top, x + w, c.height), fill=near)
        if rng.random() < 0.35:
            draw.polygon(
                [(x, top), (x + w / 2, top - w * 0.45), (x + w, top)], fill=near
            )
        for wy in range(int(top + 14 * u), int(c.height - 30 * u), int(24 * u)):
            for wx in range(int(x + 10 * u), int(x + w - 16 * u), int(18 * u)):
                if rng.random() < 0.4:
                    draw.rectangle((wx, wy, wx + 7 * u, wy + 11 * u), fill=window)
        x += w + rng.uniform(8, 40) * u


def _factory(c):
    rng, u, draw = c.rng, c.u, c.draw
    ground = c.height * 0.8
    c.hills(c.height * 0.66, c.height * 0.05, c.far, 3)
    roof = _mix(c.accent, c.near, 0.45)
    x = -rng.uniform(0, 40) * u
    while x < c.width:
        w = rng.uniform(220, 340) * u
        h = rng.uniform(80, 130) * u
        teeth = rng.randint(3, 6)
        tooth = w / teeth
        draw.rectangle((x, ground - h, x + w, c.height), fill=c.near)
        for t in range(teeth):
            left = x + t * tooth
            draw.polygon(
                [
                    (left, ground - h),
                    (left + tooth * 0.75, ground - h - tooth * 0.45),
                    (left + tooth * 0.75, ground - h),
                ],
                fill=c.near,
            )
            draw.line(
                (left, ground - h, left + tooth * 0.75, ground - h - tooth * 0.45),
                fill=roof,
                width=round(5 * u),
            )
        if rng.random() < 0.7:
            cx = x + rng.uniform(0.1, 0.8) * w
            stack = rng.uniform(110, 190) * u
            draw.rectangle(
                (cx, ground - h - stack, cx + 20 * u, ground - h), fill=c.near
            )
            draw.rectangle(
                (
                    cx,
                    ground - h - stack + 14 * u,
                    cx + 20 * u,
                    ground - h - stack + 24 * u,
                ),
                fill=c.accent,
            )
        x += w + rng.uniform(30, 70) * u
    draw.rectangle(
        (0, ground + 24 * u, c.width, c.height), fill=_mix(c.near, c.far, 0.5)
    )


def _wafer(c):
    rng, u, draw = c.rng, c.u, c.draw
    draw.rectangle((0, c.height * 0.75, c.width, c.height), fill=c.near)
    radius = c.height * rng.uniform(0.3, 0.35)
    cx = c.width * rng.uniform(0.32, 0.68)
    cy = c.height * 0.5
    rim = radius + 12 * u
    draw.ellipse((cx - rim, cy - rim, cx + rim, cy + rim), fill=_mix(c.far, WHITE, 0.5))
    draw.ellipse(
        (cx - radius, cy - radius, cx + radius, cy + radius),
        fill=_mix(c.far, SLATE, 0.4),
    )
    die = radius / rng.choice((5, 6, 7))
    gap = die * 0.1
    shades = [_mix(c.accent, c.far, t) for t in (0.0, 0.25, 0.5)]
    y = cy - radius
    while y < cy + radius:
        x = cx - radius
        while x < cx + radius:
            corners = ((x, y), (x + die, y), (x, y + die), (x + die, y + die))
            if all(math.hypot(px - cx, py - cy) < radius - 6 * u for px, py in corners):
                draw.rectangle(
                    (x + gap, y + gap, x + die - gap, y + die - gap),
                    fill=rng.choice(shades),
                )
            x += die
        y += die


def _port(c):
    rng, u, draw = c.rng, c.u, c.draw
    water_top = c.height * 0.74
    water = _mix(c.far, c.top, 0.5)
    draw.rectangle((0, water_top, c.width, c.height), fill=water)
    for i in range(8):
        y = water_top + (16 + i * 20) * u
        start = rng.uniform(0, 0.5) * c.width
        draw.line(
            (start, y, start + rng.uniform(0.2, 0.5) * c.width, y),
            fill=_mix(water, WHITE, 0.25),
            width=round(3 * u),
        )
    quay = water_top - 12 * u
    steel = _mix(c.near, SLATE, 0.5)
    draw.rectangle((0, quay, c.width, water_top), fill=steel)
    boxes = [
        c.accent,
        _mix(c.accent, c.far, 0.5),
        _mix(SLATE, WHITE, 0.3),
        (180, 72, 60),
    ]
    x = 20 * u
    while x < c.width * 0.96:
        for s in range(rng.randint(1, 4)):
            draw.rectangle(
                (x, quay - 26 * u * (s + 1), x + 70 * u, quay - 26 * u * s - 3 * u),
                fill=rng.choice(boxes),
            )
        x += 76 * u
    for _ in range(rng.randint(2, 3)):
        cx = rng.uniform(0.1, 0.85) * c.width
        top = quay - rng.uniform(0.35, 0.5) * c.height
        draw.rectangle((cx, top, cx + 16 * u, quay), fill=steel)
        draw.rectangle((cx - 130 * u, top, cx + 150 * u, top + 16 * u), fill=steel)
        draw.line(
            (cx - 110 * u, top + 16 * u, cx - 110 * u, top + 90 * u),
            fill=steel,
            width=round(4 * u),
        )


def _greenery(c):
    rng, u, draw = c.rng, c.u, c.draw
    c.hills(c.height * 0.6, c.height * 0.08, c.far, 2)
    c.hills(c.height * 0.74, c.height * 0.05, c.near, 3)
    draw.polygon(
        [
            (c.width * 0.3, c.height),
            (c.width * 0.47, c.height * 0.8),
            (c.width * 0.55, c.height * 0.8),
            (c.width * 0.82, c.height),
        ],
        fill=_mix(c.top, WHITE, 0.45),
    )
    trunk = _mix(c.near, (40, 30, 20), 0.5)
    crown = _mix(c.near, c.accent, 0.15)
    for _ in range(rng.randint(12, 20)):
        x = rng.uniform(0, c.width)
        if c.width * 0.28 < x < c.width * 0.84:
            continue
        base = rng.uniform(0.82, 0.98) * c.height
        size = rng.uniform(30, 60) * u
        draw.rectangle((x - 4 * u, base - size * 0.4, x + 4 * u, base), fill=trunk)
        draw.ellipse(
            (x - size * 0.6, base - size * 1.6, x + size * 0.6, base - size * 0.3),
            fill=crown,
        )


def _lab(c):
    rng, u, draw = c.rng, c.u, c.draw
    draw.rectangle((0, c.height * 0.78, c.width, c.height), fill=c.near)
    atoms = [
        (rng.uniform(0.1, 0.9) * c.width, rng.uniform(0.15, 0.68) * c.height)
        for _ in range(12)
    ]
    bond = _mix(c.far, SLATE, 0.3)
    for i, (x1, y1) in enumerate(atoms):
        nearest = sorted(
            atoms[:i] + atoms[i + 1 :], key=lambda p: math.dist(p, (x1, y1))
        )
        for x2, y2 in nearest[:2]:
            draw.line((x1, y1, x2, y2), fill=bond, width=round(5 * u))
    colours = (c.accent, _mix(c.accent, c.far, 0.5), _mix(SLATE, WHITE, 0.2))
    for x, y in atoms:
        r = rng.uniform(16, 34) * u
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(colours))
    # A hexagon, the chemist's benzene ring, anchors the composition.
    cx, cy, r = c.width * rng.uniform(0.2, 0.8), c.height * 0.42, c.height * 0.15
    ring = [
        (cx + r * math.cos(math.pi / 3 * k), cy + r * math.sin(math.pi / 3 * k))
        for k in range(7)
    ]
    draw.line(ring, fill=c.accent, width=round(8 * u), joint="curve")


def _aerospace(c):
    rng, u, draw = c.rng, c.u, c.draw
    for _ in range(50):
        x, y = rng.uniform(0, c.width), rng.uniform(0, c.height * 0.55)
        r = rng.uniform(1, 2.5) * u
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(245, 245, 235))
    c.hills(c.height * 0.82, c.height * 0.03, c.near, 2)
    cx = c.width * rng.uniform(0.55, 0.75)
    cy = c.height * rng.uniform(0.3, 0.4)
    draw.arc(
        (cx - c.width * 0.75, cy - 20 * u, cx + 30 * u, c.height * 1.7),
        195,
        272,
        fill=_mix(c.accent, c.far, 0.3),
        width=round(6 * u),
    )
    s = 1.8 * u
    hull = (236, 238, 242)
    draw.polygon(
        [(cx, cy - 75 * s), (cx + 20 * s, cy - 35 * s), (cx + 20 * s, cy + 55 * s),
         (cx - 20 * s, cy + 55 * s), (cx - 20 * s, cy - 35 * s)],
        fill=hull,
    )  # fmt: skip
    for side in (-1, 1):
        draw.polygon(
            [(cx + side * 20 * s, cy + 15 * s), (cx + side * 44 * s, cy + 68 * s),
             (cx + side * 20 * s, cy + 55 * s)],
            fill=c.accent,
        )  # fmt: skip
    window = 8 * s
    draw.ellipse(
        (cx - window, cy - 20 * s - window, cx + window, cy - 20 * s + window),
        fill=c.top,
    )
    draw.polygon(
        [(cx - 13 * s, cy + 55 * s), (cx, cy + 105 * s), (cx + 13 * s, cy + 55 * s)],
        fill=_mix(c.accent, WHITE, 0.4),
    )


def _bridge(c):
    rng, u, draw = c.rng, c.u, c.draw
    water = c.height * 0.72
    steel = _mix(c.near, SLATE, 0.5)
    draw.rectangle((0, water, c.width, c.height), fill=_mix(c.far, c.top, 0.45))
    deck = water - c.height * 0.08
    draw.rectangle((0, deck, c.width, deck + 16 * u), fill=steel)
    top = deck - c.height * rng.uniform(0.35, 0.45)
    for tx in (c.width * rng.uniform(0.22, 0.32), c.width * rng.uniform(0.68, 0.78)):
        draw.polygon(
            [(tx - 22 * u, deck + 16 * u), (tx - 8 * u, top), (tx + 8 * u, top),
             (tx + 22 * u, deck + 16 * u)],
            fill=steel,
        )  # fmt: skip
        draw.rectangle((tx - 12 * u, deck + 16 * u, tx + 12 * u, water), fill=steel)
        for k in range(1, 9):
            span = k * c.width * 0.026
            for direction in (-1, 1):
                draw.line(
                    (tx, top + 12 * u, tx + direction * span, deck),
                    fill=_mix(c.accent, WHITE, 0.2),
                    width=round(2 * u),
                )


DRAWERS = {
    "skyline": _skyline,
    "factory": _factory,
    "wafer": _wafer,
    "port": _port,
    "greenery": _greenery,
    "lab": _lab,
    "aerospace": _aerospace,
    "bridge": _bridge,
}
MOTIFS = tuple(DRAWERS)
SUNLESS = {"aerospace", "lab", "wafer"}


def scene(key, motif=None, palette=None, size=COVER_SIZE):
    """Return a JPEG (bytes) of a landscape picture drawn for `key`."""
    rng = seeded(key)
    motif = motif or rng.choice(MOTIFS)
    if palette is None:
        palette = "night" if motif == "aerospace" else rng.choice(sorted(PALETTES))
    colours = [_rgb(value) for value in PALETTES[palette]]
    big = (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE)
    canvas = Canvas(_vertical_gradient(big, colours[0], colours[1]), rng, colours)
    if motif not in SUNLESS:
        canvas.sun()
    DRAWERS[motif](canvas)
    image = canvas.image.resize(size, Image.Resampling.LANCZOS)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=80, optimize=True)
    return buffer.getvalue()


def emblem(key, palette=None, size=LOGO_SIZE):
    """Return a PNG (bytes) of a simple geometric emblem for `key`."""
    rng = seeded(key)
    palette = palette or rng.choice(sorted(PALETTES))
    top, _bottom, _far, near, accent = (_rgb(value) for value in PALETTES[palette])
    width, height = size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE
    image = Image.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(image)
    margin = width * 0.06
    draw.rounded_rectangle(
        (margin, margin, width - margin, height - margin),
        radius=width * 0.18,
        fill=near,
    )
    cx, cy = width / 2, height / 2
    sides = rng.choice((3, 4, 6, 8))
    r = width * 0.32
    turn = rng.uniform(0, math.pi / sides)
    draw.polygon(
        [
            (cx + r * math.cos(turn + math.tau * k / sides),
             cy + r * math.sin(turn + math.tau * k / sides))
            for k in range(sides)
        ],
        fill=_mix(top, WHITE, 0.15),
    )  # fmt: skip
    inner = r * 0.55
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), fill=accent)
    stripes = rng.randint(2, 3)
    for k in range(stripes):
        y = cy + inner * (k - (stripes - 1) / 2) * 0.45
        draw.line(
            (cx - inner * 0.75, y, cx + inner * 0.75, y),
            fill=near,
            width=round(width * 0.02),
        )
    image = image.resize(size, Image.Resampling.LANCZOS)
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
