"""Silhouette data for tops, dresses, tailoring, bottoms, swimwear and baby clothes: flat-lay front views in
unit coordinates, one drawing per noun shape."""

from __future__ import annotations

from typing import Any

from samplegen.render.geometry import (
    Op,
    Silhouette,
    bez,
    cbez,
    column,
    dot,
    ellipse,
    fringe,
    lerp,
    line,
    mirror,
    pair,
    path,
    poly,
    rect,
    rrect,
    solid,
    sym,
)
from samplegen.render.parts import (
    armholes,
    belt,
    crew_neck,
    drawcord,
    flap_pocket,
    hood,
    lapels,
    patch_pocket,
    ribs,
    sleeves,
    v_below,
)
from samplegen.render.silhouettes_tools import plain
from schemas.looks import ItemKind

# ------------------------------------------------------------------------------------------------ dresses


def dress() -> Silhouette:
    """A fitted long-sleeved dress with a waist seam and a flared skirt."""
    top, nw = 0.05, 0.06
    neck, inside = crew_neck(top, nw, 0.06)
    s, a = (0.63, 0.07), (0.625, 0.2)
    right = path(
        neck, [s, a, (0.595, 0.36), (0.64, 0.48)], bez((0.64, 0.48), (0.72, 0.75), (0.75, 0.93), 4), [(0.5, 0.945)]
    )
    long_sl, outer = sleeves(s, a, 0.42, 12, 0.05, "!short")
    short_sl, _ = sleeves(s, a, 0.12, 25, 0.065, "short")
    ops: list[Op] = long_sl + short_sl + [poly(sym(right))] + inside
    ops += [line([(0.405, 0.36), (0.595, 0.36)], "dark", 0.005)]
    ops += [line([(0.44, 0.4), (0.38, 0.92)], "dark", 0.003), line([(0.56, 0.4), (0.62, 0.92)], "dark", 0.003)]
    return Silhouette(
        tuple(ops),
        fill=0.86,
        pivot=0.36,
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.36, 0.097),
            "stripes": outer,
            "pleats": (0.37, 0.93, 0.405, 0.595, 0.255, 0.745),
            "front": [(0.5, 0.12), (0.5, 0.36)],
        },
    )


def shirt_dress() -> Silhouette:
    """A shirt dress: point collar, button placket to the hem, self belt, cuffed sleeves, straight skirt."""
    top, nw = 0.05, 0.05
    s, a = (0.645, 0.075), (0.64, 0.22)
    right = [(0.5, 0.1), (0.5 + nw, top), s, a, (0.62, 0.36), (0.67, 0.86), (0.5, 0.87)]
    long_sl, outer = sleeves(s, a, 0.4, 24, 0.055, "!short", 0.04, "body")
    short_sl, _ = sleeves(s, a, 0.13, 35, 0.07, "short")
    collar = [(0.55, 0.04), (0.61, 0.06), (0.58, 0.14), (0.503, 0.1)]
    ops: list[Op] = long_sl + short_sl + [poly(sym(right))]
    ops += [poly(collar), poly(mirror(collar))]
    ops += [line([(0.485, 0.1), (0.485, 0.87)], "dark", 0.003), line([(0.515, 0.1), (0.515, 0.87)], "dark", 0.003)]
    ops += column(0.5, 0.14, 0.8, 8, 0.007, "dark")
    ops += belt(0.36, 0.12)
    return Silhouette(
        tuple(ops),
        fill=0.86,
        pivot=0.36,
        anchors={
            "neck": (0.5, top, nw),
            "stripes": outer,
            "facing": [collar, mirror(collar)],
            "waist": (0.36, 0.12),
            "belt_worn": True,
            "pleats": (0.39, 0.86, 0.39, 0.61, 0.34, 0.66),
            "front": [(0.5, 0.1), (0.5, 0.36)],
        },
    )


def sweater_dress() -> Silhouette:
    """A knitted column dress: roomy dropped sleeves, ribbed neck, cuffs and hem, no waist seam."""
    top, nw = 0.06, 0.06
    neck, inside = crew_neck(top, nw, 0.045)
    s, a = (0.7, 0.1), (0.69, 0.26)
    right = path(neck, [s, a, (0.655, 0.4), (0.65, 0.98), (0.5, 0.98)])
    long_sl, outer = sleeves(s, a, 0.4, 32, 0.08, "!short", 0.05, "body", rib=4)
    short_sl, _ = sleeves(s, a, 0.15, 40, 0.09, "short", 0.03, "body", rib=4)
    ops: list[Op] = long_sl + short_sl + [poly(sym(right))] + inside
    ops += [poly(rect(0.35, 0.93, 0.65, 0.98))]
    ops += ribs((0.35, 0.93), (0.65, 0.93), (0.35, 0.98), (0.65, 0.98), 12)
    return Silhouette(
        tuple(ops),
        fill=0.86,
        pivot=0.4,
        surface="knit",
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.4, 0.16),
            "stripes": outer,
            "pleats": (0.42, 0.93, 0.35, 0.65, 0.35, 0.65),
            "front": [(0.5, 0.11), (0.5, 0.4)],
        },
    )


def slip_dress() -> Silhouette:
    """A bias-cut slip dress on spaghetti straps: V neckline, no sleeves, a long fluid skirt."""
    right = path(
        [(0.5, 0.26), (0.555, 0.2), (0.61, 0.17), (0.625, 0.22), (0.6, 0.36)],
        bez((0.6, 0.36), (0.64, 0.7), (0.7, 0.97), 5),
        [(0.5, 0.985)],
    )
    ops: list[Op] = pair(line([(0.6, 0.18), (0.585, 0.02)], "body", 0.01, mask=True, tag="!short"))
    ops += pair(poly([(0.56, 0.06), (0.68, 0.1), (0.7, 0.2), (0.62, 0.24)], tag="short"))
    ops += [poly(sym(right))]
    ops += [line([(0.39, 0.19), (0.5, 0.27), (0.61, 0.19)], "dark", 0.004)]
    ops += [line([(0.46, 0.4), (0.42, 0.96)], "dark", 0.003), line([(0.56, 0.45), (0.61, 0.96)], "dark", 0.003)]
    stripe = [(0.61, 0.2), (0.69, 0.96)]
    return Silhouette(
        tuple(ops),
        fill=0.88,
        pivot=0.36,
        anchors={
            "neck": (0.5, 0.17, 0.09),
            "waist": (0.36, 0.1),
            "stripes": [stripe, mirror(stripe)],
            "pleats": (0.4, 0.97, 0.41, 0.59, 0.31, 0.69),
            "front": [(0.5, 0.28), (0.5, 0.4)],
        },
    )


def polo_dress() -> Silhouette:
    """A polo shirt dress: ribbed collar and short sleeves, a buttoned placket, a short straight body."""
    top, nw = 0.08, 0.055
    s, a = (0.69, 0.11), (0.675, 0.29)
    right = [(0.5, 0.11), (0.5 + nw, top), s, a, (0.66, 0.45), (0.7, 0.84), (0.5, 0.84)]
    sl, outer = sleeves(s, a, 0.46, 18, 0.075, "!short", 0.035, "body", rib=4)
    short_sl, _ = sleeves(s, a, 0.2, 42, 0.095, "short", 0.028, "body", rib=4)
    collar = [(0.553, 0.072), (0.645, 0.1), (0.625, 0.175), (0.525, 0.19), (0.506, 0.15)]
    ops: list[Op] = sl + short_sl + [poly(sym(right))]
    ops += [poly(rect(0.478, 0.1, 0.522, 0.3)), poly(rrect(0.44, 0.055, 0.56, 0.09, 0.012))]
    ops += [poly(collar), poly(mirror(collar))]
    ops += column(0.5, 0.2, 0.28, 3, 0.007, "dark")
    ops += [dot(0.6, 0.24, 0.014, "accent"), line([(0.31, 0.81), (0.69, 0.81)], "dark", 0.003)]
    return Silhouette(
        tuple(ops),
        fill=0.84,
        pivot=0.36,
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.42, 0.17),
            "stripes": outer,
            "facing": [collar, mirror(collar)],
            "pleats": (0.45, 0.83, 0.34, 0.66, 0.31, 0.69),
        },
    )


def gown() -> Silhouette:
    """An evening gown: a strapless fitted bodice and a floor-length skirt that pools wide."""
    right = path(
        [(0.5, 0.12), (0.56, 0.09), (0.6, 0.1), (0.59, 0.3)],
        cbez((0.59, 0.3), (0.7, 0.5), (0.88, 0.8), (0.95, 1.0), 6),
        bez((0.95, 1.0), (0.75, 1.04), (0.5, 1.03), 4),
    )
    ops: list[Op] = pair(poly([(0.57, 0.09), (0.69, 0.08), (0.72, 0.18), (0.6, 0.2)], tag="short"))
    ops += [poly(sym(right))]
    ops += [line(bez((0.4, 0.1), (0.5, 0.14), (0.6, 0.1), 4), "dark", 0.004)]
    ops += [line([(0.41, 0.3), (0.59, 0.3)], "dark", 0.005)]
    for x0, x1 in ((0.47, 0.4), (0.53, 0.6), (0.44, 0.25), (0.56, 0.75)):
        ops.append(line([(x0, 0.32), (x1, 1.0)], "dark", 0.003))
    return Silhouette(
        tuple(ops),
        fill=0.9,
        pivot=0.3,
        anchors={
            "waist": (0.3, 0.09),
            "pleats": (0.32, 1.0, 0.42, 0.58, 0.1, 0.9),
            "stripes": [[(0.6, 0.32), (0.93, 0.98)], [(0.4, 0.32), (0.07, 0.98)]],
        },
    )


# --------------------------------------------------------------------------------------------------- tops


def shirt() -> Silhouette:
    top, nw = 0.06, 0.05
    s, a = (0.665, 0.09), (0.66, 0.26)
    right = path(
        [(0.5, 0.12), (0.5 + nw, top), s, a, (0.655, 0.5), (0.66, 0.72)], bez((0.66, 0.72), (0.6, 0.8), (0.5, 0.8), 4)
    )
    long_sl, outer = sleeves(s, a, 0.5, 13, 0.055, "!short", 0.05, "body")
    short_sl, _ = sleeves(s, a, 0.16, 30, 0.07, "short")
    collar = [(0.55, 0.052), (0.605, 0.075), (0.575, 0.165), (0.503, 0.12)]
    ops: list[Op] = long_sl + short_sl + [poly(sym(right))]
    ops += [poly(rrect(0.445, 0.035, 0.555, 0.07, 0.01)), poly(collar), poly(mirror(collar))]
    ops += [line([(0.482, 0.13), (0.482, 0.795)], "dark", 0.003), line([(0.518, 0.13), (0.518, 0.795)], "dark", 0.003)]
    ops += column(0.5, 0.17, 0.7, 6, 0.008, "dark")
    ops += [poly(rect(0.365, 0.21, 0.44, 0.3))]
    ops += pair(line([(0.35, 0.17), (0.44, 0.165)], "dark", 0.003))
    return Silhouette(
        tuple(ops),
        fill=0.82,
        pivot=0.45,
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.45, 0.156),
            "stripes": outer,
            "facing": [collar, mirror(collar)],
            "front": [(0.5, 0.13), (0.5, 0.78)],
            "pleats": (0.14, 0.46, 0.39, 0.61, 0.39, 0.61),
        },
    )


def blouse() -> Silhouette:
    """A blouse: pussy-bow at the neck, full sleeves gathered into cuffs, a softly curved hem."""
    top, nw = 0.08, 0.055
    neck, inside = crew_neck(top, nw, 0.04)
    s, a = (0.655, 0.1), (0.65, 0.26)
    right = path(neck, [s, a, (0.64, 0.5), (0.65, 0.62)], bez((0.65, 0.62), (0.6, 0.68), (0.5, 0.68), 4))
    puff = path(
        [s],
        cbez(s, (0.82, 0.16), (0.86, 0.5), (0.83, 0.6), 6),
        [(0.74, 0.62)],
        cbez((0.74, 0.62), (0.74, 0.5), (0.7, 0.35), a, 5),
    )
    cuff = [(0.735, 0.6), (0.835, 0.59), (0.835, 0.66), (0.735, 0.67)]
    ops: list[Op] = pair(poly(puff, tag="!short")) + pair(poly(cuff, tag="!short"))
    ops += pair(poly([s, (0.75, 0.2), (0.7, 0.29), a], tag="short"))
    ops += [poly(sym(right))] + inside
    bow = [(0.5, 0.13), (0.43, 0.09), (0.41, 0.17)]
    ops += [poly(bow), poly(mirror(bow))]
    ops += [
        line([(0.49, 0.14), (0.45, 0.34)], "body", 0.02, mask=True),
        line([(0.51, 0.14), (0.56, 0.32)], "body", 0.02, mask=True),
    ]
    ops += [line([(0.49, 0.14), (0.45, 0.34)], "dark", 0.003), dot(0.5, 0.135, 0.014, "dark")]
    outer = [[(0.66, 0.11), (0.82, 0.58)], mirror([(0.66, 0.11), (0.82, 0.58)])]
    return Silhouette(
        tuple(ops),
        fill=0.78,
        pivot=0.45,
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.45, 0.15),
            "stripes": outer,
            "front": [(0.5, 0.2), (0.5, 0.66)],
            "pleats": (0.16, 0.62, 0.4, 0.6, 0.37, 0.63),
        },
    )


def overshirt() -> Silhouette:
    """An overshirt: boxy and long, two flapped chest pockets, wide sleeves, a straight hem."""
    top, nw = 0.06, 0.05
    s, a = (0.69, 0.09), (0.685, 0.27)
    right = [(0.5, 0.12), (0.5 + nw, top), s, a, (0.69, 0.78), (0.5, 0.78)]
    long_sl, outer = sleeves(s, a, 0.42, 28, 0.08, "!short", 0.05, "body")
    short_sl, _ = sleeves(s, a, 0.16, 36, 0.09, "short")
    collar = [(0.55, 0.045), (0.63, 0.07), (0.6, 0.16), (0.503, 0.12)]
    ops: list[Op] = long_sl + short_sl + [poly(sym(right))]
    ops += [poly(collar), poly(mirror(collar))]
    ops += [line([(0.5, 0.12), (0.5, 0.78)], "dark", 0.004)]
    ops += column(0.515, 0.16, 0.72, 6, 0.01, "hw")
    for op in patch_pocket(0.6, 0.2, 0.12, 0.13):
        ops += pair(op)
    return Silhouette(
        tuple(ops),
        fill=0.82,
        pivot=0.45,
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.45, 0.19),
            "stripes": outer,
            "facing": [collar, mirror(collar)],
            "front": [(0.5, 0.13), (0.5, 0.76)],
            "pleats": (0.36, 0.76, 0.33, 0.67, 0.33, 0.67),
        },
    )


def t_shirt() -> Silhouette:
    top, nw = 0.08, 0.065
    neck, inside = crew_neck(top, nw, 0.05)
    s, a = (0.7, 0.11), (0.68, 0.3)
    right = path(neck, [s, a, (0.68, 0.78), (0.5, 0.78)])
    sl, outer = sleeves(s, a, 0.2, 45, 0.1)
    ops: list[Op] = sl + [poly(sym(right))] + inside
    band = [(x, y + 0.018) for x, y in mirror(list(reversed(neck)))[:-1] + neck]
    ops += [line(band, "dark", 0.004)]
    ops += [line([(0.32, 0.76), (0.68, 0.76)], "dark", 0.003)]
    sl_poly = sl[0].pts
    ops += pair(line([lerp(sl_poly[0], sl_poly[1], 0.85), lerp(sl_poly[3], sl_poly[2], 0.85)], "dark", 0.003))
    return Silhouette(tuple(ops), fill=0.78, pivot=0.3, anchors={"neck": (0.5, top, nw), "stripes": outer})


def polo_shirt() -> Silhouette:
    top, nw = 0.08, 0.055
    s, a = (0.69, 0.11), (0.675, 0.29)
    right = [(0.5, 0.11), (0.5 + nw, top), s, a, (0.67, 0.78), (0.5, 0.78)]
    sl, outer = sleeves(s, a, 0.2, 42, 0.095, None, 0.028, "body", rib=4)
    collar = [(0.553, 0.072), (0.645, 0.1), (0.625, 0.175), (0.525, 0.19), (0.506, 0.15)]
    ops: list[Op] = sl + [poly(sym(right))]
    ops += [poly(rect(0.478, 0.1, 0.522, 0.27))]
    ops += [poly(rrect(0.44, 0.055, 0.56, 0.09, 0.012)), poly(collar), poly(mirror(collar))]
    ops += [dot(0.5, 0.205, 0.008, "dark"), dot(0.5, 0.245, 0.008, "dark")]
    ops += [dot(0.6, 0.24, 0.014, "accent")]
    ops += [line([(0.33, 0.76), (0.67, 0.76)], "dark", 0.003)]
    return Silhouette(
        tuple(ops),
        fill=0.78,
        pivot=0.3,
        anchors={"neck": (0.5, top, nw), "stripes": outer, "facing": [collar, mirror(collar)]},
    )


def _knit_top(v_neck: bool, sleeved: bool = True) -> tuple[list[Op], dict, list]:
    """Shared knitwear body (ribbed cuffs and hem); returns ops, anchors, neckline.

    The sweater is boxy with dropped shoulders; the cardigan longer and narrower, arms closer in; the
    sweater vest has the cardigan's V and no sleeves.
    """
    top, nw = 0.08, 0.06
    neck: list = []
    if v_neck:
        s, a, hw, hy, angle = (0.675, 0.11), (0.665, 0.3), 0.175, 0.82, 7
        right = [(0.5, 0.36), (0.5 + nw, top), s, a, (0.5 + hw, hy), (0.5, hy)]
        inside = [poly(rrect(0.44, 0.06, 0.56, 0.1, 0.015)), solid(v_below(top, nw, 0.36, 0.1), "dark")]
    else:
        s, a, hw, hy, angle = (0.72, 0.14), (0.71, 0.32), 0.2, 0.7, 16
        neck, inside = crew_neck(top, nw, 0.05)
        right = path(neck, [s, a, (0.5 + hw, hy), (0.5, hy)])
    if sleeved:
        long_sl, outer = sleeves(s, a, 0.48, angle, 0.075, "!short", 0.06, "body", rib=4)
        short_sl, _ = sleeves(s, a, 0.18, 35, 0.09, "short", 0.03, "body", rib=4)
        ops: list[Op] = long_sl + short_sl + [poly(sym(right))] + inside
    else:
        s, a = (0.64, 0.1), (0.665, 0.34)
        right = [(0.5, 0.36), (0.5 + nw, top), s, (0.615, 0.2), a, (0.5 + hw, hy), (0.5, hy)]
        ops = [poly(sym(right))] + inside + armholes((0.625, 0.11), a)
        outer = [[(0.67, 0.36), (0.675, hy - 0.06)], [(0.33, 0.36), (0.325, hy - 0.06)]]
    band = (0.5 - hw, hy - 0.055, 0.5 + hw, hy)
    ops += [poly(rect(*band))]
    ops += ribs((band[0], band[1]), (band[2], band[1]), (band[0], band[3]), (band[2], band[3]), 12)
    return ops, {"neck": (0.5, top, nw), "stripes": outer, "front": [(0.5, top + 0.04), (0.5, 0.32)]}, neck


def sweater() -> Silhouette:
    ops, anchors, neck = _knit_top(False)
    band = mirror(list(reversed(neck)))[:-1] + neck
    ops += [line([(x, y + 0.024) for x, y in band], "dark", 0.004)]
    ops += [line([(x, y), (x, y + 0.024)], "dark", 0.003) for x, y in band[1:-1:2]]
    return Silhouette(tuple(ops), fill=0.8, pivot=0.4, surface="knit", anchors=anchors)


def sweater_vest() -> Silhouette:
    """A sleeveless V-neck knit with ribbed armholes and hem."""
    ops, anchors, _ = _knit_top(True, sleeved=False)
    return Silhouette(tuple(ops), fill=0.8, pivot=0.4, surface="knit", anchors=anchors)


def cardigan() -> Silhouette:
    ops, anchors, _ = _knit_top(True)
    ops += [
        line([(0.44, 0.08), (0.5, 0.36), (0.5, 0.765)], "dark", 0.004),
        line([(0.56, 0.08), (0.525, 0.32), (0.525, 0.765)], "dark", 0.004),
        line([(0.475, 0.32), (0.475, 0.765)], "dark", 0.004),
    ]
    ops += column(0.5, 0.4, 0.72, 6, 0.011, "dark")
    ops += pair(poly(rect(0.565, 0.56, 0.645, 0.66)))
    anchors["front"] = [(0.5, 0.37), (0.5, 0.8)]
    return Silhouette(tuple(ops), fill=0.8, pivot=0.4, surface="knit", anchors=anchors)


def hoodie(hooded: bool = True) -> Silhouette:
    """The hoodie (hood, drawstrings, pouch pocket); without them, arms spread, the sweatshirt."""
    top, nw = 0.09, 0.065
    neck, inside = crew_neck(top, nw, 0.045)
    s, a = (0.7, 0.12), (0.69, 0.31)
    right = path(neck, [s, a, (0.69, 0.74), (0.5, 0.74)])
    sl, outer = sleeves(s, a, 0.47 if hooded else 0.42, 12 if hooded else 34, 0.075, None, 0.05, "body", rib=4)
    ops: list[Op] = []
    anchors: dict[str, Any] = {"neck": (0.5, top, nw), "stripes": outer, "front": [(0.5, 0.14), (0.5, 0.69)]}
    if hooded:
        behind, front = hood(0.5, top, 0.075)
        ops += behind + sl + [poly(sym(right))] + inside + front
        anchors["has_hood"] = True
    else:
        ops += sl + [poly(sym(right))] + inside
        band = mirror(list(reversed(neck)))[:-1] + neck
        ops += [line([(x, y + 0.02) for x, y in band], "dark", 0.004)]
        ops += [solid([(0.48, top + 0.05), (0.52, top + 0.05), (0.5, top + 0.09)], "dark")]
    ops += [poly(rect(0.31, 0.69, 0.69, 0.74))]
    ops += ribs((0.31, 0.69), (0.69, 0.69), (0.31, 0.74), (0.69, 0.74), 11)
    if hooded:
        ops += [poly([(0.37, 0.49), (0.63, 0.49), (0.67, 0.67), (0.33, 0.67)])]
        ops += pair(line([(0.632, 0.5), (0.666, 0.65)], "dark", 0.008))
        ops += [
            line([(0.468, 0.11), (0.46, 0.29)], "light", 0.008),
            line([(0.532, 0.11), (0.54, 0.29)], "light", 0.008),
        ]
        ops += [dot(0.46, 0.295, 0.01, "hw"), dot(0.54, 0.295, 0.01, "hw")]
    return Silhouette(tuple(ops), fill=0.82, pivot=0.4, anchors=anchors)


# ---------------------------------------------------------------------------------------------- tailoring


def blazer(hem: float = 0.7, angle: float = 9, double: bool = False, tip=(0.65, 0.13), roll: float = 0.4) -> Silhouette:
    """The blazer (short, double-breasted with metal buttons and patch pockets) and the tailored jacket
    (long, single-breasted, slim arms)."""
    top, nw = 0.06, 0.05
    s, a = (0.685, 0.085), (0.665, 0.26)
    front_x = 0.56 if double else 0.52
    right = path(
        [(0.5, roll), (0.5 + nw, top), s, a, (0.645, 0.42), (0.675, hem), (front_x + 0.045, hem)],
        bez((front_x + 0.045, hem), (front_x, hem - 0.01), (front_x - 0.015, hem - 0.1), 3),
    )
    sl, outer = sleeves(s, a, 0.5, angle, 0.055)
    lapel = lapels(top, nw, tip, (front_x, roll + 0.01), roll)
    ops: list[Op] = sl + [poly(sym(right))]
    ops += [poly(rrect(0.44, top - 0.02, 0.56, top + 0.018, 0.01))]
    ops += [poly(p) for p in lapel]
    ops += [solid(v_below(top, nw, roll, top + 0.02), "dark")]
    if double:
        for y in (roll + 0.05, roll + 0.15):
            ops += pair(dot(0.545, y, 0.012, "hw"))
        ops += pair(patch_pocket(0.6, hem - 0.17, 0.1, 0.11, flap=False)[0])
    else:
        ops += [dot(0.515, roll + 0.05, 0.011, "dark"), dot(0.515, roll + 0.13, 0.011, "dark")]
        ops += pair(flap_pocket(0.6, hem - 0.15, 0.1, 0.032)[0])
    ops += [line([(0.34, 0.23), (0.42, 0.225)], "dark", 0.007)]
    sp = sl[0].pts
    for t in (0.84, 0.88, 0.92):
        ops += pair(dot(*lerp(lerp(sp[0], sp[1], t), lerp(sp[3], sp[2], t), 0.3), 0.006, "hw" if double else "dark"))
    return Silhouette(
        tuple(ops),
        fill=0.84,
        pivot=0.42,
        anchors={"neck": (0.5, top, nw), "waist": (0.42, 0.145), "stripes": outer, "facing": lapel},
    )


def tuxedo_jacket() -> Silhouette:
    """A dinner jacket: satin shawl collar, one button, fronts cut away into a wide curve, arms held out."""
    top, nw = 0.06, 0.05
    s, a = (0.685, 0.085), (0.665, 0.26)
    right = path(
        [(0.5, 0.44), (0.5 + nw, top), s, a, (0.645, 0.42), (0.68, 0.66)],
        bez((0.68, 0.66), (0.6, 0.67), (0.53, 0.5), 5),
    )
    sl, outer = sleeves(s, a, 0.46, 24, 0.06)
    shawl = path(
        [(0.5 + nw, top)],
        bez((0.5 + nw, top), (0.66, 0.16), (0.53, 0.45), 6),
        bez((0.51, 0.45), (0.56, 0.2), (0.5 + nw - 0.012, top + 0.02), 5),
    )
    ops: list[Op] = sl + [poly(sym(right))]
    ops += [solid(path(v_below(top, nw, 0.44, top + 0.015)), "light")]
    ops += [solid(shawl, "black", "dark"), solid(mirror(shawl), "black", "dark")]
    ops += [dot(0.5, 0.465, 0.012, "black")]
    ops += [line([(0.5, top + 0.02), (0.5, 0.4)], "dark", 0.003)]
    ops += pair(line([(0.57, 0.55), (0.64, 0.55)], "black", 0.01))
    return Silhouette(
        tuple(ops),
        fill=0.84,
        pivot=0.42,
        anchors={"neck": (0.5, top, nw), "waist": (0.42, 0.145), "stripes": outer, "facing": [shawl, mirror(shawl)]},
    )


# ------------------------------------------------------------------------------------------------ bottoms


def trousers(
    hem_x: float = 0.645,
    inner: float = 0.525,
    knee: tuple = (0.665, 0.35),
    hem: float = 0.97,
    cuffs: bool = False,
    cord: bool = False,
    turn_up: bool = False,
    crotch: float = 0.33,
    waist: float = 0.67,
) -> Silhouette:
    """Trousers; jogging pants (cuffed, drawcord, full thigh), chinos (slim, cropped, turned up) and
    wide-leg trousers are variants of the leg."""
    leg = [(0.5, 0.09), (waist, 0.09), knee, (hem_x, hem), (inner, hem), (0.5, crotch)]
    ops: list[Op] = [poly(leg), poly(mirror(leg)), poly(rect(1 - waist, 0.04, waist, 0.09))]
    ops += [line([(0.475, 0.09), (0.475, 0.24), (0.5, 0.28)], "dark", 0.004)]
    ops += pair(line([(0.615, 0.09), (0.662, 0.2)], "dark", 0.004))
    ops += pair(line([((hem_x + inner) / 2 + 0.005, 0.12), ((hem_x + inner) / 2, hem)], "dark", 0.003))
    if cord:
        ops += ribs((1 - waist, 0.04), (waist, 0.04), (1 - waist, 0.09), (waist, 0.09), 12)
        ops += [line([(0.49, 0.08), (0.47, 0.17)], "light", 0.006), line([(0.51, 0.08), (0.53, 0.17)], "light", 0.006)]
    else:
        ops += pair(line([(0.6, 0.035), (0.6, 0.095)], "dark", 0.01))
        ops += pair(line([(0.4, 0.035), (0.4, 0.095)], "dark", 0.01))
        ops += [dot(0.5, 0.065, 0.009, "dark")]
    if cuffs:
        cuff = [(hem_x + 0.004, hem - 0.06), (inner - 0.004, hem - 0.06), (inner - 0.004, hem), (hem_x + 0.004, hem)]
        ops += pair(poly(cuff))
        ops += pair(ribs(cuff[1], cuff[0], cuff[2], cuff[3], 5)[0])
    if turn_up:
        ops += pair(
            poly(
                [(hem_x + 0.008, hem - 0.045), (inner - 0.008, hem - 0.045), (inner - 0.008, hem), (hem_x + 0.008, hem)]
            )
        )
    stripe = [(knee[0] - 0.003, 0.1), (hem_x - 0.002, hem - 0.01)]
    return Silhouette(
        tuple(ops),
        fill=0.9,
        pivot=0.12,
        anchors={
            "waist": (0.065, 0.17),
            "stripes": [stripe, mirror(stripe)],
            "front": [(0.485, 0.1), (0.485, 0.25)],
            "pleats": (0.09, 0.32, 0.54, 0.64, 0.56, 0.62),
        },
    )


def shorts(swim: bool = False) -> Silhouette:
    """Tailored shorts; swim shorts are shorter and fuller, with a drawcord waist and curved side splits."""
    if swim:
        leg = path(
            [(0.5, 0.12), (0.69, 0.12), (0.74, 0.38)],
            bez((0.74, 0.38), (0.71, 0.4), (0.7, 0.44), 3),
            [(0.53, 0.45), (0.5, 0.32)],
        )
    else:
        leg = [(0.5, 0.12), (0.68, 0.12), (0.7, 0.3), (0.725, 0.53), (0.53, 0.55), (0.5, 0.34)]
    ops: list[Op] = [poly(leg), poly(mirror(leg)), poly(rect(0.32, 0.06, 0.68, 0.12))]
    if swim:
        ops += drawcord(0.1, 0.32, 0.68)
        ops += pair(line([(0.535, 0.41), (0.695, 0.41)], "dark", 0.004))
        ops += [solid(rect(0.64, 0.16, 0.68, 0.2), "accent")]
    else:
        ops += pair(line([(0.533, 0.51), (0.722, 0.49)], "dark", 0.004))
        ops += [line([(0.475, 0.12), (0.475, 0.25), (0.5, 0.29)], "dark", 0.004)]
        ops += pair(line([(0.62, 0.12), (0.685, 0.24)], "dark", 0.004))
        ops += pair(line([(0.6, 0.055), (0.6, 0.125)], "dark", 0.01))
        ops += [dot(0.5, 0.09, 0.009, "dark")]
    stripe = [(0.685, 0.13), (0.725, 0.37)] if swim else [(0.685, 0.13), (0.712, 0.5)]
    return Silhouette(
        tuple(ops),
        fill=0.74,
        pivot=0.14,
        anchors={
            "waist": (0.09, 0.18),
            "stripes": [stripe, mirror(stripe)],
            "front": [(0.485, 0.13), (0.485, 0.26)],
            "pleats": (0.12, 0.42 if swim else 0.5, 0.36, 0.64, 0.3, 0.7),
        },
    )


def skirt() -> Silhouette:
    right = path(
        [(0.5, 0.13), (0.64, 0.13), (0.69, 0.4), (0.755, 0.72)], bez((0.755, 0.72), (0.62, 0.75), (0.5, 0.752), 3)
    )
    ops: list[Op] = [poly(sym(right)), poly(rect(0.355, 0.08, 0.645, 0.13)), dot(0.6, 0.105, 0.009, "dark")]
    ops += [line([(0.44, 0.15), (0.4, 0.73)], "dark", 0.003), line([(0.56, 0.15), (0.6, 0.73)], "dark", 0.003)]
    return Silhouette(
        tuple(ops),
        fill=0.74,
        pivot=0.14,
        anchors={
            "waist": (0.105, 0.145),
            "pleats": (0.14, 0.735, 0.365, 0.635, 0.25, 0.75),
            "stripes": [[(0.64, 0.14), (0.745, 0.71)], [(0.36, 0.14), (0.255, 0.71)]],
            "front": [(0.6, 0.14), (0.605, 0.3)],
        },
    )


def kilt() -> Silhouette:
    """A kilt: a straight wrapped apron over pleats, a fringed edge down the wrap, buckled straps, a pin."""
    back = [(0.34, 0.1), (0.66, 0.1), (0.69, 0.86), (0.31, 0.86)]
    apron = [(0.4, 0.1), (0.69, 0.1), (0.72, 0.86), (0.44, 0.86)]
    ops: list[Op] = [poly(back)]
    ops += [line([(0.33 + 0.015 * i, 0.12), (0.3 + 0.015 * i, 0.85)], "dark", 0.003) for i in range(1, 7)]
    ops += [poly(apron)]
    ops += fringe((0.44, 0.86), (0.4, 0.1), 14, 0.05, "body", 0.008, angle=3.14159)
    ops += [line([(0.4, 0.1), (0.44, 0.86)], "dark", 0.004)]
    for y in (0.14, 0.22):
        ops += [
            solid(rect(0.62, y - 0.012, 0.74, y + 0.012), "accent", "dark", 0.003),
            solid(rect(0.7, y - 0.02, 0.73, y + 0.02), "hw"),
        ]
    ops += [line([(0.6, 0.66), (0.63, 0.78)], "hw", 0.01), dot(0.635, 0.79, 0.014, "hw")]
    return Silhouette(
        tuple(ops),
        fill=0.8,
        pivot=0.14,
        anchors={
            "waist": (0.11, 0.2),
            "pleats": (0.12, 0.85, 0.34, 0.4, 0.31, 0.44),
            "stripes": [[(0.67, 0.12), (0.7, 0.84)], [(0.33, 0.12), (0.3, 0.84)]],
        },
    )


# ------------------------------------------------------------------------------------------------- swim


def swimsuit() -> Silhouette:
    right = path(
        bez((0.5, 0.28), (0.55, 0.27), (0.565, 0.19), 4),
        [(0.63, 0.2)],
        bez((0.63, 0.2), (0.6, 0.28), (0.625, 0.34), 4),
        [(0.6, 0.5), (0.64, 0.66)],
        bez((0.64, 0.66), (0.57, 0.72), (0.545, 0.86), 4),
        [(0.5, 0.865)],
    )
    ops: list[Op] = pair(line([(0.575, 0.21), (0.59, 0.05)], "body", 0.024, mask=True))
    ops += [poly(sym(right))]
    ops += pair(line([(0.62, 0.35), (0.605, 0.5), (0.635, 0.65)], "dark", 0.003))
    stripe = [(0.625, 0.35), (0.602, 0.5), (0.633, 0.64)]
    return Silhouette(tuple(ops), fill=0.78, anchors={"stripes": [stripe, mirror(stripe)], "waist": (0.5, 0.1)})


def bikini() -> Silhouette:
    """A bikini: triangle top on a halter tie, tie-side briefs below it."""
    cup = [(0.505, 0.3), (0.6, 0.14), (0.7, 0.32)]
    brief = path(
        [(0.28, 0.6), (0.72, 0.6)],
        bez((0.72, 0.6), (0.6, 0.72), (0.55, 0.86), 4),
        [(0.45, 0.86)],
        bez((0.45, 0.86), (0.4, 0.72), (0.28, 0.6), 4),
    )
    ops: list[Op] = pair(line([(0.6, 0.15), (0.53, 0.03), (0.5, 0.02)], "body", 0.014, mask=True))
    ops += [line([(0.2, 0.31), (0.8, 0.31)], "body", 0.016, mask=True)]
    ops += [poly(cup), poly(mirror(cup)), poly(brief)]
    ops += pair(line([(0.72, 0.6), (0.78, 0.64), (0.76, 0.7)], "body", 0.014, mask=True))
    ops += [line([(0.3, 0.62), (0.7, 0.62)], "dark", 0.003)]
    return Silhouette(
        tuple(ops),
        fill=0.8,
        anchors={"stripes": [[(0.6, 0.16), (0.68, 0.3)], [(0.4, 0.16), (0.32, 0.3)]], "waist": (0.6, 0.2)},
    )


# ---------------------------------------------------------------------------------------------------- baby


def playsuit() -> Silhouette:
    right = path(
        bez((0.5, 0.15), (0.55, 0.15), (0.56, 0.1), 3),
        [(0.64, 0.12), (0.66, 0.25)],
        bez((0.66, 0.25), (0.7, 0.45), (0.7, 0.62), 4),
        [(0.665, 0.77), (0.57, 0.8)],
        bez((0.57, 0.8), (0.55, 0.76), (0.5, 0.77), 3),
    )
    sl, _ = sleeves((0.64, 0.12), (0.66, 0.25), 0.13, 55, 0.1)
    collar = ellipse(0.548, 0.155, 0.052, 0.038, 14)
    ops: list[Op] = sl + [poly(sym(right))]
    ops += [poly(collar), poly(mirror(collar))]
    ops += column(0.5, 0.24, 0.42, 3, 0.011, "light")
    ops += pair(line([(0.665, 0.77), (0.57, 0.8), (0.55, 0.77)], "accent", 0.01))
    ops += [dot(0.47, 0.75, 0.009, "light"), dot(0.53, 0.75, 0.009, "light")]
    return Silhouette(tuple(ops), fill=0.62, anchors={"neck": (0.5, 0.1, 0.06)})


def bodysuit() -> Silhouette:
    """A long-sleeved baby bodysuit: envelope neck, arms out, a narrow snap crotch and no legs."""
    right = path(
        bez((0.5, 0.16), (0.55, 0.16), (0.56, 0.1), 3),
        [(0.63, 0.12), (0.64, 0.26), (0.64, 0.56)],
        bez((0.64, 0.56), (0.62, 0.68), (0.54, 0.72), 4),
        [(0.5, 0.72)],
    )
    sl, outer = sleeves((0.63, 0.12), (0.64, 0.26), 0.34, 62, 0.09, None, 0.03, "body", rib=3)
    ops: list[Op] = sl + [poly(sym(right))]
    ops += [line(bez((0.44, 0.1), (0.5, 0.18), (0.56, 0.1), 4), "dark", 0.006)]
    ops += [line([(0.46, 0.705), (0.54, 0.705)], "dark", 0.004)]
    ops += [dot(0.475, 0.695, 0.007, "hw"), dot(0.5, 0.695, 0.007, "hw"), dot(0.525, 0.695, 0.007, "hw")]
    return Silhouette(tuple(ops), fill=0.62, anchors={"neck": (0.5, 0.1, 0.06), "stripes": outer})


def gift_set() -> Silhouette:
    """A baby gift set: an open box with its lid propped behind, a folded bodysuit and a bib inside."""
    ops: list[Op] = [solid(rect(0.12, 0.14, 0.88, 0.42), "aux", "dark", 0.004)]
    ops += [solid(rect(0.1, 0.4, 0.9, 0.9), "aux", "dark", 0.004)]
    ops += [solid(rect(0.14, 0.44, 0.86, 0.86), "light", "dark", 0.003)]
    ops += [poly(rrect(0.18, 0.48, 0.56, 0.82, 0.03))]
    ops += [line(bez((0.3, 0.48), (0.37, 0.54), (0.44, 0.48), 4), "dark", 0.006)]
    ops += [poly(path(ellipse(0.71, 0.66, 0.12, 0.14, 16)))]
    ops += [solid(ellipse(0.71, 0.56, 0.045, 0.035, 10), "light", "dark", 0.003)]
    ops += [line([(0.5, 0.14), (0.5, 0.42)], "accent", 0.03), line([(0.12, 0.28), (0.88, 0.28)], "accent", 0.03)]
    return Silhouette(tuple(ops), fill=0.8, aux="ground_light", motif=0.16)


# -------------------------------------------------------------------------------------------------- scarves


def scarf() -> Silhouette:
    back = rrect(0.41, 0.1, 0.67, 0.86, 0.01, 2)
    front = path(bez((0.34, 0.12), (0.47, 0.04), (0.6, 0.12), 6), [(0.6, 0.8), (0.34, 0.8)])
    ops: list[Op] = [poly(back)]
    ops += fringe((0.6, 0.86), (0.67, 0.86), 3, 0.075, "body", 0.008)
    ops += [line([(0.6, 0.86), (0.67, 0.86)], "dark", 0.004)]
    ops += [poly(front)]
    ops += fringe((0.34, 0.8), (0.6, 0.8), 12, 0.075, "body", 0.008)
    ops += [line([(0.34, 0.8), (0.6, 0.8)], "dark", 0.004)]
    ops += [line([(0.36, 0.13), (0.58, 0.13)], "dark", 0.004)]
    ops += [solid(rect(0.545, 0.74, 0.585, 0.77), "light")]
    return Silhouette(tuple(ops), fill=0.82, pivot=0.2)


def stole() -> Silhouette:
    """A stole: one wide length laid flat in a loose S, fringed at both ends."""
    right = path(
        cbez((0.2, 0.08), (0.7, 0.1), (0.95, 0.3), (0.7, 0.5), 8),
        cbez((0.7, 0.5), (0.5, 0.66), (0.5, 0.8), (0.75, 0.9), 8),
        [(0.45, 0.92)],
        cbez((0.45, 0.92), (0.22, 0.82), (0.24, 0.6), (0.45, 0.48), 8),
        cbez((0.45, 0.48), (0.65, 0.36), (0.5, 0.26), (0.1, 0.3), 8),
    )
    ops: list[Op] = [poly(right)]
    ops += fringe((0.1, 0.3), (0.2, 0.08), 7, 0.06, "body", 0.008, angle=3.14159)
    ops += fringe((0.45, 0.92), (0.75, 0.9), 10, 0.06, "body", 0.008)
    ops += [solid(rect(0.62, 0.84, 0.66, 0.87), "light")]
    return Silhouette(tuple(ops), fill=0.86, pivot=0.5, motif=0.12)


def bandana() -> Silhouette:
    """A bandana folded in half into a triangle, point down, with a stitched border."""
    tri = [(0.04, 0.3), (0.96, 0.3), (0.5, 0.78)]
    ops: list[Op] = [poly(tri)]
    ops += [line([(0.09, 0.325), (0.91, 0.325), (0.5, 0.74), (0.09, 0.325)], "dark", 0.003)]
    ops += [solid(rect(0.47, 0.66, 0.53, 0.69), "light")]
    return Silhouette(tuple(ops), fill=0.86, pivot=0.35, motif=0.12)


def square() -> Silhouette:
    """A silk square laid flat, with a rolled border and a corner label."""
    ops: list[Op] = [poly(rect(0.12, 0.12, 0.88, 0.88))]
    ops += [line([(0.15, 0.15), (0.85, 0.15), (0.85, 0.85), (0.15, 0.85), (0.15, 0.15)], "accent", 0.012)]
    ops += [solid(rect(0.77, 0.8, 0.83, 0.83), "light")]
    return Silhouette(tuple(ops), fill=0.78, pivot=0.3, motif=0.1)


CLOTHING = {
    ItemKind.DRESS: {
        "dress": plain(dress),
        "shirt_dress": plain(shirt_dress),
        "sweater_dress": plain(sweater_dress),
        "slip_dress": plain(slip_dress),
        "polo_dress": plain(polo_dress),
        "gown": plain(gown),
    },
    ItemKind.SHIRT: {"shirt": plain(shirt), "blouse": plain(blouse), "overshirt": plain(overshirt)},
    ItemKind.T_SHIRT: {"t_shirt": plain(t_shirt)},
    ItemKind.POLO_SHIRT: {"polo_shirt": plain(polo_shirt)},
    ItemKind.SWEATER: {"sweater": plain(sweater), "sweater_vest": plain(sweater_vest)},
    ItemKind.CARDIGAN: {"cardigan": plain(cardigan)},
    ItemKind.HOODIE: {"hoodie": plain(hoodie), "sweatshirt": plain(hoodie, hooded=False)},
    ItemKind.BLAZER: {
        "tailored": plain(blazer, hem=0.8, angle=4, roll=0.44, tip=(0.64, 0.14)),
        "blazer": plain(blazer, hem=0.66, angle=14, double=True, tip=(0.68, 0.12), roll=0.36),
        "tuxedo": plain(tuxedo_jacket),
    },
    ItemKind.TROUSERS: {
        "trousers": plain(trousers),
        "jogging": plain(
            trousers,
            hem_x=0.625,
            inner=0.55,
            knee=(0.75, 0.42),
            hem=0.9,
            cuffs=True,
            cord=True,
            crotch=0.42,
            waist=0.71,
        ),
        "chinos": plain(trousers, hem_x=0.58, inner=0.525, knee=(0.63, 0.35), hem=0.95, turn_up=True, waist=0.635),
        "wide_leg": plain(trousers, hem_x=0.74, inner=0.51, knee=(0.68, 0.35)),
    },
    ItemKind.SHORTS: {"shorts": plain(shorts), "swim_shorts": plain(shorts, swim=True)},
    ItemKind.SKIRT: {"skirt": plain(skirt), "kilt": plain(kilt)},
    ItemKind.SWIMSUIT: {"swimsuit": plain(swimsuit), "bikini": plain(bikini)},
    ItemKind.BABY_ROMPER: {"playsuit": plain(playsuit), "gift_set": plain(gift_set), "bodysuit": plain(bodysuit)},
    ItemKind.SCARF: {"scarf": plain(scarf), "stole": plain(stole), "bandana": plain(bandana), "square": plain(square)},
}
