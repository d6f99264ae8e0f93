"""Silhouette data for shoes: side views, toe to the right, one drawing per noun shape."""

from __future__ import annotations

from samplegen.render.geometry import (
    Op,
    Silhouette,
    bez,
    cbez,
    dot,
    ellipse,
    lerp,
    line,
    path,
    poly,
    rect,
    rrect,
    solid,
)
from samplegen.render.silhouettes_tools import with_family
from schemas.looks import ItemKind


def sneaker(family: str | None) -> Silhouette:
    upper = path(
        [(0.13, 0.36)],
        bez((0.13, 0.36), (0.25, 0.44), (0.36, 0.41), 5),
        [(0.4, 0.29), (0.47, 0.3), (0.62, 0.45)],
        cbez((0.62, 0.45), (0.8, 0.49), (0.93, 0.55), (0.93, 0.66), 6),
        [(0.09, 0.66)],
        bez((0.09, 0.66), (0.06, 0.5), (0.13, 0.36), 5),
    )
    sole = path(
        [(0.06, 0.63), (0.94, 0.63)],
        bez((0.94, 0.63), (0.98, 0.7), (0.93, 0.76), 4),
        [(0.09, 0.76)],
        bez((0.09, 0.76), (0.04, 0.7), (0.06, 0.63), 4),
    )
    ops: list[Op] = [poly(upper), solid(sole, "aux", "dark", 0.004)]
    ops += [line([(0.08, 0.715), (0.95, 0.715)], "dark", 0.004)]
    ops += [line([(0.76, 0.635), (0.78, 0.53), (0.88, 0.53)], "dark", 0.004)]
    ops += [solid([(0.1, 0.42), (0.15, 0.38), (0.2, 0.42), (0.19, 0.62), (0.1, 0.62)], "accent", "dark", 0.003)]
    for i in range(5):
        p = lerp((0.45, 0.32), (0.61, 0.45), i / 4)
        ops += [
            line([(p[0] - 0.02, p[1] + 0.025), (p[0] + 0.025, p[1] - 0.02)], "light", 0.01),
            dot(p[0] - 0.02, p[1] + 0.025, 0.007, "dark"),
        ]
    ops += [line([(0.3, 0.5), (0.6, 0.6)], "accent", 0.012)]
    return Silhouette(
        tuple(ops), fill=0.86, aux="sole_white", motif=0.12, anchors={"stripes": [[(0.25, 0.58), (0.7, 0.6)]]}
    )


def boot(family: str | None) -> Silhouette:
    body = path(
        [(0.22, 0.05), (0.52, 0.05), (0.53, 0.45)],
        bez((0.53, 0.45), (0.57, 0.58), (0.75, 0.6), 5),
        cbez((0.75, 0.6), (0.88, 0.62), (0.95, 0.68), (0.93, 0.8), 5),
        [(0.2, 0.8)],
        bez((0.2, 0.8), (0.16, 0.5), (0.22, 0.05), 6),
    )
    sole = [(0.17, 0.79), (0.95, 0.79), (0.94, 0.845), (0.37, 0.845), (0.36, 0.93), (0.18, 0.93)]
    ops: list[Op] = [poly(body), solid(sole, "aux", "dark", 0.003)]
    ops += [line([(0.25, 0.05), (0.26, -0.03), (0.31, -0.03), (0.32, 0.05)], "accent", 0.016, mask=True)]
    ops += [solid([(0.3, 0.05), (0.44, 0.05), (0.39, 0.42), (0.35, 0.42)], "dark")]
    ops += [line([(0.2, 0.77), (0.93, 0.77)], "dark", 0.003)]
    return Silhouette(
        tuple(ops),
        fill=0.86,
        aux="sole_dark",
        motif=0.12,
        anchors={"stripes": [[(0.48, 0.06), (0.49, 0.45)]], "front": [(0.5, 0.08), (0.51, 0.42)]},
    )


def loafer(family: str | None) -> Silhouette:
    body = path(
        [(0.07, 0.5)],
        bez((0.07, 0.5), (0.1, 0.45), (0.16, 0.46), 3),
        bez((0.16, 0.46), (0.3, 0.5), (0.44, 0.47), 4),
        cbez((0.44, 0.47), (0.6, 0.43), (0.8, 0.5), (0.92, 0.58), 6),
        bez((0.92, 0.58), (0.97, 0.62), (0.94, 0.655), 3),
        [(0.08, 0.655)],
        bez((0.08, 0.655), (0.05, 0.58), (0.07, 0.5), 3),
    )
    sole = [(0.065, 0.65), (0.955, 0.65), (0.94, 0.685), (0.3, 0.685), (0.29, 0.74), (0.09, 0.74), (0.08, 0.685)]
    ops: list[Op] = [poly(body), solid(sole, "aux", "dark", 0.003)]
    ops += [
        solid(
            cbez((0.16, 0.465), (0.28, 0.5), (0.38, 0.49), (0.44, 0.475), 5) + [(0.4, 0.5), (0.26, 0.51), (0.16, 0.48)],
            "aux",
        )
    ]
    ops += [line(cbez((0.47, 0.5), (0.55, 0.46), (0.66, 0.47), (0.72, 0.5), 6), "dark", 0.026)]
    ops += [solid(rrect(0.55, 0.465, 0.66, 0.5, 0.012), "hw", "dark", 0.003)]
    ops += [line(cbez((0.5, 0.45), (0.64, 0.5), (0.82, 0.53), (0.92, 0.6), 6), "dark", 0.004)]
    return Silhouette(tuple(ops), fill=0.86, aux="sole_dark", motif=0.12)


def pump(family: str | None) -> Silhouette:
    body = path(
        [(0.13, 0.3)],
        cbez((0.13, 0.3), (0.22, 0.48), (0.45, 0.56), (0.62, 0.56), 6),
        cbez((0.62, 0.56), (0.78, 0.58), (0.92, 0.7), (0.98, 0.8), 6),
        [(0.9, 0.805), (0.64, 0.8)],
        cbez((0.64, 0.8), (0.42, 0.78), (0.26, 0.62), (0.16, 0.56), 6),
        [(0.12, 0.5)],
        bez((0.12, 0.5), (0.1, 0.4), (0.13, 0.3), 3),
    )
    heel = [(0.13, 0.5), (0.2, 0.56), (0.195, 0.92), (0.17, 0.92)]
    ops: list[Op] = [poly(heel), poly(body)]
    ops += [solid(cbez((0.14, 0.31), (0.24, 0.46), (0.45, 0.53), (0.6, 0.545), 6) + [(0.45, 0.56), (0.2, 0.46)], "aux")]
    ops += [line(cbez((0.64, 0.8), (0.42, 0.78), (0.26, 0.62), (0.16, 0.56), 6), "dark", 0.007)]
    ops += [solid(rect(0.165, 0.905, 0.2, 0.925), "black")]
    return Silhouette(tuple(ops), fill=0.84, aux="interior", motif=0.12)


def sandal(family: str | None) -> Silhouette:
    sole = path(
        [(0.06, 0.61)],
        cbez((0.06, 0.61), (0.3, 0.66), (0.55, 0.73), (0.7, 0.735), 5),
        [(0.94, 0.735)],
        bez((0.94, 0.735), (0.98, 0.76), (0.94, 0.79), 3),
        [(0.66, 0.79)],
        cbez((0.66, 0.79), (0.5, 0.785), (0.35, 0.74), (0.26, 0.7), 4),
        [(0.24, 0.86), (0.12, 0.86), (0.1, 0.66)],
        bez((0.09, 0.66), (0.04, 0.66), (0.06, 0.61), 2),
    )
    ops: list[Op] = [line(bez((0.7, 0.735), (0.8, 0.53), (0.92, 0.735), 8), "body", 0.045, mask=True)]
    ops += [line(bez((0.45, 0.7), (0.53, 0.46), (0.64, 0.735), 8), "body", 0.045, mask=True)]
    ops += [solid(sole, "aux", "dark", 0.003)]
    ops += [line([(0.1, 0.6), (0.11, 0.4)], "body", 0.04, mask=True)]
    ops += [line(ellipse(0.18, 0.4, 0.085, 0.028, 12, 180, 360), "body", 0.035, mask=True)]
    ops += [line(ellipse(0.18, 0.4, 0.085, 0.028, 12, 0, 180), "dark", 0.03, mask=True)]
    ops += [solid(rect(0.245, 0.385, 0.285, 0.44), "hw")]
    return Silhouette(tuple(ops), fill=0.84, aux="sole_dark", motif=0.1)


# ------------------------------------------------------------------------------------------ shoe variants


def high_top(family: str | None) -> Silhouette:
    """A high-top sneaker: the padded collar rises above the ankle, laces run up the tongue."""
    upper = path(
        [(0.14, 0.08), (0.36, 0.1), (0.4, 0.05), (0.46, 0.08), (0.62, 0.45)],
        cbez((0.62, 0.45), (0.8, 0.49), (0.93, 0.55), (0.93, 0.66), 6),
        [(0.09, 0.66)],
        bez((0.09, 0.66), (0.08, 0.4), (0.14, 0.08), 6),
    )
    sole = path(
        [(0.06, 0.63), (0.94, 0.63)],
        bez((0.94, 0.63), (0.98, 0.7), (0.93, 0.76), 4),
        [(0.09, 0.76)],
        bez((0.09, 0.76), (0.04, 0.7), (0.06, 0.63), 4),
    )
    ops: list[Op] = [poly(upper), solid(sole, "aux", "dark", 0.004)]
    ops += [solid(path([(0.14, 0.08), (0.36, 0.1)], [(0.35, 0.16), (0.13, 0.15)]), "accent", "dark", 0.003)]
    ops += [line([(0.08, 0.715), (0.95, 0.715)], "dark", 0.004)]
    ops += [line([(0.76, 0.635), (0.78, 0.53), (0.88, 0.53)], "dark", 0.004)]
    for i in range(8):
        p = lerp((0.42, 0.12), (0.6, 0.45), i / 7)
        ops += [line([(p[0] - 0.02, p[1] + 0.02), (p[0] + 0.025, p[1] - 0.015)], "light", 0.01)]
    ops += [solid(ellipse(0.24, 0.36, 0.05, 0.05, 12), "accent", "dark", 0.003)]
    return Silhouette(
        tuple(ops), fill=0.86, aux="sole_white", motif=0.12, anchors={"stripes": [[(0.2, 0.5), (0.6, 0.58)]]}
    )


def slip_on(family: str | None) -> Silhouette:
    """A slip-on sneaker: a low laceless upper with elastic side gores and a flat vulcanised sole."""
    upper = path(
        [(0.1, 0.44)],
        bez((0.1, 0.44), (0.3, 0.5), (0.5, 0.46), 6),
        cbez((0.5, 0.46), (0.7, 0.47), (0.92, 0.54), (0.93, 0.64), 6),
        [(0.08, 0.64)],
        bez((0.08, 0.64), (0.07, 0.52), (0.1, 0.44), 3),
    )
    sole = [(0.06, 0.62), (0.95, 0.62), (0.95, 0.7), (0.06, 0.7)]
    ops: list[Op] = [poly(upper), solid(sole, "aux", "dark", 0.004)]
    ops += [line([(0.07, 0.66), (0.94, 0.66)], "dark", 0.004)]
    ops += [solid([(0.44, 0.47), (0.5, 0.47), (0.48, 0.56)], "dark")]
    ops += [line(bez((0.5, 0.47), (0.66, 0.44), (0.8, 0.5), 5), "dark", 0.004)]
    return Silhouette(
        tuple(ops), fill=0.86, aux="sole_white", motif=0.12, anchors={"stripes": [[(0.15, 0.56), (0.8, 0.58)]]}
    )


def ankle_boot(family: str | None) -> Silhouette:
    """A heeled ankle boot: a short shaft, a pointed toe and a tall block heel."""
    body = path(
        [(0.2, 0.3), (0.44, 0.3), (0.47, 0.55)],
        bez((0.47, 0.55), (0.55, 0.66), (0.72, 0.7), 5),
        cbez((0.72, 0.7), (0.88, 0.74), (0.97, 0.8), (0.96, 0.84), 4),
        [(0.4, 0.82)],
        bez((0.4, 0.82), (0.3, 0.74), (0.19, 0.72), 4),
        bez((0.19, 0.72), (0.16, 0.5), (0.2, 0.3), 5),
    )
    heel = [(0.18, 0.7), (0.3, 0.74), (0.29, 0.98), (0.2, 0.98)]
    ops: list[Op] = [solid(heel, "aux", "dark", 0.003), poly(body)]
    ops += [line([(0.44, 0.31), (0.46, 0.52)], "hw", 0.007)]
    ops += [line(bez((0.4, 0.82), (0.7, 0.84), (0.96, 0.84), 4), "aux", 0.012)]
    return Silhouette(
        tuple(ops),
        fill=0.84,
        aux="sole_dark",
        motif=0.12,
        anchors={"stripes": [[(0.22, 0.32), (0.2, 0.7)]], "front": [(0.44, 0.32), (0.46, 0.52)]},
    )


def chelsea_boot(family: str | None) -> Silhouette:
    """A Chelsea boot: ankle height, an elastic side gusset, pull loops front and back, a flat sole."""
    body = path(
        [(0.2, 0.28), (0.5, 0.28), (0.52, 0.5)],
        bez((0.52, 0.5), (0.58, 0.6), (0.76, 0.62), 5),
        cbez((0.76, 0.62), (0.9, 0.64), (0.96, 0.7), (0.94, 0.8), 5),
        [(0.18, 0.8)],
        bez((0.18, 0.8), (0.15, 0.5), (0.2, 0.28), 5),
    )
    sole = [(0.15, 0.79), (0.96, 0.79), (0.95, 0.85), (0.15, 0.85)]
    ops: list[Op] = [poly(body), solid(sole, "aux", "dark", 0.003)]
    ops += [solid([(0.3, 0.28), (0.42, 0.28), (0.37, 0.54)], "dark")]
    ops += [line([(0.32 + 0.02 * i, 0.3), (0.365 + 0.002 * i, 0.5)], "black", 0.003) for i in range(5)]
    ops += [line([(0.2, 0.3), (0.19, 0.19), (0.25, 0.19), (0.25, 0.3)], "accent", 0.016, mask=True)]
    ops += [line([(0.45, 0.3), (0.46, 0.19), (0.52, 0.19), (0.5, 0.3)], "accent", 0.016, mask=True)]
    return Silhouette(
        tuple(ops), fill=0.84, aux="sole_dark", motif=0.12, anchors={"stripes": [[(0.5, 0.3), (0.51, 0.5)]]}
    )


def rain_boot(family: str | None) -> Silhouette:
    """A rain boot: a tall, wide, straight rubber shaft, a buckled strap at the top, a chunky cleated sole."""
    body = path(
        [(0.16, -0.2), (0.58, -0.2), (0.56, 0.48)],
        bez((0.56, 0.48), (0.62, 0.6), (0.8, 0.62), 5),
        cbez((0.8, 0.62), (0.93, 0.64), (0.97, 0.72), (0.95, 0.8), 5),
        [(0.15, 0.8)],
        [(0.14, 0.3)],
    )
    sole = [(0.12, 0.78), (0.97, 0.78), (0.96, 0.88), (0.12, 0.88)]
    ops: list[Op] = [poly(body), solid(sole, "aux", "dark", 0.003)]
    ops += [line([(0.13 + 0.1 * i, 0.88), (0.16 + 0.1 * i, 0.88)], "dark", 0.012) for i in range(8)]
    ops += [
        solid(rect(0.155, -0.1, 0.585, -0.05), "accent", "dark", 0.003),
        solid(rect(0.52, -0.11, 0.57, -0.04), "hw"),
    ]
    ops += [line([(0.15, 0.72), (0.95, 0.72)], "dark", 0.004)]
    return Silhouette(
        tuple(ops), fill=0.86, aux="sole_dark", motif=0.12, anchors={"stripes": [[(0.55, -0.04), (0.55, 0.45)]]}
    )


def knee_high_boot(family: str | None) -> Silhouette:
    """A knee-high boot: a long slim shaft to the knee, a side zip, a pointed toe and a slender heel."""
    body = path(
        [(0.2, -0.45), (0.48, -0.45), (0.45, 0.5)],
        bez((0.44, 0.5), (0.52, 0.64), (0.7, 0.68), 5),
        cbez((0.7, 0.68), (0.86, 0.72), (0.97, 0.78), (0.96, 0.82), 4),
        [(0.4, 0.8)],
        bez((0.4, 0.8), (0.3, 0.72), (0.22, 0.7), 4),
        [(0.24, 0.2)],
    )
    heel = [(0.21, 0.68), (0.28, 0.72), (0.255, 0.98), (0.225, 0.98)]
    ops: list[Op] = [solid(heel, "aux", "dark", 0.003), poly(body)]
    ops += [line([(0.45, -0.43), (0.43, 0.48)], "hw", 0.006)]
    ops += [line(bez((0.4, 0.8), (0.7, 0.82), (0.96, 0.82), 4), "aux", 0.012)]
    return Silhouette(
        tuple(ops),
        fill=0.88,
        aux="sole_dark",
        motif=0.12,
        anchors={"stripes": [[(0.25, -0.43), (0.25, 0.6)]], "front": [(0.43, -0.43), (0.42, 0.48)]},
    )


def derby(family: str | None) -> Silhouette:
    """A derby: open lacing on a high throat, a round toe and a thick lug sole."""
    body = path(
        [(0.08, 0.42)],
        bez((0.08, 0.42), (0.2, 0.38), (0.36, 0.36), 4),
        [(0.42, 0.34)],
        cbez((0.42, 0.34), (0.6, 0.4), (0.85, 0.44), (0.94, 0.58), 6),
        [(0.95, 0.64), (0.07, 0.64)],
        bez((0.07, 0.64), (0.05, 0.5), (0.08, 0.42), 3),
    )
    sole = [(0.05, 0.63), (0.97, 0.63), (0.96, 0.76), (0.05, 0.76)]
    ops: list[Op] = [poly(body), solid(sole, "aux", "dark", 0.003)]
    ops += [line([(0.06 + 0.07 * i, 0.76), (0.09 + 0.07 * i, 0.76)], "dark", 0.014) for i in range(13)]
    ops += [poly([(0.3, 0.37), (0.5, 0.37), (0.58, 0.5), (0.36, 0.52)], "body", "dark", 0.004)]
    for i in range(4):
        p = lerp((0.38, 0.37), (0.52, 0.46), i / 3)
        ops += [dot(p[0], p[1], 0.007, "dark"), line([(p[0], p[1]), (p[0] + 0.05, p[1] - 0.02)], "light", 0.006)]
    return Silhouette(tuple(ops), fill=0.86, aux="sole_dark", motif=0.12)


def oxford(family: str | None) -> Silhouette:
    """An oxford: long and sleek, closed lacing, a toe cap, a thin sole on a stacked heel."""
    body = path(
        [(0.04, 0.5)],
        bez((0.04, 0.5), (0.1, 0.46), (0.22, 0.47), 3),
        [(0.38, 0.44)],
        cbez((0.38, 0.44), (0.6, 0.49), (0.86, 0.53), (0.99, 0.6), 6),
        [(0.99, 0.63), (0.05, 0.63)],
        bez((0.05, 0.63), (0.02, 0.56), (0.04, 0.5), 3),
    )
    sole = [(0.03, 0.62), (1.0, 0.62), (0.99, 0.65), (0.22, 0.65), (0.21, 0.7), (0.05, 0.7)]
    ops: list[Op] = [poly(body), solid(sole, "aux", "dark", 0.003)]
    ops += [line([(0.3, 0.455), (0.44, 0.47)], "dark", 0.012)]
    ops += [line([(0.32 + 0.03 * i, 0.445 + 0.002 * i), (0.33 + 0.03 * i, 0.475)], "light", 0.004) for i in range(4)]
    ops += [line(bez((0.76, 0.51), (0.73, 0.57), (0.76, 0.62), 4), "dark", 0.004)]
    ops += [line(cbez((0.22, 0.48), (0.3, 0.56), (0.5, 0.56), (0.58, 0.5), 6), "dark", 0.003)]
    return Silhouette(tuple(ops), fill=0.9, aux="sole_dark", motif=0.12)


def slingback(family: str | None) -> Silhouette:
    """A slingback pump: the heel cup left open, a thin strap round the back, a pointed toe."""
    body = path(
        [(0.34, 0.52)],
        cbez((0.34, 0.52), (0.45, 0.57), (0.55, 0.57), (0.62, 0.56), 4),
        cbez((0.62, 0.56), (0.78, 0.58), (0.92, 0.7), (0.98, 0.8), 6),
        [(0.9, 0.805), (0.64, 0.8)],
        cbez((0.64, 0.8), (0.48, 0.78), (0.38, 0.7), (0.32, 0.64), 5),
    )
    heel = [(0.13, 0.6), (0.21, 0.64), (0.195, 0.92), (0.17, 0.92)]
    insole = path([(0.14, 0.6)], cbez((0.14, 0.6), (0.25, 0.62), (0.4, 0.72), (0.64, 0.8), 6))
    ops: list[Op] = [poly(heel), line(insole, "aux", 0.02, mask=True), poly(body)]
    ops += [line(bez((0.36, 0.55), (0.22, 0.4), (0.13, 0.5), 6), "body", 0.016, mask=True)]
    ops += [line(bez((0.13, 0.5), (0.12, 0.56), (0.14, 0.6), 3), "body", 0.016, mask=True)]
    ops += [solid(rect(0.27, 0.43, 0.3, 0.47), "hw")]
    ops += [solid(rect(0.165, 0.905, 0.2, 0.925), "black")]
    return Silhouette(tuple(ops), fill=0.84, aux="interior", motif=0.12)


def mule(family: str | None) -> Silhouette:
    """A mule: backless, a high closed vamp over the foot, a flat open heel seat on a block heel."""
    vamp = path(
        [(0.42, 0.5)],
        cbez((0.42, 0.5), (0.52, 0.42), (0.7, 0.44), (0.86, 0.6), 6),
        bez((0.86, 0.6), (0.97, 0.68), (0.95, 0.76), 3),
        [(0.5, 0.76)],
        bez((0.5, 0.76), (0.44, 0.62), (0.42, 0.5), 3),
    )
    seat = path(
        [(0.1, 0.68)],
        cbez((0.1, 0.68), (0.3, 0.68), (0.45, 0.74), (0.6, 0.76), 5),
        [(0.96, 0.77)],
        [(0.95, 0.81), (0.6, 0.8), (0.1, 0.74)],
    )
    heel = [(0.1, 0.7), (0.24, 0.72), (0.23, 0.95), (0.12, 0.95)]
    ops: list[Op] = [solid(heel, "aux", "dark", 0.003), solid(seat, "aux", "dark", 0.003), poly(vamp)]
    ops += [line([(0.48, 0.52), (0.6, 0.47)], "hw", 0.012)]
    ops += [line(bez((0.5, 0.76), (0.75, 0.79), (0.95, 0.77), 4), "aux", 0.012)]
    return Silhouette(tuple(ops), fill=0.84, aux="sole_dark", motif=0.12)


def slide(family: str | None) -> Silhouette:
    """A slide: a thick flat footbed with one wide strap across the front."""
    bed = path([(0.05, 0.64)], bez((0.05, 0.64), (0.5, 0.6), (0.95, 0.64), 6), [(0.96, 0.76), (0.04, 0.76)])
    strap = path([(0.42, 0.64)], cbez((0.42, 0.64), (0.46, 0.4), (0.74, 0.38), (0.82, 0.63), 8))
    ops: list[Op] = [solid(bed, "aux", "dark", 0.004), poly(strap)]
    ops += [line([(0.05, 0.7), (0.95, 0.7)], "dark", 0.004)]
    ops += [solid(rrect(0.55, 0.46, 0.7, 0.52, 0.01), "hw")]
    return Silhouette(tuple(ops), fill=0.86, aux="sole_dark", motif=0.12)


SHOES = {
    ItemKind.SNEAKER: {
        "sneakers": with_family(sneaker),
        "high_top": with_family(high_top),
        "slip_on": with_family(slip_on),
    },
    ItemKind.BOOT: {
        "boots": with_family(boot),
        "ankle": with_family(ankle_boot),
        "chelsea": with_family(chelsea_boot),
        "rain": with_family(rain_boot),
        "knee_high": with_family(knee_high_boot),
    },
    ItemKind.LOAFER: {"loafers": with_family(loafer), "derby": with_family(derby), "oxford": with_family(oxford)},
    ItemKind.PUMP: {"pumps": with_family(pump), "slingback": with_family(slingback), "mules": with_family(mule)},
    ItemKind.SANDAL: {"sandals": with_family(sandal), "slides": with_family(slide)},
}
