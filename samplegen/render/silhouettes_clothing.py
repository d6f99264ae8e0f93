"""Silhouette data for outerwear, clothing and scarves: flat-lay front views in unit coordinates."""

from __future__ import annotations

from samplegen.render.geometry import (
    Op,
    Silhouette,
    bez,
    column,
    dot,
    ellipse,
    fringe,
    lerp,
    line,
    mirror,
    mirrored,
    pair,
    path,
    poly,
    rect,
    rrect,
    solid,
    sym,
)
from samplegen.render.parts import belt, crew_neck, flap_pocket, hood, ribs, sleeve, welt
from schemas.looks import ItemKind


def _sleeves(shoulder, armpit, length, angle, cuff, tag=None, cuff_band=0.0, cuff_ink="body",
             rib=0) -> tuple[list[Op], list[list]]:
    """Both sleeves (right one built, left mirrored) and their outer edges."""
    ops, outer = sleeve(shoulder, armpit, length, angle, cuff, tag, cuff_band, cuff_ink)
    if rib and cuff_band:
        band = ops[-1].pts
        ops += ribs(band[0], band[3], band[1], band[2], rib, tag)
    both = ops + [mirrored(op) for op in ops]
    return both, [outer, mirror(outer)]


def _sleeve_seams(shoulder, armpit, length, angle, cuff, ts, tag=None) -> list[Op]:
    """Lines across both sleeves at fractions `ts` of their length (puffer baffles, cuff straps)."""
    ops, _ = sleeve(shoulder, armpit, length, angle, cuff, tag)
    s, co, ci, a = ops[0].pts
    out = [line([lerp(s, co, t), lerp(a, ci, t)], "dark", 0.008, tag=tag) for t in ts]
    return out + [mirrored(op) for op in out]


def _lapels(top: float, neck: float, tip: tuple[float, float], bottom: tuple[float, float], v: float) -> list[list]:
    """Right notched lapel (collar point, notch, lapel point, roll to the V) and its mirror."""
    n = (0.5 + neck, top)
    right = [
        n,
        (tip[0] - 0.025, tip[1] - 0.04),
        (tip[0] - 0.04, tip[1] - 0.018),
        tip,
        bottom,
        (0.5, v),
    ]
    return [right, mirror(right)]


def _v_below(top: float, nw: float, v: float, y: float) -> list:
    """The V opening between the lapels, from height y (under the collar) down to its point at v."""
    k = (y - top) / (v - top)
    return [(0.5 - nw * (1 - k), y), (0.5 + nw * (1 - k), y), (0.5, v)]


# ------------------------------------------------------------------------------------------- outerwear


def trench_coat() -> Silhouette:
    top, nw = 0.06, 0.055
    s, a = (0.675, 0.095), (0.668, 0.27)
    body = sym([(0.5, 0.335), (0.5 + nw, top), s, a, (0.645, 0.42), (0.745, 0.95), (0.5, 0.95)])
    long_sl, outer = _sleeves(s, a, 0.52, 13, 0.07, "!short")
    short_sl, _ = _sleeves(s, a, 0.2, 28, 0.085, "short")
    lapels = _lapels(top, nw, (0.66, 0.14), (0.59, 0.35), 0.335)
    ops: list[Op] = long_sl + short_sl + [poly(body)]
    ops += _sleeve_seams(s, a, 0.52, 13, 0.07, (0.84,), "!short")
    ops += [poly(rrect(0.43, top - 0.025, 0.57, top + 0.02, 0.012))]
    ops += [poly(p) for p in lapels]
    ops += [solid(_v_below(top, nw, 0.335, top + 0.022), "dark")]
    ops += [poly([(0.335, 0.1), (0.345, 0.14), (0.378, 0.235), (0.31, 0.245), (0.323, 0.102)])]
    ops += pair(poly([(0.585, 0.066), (0.668, 0.093), (0.666, 0.114), (0.583, 0.088)]))
    ops += pair(dot(0.597, 0.079, 0.006, "dark"))
    ops += [line([(0.59, 0.35), (0.6, 0.95)], "dark", 0.004)]
    for y in (0.345, 0.395, 0.53, 0.61):
        ops += pair(dot(0.56, y, 0.011, "dark"))
    ops += pair(welt(0.6, 0.56, 0.66, 0.65)[0])
    ops += belt(0.45, 0.152)
    return Silhouette(
        tuple(ops), fill=0.9, pivot=0.45, aux="interior",
        anchors={"neck": (0.5, top, nw), "stripes": outer, "facing": lapels, "front": [(0.5, 0.35), (0.5, 0.93)]},
    )


def coat() -> Silhouette:
    top, nw = 0.06, 0.055
    s, a = (0.67, 0.095), (0.663, 0.27)
    body = sym([(0.5, 0.325), (0.5 + nw, top), s, a, (0.65, 0.45), (0.7, 0.9), (0.5, 0.9)])
    long_sl, outer = _sleeves(s, a, 0.5, 11, 0.065, "!short")
    short_sl, _ = _sleeves(s, a, 0.2, 26, 0.08, "short")
    lapels = _lapels(top, nw, (0.64, 0.13), (0.515, 0.33), 0.325)
    ops: list[Op] = long_sl + short_sl + [poly(body)]
    ops += [poly(rrect(0.435, top - 0.022, 0.565, top + 0.02, 0.012))]
    ops += [poly(p) for p in lapels]
    ops += [solid(_v_below(top, nw, 0.325, top + 0.022), "dark")]
    ops += [line([(0.515, 0.33), (0.52, 0.9)], "dark", 0.004)]
    ops += column(0.5, 0.38, 0.64, 3, 0.013, "dark")
    ops += pair(flap_pocket(0.6, 0.58, 0.1, 0.035)[0])
    return Silhouette(
        tuple(ops), fill=0.88, pivot=0.45,
        anchors={"neck": (0.5, top, nw), "waist": (0.45, 0.15), "stripes": outer, "facing": lapels,
                 "front": [(0.5, 0.34), (0.5, 0.88)]},
    )


def quilted_jacket() -> Silhouette:
    top, nw = 0.08, 0.05
    s, a = (0.675, 0.11), (0.67, 0.28)
    body = sym([(0.5, 0.13), (0.5 + nw, top), s, a, (0.665, 0.42), (0.705, 0.68), (0.5, 0.68)])
    sl, outer = _sleeves(s, a, 0.45, 10, 0.068, None, 0.03, "accent")
    collar = [(0.55, 0.07), (0.635, 0.095), (0.585, 0.175), (0.503, 0.13)]
    ops: list[Op] = sl + [poly(body)]
    ops += [solid(rrect(0.44, 0.05, 0.56, 0.095, 0.015), "accent", "dark")]
    ops += [solid(collar, "accent", "dark"), solid(mirror(collar), "accent", "dark")]
    ops += [line([(0.5, 0.14), (0.5, 0.68)], "dark", 0.004)]
    ops += column(0.515, 0.19, 0.62, 6, 0.009, "hw")
    ops += pair(flap_pocket(0.605, 0.5, 0.1, 0.03)[0])
    ops += pair(dot(0.605, 0.52, 0.006, "hw"))
    ops += [line([(0.295, 0.675), (0.705, 0.675)], "accent", 0.014)]
    return Silhouette(
        tuple(ops), fill=0.8, pivot=0.42, surface="quilt",
        anchors={"neck": (0.5, top, nw), "waist": (0.42, 0.166), "stripes": outer,
                 "facing": [collar, mirror(collar)], "front": [(0.5, 0.14), (0.5, 0.64)]},
    )


def puffer_jacket() -> Silhouette:
    top, nw = 0.07, 0.06
    s, a = (0.68, 0.11), (0.685, 0.27)
    seams = (0.27, 0.37, 0.47, 0.57, 0.67)
    right = [(0.5, 0.1), (0.5 + nw, top), s, a]
    for y0, y1 in zip(seams, seams[1:]):
        ym = (y0 + y1) / 2
        right += [(0.7 + 0.03 * (ym - 0.27) / 0.4, ym), (0.688 + 0.03 * (y1 - 0.27) / 0.4, y1)]
    right += [(0.6, 0.69), (0.5, 0.68)]
    body = sym(right)
    sl, outer = _sleeves(s, a, 0.44, 24, 0.095, None, 0.03, "body")
    ops: list[Op] = sl + [poly(body)]
    ops += _sleeve_seams(s, a, 0.44, 24, 0.095, (0.3, 0.55, 0.78))
    ops += [line([(0.32, 0.185), (0.68, 0.185)], "dark", 0.009)]
    for y in seams[:-1]:
        ops.append(line([(0.305, y), (0.695, y)], "dark", 0.009))
    ops += [poly(rrect(0.425, 0.025, 0.575, 0.12, 0.03))]
    ops += [line([(0.5, 0.07), (0.5, 0.68)], "hw", 0.007), solid(rrect(0.49, 0.07, 0.51, 0.12, 0.005), "hw")]
    return Silhouette(
        tuple(ops), fill=0.82, pivot=0.42,
        anchors={"neck": (0.5, 0.04, 0.07), "waist": (0.45, 0.2), "stripes": outer},
    )


def jacket() -> Silhouette:
    top, nw = 0.08, 0.05
    s, a = (0.675, 0.1), (0.67, 0.27)
    body = sym([(0.5, 0.125), (0.5 + nw, top), s, a, (0.675, 0.45), (0.665, 0.56), (0.5, 0.56)])
    sl, outer = _sleeves(s, a, 0.44, 24, 0.07, None, 0.035, "body", rib=4)
    collar = [(0.55, 0.06), (0.655, 0.09), (0.61, 0.17), (0.505, 0.125)]
    ops: list[Op] = sl + [poly(body)]
    ops += [poly(rrect(0.44, 0.045, 0.56, 0.095, 0.015)), poly(collar), poly(mirror(collar))]
    ops += [poly(rect(0.335, 0.515, 0.665, 0.56))]
    ops += ribs((0.335, 0.515), (0.665, 0.515), (0.335, 0.56), (0.665, 0.56), 10)
    ops += [line([(0.5, 0.125), (0.5, 0.515)], "hw", 0.007), solid(rrect(0.49, 0.125, 0.51, 0.17, 0.005), "hw")]
    ops += pair(flap_pocket(0.6, 0.21, 0.085, 0.03)[0])
    ops += pair(welt(0.6, 0.37, 0.625, 0.47)[0])
    return Silhouette(
        tuple(ops), fill=0.8, pivot=0.42,
        anchors={"neck": (0.5, top, nw), "waist": (0.4, 0.175), "stripes": outer,
                 "facing": [collar, mirror(collar)]},
    )


def cape() -> Silhouette:
    top, nw = 0.07, 0.06
    right = path([(0.5, 0.12), (0.5 + nw, top)], bez((0.56, top), (0.66, 0.08), (0.69, 0.2), 5),
                 [(0.77, 0.5), (0.83, 0.88)], bez((0.83, 0.88), (0.7, 0.92), (0.5, 0.925), 4))
    collar = [(0.56, 0.065), (0.63, 0.09), (0.61, 0.16), (0.505, 0.13)]
    ops: list[Op] = [poly(sym(right))]
    ops += [poly(rrect(0.44, 0.05, 0.56, 0.09, 0.015)), poly(collar), poly(mirror(collar))]
    ops += [line([(0.5, 0.13), (0.5, 0.925)], "dark", 0.004)]
    ops += column(0.515, 0.18, 0.36, 3, 0.012, "dark")
    ops += pair(line([(0.635, 0.42), (0.66, 0.58)], "dark", 0.01))
    return Silhouette(
        tuple(ops), fill=0.84, pivot=0.4,
        anchors={"neck": (0.5, top, nw), "waist": (0.42, 0.265), "facing": [collar, mirror(collar)],
                 "front": [(0.5, 0.14), (0.5, 0.9)]},
    )


# --------------------------------------------------------------------------------------------- clothing


def dress() -> Silhouette:
    top, nw = 0.05, 0.06
    neck, inside = crew_neck(top, nw, 0.06)
    s, a = (0.63, 0.07), (0.625, 0.2)
    right = path(neck, [s, a, (0.595, 0.36), (0.64, 0.48)], bez((0.64, 0.48), (0.72, 0.75), (0.75, 0.93), 4),
                 [(0.5, 0.945)])
    long_sl, outer = _sleeves(s, a, 0.42, 12, 0.05, "!short")
    short_sl, _ = _sleeves(s, a, 0.12, 25, 0.065, "short")
    ops: list[Op] = long_sl + short_sl + [poly(sym(right))] + inside
    ops += [line([(0.405, 0.36), (0.595, 0.36)], "dark", 0.005)]
    ops += [line([(0.44, 0.4), (0.38, 0.92)], "dark", 0.003), line([(0.56, 0.4), (0.62, 0.92)], "dark", 0.003)]
    return Silhouette(
        tuple(ops), fill=0.86, pivot=0.36,
        anchors={"neck": (0.5, top, nw), "waist": (0.36, 0.097), "stripes": outer,
                 "pleats": (0.37, 0.93, 0.405, 0.595, 0.255, 0.745), "front": [(0.5, 0.12), (0.5, 0.36)]},
    )


def shirt() -> Silhouette:
    top, nw = 0.06, 0.05
    s, a = (0.665, 0.09), (0.66, 0.26)
    right = path([(0.5, 0.12), (0.5 + nw, top), s, a, (0.655, 0.5), (0.66, 0.72)],
                 bez((0.66, 0.72), (0.6, 0.8), (0.5, 0.8), 4))
    long_sl, outer = _sleeves(s, a, 0.5, 13, 0.055, "!short", 0.05, "body")
    short_sl, _ = _sleeves(s, a, 0.16, 30, 0.07, "short")
    collar = [(0.55, 0.052), (0.605, 0.075), (0.575, 0.165), (0.503, 0.12)]
    ops: list[Op] = long_sl + short_sl + [poly(sym(right))]
    ops += [poly(rrect(0.445, 0.035, 0.555, 0.07, 0.01)), poly(collar), poly(mirror(collar))]
    ops += [line([(0.482, 0.13), (0.482, 0.795)], "dark", 0.003), line([(0.518, 0.13), (0.518, 0.795)], "dark", 0.003)]
    ops += column(0.5, 0.17, 0.7, 6, 0.008, "dark")
    ops += [poly(rect(0.365, 0.21, 0.44, 0.3))]
    ops += pair(line([(0.35, 0.17), (0.44, 0.165)], "dark", 0.003))
    return Silhouette(
        tuple(ops), fill=0.82, pivot=0.45,
        anchors={"neck": (0.5, top, nw), "waist": (0.45, 0.156), "stripes": outer,
                 "facing": [collar, mirror(collar)], "front": [(0.5, 0.13), (0.5, 0.78)]},
    )


def t_shirt() -> Silhouette:
    top, nw = 0.08, 0.065
    neck, inside = crew_neck(top, nw, 0.05)
    s, a = (0.7, 0.11), (0.68, 0.3)
    right = path(neck, [s, a, (0.68, 0.78), (0.5, 0.78)])
    sl, outer = _sleeves(s, a, 0.2, 45, 0.1)
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
    sl, outer = _sleeves(s, a, 0.2, 42, 0.095, None, 0.028, "body", rib=4)
    collar = [(0.553, 0.072), (0.645, 0.1), (0.625, 0.175), (0.525, 0.19), (0.506, 0.15)]
    ops: list[Op] = sl + [poly(sym(right))]
    ops += [poly(rect(0.478, 0.1, 0.522, 0.27))]
    ops += [poly(rrect(0.44, 0.055, 0.56, 0.09, 0.012)), poly(collar), poly(mirror(collar))]
    ops += [dot(0.5, 0.205, 0.008, "dark"), dot(0.5, 0.245, 0.008, "dark")]
    ops += [dot(0.6, 0.24, 0.014, "accent")]
    ops += [line([(0.33, 0.76), (0.67, 0.76)], "dark", 0.003)]
    return Silhouette(
        tuple(ops), fill=0.78, pivot=0.3,
        anchors={"neck": (0.5, top, nw), "stripes": outer, "facing": [collar, mirror(collar)]},
    )


def _knit_top(v_neck: bool) -> tuple[list[Op], dict, list]:
    """Shared knitwear body (ribbed cuffs and hem); returns ops, anchors, neckline.

    The sweater is boxy with dropped shoulders; the cardigan longer and narrower, arms closer in.
    """
    top, nw = 0.08, 0.06
    neck: list = []
    if v_neck:
        s, a, hw, hy, angle = (0.675, 0.11), (0.665, 0.3), 0.175, 0.82, 7
        right = [(0.5, 0.36), (0.5 + nw, top), s, a, (0.5 + hw, hy), (0.5, hy)]
        inside = [poly(rrect(0.44, 0.06, 0.56, 0.1, 0.015)), solid(_v_below(top, nw, 0.36, 0.1), "dark")]
    else:
        s, a, hw, hy, angle = (0.72, 0.14), (0.71, 0.32), 0.2, 0.7, 16
        neck, inside = crew_neck(top, nw, 0.05)
        right = path(neck, [s, a, (0.5 + hw, hy), (0.5, hy)])
    long_sl, outer = _sleeves(s, a, 0.48, angle, 0.075, "!short", 0.06, "body", rib=4)
    short_sl, _ = _sleeves(s, a, 0.18, 35, 0.09, "short", 0.03, "body", rib=4)
    ops: list[Op] = long_sl + short_sl + [poly(sym(right))] + inside
    band = (0.5 - hw, hy - 0.055, 0.5 + hw, hy)
    ops += [poly(rect(*band))]
    ops += ribs((band[0], band[1]), (band[2], band[1]), (band[0], band[3]), (band[2], band[3]), 12)
    return ops, {"neck": (0.5, top, nw), "stripes": outer}, neck


def sweater() -> Silhouette:
    ops, anchors, neck = _knit_top(False)
    band = mirror(list(reversed(neck)))[:-1] + neck
    ops += [line([(x, y + 0.024) for x, y in band], "dark", 0.004)]
    ops += [line([(x, y), (x, y + 0.024)], "dark", 0.003) for x, y in band[1:-1:2]]
    return Silhouette(tuple(ops), fill=0.8, pivot=0.4, surface="knit", anchors=anchors)


def cardigan() -> Silhouette:
    ops, anchors, _ = _knit_top(True)
    ops += [line([(0.44, 0.08), (0.5, 0.36), (0.5, 0.765)], "dark", 0.004),
            line([(0.56, 0.08), (0.525, 0.32), (0.525, 0.765)], "dark", 0.004),
            line([(0.475, 0.32), (0.475, 0.765)], "dark", 0.004)]
    ops += column(0.5, 0.4, 0.72, 6, 0.011, "dark")
    ops += pair(poly(rect(0.565, 0.56, 0.645, 0.66)))
    anchors["front"] = [(0.5, 0.37), (0.5, 0.8)]
    return Silhouette(tuple(ops), fill=0.8, pivot=0.4, surface="knit", anchors=anchors)


def hoodie() -> Silhouette:
    top, nw = 0.09, 0.065
    neck, inside = crew_neck(top, nw, 0.045)
    s, a = (0.7, 0.12), (0.69, 0.31)
    right = path(neck, [s, a, (0.69, 0.74), (0.5, 0.74)])
    sl, outer = _sleeves(s, a, 0.47, 12, 0.075, None, 0.05, "body", rib=4)
    behind, front = hood(0.5, top, 0.075)
    ops: list[Op] = behind + sl + [poly(sym(right))] + inside + front
    ops += [poly(rect(0.31, 0.69, 0.69, 0.74))]
    ops += ribs((0.31, 0.69), (0.69, 0.69), (0.31, 0.74), (0.69, 0.74), 11)
    ops += [poly([(0.37, 0.49), (0.63, 0.49), (0.67, 0.67), (0.33, 0.67)])]
    ops += pair(line([(0.632, 0.5), (0.666, 0.65)], "dark", 0.008))
    ops += [line([(0.468, 0.11), (0.46, 0.29)], "light", 0.008), line([(0.532, 0.11), (0.54, 0.29)], "light", 0.008)]
    ops += [dot(0.46, 0.295, 0.01, "hw"), dot(0.54, 0.295, 0.01, "hw")]
    return Silhouette(
        tuple(ops), fill=0.82, pivot=0.4,
        anchors={"neck": (0.5, top, nw), "stripes": outer, "has_hood": True, "front": [(0.5, 0.14), (0.5, 0.69)]},
    )


def blazer() -> Silhouette:
    top, nw = 0.06, 0.05
    s, a = (0.685, 0.085), (0.665, 0.26)
    right = path([(0.5, 0.4), (0.5 + nw, top), s, a, (0.645, 0.42), (0.675, 0.7), (0.565, 0.7)],
                 bez((0.565, 0.7), (0.52, 0.69), (0.505, 0.6), 3))
    sl, outer = _sleeves(s, a, 0.5, 9, 0.055)
    lapels = _lapels(top, nw, (0.65, 0.13), (0.52, 0.41), 0.4)
    ops: list[Op] = sl + [poly(sym(right))]
    ops += [poly(rrect(0.44, top - 0.02, 0.56, top + 0.018, 0.01))]
    ops += [poly(p) for p in lapels]
    ops += [solid(_v_below(top, nw, 0.4, top + 0.02), "dark")]
    ops += [dot(0.515, 0.45, 0.011, "dark"), dot(0.515, 0.53, 0.011, "dark")]
    ops += pair(flap_pocket(0.6, 0.55, 0.1, 0.032)[0])
    ops += [line([(0.34, 0.23), (0.42, 0.225)], "dark", 0.007)]
    sp = sl[0].pts
    for t in (0.84, 0.88, 0.92):
        ops += pair(dot(*lerp(lerp(sp[0], sp[1], t), lerp(sp[3], sp[2], t), 0.3), 0.006, "dark"))
    return Silhouette(
        tuple(ops), fill=0.84, pivot=0.42,
        anchors={"neck": (0.5, top, nw), "waist": (0.42, 0.145), "stripes": outer, "facing": lapels},
    )


def trousers() -> Silhouette:
    leg = [(0.5, 0.09), (0.67, 0.09), (0.665, 0.35), (0.645, 0.97), (0.525, 0.97), (0.5, 0.33)]
    ops: list[Op] = [poly(leg), poly(mirror(leg)), poly(rect(0.33, 0.04, 0.67, 0.09))]
    ops += [line([(0.475, 0.09), (0.475, 0.24), (0.5, 0.28)], "dark", 0.004)]
    ops += pair(line([(0.615, 0.09), (0.662, 0.2)], "dark", 0.004))
    ops += pair(line([(0.585, 0.12), (0.585, 0.97)], "dark", 0.003))
    ops += pair(line([(0.6, 0.035), (0.6, 0.095)], "dark", 0.01))
    ops += pair(line([(0.4, 0.035), (0.4, 0.095)], "dark", 0.01))
    ops += [dot(0.5, 0.065, 0.009, "dark")]
    stripe = [(0.662, 0.1), (0.643, 0.96)]
    return Silhouette(
        tuple(ops), fill=0.9, pivot=0.12,
        anchors={"waist": (0.065, 0.17), "stripes": [stripe, mirror(stripe)], "front": [(0.485, 0.1), (0.485, 0.25)],
                 "pleats": (0.09, 0.32, 0.54, 0.64, 0.56, 0.62)},
    )


def shorts() -> Silhouette:
    leg = [(0.5, 0.12), (0.68, 0.12), (0.7, 0.3), (0.725, 0.53), (0.53, 0.55), (0.5, 0.34)]
    ops: list[Op] = [poly(leg), poly(mirror(leg)), poly(rect(0.32, 0.06, 0.68, 0.12))]
    ops += pair(line([(0.533, 0.51), (0.722, 0.49)], "dark", 0.004))
    ops += [line([(0.475, 0.12), (0.475, 0.25), (0.5, 0.29)], "dark", 0.004)]
    ops += pair(line([(0.62, 0.12), (0.685, 0.24)], "dark", 0.004))
    ops += pair(line([(0.6, 0.055), (0.6, 0.125)], "dark", 0.01))
    ops += [dot(0.5, 0.09, 0.009, "dark")]
    stripe = [(0.685, 0.13), (0.712, 0.5)]
    return Silhouette(
        tuple(ops), fill=0.74, pivot=0.14,
        anchors={"waist": (0.09, 0.18), "stripes": [stripe, mirror(stripe)], "front": [(0.485, 0.13), (0.485, 0.26)],
                 "pleats": (0.12, 0.5, 0.36, 0.64, 0.3, 0.7)},
    )


def skirt() -> Silhouette:
    right = path([(0.5, 0.13), (0.64, 0.13), (0.69, 0.4), (0.755, 0.72)], bez((0.755, 0.72), (0.62, 0.75), (0.5, 0.752), 3))
    ops: list[Op] = [poly(sym(right)), poly(rect(0.355, 0.08, 0.645, 0.13)), dot(0.6, 0.105, 0.009, "dark")]
    ops += [line([(0.44, 0.15), (0.4, 0.73)], "dark", 0.003), line([(0.56, 0.15), (0.6, 0.73)], "dark", 0.003)]
    return Silhouette(
        tuple(ops), fill=0.74, pivot=0.14,
        anchors={"waist": (0.105, 0.145), "pleats": (0.14, 0.735, 0.365, 0.635, 0.25, 0.75),
                 "stripes": [[(0.64, 0.14), (0.745, 0.71)], [(0.36, 0.14), (0.255, 0.71)]],
                 "front": [(0.6, 0.14), (0.605, 0.3)]},
    )


def swimsuit() -> Silhouette:
    right = path(bez((0.5, 0.28), (0.55, 0.27), (0.565, 0.19), 4), [(0.63, 0.2)],
                 bez((0.63, 0.2), (0.6, 0.28), (0.625, 0.34), 4), [(0.6, 0.5), (0.64, 0.66)],
                 bez((0.64, 0.66), (0.57, 0.72), (0.545, 0.86), 4), [(0.5, 0.865)])
    ops: list[Op] = pair(line([(0.575, 0.21), (0.59, 0.05)], "body", 0.024, mask=True))
    ops += [poly(sym(right))]
    ops += pair(line([(0.62, 0.35), (0.605, 0.5), (0.635, 0.65)], "dark", 0.003))
    stripe = [(0.625, 0.35), (0.602, 0.5), (0.633, 0.64)]
    return Silhouette(tuple(ops), fill=0.78, anchors={"stripes": [stripe, mirror(stripe)], "waist": (0.5, 0.1)})


def baby_romper() -> Silhouette:
    right = path(bez((0.5, 0.15), (0.55, 0.15), (0.56, 0.1), 3), [(0.64, 0.12), (0.66, 0.25)],
                 bez((0.66, 0.25), (0.7, 0.45), (0.7, 0.62), 4), [(0.665, 0.77), (0.57, 0.8)],
                 bez((0.57, 0.8), (0.55, 0.76), (0.5, 0.77), 3))
    sl, _ = _sleeves((0.64, 0.12), (0.66, 0.25), 0.13, 55, 0.1)
    collar = ellipse(0.548, 0.155, 0.052, 0.038, 14)
    ops: list[Op] = sl + [poly(sym(right))]
    ops += [poly(collar), poly(mirror(collar))]
    ops += column(0.5, 0.24, 0.42, 3, 0.011, "light")
    ops += pair(line([(0.665, 0.77), (0.57, 0.8), (0.55, 0.77)], "accent", 0.01))
    ops += [dot(0.47, 0.75, 0.009, "light"), dot(0.53, 0.75, 0.009, "light")]
    return Silhouette(tuple(ops), fill=0.62, anchors={"neck": (0.5, 0.1, 0.06)})


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


CLOTHING = {
    ItemKind.TRENCH_COAT: trench_coat,
    ItemKind.COAT: coat,
    ItemKind.QUILTED_JACKET: quilted_jacket,
    ItemKind.PUFFER_JACKET: puffer_jacket,
    ItemKind.JACKET: jacket,
    ItemKind.CAPE: cape,
    ItemKind.DRESS: dress,
    ItemKind.SHIRT: shirt,
    ItemKind.T_SHIRT: t_shirt,
    ItemKind.POLO_SHIRT: polo_shirt,
    ItemKind.SWEATER: sweater,
    ItemKind.CARDIGAN: cardigan,
    ItemKind.HOODIE: hoodie,
    ItemKind.BLAZER: blazer,
    ItemKind.TROUSERS: trousers,
    ItemKind.SHORTS: shorts,
    ItemKind.SKIRT: skirt,
    ItemKind.SWIMSUIT: swimsuit,
    ItemKind.BABY_ROMPER: baby_romper,
    ItemKind.SCARF: scarf,
}
