"""Silhouette data for outerwear: flat-lay front views in unit coordinates, one drawing per noun shape."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from samplegen.render.geometry import (
    Op,
    Silhouette,
    bez,
    column,
    dot,
    fringe,
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
    drawcord,
    flap_pocket,
    hood,
    lapels,
    patch_pocket,
    ribs,
    sleeve_seams,
    sleeves,
    toggles,
    v_below,
    welt,
)
from samplegen.render.silhouettes_tools import plain
from schemas.looks import ItemKind


def _side(top: float, bottom: float, x_top: float, x_bottom: float) -> list:
    """The right side seam as a stripe polyline (for sleeveless drawings)."""
    return [(x_top, top), (x_bottom, bottom)]


# ------------------------------------------------------------------------------------------- trench coats


def trench_coat(hem: float = 0.95, hem_x: float = 0.745, belted: bool = True, heritage: bool = False) -> Silhouette:
    """The trench; `heritage` adds the long flared skirt, epaulettes and storm shield; short and unbelted for
    the car coat."""
    top, nw = 0.06, 0.055
    s, a = (0.675, 0.095), (0.668, 0.27)
    body = sym([(0.5, 0.335), (0.5 + nw, top), s, a, (0.645, 0.42), (hem_x, hem), (0.5, hem)])
    long_sl, outer = sleeves(s, a, 0.52, 13, 0.07, "!short")
    short_sl, _ = sleeves(s, a, 0.2, 28, 0.085, "short")
    lapel = lapels(top, nw, (0.66, 0.14), (0.59, 0.35), 0.335)
    ops: list[Op] = long_sl + short_sl + [poly(body)]
    ops += sleeve_seams(s, a, 0.52, 13, 0.07, (0.84,), "!short")
    ops += [poly(rrect(0.43, top - 0.025, 0.57, top + 0.02, 0.012))]
    ops += [poly(p) for p in lapel]
    ops += [solid(v_below(top, nw, 0.335, top + 0.022), "dark")]
    if heritage:
        shield = [(0.5 + nw, top + 0.01), (0.69, 0.1), (0.7, 0.3), (0.5, 0.33)]
        ops += pair(poly(shield))
        ops += pair(poly([(0.57, 0.058), (0.7, 0.09), (0.7, 0.118), (0.565, 0.085)]))
        ops += pair(dot(0.68, 0.1, 0.008, "dark"))
    else:
        ops += [poly([(0.335, 0.1), (0.345, 0.14), (0.378, 0.235), (0.31, 0.245), (0.323, 0.102)])]
        ops += pair(poly([(0.585, 0.066), (0.668, 0.093), (0.666, 0.114), (0.583, 0.088)]))
        ops += pair(dot(0.597, 0.079, 0.006, "dark"))
    ops += [line([(0.59, 0.35), (0.59 + (hem_x - 0.745) * 0.4 + 0.01, hem)], "dark", 0.004)]
    for y in (0.345, 0.395, 0.53, 0.61):
        if y < hem - 0.05:
            ops += pair(dot(0.56, y, 0.011, "dark"))
    ops += pair(welt(0.6, 0.56, 0.66, 0.65)[0])
    anchors: dict[str, Any] = {
        "neck": (0.5, top, nw),
        "stripes": outer,
        "facing": lapel,
        "front": [(0.5, 0.35), (0.5, hem - 0.02)],
    }
    anchors["waist"] = (0.45, 0.152)
    if belted:
        ops += belt(0.45, 0.152)
        anchors["belt_worn"] = True
    return Silhouette(tuple(ops), fill=0.9, pivot=0.45, aux="interior", anchors=anchors)


# ------------------------------------------------------------------------------------------------- coats


def coat(
    hem: float = 0.9,
    hem_x: float = 0.7,
    angle: float = 11,
    tip=(0.64, 0.13),
    double: bool = False,
    hooded: bool = False,
    toggled: bool = False,
    shearling: bool = False,
) -> Silhouette:
    """A tailored coat; pea coat (short, double-breasted), overcoat (long), duffle (hood and toggles) and
    shearling (wide pile collar, cuffs and hem) are its variants."""
    top, nw = 0.06, 0.055
    s, a = (0.67, 0.095), (0.663, 0.27)
    body = sym([(0.5, 0.325), (0.5 + nw, top), s, a, (0.65, 0.45), (hem_x, hem), (0.5, hem)])
    cuff = "light" if shearling else "body"
    long_sl, outer = sleeves(s, a, 0.5, angle, 0.075 if shearling else 0.065, "!short", 0.05 if shearling else 0, cuff)
    short_sl, _ = sleeves(s, a, 0.2, 26, 0.08, "short")
    ops: list[Op] = long_sl + short_sl
    if hooded:
        behind, _front = hood(0.5, top, 0.085)
        ops = behind + ops
    ops += [poly(body)]
    anchors: dict[str, Any] = {
        "neck": (0.5, top, nw),
        "waist": (0.45, 0.15),
        "stripes": outer,
        "front": [(0.5, 0.34), (0.5, hem - 0.02)],
    }
    if shearling:
        collar = [(0.5 + nw, top - 0.01), (0.79, 0.13), (0.76, 0.2), (0.6, 0.36), (0.5, 0.4)]
        ops += [solid(collar, "light", "dark"), solid(mirror(collar), "light", "dark")]
        ops += [solid(rect(0.5 - (hem_x - 0.5) - 0.01, hem - 0.05, hem_x + 0.01, hem), "light", "dark")]
        ops += [line([(0.5, 0.4), (0.5, hem - 0.05)], "dark", 0.004)]
        ops += column(0.53, 0.46, hem - 0.12, 3, 0.012, "hw")
        anchors["facing"] = [collar, mirror(collar)]
    elif toggled:
        anchors["has_hood"] = hooded
        ops += [poly(rrect(0.42, top - 0.01, 0.58, top + 0.05, 0.015))]
        ops += [line([(0.5, top + 0.05), (0.5, hem)], "dark", 0.004)]
        ops += toggles(0.5, [0.2, 0.32, 0.44, 0.56])
        ops += pair(patch_pocket(0.6, hem - 0.26, 0.1, 0.11, flap=True)[0])
    else:
        lapel = lapels(top, nw, tip, (0.515 if not double else 0.58, 0.33), 0.325)
        ops += [poly(rrect(0.435, top - 0.022, 0.565, top + 0.02, 0.012))]
        ops += [poly(p) for p in lapel]
        ops += [solid(v_below(top, nw, 0.325, top + 0.022), "dark")]
        ops += [line([(0.58 if double else 0.515, 0.33), (0.585 if double else 0.52, hem)], "dark", 0.004)]
        if double:
            for y in (0.38, 0.46, 0.54):
                ops += pair(dot(0.555, y, 0.013, "dark"))
        else:
            ops += column(0.5, 0.38, 0.64, 3, 0.013, "dark")
        ops += pair(flap_pocket(0.6, min(0.58, hem - 0.1), 0.1, 0.035)[0])
        anchors["facing"] = lapel
    return Silhouette(tuple(ops), fill=0.88, pivot=0.45, anchors=anchors)


def wrap_coat() -> Silhouette:
    """A belted wrap coat: shawl collar, no buttons, the front crossing over, a flared skirt."""
    top, nw = 0.06, 0.055
    s, a = (0.67, 0.095), (0.663, 0.27)
    body = sym([(0.5, 0.325), (0.5 + nw, top), s, a, (0.64, 0.44), (0.8, 0.97), (0.5, 0.97)])
    long_sl, outer = sleeves(s, a, 0.5, 15, 0.075, "!short", 0.06, "body")
    short_sl, _ = sleeves(s, a, 0.2, 26, 0.08, "short")
    shawl = path(
        [(0.5 + nw, top)],
        bez((0.5 + nw, top), (0.7, 0.12), (0.6, 0.44), 6),
        [(0.53, 0.44)],
        bez((0.53, 0.44), (0.6, 0.2), (0.5 + nw - 0.01, top + 0.02), 5),
    )
    ops: list[Op] = long_sl + short_sl + [poly(body)]
    ops += [poly(shawl), poly(mirror(shawl))]
    ops += [line([(0.6, 0.44), (0.66, 0.97)], "dark", 0.004)]
    ops += belt(0.44, 0.14, buckle_dx=0.0)
    return Silhouette(
        tuple(ops),
        fill=0.88,
        pivot=0.45,
        anchors={
            "neck": (0.5, top, nw),
            "stripes": outer,
            "facing": [shawl, mirror(shawl)],
            "waist": (0.44, 0.14),
            "belt_worn": True,
            "front": [(0.6, 0.45), (0.66, 0.95)],
        },
    )


# -------------------------------------------------------------------------------------- quilted and puffer


def quilted_jacket(hem: float = 0.68, hem_x: float = 0.705, sleeved: bool = True) -> Silhouette:
    """The quilted jacket; the gilet has no sleeves, the quilted coat a long body."""
    top, nw = 0.08, 0.05
    s, a = (0.675, 0.11), (0.67, 0.28)
    if sleeved:
        body = sym([(0.5, 0.13), (0.5 + nw, top), s, a, (0.665, 0.42), (hem_x, hem), (0.5, hem)])
    else:  # armholes cut in deep towards the neck
        s, a = (0.63, 0.1), (0.665, 0.33)
        body = sym([(0.5, 0.13), (0.5 + nw, top), s, (0.6, 0.2), a, (0.675, 0.42), (hem_x, hem), (0.5, hem)])
    sl, outer = sleeves(s, a, 0.45, 10, 0.068, None, 0.03, "accent")
    collar = [(0.55, 0.07), (0.635, 0.095), (0.585, 0.175), (0.503, 0.13)]
    ops: list[Op] = (sl if sleeved else []) + [poly(body)]
    if not sleeved:
        ops += armholes(s, a, "accent")
        outer = [_side(0.3, hem - 0.02, 0.667, hem_x - 0.005), mirror(_side(0.3, hem - 0.02, 0.667, hem_x - 0.005))]
    ops += [solid(rrect(0.44, 0.05, 0.56, 0.095, 0.015), "accent", "dark")]
    ops += [solid(collar, "accent", "dark"), solid(mirror(collar), "accent", "dark")]
    ops += [line([(0.5, 0.14), (0.5, hem)], "dark", 0.004)]
    ops += column(0.515, 0.19, hem - 0.06, 6 if hem < 0.8 else 8, 0.009, "hw")
    ops += pair(flap_pocket(0.605, 0.5, 0.1, 0.03)[0])
    ops += pair(dot(0.605, 0.52, 0.006, "hw"))
    if hem > 0.8:
        ops += pair(flap_pocket(0.61, 0.72, 0.1, 0.03)[0])
    ops += [line([(1 - hem_x + 0.005, hem - 0.005), (hem_x - 0.005, hem - 0.005)], "accent", 0.014)]
    return Silhouette(
        tuple(ops),
        fill=0.8,
        pivot=0.42,
        surface="quilt",
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.42, 0.166),
            "stripes": outer,
            "facing": [rect(0.5, 0.14, 0.535, hem), rect(0.465, 0.14, 0.5, hem)],
            "front": [(0.5, 0.14), (0.5, hem - 0.04)],
        },
    )


def puffer_jacket(baffles: int = 5, sleeved: bool = True) -> Silhouette:
    """The puffer; more baffles make the puffer coat, no sleeves the puffer gilet."""
    top, nw = 0.07, 0.06
    s, a = (0.68, 0.11), (0.685, 0.27)
    seams = tuple(0.27 + 0.1 * i for i in range(baffles))
    hem = seams[-1] + 0.02
    right = [(0.5, 0.1), (0.5 + nw, top), s, a]
    for y0, y1 in pairwise(seams):
        ym = (y0 + y1) / 2
        right += [(0.7 + 0.03 * (ym - 0.27) / 0.4, ym), (0.688 + 0.03 * (y1 - 0.27) / 0.4, y1)]
    right += [(0.6, hem + 0.01), (0.5, hem)]
    body = sym(right)
    sl, outer = sleeves(s, a, 0.44, 24, 0.095, None, 0.03, "body")
    ops: list[Op] = (sl if sleeved else []) + [poly(body)]
    if sleeved:
        ops += sleeve_seams(s, a, 0.44, 24, 0.095, (0.3, 0.55, 0.78))
    else:
        ops += armholes(s, a)
        outer = [_side(0.3, hem - 0.03, 0.7, 0.72), mirror(_side(0.3, hem - 0.03, 0.7, 0.72))]
    ops += [line([(0.32, 0.185), (0.68, 0.185)], "dark", 0.009)]
    for y in seams[:-1]:
        ops.append(line([(0.305, y), (0.695, y)], "dark", 0.009))
    ops += [poly(rrect(0.425, 0.025, 0.575, 0.12, 0.03))]
    ops += [line([(0.5, 0.07), (0.5, hem)], "hw", 0.007), solid(rrect(0.49, 0.07, 0.51, 0.12, 0.005), "hw")]
    return Silhouette(
        tuple(ops),
        fill=0.82,
        pivot=0.42,
        anchors={"neck": (0.5, 0.04, 0.07), "waist": (0.45, 0.2), "stripes": outer},
    )


# ----------------------------------------------------------------------------------------------- jackets


def harrington_jacket() -> Silhouette:
    """Blouson with a small collar, ribbed cuffs and hem band, zip front and angled welt pockets."""
    top, nw = 0.08, 0.05
    s, a = (0.675, 0.1), (0.67, 0.27)
    body = sym([(0.5, 0.125), (0.5 + nw, top), s, a, (0.675, 0.45), (0.665, 0.56), (0.5, 0.56)])
    sl, outer = sleeves(s, a, 0.44, 24, 0.07, None, 0.035, "body", rib=4)
    collar = [(0.55, 0.06), (0.655, 0.09), (0.61, 0.17), (0.505, 0.125)]
    ops: list[Op] = sl + [poly(body)]
    ops += [poly(rrect(0.44, 0.045, 0.56, 0.095, 0.015)), poly(collar), poly(mirror(collar))]
    ops += [poly(rect(0.335, 0.515, 0.665, 0.56))]
    ops += ribs((0.335, 0.515), (0.665, 0.515), (0.335, 0.56), (0.665, 0.56), 10)
    ops += [line([(0.5, 0.125), (0.5, 0.515)], "hw", 0.007), solid(rrect(0.49, 0.125, 0.51, 0.17, 0.005), "hw")]
    ops += pair(flap_pocket(0.6, 0.21, 0.085, 0.03)[0])
    ops += pair(welt(0.6, 0.37, 0.625, 0.47)[0])
    return Silhouette(
        tuple(ops),
        fill=0.8,
        pivot=0.42,
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.4, 0.175),
            "stripes": outer,
            "facing": [collar, mirror(collar)],
            "front": [(0.5, 0.125), (0.5, 0.515)],
        },
    )


def jacket() -> Silhouette:
    """A straight zip jacket with a stand collar, hanging sleeves and a plain hem."""
    top, nw = 0.07, 0.05
    s, a = (0.665, 0.09), (0.66, 0.26)
    hem = 0.62
    body = sym([(0.5, 0.09), (0.5 + nw, top), s, a, (0.66, 0.45), (0.665, hem), (0.5, hem)])
    sl, outer = sleeves(s, a, 0.5, 18, 0.06, None, 0.02, "body")
    ops: list[Op] = sl + [poly(body)]
    ops += [poly(rrect(0.43, 0.03, 0.57, 0.1, 0.01))]
    ops += [line([(0.5, 0.1), (0.5, hem)], "hw", 0.007), solid(rrect(0.49, 0.1, 0.51, 0.145, 0.005), "hw")]
    ops += pair(line([(0.41, 0.42), (0.39, 0.52)], "dark", 0.006))
    ops += [line([(0.34, hem - 0.03), (0.66, hem - 0.03)], "dark", 0.003)]
    return Silhouette(
        tuple(ops),
        fill=0.8,
        pivot=0.42,
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.42, 0.166),
            "stripes": outer,
            "front": [(0.5, 0.1), (0.5, hem - 0.02)],
        },
    )


def bomber_jacket() -> Silhouette:
    """A bomber: full body gathered into a deep rib hem, rib collar and cuffs, arms out wide."""
    top, nw = 0.08, 0.06
    s, a = (0.69, 0.12), (0.695, 0.29)
    right = path(
        [(0.5, 0.13), (0.5 + nw, top), s, a],
        bez((0.695, 0.29), (0.74, 0.42), (0.665, 0.49), 5),
        [(0.64, 0.55), (0.5, 0.55)],
    )
    sl, outer = sleeves(s, a, 0.36, 40, 0.1, None, 0.045, "body", rib=4)
    ops: list[Op] = sl + [poly(sym(right))]
    ops += [poly(rrect(0.42, 0.05, 0.58, 0.12, 0.03))]
    ops += ribs((0.42, 0.05), (0.58, 0.05), (0.42, 0.12), (0.58, 0.12), 6)
    ops += [poly(rect(0.36, 0.49, 0.64, 0.55))]
    ops += ribs((0.36, 0.49), (0.64, 0.49), (0.36, 0.55), (0.64, 0.55), 9)
    ops += [line([(0.5, 0.12), (0.5, 0.49)], "hw", 0.007)]
    ops += pair(line([(0.62, 0.33), (0.6, 0.43)], "dark", 0.007))
    ops += [solid(rect(0.34, 0.2, 0.39, 0.23), "accent")]
    return Silhouette(
        tuple(ops),
        fill=0.8,
        pivot=0.4,
        anchors={"neck": (0.5, top, nw), "waist": (0.36, 0.17), "stripes": outer, "front": [(0.5, 0.13), (0.5, 0.48)]},
    )


def field_jacket() -> Silhouette:
    """A field jacket: hip length, four flapped patch pockets, spread collar, straight hanging sleeves."""
    top, nw = 0.07, 0.05
    s, a = (0.68, 0.1), (0.675, 0.27)
    hem = 0.76
    body = sym([(0.5, 0.12), (0.5 + nw, top), s, a, (0.685, 0.5), (0.7, hem), (0.5, hem)])
    sl, outer = sleeves(s, a, 0.58, 5, 0.07, None, 0.03, "body")
    collar = [(0.55, 0.05), (0.69, 0.08), (0.64, 0.17), (0.505, 0.12)]
    ops: list[Op] = sl + [poly(body)]
    ops += [poly(collar), poly(mirror(collar))]
    ops += [line([(0.5, 0.12), (0.5, hem)], "dark", 0.004)]
    ops += column(0.515, 0.16, hem - 0.06, 6, 0.009, "dark")
    for y, h in ((0.2, 0.11), (0.5, 0.15)):
        ops += pair(patch_pocket(0.6, y, 0.12, h)[0])
        ops += pair(poly(rect(0.536, y - 0.004, 0.664, y + h * 0.3), "body", "dark", 0.004))
    return Silhouette(
        tuple(ops),
        fill=0.84,
        pivot=0.42,
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.44, 0.19),
            "stripes": outer,
            "facing": [collar, mirror(collar)],
            "front": [(0.5, 0.12), (0.5, hem - 0.02)],
        },
    )


def hooded_jacket(hem: float = 0.6, hem_x: float = 0.66, angle: float = 20, fishtail: bool = False) -> Silhouette:
    """A hooded zip jacket with a drawcord hem (the lightweight jacket); long with a fishtail for the parka."""
    top, nw = 0.09, 0.06
    s, a = (0.67, 0.11), (0.665, 0.28)
    right = [(0.5, 0.12), (0.5 + nw, top), s, a, (0.66, 0.45), (hem_x, hem)]
    if fishtail:
        right += [(0.6, hem + 0.02), (0.5, hem + 0.06)]
    else:
        right += [(0.5, hem)]
    behind, front = hood(0.5, top, 0.07)
    sl, outer = sleeves(s, a, 0.47 if not fishtail else 0.52, angle, 0.07, None, 0.03, "body")
    ops: list[Op] = behind + sl + [poly(sym(right))] + front
    ops += [line([(0.5, 0.12), (0.5, hem + (0.06 if fishtail else 0))], "hw", 0.007)]
    ops += drawcord(hem - 0.03 if not fishtail else 0.4, 0.34, 0.66)
    if fishtail:
        ops += pair(patch_pocket(0.6, 0.55, 0.11, 0.14)[0])
        ops += pair(flap_pocket(0.6, 0.2, 0.09, 0.03)[0])
    else:
        ops += pair(line([(0.6, 0.36), (0.63, 0.48)], "dark", 0.007))
    return Silhouette(
        tuple(ops),
        fill=0.82,
        pivot=0.42,
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.4, 0.165),
            "stripes": outer,
            "has_hood": True,
            "front": [(0.5, 0.14), (0.5, hem - 0.04)],
        },
    )


# ------------------------------------------------------------------------------------------------- capes


def cape() -> Silhouette:
    top, nw = 0.07, 0.06
    right = path(
        [(0.5, 0.12), (0.5 + nw, top)],
        bez((0.56, top), (0.66, 0.08), (0.69, 0.2), 5),
        [(0.77, 0.5), (0.83, 0.88)],
        bez((0.83, 0.88), (0.7, 0.92), (0.5, 0.925), 4),
    )
    collar = [(0.56, 0.065), (0.63, 0.09), (0.61, 0.16), (0.505, 0.13)]
    ops: list[Op] = [poly(sym(right))]
    ops += [poly(rrect(0.44, 0.05, 0.56, 0.09, 0.015)), poly(collar), poly(mirror(collar))]
    ops += [line([(0.5, 0.13), (0.5, 0.925)], "dark", 0.004)]
    ops += column(0.515, 0.18, 0.36, 3, 0.012, "dark")
    ops += pair(line([(0.635, 0.42), (0.66, 0.58)], "dark", 0.01))
    return Silhouette(
        tuple(ops),
        fill=0.84,
        pivot=0.4,
        anchors={
            "neck": (0.5, top, nw),
            "waist": (0.42, 0.265),
            "facing": [collar, mirror(collar)],
            "front": [(0.5, 0.14), (0.5, 0.9)],
        },
    )


def poncho() -> Silhouette:
    """A poncho laid flat: a wide square turned to a point at the front, a round neck, fringed edges."""
    right = [(0.5, 0.1), (0.57, 0.08), (0.98, 0.42), (0.5, 0.86)]
    ops: list[Op] = [poly(sym(right))]
    ops += fringe((0.98, 0.42), (0.5, 0.86), 12, 0.06, "body", 0.008)
    ops += fringe((0.5, 0.86), (0.02, 0.42), 12, 0.06, "body", 0.008)
    ops += [
        solid(
            path(bez((0.43, 0.09), (0.5, 0.2), (0.57, 0.09), 6), bez((0.57, 0.09), (0.5, 0.12), (0.43, 0.09), 4)),
            "dark",
            mask=True,
        )
    ]
    ops += [line([(0.43, 0.09), (0.5, 0.2), (0.57, 0.09)], "dark", 0.008)]
    ops += [line([(0.93, 0.42), (0.5, 0.8), (0.07, 0.42)], "dark", 0.003)]
    return Silhouette(
        tuple(ops),
        fill=0.9,
        pivot=0.4,
        anchors={"neck": (0.5, 0.09, 0.07), "stripes": [[(0.9, 0.42), (0.52, 0.77)], [(0.1, 0.42), (0.48, 0.77)]]},
    )


OUTERWEAR = {
    ItemKind.TRENCH_COAT: {
        "trench": plain(trench_coat),
        "heritage": plain(trench_coat, hem=1.18, hem_x=0.84, heritage=True),
        "car_coat": plain(trench_coat, hem=0.66, hem_x=0.675, belted=False),
    },
    ItemKind.COAT: {
        "coat": plain(coat),
        "pea_coat": plain(coat, hem=0.6, hem_x=0.675, angle=6, tip=(0.7, 0.12), double=True),
        "overcoat": plain(coat, hem=1.16, hem_x=0.72, angle=6, tip=(0.655, 0.14)),
        "wrap_coat": plain(wrap_coat),
        "duffle_coat": plain(coat, hem=0.78, hem_x=0.71, angle=16, hooded=True, toggled=True),
        "shearling_coat": plain(coat, hem=0.72, hem_x=0.7, angle=22, shearling=True),
    },
    ItemKind.QUILTED_JACKET: {
        "quilted_jacket": plain(quilted_jacket),
        "quilted_gilet": plain(quilted_jacket, sleeved=False),
        "quilted_coat": plain(quilted_jacket, hem=1.0, hem_x=0.73),
    },
    ItemKind.PUFFER_JACKET: {
        "puffer_jacket": plain(puffer_jacket),
        "puffer_coat": plain(puffer_jacket, baffles=8),
        "puffer_gilet": plain(puffer_jacket, sleeved=False),
    },
    ItemKind.JACKET: {
        "jacket": plain(jacket),
        "bomber": plain(bomber_jacket),
        "field": plain(field_jacket),
        "lightweight": plain(hooded_jacket),
        "harrington": plain(harrington_jacket),
        "parka": plain(hooded_jacket, hem=0.94, hem_x=0.69, angle=9, fishtail=True),
    },
    ItemKind.CAPE: {"cape": plain(cape), "poncho": plain(poncho)},
}
