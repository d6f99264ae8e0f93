"""Reusable garment parts shared by the silhouette data and the detail cues (unit coordinates)."""

from __future__ import annotations

import math

from samplegen.render.geometry import (
    Op,
    Point,
    bez,
    dot,
    ellipse,
    lerp,
    line,
    mirror,
    mirrored,
    path,
    poly,
    rect,
    rrect,
    solid,
)


def belt(y: float, half_w: float, cx: float = 0.5, buckle_dx: float = 0.25) -> list[Op]:
    """A belt across y (in the garment's ground colour) with a buckle and a hanging end."""
    h = 0.022
    bx = cx + half_w * buckle_dx
    tail = [(bx + 0.02, y + 0.004), (bx + 0.05, y + 0.13), (bx + 0.045, y + 0.2)]
    return [
        solid(rect(cx - half_w - 0.012, y - h, cx + half_w + 0.012, y + h), "ground", "dark", 0.005),
        line(tail, "dark", 0.032, mask=True),
        line(tail, "ground", 0.024, mask=True),
        solid(rect(bx - 0.03, y - h - 0.008, bx + 0.03, y + h + 0.008), "hw"),
        solid(rect(bx - 0.017, y - h + 0.006, bx + 0.017, y + h - 0.006), "dark"),
    ]


def tied_belt(y: float, half_w: float, cx: float = 0.5) -> list[Op]:
    """A belt knotted at the front, its two ends hanging (worn over a garment's own buckled belt)."""
    h = 0.026
    ends = [[(cx - 0.01, y), (cx - 0.045, y + 0.16)], [(cx + 0.01, y), (cx + 0.06, y + 0.19)]]
    return [
        solid(rect(cx - half_w - 0.014, y - h, cx + half_w + 0.014, y + h), "ground", "dark", 0.005),
        *[line(end, "dark", 0.036, mask=True) for end in ends],
        *[line(end, "ground", 0.028, mask=True) for end in ends],
        solid(rrect(cx - 0.035, y - h - 0.01, cx + 0.035, y + h + 0.01, 0.015), "ground", "dark", 0.005),
    ]


def hood(cx: float, y: float, half_w: float) -> tuple[list[Op], list[Op]]:
    """A hood standing behind a neckline at y: (ops to draw before the garment, ops to draw after)."""
    outer = path(
        bez((cx - half_w * 1.1, y + 0.03), (cx - half_w * 2.0, y - 0.2), (cx, y - 0.22), 8),
        bez((cx, y - 0.22), (cx + half_w * 2.0, y - 0.2), (cx + half_w * 1.1, y + 0.03), 8),
    )
    opening = ellipse(cx, y + 0.005, half_w * 0.85, 0.165, 12, 180, 360)
    return [poly(outer)], [solid(opening, "dark", mask=False)]


def hood_trim(cx: float, y: float, half_w: float) -> list[Op]:
    """A pile trim round the opening of a hood drawn by `hood` (for a "hooded" word on a hooded item)."""
    rim = ellipse(cx, y + 0.005, half_w * 1.05, 0.18, 14, 180, 360)
    return [line(rim, "light", 0.03, mask=True), line(rim, "dark", 0.004)]


def sleeve(
    shoulder: Point,
    armpit: Point,
    length: float,
    angle: float,
    cuff: float,
    tag: str | None = None,
    cuff_band: float = 0.0,
    cuff_ink: str = "body",
) -> tuple[list[Op], list[Point]]:
    """A sleeve on the right-hand side hanging `angle` degrees out from vertical.

    Returns the ops (sleeve polygon, optional cuff band) and the outer edge polyline (for stripes).
    """
    a = math.radians(angle)
    d = (math.sin(a), math.cos(a))
    perp = (-math.cos(a), math.sin(a))
    co = (shoulder[0] + d[0] * length, shoulder[1] + d[1] * length)
    ci = (co[0] + perp[0] * cuff, co[1] + perp[1] * cuff)
    ops = [poly([shoulder, co, ci, armpit], tag=tag)]
    if cuff_band > 0:
        bo = (co[0] - d[0] * cuff_band, co[1] - d[1] * cuff_band)
        bi = (ci[0] - d[0] * cuff_band, ci[1] - d[1] * cuff_band)
        if cuff_ink == "body":
            ops.append(poly([bo, co, ci, bi], tag=tag))
        else:
            ops.append(solid([bo, co, ci, bi], cuff_ink, "dark", tag=tag))
    outer = [lerp(shoulder, co, 0.04), lerp(shoulder, co, 0.97)]
    return ops, outer


def ribs(p0: Point, p1: Point, q0: Point, q1: Point, n: int, tag: str | None = None) -> list[Op]:
    """n thin rib lines across the band whose top edge is p0-p1 and bottom edge q0-q1."""
    return [line([lerp(p0, p1, (i + 0.5) / n), lerp(q0, q1, (i + 0.5) / n)], "dark", 0.003, tag=tag) for i in range(n)]


def crew_neck(top: float, half_w: float, depth: float, back: float = 0.015) -> tuple[list[Point], list[Op]]:
    """Right half of a rounded neckline (centre to the shoulder seam) and the inner back-neck piece."""
    right = bez((0.5, top + depth), (0.5 + half_w * 0.95, top + depth), (0.5 + half_w, top), 6)
    front_full = [(1 - x, y) for x, y in reversed(right)] + right[1:]
    back_curve = bez((0.5 + half_w, top), (0.5, top + back * 2), (0.5 - half_w, top), 6)
    inside = solid(path(front_full, back_curve), "dark", mask=True)
    return right, [inside]


def flap_pocket(cx: float, y: float, w: float, h: float) -> list[Op]:
    """A pocket flap (outlined body piece)."""
    return [poly(rrect(cx - w / 2, y, cx + w / 2, y + h, h * 0.3, 2), "body", "dark", 0.004)]


def welt(x0: float, y0: float, x1: float, y1: float) -> list[Op]:
    return [line([(x0, y0), (x1, y1)], "dark", 0.007)]


def sleeves(
    shoulder, armpit, length, angle, cuff, tag=None, cuff_band=0.0, cuff_ink="body", rib=0
) -> tuple[list[Op], list[list]]:
    """Both sleeves (right one built, left mirrored) and their outer edges."""
    ops, outer = sleeve(shoulder, armpit, length, angle, cuff, tag, cuff_band, cuff_ink)
    if rib and cuff_band:
        band = ops[-1].pts
        ops += ribs(band[0], band[3], band[1], band[2], rib, tag)
    both = ops + [mirrored(op) for op in ops]
    return both, [outer, mirror(outer)]


def sleeve_seams(shoulder, armpit, length, angle, cuff, ts, tag=None) -> list[Op]:
    """Lines across both sleeves at fractions `ts` of their length (puffer baffles, cuff straps)."""
    ops, _ = sleeve(shoulder, armpit, length, angle, cuff, tag)
    s, co, ci, a = ops[0].pts
    out = [line([lerp(s, co, t), lerp(a, ci, t)], "dark", 0.008, tag=tag) for t in ts]
    return out + [mirrored(op) for op in out]


def lapels(top: float, neck: float, tip: Point, bottom: Point, v: float) -> list[list]:
    """Right notched lapel (collar point, notch, lapel point, roll to the V) and its mirror."""
    n = (0.5 + neck, top)
    right = [n, (tip[0] - 0.025, tip[1] - 0.04), (tip[0] - 0.04, tip[1] - 0.018), tip, bottom, (0.5, v)]
    return [right, mirror(right)]


def v_below(top: float, nw: float, v: float, y: float) -> list:
    """The V opening between the lapels, from height y (under the collar) down to its point at v."""
    k = (y - top) / (v - top)
    return [(0.5 - nw * (1 - k), y), (0.5 + nw * (1 - k), y), (0.5, v)]


def armholes(shoulder: Point, armpit: Point, ink: str = "dark") -> list[Op]:
    """Bound armhole edges of a sleeveless garment (both sides)."""
    edge = line(bez(shoulder, (shoulder[0] - 0.03, (shoulder[1] + armpit[1]) / 2), armpit, 5), ink, 0.012)
    return [edge, mirrored(edge)]


def toggles(x: float, ys: list[float], w: float = 0.035) -> list[Op]:
    """Duffle toggles: a horn bar and a rope loop at each height."""
    ops: list[Op] = []
    for y in ys:
        ops.append(line([(x - w, y + 0.012), (x + w * 0.4, y + 0.012)], "light", 0.004))
        ops.append(solid(rrect(x - w * 0.5, y - 0.008, x + w * 0.5, y + 0.008, 0.006), "hw", "dark", 0.002))
    return ops


def patch_pocket(cx: float, y: float, w: float, h: float, flap: bool = True) -> list[Op]:
    """A patch pocket (outlined body piece), with a flap and button when `flap`."""
    ops = [poly(rrect(cx - w / 2, y, cx + w / 2, y + h, 0.006, 2), "body", "dark", 0.004)]
    if flap:
        ops += [
            poly(rect(cx - w / 2 - 0.004, y - 0.004, cx + w / 2 + 0.004, y + h * 0.3), "body", "dark", 0.004),
            dot(cx, y + h * 0.22, 0.007, "dark"),
        ]
    return ops


def drawcord(y: float, x0: float, x1: float) -> list[Op]:
    """A drawcord channel across y with two cord ends hanging at the front."""
    return [
        line([(x0, y), (x1, y)], "dark", 0.004),
        line([(0.48, y), (0.47, y + 0.07)], "light", 0.006),
        line([(0.52, y), (0.53, y + 0.07)], "light", 0.006),
        dot(0.47, y + 0.075, 0.009, "hw"),
        dot(0.53, y + 0.075, 0.009, "hw"),
    ]
