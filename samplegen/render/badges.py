"""Collection badges: a small light tag with a near-black glyph in the top-left corner of a shot's square.

Each badge is one glyph (no fonts): shapes in the tag's unit square, y down, drawn over the item so the
badge reads on any product. `Badge.NONE` draws nothing.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PIL import Image, ImageDraw

from samplegen.render.frame import MARK_SHADE, Frame
from samplegen.render.geometry import Point, ellipse, rect, rrect
from samplegen.render.palette import BLACK, LIGHT, ink_value
from schemas.looks import Badge

TAG_CORNER = 0.022  # the tag's top-left corner, as a fraction of the frame's shorter side
TAG_SIDE = 0.14
GLYPH_INSET = 0.13  # of the tag's side


def _star(n: int = 5, outer: float = 0.5, inner: float = 0.21) -> list[Point]:
    pts = []
    for i in range(2 * n):
        r = outer if i % 2 == 0 else inner
        a = math.radians(-90 + 180 * i / n)
        pts.append((0.5 + r * math.cos(a), 0.55 + r * math.sin(a)))
    return pts


def _wave(y: float, half: float = 0.09, n: int = 4) -> list[Point]:
    """A thick zig-zag band across the square at height y."""
    xs = [i / n for i in range(n + 1)]
    top = [(x, y - half + (0.12 if i % 2 else 0.0)) for i, x in enumerate(xs)]
    bottom = [(x, y + half + (0.12 if i % 2 else 0.0)) for i, x in reversed(list(enumerate(xs)))]
    return top + bottom


# each glyph: (shape points, ink) drawn in order; ink "mark" is near-black, "tag" the tag's light ink
GLYPHS: dict[Badge, tuple[tuple[tuple[Point, ...], str], ...]] = {
    Badge.NEW_IN: ((tuple(ellipse(0.5, 0.5, 0.48, 0.48, 20)), "mark"),),
    Badge.BEST_SELLER: ((tuple(_star()), "mark"),),
    Badge.GIFT: (
        (tuple(rect(0.04, 0.2, 0.96, 0.98)), "mark"),
        (tuple(rect(0.42, 0.2, 0.58, 0.98)), "tag"),
        (tuple(rect(0.04, 0.5, 0.96, 0.64)), "tag"),
        (((0.5, 0.2), (0.2, 0.0), (0.2, 0.2)), "mark"),
        (((0.5, 0.2), (0.8, 0.0), (0.8, 0.2)), "mark"),
    ),
    Badge.RUNWAY: ((tuple(rect(0.0, 0.0, 1.0, 0.3)), "mark"), (tuple(rect(0.34, 0.3, 0.66, 1.0)), "mark")),  # T stage
    Badge.HERITAGE: (  # a shield with a light pale
        (((0.04, 0.0), (0.96, 0.0), (0.96, 0.5), (0.5, 1.0), (0.04, 0.5)), "mark"),
        (tuple(rect(0.38, 0.0, 0.62, 0.8)), "tag"),
    ),
    Badge.HOME: (
        (((0.5, 0.0), (1.0, 0.46), (0.86, 0.46), (0.86, 1.0), (0.14, 1.0), (0.14, 0.46), (0.0, 0.46)), "mark"),
    ),
    Badge.SWIM: ((tuple(_wave(0.2)), "mark"), (tuple(_wave(0.66)), "mark")),
    Badge.GIRLS: (
        (tuple(ellipse(0.5, 0.5, 0.48, 0.48, 20)), "mark"),
        (tuple(ellipse(0.5, 0.5, 0.24, 0.24, 16)), "tag"),
    ),
    Badge.BOYS: ((tuple(rect(0.02, 0.02, 0.98, 0.98)), "mark"), (tuple(rect(0.28, 0.28, 0.72, 0.72)), "tag")),
}

_INKS = {"mark": ink_value(BLACK) + MARK_SHADE, "tag": ink_value(LIGHT) + MARK_SHADE}


@lru_cache(maxsize=256)
def _pixels(badge: Badge, base: int, left: int, top: int) -> tuple[tuple[list[float], int], ...]:
    """The tag and glyph polygons in pixel coordinates for a frame's square (side and top-left corner)."""
    x0, y0 = left + TAG_CORNER * base, top + TAG_CORNER * base
    side = TAG_SIDE * base
    inset = side * GLYPH_INSET
    g = side - 2 * inset
    tag = [c for x, y in rrect(x0, y0, x0 + side, y0 + side, side * 0.18, 3) for c in (x, y)]
    shapes = [(tag, _INKS["tag"])]
    for pts, ink in GLYPHS[badge]:
        shapes.append(([c for x, y in pts for c in (x0 + inset + x * g, y0 + inset + y * g)], _INKS[ink]))
    return tuple(shapes)


def draw_badge(canvas: Image.Image, badge: Badge, fr: Frame) -> None:
    """Draw the badge's tag into an index image (nothing for `Badge.NONE`)."""
    if badge is Badge.NONE:
        return
    pen = ImageDraw.Draw(canvas)
    for xy, value in _pixels(badge, fr.base, fr.left, fr.top):
        pen.polygon(xy, fill=value)


def missing_badges() -> list[Badge]:
    """Badges without a glyph (empty when the data is complete)."""
    return [b for b in Badge if b is not Badge.NONE and b not in GLYPHS]
