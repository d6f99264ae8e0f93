"""Silhouette data for accessories and home items (unit coordinates), one drawing per noun shape."""

from __future__ import annotations

from samplegen.render.geometry import (
    Op,
    Silhouette,
    bez,
    cbez,
    dot,
    ellipse,
    fringe,
    hole,
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
from samplegen.render.silhouettes_tools import with_family
from schemas.looks import ItemKind

# ------------------------------------------------------------------------------------------- accessories


def bucket_hat(family: str | None) -> Silhouette:
    brim = sym(
        [(0.5, 0.5), (0.7, 0.5)]
        + bez((0.7, 0.5), (0.86, 0.6), (0.94, 0.74), 4)
        + bez((0.94, 0.74), (0.75, 0.81), (0.5, 0.81), 5)
    )
    crown = sym(
        bez((0.5, 0.2), (0.68, 0.2), (0.7, 0.3), 4) + [(0.72, 0.56)] + bez((0.72, 0.56), (0.6, 0.585), (0.5, 0.585), 3)
    )
    ops: list[Op] = [poly(brim), poly(crown)]
    for k in (0.62, 0.68, 0.74):
        t = (k - 0.6) / 0.16
        ops.append(
            line(
                bez((0.14 + 0.12 * (1 - t), k + 0.02 * t), (0.5, k + 0.1), (0.86 - 0.12 * (1 - t), k + 0.02 * t), 8),
                "dark",
                0.003,
            )
        )
    ops += [line([(0.5, 0.21), (0.5, 0.58)], "dark", 0.003)]
    ops += pair(dot(0.64, 0.4, 0.01, "hw"))
    return Silhouette(tuple(ops), fill=0.74, motif=0.14, anchors={"waist": (0.53, 0.2)})


def baseball_cap(family: str | None) -> Silhouette:
    crown = path(ellipse(0.42, 0.62, 0.31, 0.4, 16, 180, 360), bez((0.73, 0.62), (0.42, 0.68), (0.11, 0.62), 5))
    visor = path(
        bez((0.66, 0.54), (0.88, 0.53), (0.99, 0.66), 6), [(0.97, 0.7)], bez((0.97, 0.7), (0.82, 0.64), (0.66, 0.64), 6)
    )
    ops: list[Op] = [poly(crown), poly(visor)]
    ops += [
        line(bez((0.42, 0.23), (0.58, 0.34), (0.62, 0.63), 8), "dark", 0.004),
        line(bez((0.42, 0.23), (0.28, 0.34), (0.25, 0.64), 8), "dark", 0.004),
    ]
    ops += [line(bez((0.7, 0.58), (0.86, 0.58), (0.95, 0.67), 6), "dark", 0.003)]
    ops += [dot(0.42, 0.225, 0.022, "dark", mask=True)]
    ops += [solid(rrect(0.48, 0.4, 0.58, 0.47, 0.01), "accent")]
    ops += [dot(0.35, 0.35, 0.008, "dark"), dot(0.53, 0.33, 0.008, "dark")]
    return Silhouette(tuple(ops), fill=0.8, motif=0.14)


def _glove(dx: float) -> list[Op]:
    """A left-hand glove seen from the back, thumb to the right, shifted by dx."""
    ops: list[Op] = []
    tops = (0.15, 0.1, 0.12, 0.19)
    for i, t in enumerate(tops):
        x0 = 0.13 + 0.062 * i + dx
        ops.append(poly(rrect(x0, t, x0 + 0.058, 0.46, 0.028, 3)))
    ops.append(poly([(0.37 + dx, 0.5), (0.45 + dx, 0.34), (0.5 + dx, 0.36), (0.44 + dx, 0.6)]))
    ops.append(poly(rrect(0.125 + dx, 0.38, 0.385 + dx, 0.68, 0.04, 3)))
    ops.append(poly([(0.13 + dx, 0.66), (0.38 + dx, 0.66), (0.4 + dx, 0.86), (0.11 + dx, 0.86)]))
    ops.append(line([(0.12 + dx, 0.82), (0.395 + dx, 0.82)], "accent", 0.018))
    for i in range(3):
        x = 0.185 + 0.065 * i + dx
        ops.append(line([(x, 0.43), (x, 0.56)], "dark", 0.003))
    return ops


def gloves(family: str | None) -> Silhouette:
    one = _glove(-0.035)
    ops = one + [mirrored(op) for op in one]
    return Silhouette(tuple(ops), fill=0.8, motif=0.12)


def _lens(style: str) -> list:
    """The left lens outline of a frame style (x 0.1..0.46)."""
    if style == "cat_eye":
        return path(
            [(0.05, 0.3)],
            bez((0.05, 0.3), (0.25, 0.36), (0.45, 0.38), 4),
            [(0.44, 0.52)],
            bez((0.44, 0.52), (0.4, 0.64), (0.27, 0.63), 4),
            bez((0.27, 0.63), (0.12, 0.6), (0.05, 0.3), 5),
        )
    if style == "square":
        return rrect(0.09, 0.35, 0.46, 0.63, 0.025)
    if style == "round":
        return ellipse(0.29, 0.5, 0.165, 0.165, 24)
    if style == "pilot":
        return path(
            [(0.1, 0.37), (0.45, 0.37)],
            bez((0.45, 0.37), (0.47, 0.6), (0.3, 0.7), 5),
            bez((0.3, 0.7), (0.08, 0.7), (0.1, 0.37), 5),
        )
    return path(
        [(0.13, 0.4), (0.45, 0.39), (0.44, 0.53)],
        bez((0.44, 0.53), (0.41, 0.64), (0.29, 0.64), 4),
        bez((0.29, 0.64), (0.16, 0.64), (0.13, 0.52), 4),
    )


def _grown(pts: list, k: float) -> list:
    cx = sum(x for x, _ in pts) / len(pts)
    cy = sum(y for _, y in pts) / len(pts)
    return [(cx + (x - cx) * k, cy + (y - cy) * k) for x, y in pts]


def sunglasses(family: str | None, style: str = "d") -> Silhouette:
    """Sunglasses from the front: D frame by default; cat-eye, square, round and pilot frames."""
    lens = _lens(style)
    thin = style in ("round", "pilot")
    frame = _grown(lens, 1.06 if thin else 1.14)
    top = min(y for _, y in frame)
    outer_x = min(x for x, _ in frame)
    ops: list[Op] = pair(
        line(
            [(outer_x + 0.01, top + 0.02), (0.02, top + 0.04)],
            "hw" if thin else "body",
            0.02 if thin else 0.03,
            mask=True,
        )
    )
    if thin:
        ops += [
            line(frame + frame[:1], "hw", 0.014, mask=True),
            line(mirror(frame + frame[:1]), "hw", 0.014, mask=True),
        ]
    else:
        ops += [poly(frame), poly(mirror(frame))]
    bridge_y = top + 0.04
    ops += [
        line(
            bez((0.465, bridge_y + 0.02), (0.5, bridge_y - 0.02), (0.535, bridge_y + 0.02), 4),
            "hw" if thin else "body",
            0.02 if thin else 0.035,
            mask=True,
        )
    ]
    if style == "pilot":
        ops += [line([(0.44, top + 0.005), (0.56, top + 0.005)], "hw", 0.012, mask=True)]
    ops += [solid(lens, "aux"), solid(mirror(lens), "aux")]
    ops += pair(line([(0.2, 0.44), (0.26, 0.42)], "light", 0.012))
    ops += pair(dot(outer_x + 0.01, top + 0.025, 0.012, "hw"))
    return Silhouette(tuple(ops), fill=0.82, aux="lens", motif=0.1)


def belt(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(ellipse(0.5, 0.5, 0.42, 0.3, 32)), hole(ellipse(0.5, 0.5, 0.34, 0.22, 32))]
    ops += [
        line(ellipse(0.5, 0.5, 0.405, 0.285, 32) + [(0.905, 0.5)], "dark", 0.003),
        line(ellipse(0.5, 0.5, 0.355, 0.235, 32) + [(0.855, 0.5)], "dark", 0.003),
    ]
    for x in (0.24, 0.3, 0.36):
        ops.append(dot(x, 0.5 + 0.26 * (1 - ((x - 0.5) / 0.42) ** 2) ** 0.5, 0.008, "dark"))
    ops += [solid(rrect(0.58, 0.68, 0.78, 0.84, 0.015), "hw", "dark", 0.003)]
    ops += [solid(rect(0.61, 0.71, 0.75, 0.81), "ground")]
    ops += [line([(0.6, 0.76), (0.72, 0.76)], "hw", 0.012)]
    tail = [(0.07, 0.42), (0.17, 0.42), (0.17, 0.58), (0.07, 0.58)]
    return Silhouette(tuple(ops), fill=0.8, motif=0.1, anchors={"facing": [tail]})


# Motif period of jewellery, as a share of the drawing: small enough that a print always shows on a pendant.
JEWEL_MOTIF = 0.1


def necklace(family: str | None) -> Silhouette:
    right = (
        cbez((0.5, 0.66), (0.64, 0.65), (0.76, 0.45), (0.74, 0.2), 10)
        + bez((0.74, 0.2), (0.72, 0.05), (0.5, 0.05), 6)[1:]
    )
    loop = mirror(list(reversed(right)))[:-1] + right
    ops: list[Op] = [line(loop, "hw", 0.009, mask=True)]
    ops += [dot(x, y, 0.011, "hw", mask=True) for x, y in loop[::2]]
    ops += [line([(0.5, 0.66), (0.5, 0.7)], "hw", 0.01, mask=True)]
    ops += [poly(ellipse(0.5, 0.77, 0.075, 0.075, 20), "body", "hw", 0.01)]
    ops += [dot(0.5, 0.7, 0.016, "hw", mask=True)]
    return Silhouette(tuple(ops), fill=0.72, motif=JEWEL_MOTIF)


def earrings(family: str | None) -> Silhouette:
    one: list[Op] = [line(bez((0.33, 0.27), (0.34, 0.12), (0.27, 0.17), 6), "hw", 0.012, mask=True)]
    one += [dot(0.3, 0.28, 0.03, "hw", mask=True), line([(0.3, 0.3), (0.3, 0.365)], "hw", 0.012, mask=True)]
    one += [poly(ellipse(0.3, 0.4, 0.03, 0.025, 10))]
    one += [poly(ellipse(0.3, 0.52, 0.065, 0.115, 18), "body", "hw", 0.006)]
    one += [line([(0.28, 0.46), (0.29, 0.44)], "light", 0.012)]
    ops = one + [mirrored(op) for op in one]
    return Silhouette(tuple(ops), fill=0.66, aux="pearl", motif=JEWEL_MOTIF)


def pendant_necklace(family: str | None) -> Silhouette:
    """A fine chain falling in a deep V to one large round medallion."""
    right = [(0.5, 0.66), (0.66, 0.3), (0.7, 0.12)] + bez((0.7, 0.12), (0.66, 0.02), (0.5, 0.02), 5)[1:]
    loop = mirror(list(reversed(right)))[:-1] + right
    ops: list[Op] = [line(loop, "hw", 0.006, mask=True)]
    ops += [dot(0.5, 0.79, 0.12, "hw", mask=True), poly(ellipse(0.5, 0.79, 0.1, 0.1, 24), "body", "dark", 0.004)]
    return Silhouette(tuple(ops), fill=0.74, motif=JEWEL_MOTIF)


def chain_necklace(family: str | None) -> Silhouette:
    """A chunky curb-chain collar: big oval links round a short loop, a T-bar clasp at the front."""
    ring = ellipse(0.5, 0.46, 0.36, 0.3, 18)
    ops: list[Op] = [line(ring + ring[:1], "hw", 0.03, mask=True)]
    for i, (x, y) in enumerate(ring):
        ops.append(dot(x, y, 0.042, "hw", mask=True))
        ops.append(dot(x, y, 0.018, "dark" if i % 2 else "ground"))
    ops += [
        line([(0.42, 0.78), (0.58, 0.78)], "hw", 0.022, mask=True),
        line([(0.5, 0.78), (0.5, 0.83)], "hw", 0.01, mask=True),
    ]
    ops += [poly(ellipse(0.5, 0.88, 0.055, 0.055, 16), "body", "hw", 0.008)]
    return Silhouette(tuple(ops), fill=0.74, motif=JEWEL_MOTIF)


def stud_earrings(family: str | None) -> Silhouette:
    """A pair of round studs shown face on, one tilted to show its post and butterfly back."""
    one: list[Op] = [dot(0.3, 0.5, 0.13, "hw", mask=True), poly(ellipse(0.3, 0.5, 0.1, 0.1, 20), "body", "dark", 0.003)]
    one += [line([(0.25, 0.44), (0.27, 0.42)], "light", 0.016)]
    ops = one + [mirrored(op) for op in one]
    return Silhouette(tuple(ops), fill=0.6, motif=0.3)


def hoop_earrings(family: str | None) -> Silhouette:
    """A pair of large open hoops."""
    one: list[Op] = [line(ellipse(0.28, 0.52, 0.17, 0.2, 24, -80, 250), "hw", 0.04, mask=True)]
    one += [line(ellipse(0.28, 0.52, 0.17, 0.2, 24, -60, 230), "body", 0.022, mask=True)]
    one += [line([(0.3, 0.31), (0.31, 0.26)], "hw", 0.01, mask=True)]
    ops = one + [mirrored(op) for op in one]
    return Silhouette(tuple(ops), fill=0.7, motif=0.3)


def umbrella(family: str | None) -> Silhouette:
    tips = [0.04, 0.27, 0.5, 0.73, 0.96]
    canopy = path(bez((0.04, 0.47), (0.06, 0.09), (0.5, 0.08), 10), bez((0.5, 0.08), (0.94, 0.09), (0.96, 0.47), 10))
    for a, b in zip(reversed(tips[1:]), reversed(tips[:-1]), strict=True):
        canopy += bez((a, 0.47), ((a + b) / 2, 0.405), (b, 0.47), 4)[1:]
    ops: list[Op] = [poly(canopy)]
    ops += [line([(0.5, 0.47), (0.5, 0.86)], "dark", 0.014, mask=True)]
    ops += [line(bez((0.5, 0.09), (x * 0.6 + 0.2, 0.12), (x, 0.47), 6), "dark", 0.004) for x in tips[1:-1]]
    ops += [line([(0.5, 0.09), (0.5, 0.02)], "hw", 0.014, mask=True)]
    ops += [dot(x, 0.47, 0.012, "hw", mask=True) for x in tips]
    ops += [
        line(
            path(
                [(0.5, 0.85), (0.5, 0.9)],
                bez((0.5, 0.9), (0.5, 0.975), (0.445, 0.975), 4),
                bez((0.445, 0.975), (0.39, 0.975), (0.39, 0.92), 4),
            ),
            "accent",
            0.034,
            mask=True,
        )
    ]
    return Silhouette(tuple(ops), fill=0.86, motif=0.13)


def walking_umbrella(family: str | None) -> Silhouette:
    """A walking umbrella furled shut: a long slim canopy on a tip, a crook handle at the foot."""
    canopy = path(
        [(0.5, 0.06)],
        cbez((0.5, 0.06), (0.56, 0.3), (0.58, 0.55), (0.53, 0.68), 8),
        [(0.47, 0.68)],
        cbez((0.47, 0.68), (0.42, 0.55), (0.44, 0.3), (0.5, 0.06), 8),
    )
    ops: list[Op] = [line([(0.5, 0.06), (0.5, 0.0)], "hw", 0.01, mask=True), poly(canopy)]
    ops += [line([(0.5, 0.68), (0.5, 0.82)], "dark", 0.014, mask=True)]
    ops += [
        line(
            path(
                [(0.5, 0.82), (0.5, 0.88)],
                bez((0.5, 0.88), (0.5, 0.98), (0.43, 0.98), 4),
                bez((0.43, 0.98), (0.36, 0.98), (0.36, 0.92), 4),
            ),
            "accent",
            0.03,
            mask=True,
        )
    ]
    ops += [solid(rrect(0.475, 0.38, 0.525, 0.44, 0.01), "accent")]
    ops += [line([(0.5, 0.1), (0.52, 0.6)], "dark", 0.003)]
    return Silhouette(tuple(ops), fill=0.86, motif=0.1)


def flat_cap(family: str | None) -> Silhouette:
    """A flat cap in profile: a low crown sloping down to a short stitched peak."""
    crown = path(
        bez((0.08, 0.56), (0.1, 0.36), (0.4, 0.36), 6),
        cbez((0.4, 0.36), (0.62, 0.36), (0.82, 0.44), (0.86, 0.52), 6),
        [(0.62, 0.6)],
        bez((0.62, 0.6), (0.3, 0.62), (0.08, 0.56), 5),
    )
    peak = path([(0.6, 0.55), (0.86, 0.5)], bez((0.86, 0.5), (0.96, 0.54), (0.9, 0.6), 3), [(0.62, 0.62)])
    ops: list[Op] = [poly(crown), poly(peak)]
    ops += [line(bez((0.62, 0.6), (0.76, 0.56), (0.9, 0.58), 4), "dark", 0.003)]
    ops += [line(bez((0.2, 0.4), (0.45, 0.46), (0.8, 0.46), 6), "dark", 0.003)]
    return Silhouette(tuple(ops), fill=0.8, motif=0.14)


# ----------------------------------------------------------------------------------------------------- home


def cushion(family: str | None) -> Silhouette:
    c = ((0.1, 0.12), (0.9, 0.12), (0.9, 0.88), (0.1, 0.88))
    outline = path(
        bez(c[0], (0.5, 0.19), c[1], 8),
        bez(c[1], (0.83, 0.5), c[2], 8),
        bez(c[2], (0.5, 0.81), c[3], 8),
        bez(c[3], (0.17, 0.5), c[0], 8),
    )
    ops: list[Op] = [poly(outline, "body", None)]
    ops += [line(outline + [outline[0]], "accent", 0.012, mask=True)]
    for (x, y), (dx, dy) in zip(c, ((1, 1), (-1, 1), (-1, -1), (1, -1)), strict=True):
        ops.append(line([(x + 0.05 * dx, y + 0.06 * dy), (x + 0.16 * dx, y + 0.14 * dy)], "dark", 0.004))
    return Silhouette(tuple(ops), fill=0.76, motif=0.16)


def blanket(family: str | None) -> Silhouette:
    """A folded blanket: a stack of rounded folds, fringe hanging from the open edge."""
    ops: list[Op] = fringe((0.1, 0.28), (0.1, 0.74), 18, 0.065, "body", 0.008)
    layers = ((0.28, 0.43), (0.43, 0.59), (0.59, 0.74))
    for y0, y1 in layers:
        r = (y1 - y0) / 2
        ops.append(
            poly(
                path([(0.1, y0), (0.9 - r, y0)], ellipse(0.9 - r, y0 + r, r * 0.9, r, 8, -90, 90)[1:], [(0.1, y1)]),
                "body",
                "dark",
                0.005,
            )
        )
    for y0, y1 in layers:
        r = (y1 - y0) / 2
        ops.append(line(ellipse(0.9 - r, y0 + r, r * 0.6, r * 0.55, 6, -80, 80), "dark", 0.004))
    ops += [solid(rect(0.76, 0.66, 0.83, 0.7), "light")]
    return Silhouette(tuple(ops), fill=0.88, motif=0.14)


def throw(family: str | None) -> Silhouette:
    """A throw laid flat, folded once lengthwise, fringed along both short ends."""
    ops: list[Op] = fringe((0.24, 0.08), (0.76, 0.08), 12, 0.06, "body", 0.008, angle=3.14159)
    ops += fringe((0.24, 0.9), (0.76, 0.9), 12, 0.06, "body", 0.008)
    ops += [poly(rect(0.24, 0.08, 0.76, 0.9))]
    ops += [line([(0.5, 0.08), (0.5, 0.9)], "dark", 0.004)]
    ops += [solid(rect(0.68, 0.82, 0.73, 0.86), "light")]
    return Silhouette(tuple(ops), fill=0.88, motif=0.14)


def baby_blanket(family: str | None) -> Silhouette:
    """A small square baby blanket: rounded corners, a satin binding, a bear appliqué in one corner."""
    ops: list[Op] = [poly(rrect(0.14, 0.14, 0.86, 0.86, 0.07))]
    ops += [line(rrect(0.155, 0.155, 0.845, 0.845, 0.06) + [(0.845, 0.215)], "accent", 0.03)]
    ops += [dot(0.72, 0.72, 0.05, "light"), dot(0.68, 0.67, 0.02, "light"), dot(0.76, 0.67, 0.02, "light")]
    ops += [dot(0.71, 0.72, 0.006, "dark"), dot(0.73, 0.72, 0.006, "dark")]
    return Silhouette(tuple(ops), fill=0.7, motif=0.14)


ACCESSORIES = {
    ItemKind.BUCKET_HAT: {"bucket_hat": with_family(bucket_hat)},
    ItemKind.BASEBALL_CAP: {"baseball_cap": with_family(baseball_cap), "cap": with_family(flat_cap)},
    ItemKind.GLOVES: {"gloves": with_family(gloves)},
    ItemKind.SUNGLASSES: {
        "sunglasses": with_family(sunglasses),
        "cat_eye": with_family(sunglasses, style="cat_eye"),
        "square": with_family(sunglasses, style="square"),
        "round": with_family(sunglasses, style="round"),
        "pilot": with_family(sunglasses, style="pilot"),
    },
    ItemKind.BELT: {"belt": with_family(belt)},
    ItemKind.NECKLACE: {
        "necklace": with_family(necklace),
        "pendant": with_family(pendant_necklace),
        "chain": with_family(chain_necklace),
    },
    ItemKind.EARRINGS: {
        "earrings": with_family(stud_earrings),
        "hoop": with_family(hoop_earrings),
        "drop": with_family(earrings),
    },
    ItemKind.UMBRELLA: {"umbrella": with_family(umbrella), "walking": with_family(walking_umbrella)},
    ItemKind.CUSHION: {"cushion": with_family(cushion)},
    ItemKind.BLANKET: {
        "blanket": with_family(blanket),
        "throw": with_family(throw),
        "baby_blanket": with_family(baby_blanket),
    },
}
