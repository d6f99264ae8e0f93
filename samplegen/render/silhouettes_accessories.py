"""Silhouette data for accessories, beauty and home items (unit coordinates)."""

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
from samplegen.render.silhouettes_goods import plaque
from schemas.looks import ItemKind

# ------------------------------------------------------------------------------------------- accessories


def bucket_hat(family: str | None) -> Silhouette:
    brim = sym([(0.5, 0.5), (0.7, 0.5)] + bez((0.7, 0.5), (0.86, 0.6), (0.94, 0.74), 4)
               + bez((0.94, 0.74), (0.75, 0.81), (0.5, 0.81), 5))
    crown = sym(bez((0.5, 0.2), (0.68, 0.2), (0.7, 0.3), 4) + [(0.72, 0.56)] + bez((0.72, 0.56), (0.6, 0.585), (0.5, 0.585), 3))
    ops: list[Op] = [poly(brim), poly(crown)]
    for k in (0.62, 0.68, 0.74):
        t = (k - 0.6) / 0.16
        ops.append(line(bez((0.14 + 0.12 * (1 - t), k + 0.02 * t), (0.5, k + 0.1), (0.86 - 0.12 * (1 - t), k + 0.02 * t), 8), "dark", 0.003))
    ops += [line([(0.5, 0.21), (0.5, 0.58)], "dark", 0.003)]
    ops += pair(dot(0.64, 0.4, 0.01, "hw"))
    return Silhouette(tuple(ops), fill=0.74, motif=0.14, anchors={"waist": (0.53, 0.2)})


def baseball_cap(family: str | None) -> Silhouette:
    crown = path(ellipse(0.42, 0.62, 0.31, 0.4, 16, 180, 360), bez((0.73, 0.62), (0.42, 0.68), (0.11, 0.62), 5))
    visor = path(bez((0.66, 0.54), (0.88, 0.53), (0.99, 0.66), 6), [(0.97, 0.7)], bez((0.97, 0.7), (0.82, 0.64), (0.66, 0.64), 6))
    ops: list[Op] = [poly(crown), poly(visor)]
    ops += [line(bez((0.42, 0.23), (0.58, 0.34), (0.62, 0.63), 8), "dark", 0.004),
            line(bez((0.42, 0.23), (0.28, 0.34), (0.25, 0.64), 8), "dark", 0.004)]
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


def sunglasses(family: str | None) -> Silhouette:
    lens = path([(0.13, 0.4), (0.45, 0.39), (0.44, 0.53)], bez((0.44, 0.53), (0.41, 0.64), (0.29, 0.64), 4),
                bez((0.29, 0.64), (0.16, 0.64), (0.13, 0.52), 4))
    frame = path([(0.095, 0.36), (0.48, 0.355), (0.47, 0.54)], bez((0.47, 0.54), (0.43, 0.675), (0.29, 0.675), 4),
                 bez((0.29, 0.675), (0.13, 0.675), (0.1, 0.53), 4))
    ops: list[Op] = pair(line([(0.11, 0.38), (0.02, 0.4)], "body", 0.03, mask=True))
    ops += [poly(frame), poly(mirror(frame))]
    ops += [line(bez((0.465, 0.41), (0.5, 0.37), (0.535, 0.41), 4), "body", 0.035, mask=True)]
    ops += [solid(lens, "aux"), solid(mirror(lens), "aux")]
    ops += pair(line([(0.2, 0.44), (0.26, 0.42)], "light", 0.012))
    ops += pair(dot(0.1, 0.385, 0.012, "hw"))
    return Silhouette(tuple(ops), fill=0.82, aux="lens", motif=0.1)


def belt(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(ellipse(0.5, 0.5, 0.42, 0.3, 32)), hole(ellipse(0.5, 0.5, 0.34, 0.22, 32))]
    ops += [line(ellipse(0.5, 0.5, 0.405, 0.285, 32) + [(0.905, 0.5)], "dark", 0.003),
            line(ellipse(0.5, 0.5, 0.355, 0.235, 32) + [(0.855, 0.5)], "dark", 0.003)]
    for x in (0.24, 0.3, 0.36):
        ops.append(dot(x, 0.5 + 0.26 * (1 - ((x - 0.5) / 0.42) ** 2) ** 0.5, 0.008, "dark"))
    ops += [solid(rrect(0.58, 0.68, 0.78, 0.84, 0.015), "hw", "dark", 0.003)]
    ops += [solid(rect(0.61, 0.71, 0.75, 0.81), "ground")]
    ops += [line([(0.6, 0.76), (0.72, 0.76)], "hw", 0.012)]
    return Silhouette(tuple(ops), fill=0.8, motif=0.1)


def necklace(family: str | None) -> Silhouette:
    right = cbez((0.5, 0.66), (0.64, 0.65), (0.76, 0.45), (0.74, 0.2), 10) + bez((0.74, 0.2), (0.72, 0.05), (0.5, 0.05), 6)[1:]
    loop = mirror(list(reversed(right)))[:-1] + right
    ops: list[Op] = [line(loop, "hw", 0.009, mask=True)]
    ops += [dot(x, y, 0.011, "hw", mask=True) for x, y in loop[::2]]
    ops += [line([(0.5, 0.66), (0.5, 0.7)], "hw", 0.01, mask=True)]
    ops += plaque(family, 0.5, 0.76, 0.06)
    ops += [dot(0.5, 0.7, 0.016, "hw", mask=True)]
    return Silhouette(tuple(ops), fill=0.72, motif=0.1)


def earrings(family: str | None) -> Silhouette:
    one: list[Op] = [line(bez((0.33, 0.27), (0.34, 0.12), (0.27, 0.17), 6), "hw", 0.012, mask=True)]
    one += [dot(0.3, 0.28, 0.03, "hw", mask=True), line([(0.3, 0.3), (0.3, 0.365)], "hw", 0.012, mask=True)]
    one += [poly(ellipse(0.3, 0.4, 0.03, 0.025, 10))]
    one += [solid(ellipse(0.3, 0.5, 0.065, 0.095, 18), "aux", "dark", 0.003)]
    one += [line([(0.28, 0.46), (0.29, 0.44)], "light", 0.012)]
    ops = one + [mirrored(op) for op in one]
    return Silhouette(tuple(ops), fill=0.6, aux="pearl", motif=0.08)


def umbrella(family: str | None) -> Silhouette:
    tips = [0.04, 0.27, 0.5, 0.73, 0.96]
    canopy = path(bez((0.04, 0.47), (0.06, 0.09), (0.5, 0.08), 10), bez((0.5, 0.08), (0.94, 0.09), (0.96, 0.47), 10))
    for a, b in zip(reversed(tips[1:]), reversed(tips[:-1])):
        canopy += bez((a, 0.47), ((a + b) / 2, 0.405), (b, 0.47), 4)[1:]
    ops: list[Op] = [poly(canopy)]
    ops += [line([(0.5, 0.47), (0.5, 0.86)], "dark", 0.014, mask=True)]
    ops += [line(bez((0.5, 0.09), (x * 0.6 + 0.2, 0.12), (x, 0.47), 6), "dark", 0.004) for x in tips[1:-1]]
    ops += [line([(0.5, 0.09), (0.5, 0.02)], "hw", 0.014, mask=True)]
    ops += [dot(x, 0.47, 0.012, "hw", mask=True) for x in tips]
    ops += [line(path([(0.5, 0.85), (0.5, 0.9)], bez((0.5, 0.9), (0.5, 0.975), (0.445, 0.975), 4),
                      bez((0.445, 0.975), (0.39, 0.975), (0.39, 0.92), 4)), "accent", 0.034, mask=True)]
    return Silhouette(tuple(ops), fill=0.86, motif=0.13)


# --------------------------------------------------------------------------------------------------- beauty


def lipstick(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rect(0.3, 0.64, 0.52, 0.76), "body", "dark", 0.003)]
    ops += [solid(rrect(0.3, 0.76, 0.52, 0.92, 0.012), "black")]
    ops += [solid(rect(0.3, 0.56, 0.52, 0.64), "hw"), solid(rect(0.33, 0.43, 0.49, 0.56), "hw")]
    ops += [solid([(0.345, 0.43), (0.475, 0.43), (0.475, 0.29), (0.36, 0.22), (0.345, 0.24)], "ground")]
    ops += [poly(rect(0.58, 0.5, 0.8, 0.78), "body", "dark", 0.003)]
    ops += [solid(rrect(0.58, 0.36, 0.8, 0.5, 0.012), "hw", "dark", 0.003)]
    ops += [solid(rect(0.58, 0.78, 0.8, 0.86), "hw", "dark", 0.003), solid(rect(0.58, 0.86, 0.8, 0.92), "black")]
    return Silhouette(tuple(ops), fill=0.8, motif=0.12)


def foundation(family: str | None) -> Silhouette:
    ops: list[Op] = [solid(rrect(0.35, 0.33, 0.65, 0.95, 0.04), "aux", "dark", 0.004)]
    ops += [solid(rrect(0.375, 0.4, 0.625, 0.925, 0.03), "ground")]
    ops += [solid(rect(0.395, 0.6, 0.605, 0.76), "light"), line([(0.43, 0.65), (0.57, 0.65)], "dark", 0.008),
            line([(0.44, 0.7), (0.56, 0.7)], "dark", 0.004)]
    ops += [line([(0.385, 0.37), (0.385, 0.9)], "light", 0.01)]
    ops += [poly(rect(0.41, 0.25, 0.59, 0.318), "body", "dark", 0.003)]
    ops += [solid(rect(0.475, 0.16, 0.525, 0.25), "black")]
    ops += [solid(rrect(0.42, 0.1, 0.6, 0.165, 0.012), "black"), solid(rect(0.6, 0.118, 0.7, 0.14), "black")]
    return Silhouette(tuple(ops), fill=0.8, aux="glass", motif=0.1)


def eye_palette(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rrect(0.14, 0.06, 0.86, 0.46, 0.03), "body", "dark", 0.004)]
    ops += [solid(rrect(0.21, 0.11, 0.79, 0.41, 0.02), "light", "dark", 0.003)]
    ops += [line([(0.28, 0.36), (0.4, 0.16)], "p2", 0.01)]
    ops += [solid(rrect(0.14, 0.48, 0.86, 0.92, 0.03), "black")]
    ops += [solid(rect(0.16, 0.455, 0.84, 0.49), "hw")]
    inks = ("ground", "aux", "dark", "accent", "dark", "ground")
    k = 0
    for row in range(2):
        for col in range(3):
            x0 = 0.19 + col * 0.215
            y0 = 0.53 + row * 0.19
            ops.append(solid(rrect(x0, y0, x0 + 0.19, y0 + 0.165, 0.02), inks[k], "dark", 0.003))
            k += 1
    return Silhouette(tuple(ops), fill=0.78, aux="ground_light", motif=0.1)


def fragrance(family: str | None) -> Silhouette:
    ops: list[Op] = [solid(rrect(0.22, 0.4, 0.78, 0.92, 0.06), "aux", "dark", 0.004)]
    ops += [solid(rrect(0.26, 0.5, 0.74, 0.88, 0.04), "ground")]
    ops += [line([(0.29, 0.46), (0.29, 0.86)], "light", 0.014), line([(0.72, 0.46), (0.72, 0.6)], "light", 0.006)]
    ops += [solid(rrect(0.37, 0.62, 0.63, 0.72, 0.01), "hw", "dark", 0.003)]
    ops += [poly(rrect(0.3, 0.08, 0.7, 0.335, 0.035), "body", "dark", 0.004)]
    ops += [solid(rect(0.44, 0.34, 0.56, 0.405), "hw")]
    return Silhouette(tuple(ops), fill=0.8, aux="glass", motif=0.1)


# ----------------------------------------------------------------------------------------------------- home


def cushion(family: str | None) -> Silhouette:
    c = ((0.1, 0.12), (0.9, 0.12), (0.9, 0.88), (0.1, 0.88))
    outline = path(
        bez(c[0], (0.5, 0.19), c[1], 8), bez(c[1], (0.83, 0.5), c[2], 8),
        bez(c[2], (0.5, 0.81), c[3], 8), bez(c[3], (0.17, 0.5), c[0], 8),
    )
    ops: list[Op] = [poly(outline, "body", None)]
    ops += [line(outline + [outline[0]], "accent", 0.012, mask=True)]
    for (x, y), (dx, dy) in zip(c, ((1, 1), (-1, 1), (-1, -1), (1, -1))):
        ops.append(line([(x + 0.05 * dx, y + 0.06 * dy), (x + 0.16 * dx, y + 0.14 * dy)], "dark", 0.004))
    return Silhouette(tuple(ops), fill=0.76, motif=0.16)


def blanket(family: str | None) -> Silhouette:
    """A folded blanket: a stack of rounded folds, fringe hanging from the open edge."""
    ops: list[Op] = fringe((0.1, 0.28), (0.1, 0.74), 18, 0.065, "body", 0.008)
    layers = ((0.28, 0.43), (0.43, 0.59), (0.59, 0.74))
    for y0, y1 in layers:
        r = (y1 - y0) / 2
        ops.append(poly(path([(0.1, y0), (0.9 - r, y0)], ellipse(0.9 - r, y0 + r, r * 0.9, r, 8, -90, 90)[1:],
                             [(0.1, y1)]), "body", "dark", 0.005))
    for y0, y1 in layers:
        r = (y1 - y0) / 2
        ops.append(line(ellipse(0.9 - r, y0 + r, r * 0.6, r * 0.55, 6, -80, 80), "dark", 0.004))
    ops += [solid(rect(0.76, 0.66, 0.83, 0.7), "light")]
    return Silhouette(tuple(ops), fill=0.88, motif=0.14)


ACCESSORIES = {
    ItemKind.BUCKET_HAT: bucket_hat,
    ItemKind.BASEBALL_CAP: baseball_cap,
    ItemKind.GLOVES: gloves,
    ItemKind.SUNGLASSES: sunglasses,
    ItemKind.BELT: belt,
    ItemKind.NECKLACE: necklace,
    ItemKind.EARRINGS: earrings,
    ItemKind.UMBRELLA: umbrella,
    ItemKind.LIPSTICK: lipstick,
    ItemKind.FOUNDATION: foundation,
    ItemKind.EYE_PALETTE: eye_palette,
    ItemKind.FRAGRANCE: fragrance,
    ItemKind.CUSHION: cushion,
    ItemKind.BLANKET: blanket,
}
