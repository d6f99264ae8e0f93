"""The vocabulary of the silhouette data: drawing operations in unit coordinates and point-list helpers.

Coordinates are in the unit square, x to the right and y down. A silhouette is an ordered list of
operations; later operations are drawn over earlier ones. ``ink="body"`` paints the product's pattern
texture, any other ink name (see `palette.INK_NAMES`) paints that flat ink. Everything is still lit
and textured by the material's light map afterwards.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Point = tuple[float, float]
Points = tuple[Point, ...]


@dataclass(frozen=True)
class Op:
    """One drawing operation.

    shape: "poly" (filled polygon), "line" (open polyline of `width`) or "dot" (disc of radius `width`
    at ``pts[0]``). `outline` draws the polygon's edge in that ink (width `width`). `mask` puts the
    shape into the silhouette; interior details (seams, buttons) leave it False. `tag` limits the
    op to renders where that tag is active (``"!tag"``: where it is not). `rigid`: the x of a part that
    must never be mirrored (logos, lettering): a mirrored drawing moves it there instead.
    """

    shape: str
    ink: str
    pts: Points
    width: float = 0.0
    outline: str | None = None
    mask: bool = True
    tag: str | None = None
    rigid: float | None = None


@dataclass(frozen=True)
class Silhouette:
    """One item kind's drawing.

    fill: how much of the frame the item's larger extent takes at regular size.
    aux: which auxiliary colour the "aux" ink takes (see `palette.AUX_COLOURS`).
    pivot: y below which length cues (long, cropped, short) stretch the drawing; None: they don't.
    surface: construction texture of the body ("none", "knit", "quilt", "puffer").
    motif: pattern period as a fraction of the drawing's larger extent (bigger on small items).
    anchors: named geometry that detail cues hang from (neck, waist, front, pleats, stripes, facing).
    """

    ops: tuple[Op, ...]
    fill: float = 0.78
    aux: str = "interior"
    pivot: float | None = None
    surface: str = "none"
    motif: float = 0.1
    anchors: dict = field(default_factory=dict)


BODY_OUTLINE = 0.004


def poly(
    pts: Iterable[Point],
    ink: str = "body",
    outline: str | None = "dark",
    width: float = BODY_OUTLINE,
    mask: bool = True,
    tag: str | None = None,
) -> Op:
    return Op("poly", ink, tuple(pts), width, outline, mask, tag)


def solid(
    pts: Iterable[Point],
    ink: str,
    outline: str | None = None,
    width: float = BODY_OUTLINE,
    mask: bool = True,
    tag: str | None = None,
) -> Op:
    return Op("poly", ink, tuple(pts), width, outline, mask, tag)


def line(
    pts: Iterable[Point], ink: str = "dark", width: float = 0.006, mask: bool = False, tag: str | None = None
) -> Op:
    return Op("line", ink, tuple(pts), width, None, mask, tag)


def hole(pts: Iterable[Point], tag: str | None = None) -> Op:
    """Cut a polygon out of the silhouette (the opening of a ring, a handle's eye)."""
    return Op("poly", "hole", tuple(pts), 0.0, None, True, tag)


def mirrored(op: Op, cx: float = 0.5) -> Op:
    """The same operation reflected across x = cx."""
    return Op(
        op.shape,
        op.ink,
        tuple((2 * cx - x, y) for x, y in op.pts),
        op.width,
        op.outline,
        op.mask,
        op.tag,
        None if op.rigid is None else 2 * cx - op.rigid,
    )


def rigid(ops: Iterable[Op], cx: float) -> list[Op]:
    """Mark ops as one unmirrorable part centred at x = cx."""
    return [Op(o.shape, o.ink, o.pts, o.width, o.outline, o.mask, o.tag, cx) for o in ops]


def pair(op: Op, cx: float = 0.5) -> list[Op]:
    """An operation and its mirror image."""
    return [op, mirrored(op, cx)]


def dot(x: float, y: float, r: float, ink: str = "hw", mask: bool = False, tag: str | None = None) -> Op:
    return Op("dot", ink, ((x, y),), r, None, mask, tag)


# ---------------------------------------------------------------------------------------------- helpers


def mirror(pts: Iterable[Point], cx: float = 0.5) -> list[Point]:
    """Reflect points across the vertical line x = cx."""
    return [(2 * cx - x, y) for x, y in pts]


def sym(right: Sequence[Point], cx: float = 0.5) -> list[Point]:
    """A left-right symmetric polygon from its right half, listed top to bottom (x >= cx).

    Points lying on the axis are not duplicated.
    """
    left = [(2 * cx - x, y) for x, y in reversed(right) if abs(x - cx) > 1e-9]
    return list(right) + left


def rect(x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 24, a0: float = 0.0, a1: float = 360.0) -> list[Point]:
    """Points on an ellipse (or an arc of it, angles in degrees, y down so 90 is the bottom)."""
    full = abs(a1 - a0) >= 360.0
    count = n if full else n + 1
    step = (a1 - a0) / n
    return [
        (cx + rx * math.cos(math.radians(a0 + step * i)), cy + ry * math.sin(math.radians(a0 + step * i)))
        for i in range(count)
    ]


def rrect(x0: float, y0: float, x1: float, y1: float, r: float, n: int = 4) -> list[Point]:
    """Rounded rectangle with corner radius r (n segments per corner)."""
    r = min(r, (x1 - x0) / 2, (y1 - y0) / 2)
    out: list[Point] = []
    for cx, cy, a in ((x1 - r, y0 + r, -90), (x1 - r, y1 - r, 0), (x0 + r, y1 - r, 90), (x0 + r, y0 + r, 180)):
        out += ellipse(cx, cy, r, r, n, a, a + 90)
    return out


def bez(p0: Point, p1: Point, p2: Point, n: int = 8) -> list[Point]:
    """Quadratic Bezier from p0 to p2 (n + 1 points)."""
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]))
    return out


def cbez(p0: Point, p1: Point, p2: Point, p3: Point, n: int = 10) -> list[Point]:
    """Cubic Bezier from p0 to p3 (n + 1 points)."""
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
        out.append(
            (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return out


def path(*segments: Sequence[Point]) -> list[Point]:
    """Concatenate point runs, dropping a run's first point when it repeats the previous end."""
    out: list[Point] = []
    for seg in segments:
        for p in seg:
            if out and abs(out[-1][0] - p[0]) < 1e-9 and abs(out[-1][1] - p[1]) < 1e-9:
                continue
            out.append((float(p[0]), float(p[1])))
    return out


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def column(x: float, y0: float, y1: float, n: int, r: float, ink: str = "hw") -> list[Op]:
    """n buttons in a vertical column."""
    if n == 1:
        return [dot(x, y0, r, ink)]
    return [dot(x, y0 + (y1 - y0) * i / (n - 1), r, ink) for i in range(n)]


def fringe(
    a: Point, b: Point, n: int, length: float, ink: str = "body", width: float = 0.006, angle: float = 0.0
) -> list[Op]:
    """n tassels hanging from the edge a-b (perpendicular, tilted by `angle` radians)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    norm = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / norm, dx / norm
    if ny < 0:
        nx, ny = -nx, -ny
    ca, sa = math.cos(angle), math.sin(angle)
    nx, ny = nx * ca - ny * sa, nx * sa + ny * ca
    ops = []
    for i in range(n):
        p = lerp(a, b, (i + 0.5) / n)
        ops.append(line([p, (p[0] + nx * length, p[1] + ny * length)], ink, width, mask=True))
    return ops
