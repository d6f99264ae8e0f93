"""Silhouette data for beauty: one packaging drawing per beauty line (`line_shape` 0, 1, ...).

Fragrance bottles carry a "volume" anchor: the height below it that size cues stretch (a 30 ml bottle is
squatter than a 150 ml one as well as smaller).
"""

from __future__ import annotations

from samplegen.render.geometry import Op, Silhouette, bez, cbez, dot, ellipse, line, path, poly, rect, rrect, solid
from samplegen.render.silhouettes_tools import with_family
from schemas.looks import ItemKind


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
    ops += [
        solid(rect(0.395, 0.6, 0.605, 0.76), "light"),
        line([(0.43, 0.65), (0.57, 0.65)], "dark", 0.008),
        line([(0.44, 0.7), (0.56, 0.7)], "dark", 0.004),
    ]
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


def fragrance_her(family: str | None) -> Silhouette:
    """A wide rectangular bottle under a tall fabric-covered cap."""
    ops: list[Op] = [solid(rrect(0.22, 0.4, 0.78, 0.92, 0.06), "aux", "dark", 0.004)]
    ops += [solid(rrect(0.26, 0.5, 0.74, 0.88, 0.04), "ground")]
    ops += [line([(0.29, 0.46), (0.29, 0.86)], "light", 0.014), line([(0.72, 0.46), (0.72, 0.6)], "light", 0.006)]
    ops += [solid(rrect(0.37, 0.62, 0.63, 0.72, 0.01), "hw", "dark", 0.003)]
    ops += [poly(rrect(0.3, 0.08, 0.7, 0.335, 0.035), "body", "dark", 0.004)]
    ops += [solid(rect(0.44, 0.34, 0.56, 0.405), "hw")]
    return Silhouette(tuple(ops), fill=0.8, aux="glass", motif=0.1, anchors={"volume": 0.4})


# --------------------------------------------------------------------------------------- line variants


def lipstick_matte(family: str | None) -> Silhouette:
    """A square-section case standing capped, its cap cut at a slant, a gold band at the join."""
    ops: list[Op] = [poly(rect(0.37, 0.5, 0.63, 0.94), "body", "dark", 0.003)]
    ops += [solid(rect(0.37, 0.46, 0.63, 0.5), "hw", "dark", 0.003)]
    ops += [solid([(0.37, 0.46), (0.63, 0.46), (0.63, 0.1), (0.37, 0.18)], "black", "dark", 0.003)]
    ops += [line([(0.4, 0.2), (0.4, 0.44)], "light", 0.008)]
    return Silhouette(tuple(ops), fill=0.8, motif=0.12)


def lipstick_sheer(family: str | None) -> Silhouette:
    """A slim round case lying open on its side, the bullet turned up, the clear cap beside it."""
    ops: list[Op] = [solid(rrect(0.06, 0.5, 0.44, 0.62, 0.05), "black", "dark", 0.003)]
    ops += [solid(rect(0.44, 0.5, 0.5, 0.62), "hw")]
    ops += [solid([(0.5, 0.52), (0.66, 0.52), (0.74, 0.58), (0.66, 0.6), (0.5, 0.6)], "ground", "dark", 0.003)]
    ops += [solid(rrect(0.56, 0.68, 0.94, 0.78, 0.05), "aux", "dark", 0.003)]
    ops += [poly(rect(0.2, 0.52, 0.34, 0.6), "body", "dark", 0.003)]
    return Silhouette(tuple(ops), fill=0.86, aux="glass", motif=0.12)


def foundation_matte(family: str | None) -> Silhouette:
    """A round-shouldered frosted bottle with a wide domed screw cap."""
    ops: list[Op] = [
        solid(
            path(
                bez((0.26, 0.5), (0.26, 0.4), (0.42, 0.38), 4),
                [(0.58, 0.38)],
                bez((0.58, 0.38), (0.74, 0.4), (0.74, 0.5), 4),
                [(0.74, 0.95), (0.26, 0.95)],
            ),
            "aux",
            "dark",
            0.004,
        )
    ]
    ops += [solid(rrect(0.3, 0.5, 0.7, 0.92, 0.03), "ground")]
    ops += [solid(rect(0.36, 0.62, 0.64, 0.74), "light")]
    ops += [
        poly(
            path(bez((0.3, 0.36), (0.3, 0.14), (0.5, 0.14), 6), bez((0.5, 0.14), (0.7, 0.14), (0.7, 0.36), 6)),
            "body",
            "dark",
            0.004,
        )
    ]
    return Silhouette(tuple(ops), fill=0.8, aux="glass", motif=0.1)


def concealer(family: str | None) -> Silhouette:
    """A slim concealer wand: a clear tube of the shade under a long black cap."""
    ops: list[Op] = [solid(rrect(0.43, 0.42, 0.57, 0.95, 0.02), "aux", "dark", 0.003)]
    ops += [solid(rect(0.45, 0.46, 0.55, 0.93), "ground")]
    ops += [solid(rrect(0.425, 0.05, 0.575, 0.42, 0.02), "black", "dark", 0.003)]
    ops += [poly(rect(0.425, 0.36, 0.575, 0.42), "body", "dark", 0.003)]
    return Silhouette(tuple(ops), fill=0.8, aux="glass", motif=0.1)


def eye_compact(family: str | None) -> Silhouette:
    """A single-shade round compact, open: the mirrored lid above, one pan below."""
    ops: list[Op] = [poly(ellipse(0.5, 0.28, 0.24, 0.24, 28), "body", "dark", 0.004)]
    ops += [solid(ellipse(0.5, 0.28, 0.19, 0.19, 24), "light", "dark", 0.003)]
    ops += [solid(rect(0.44, 0.5, 0.56, 0.54), "hw")]
    ops += [solid(ellipse(0.5, 0.76, 0.24, 0.24, 28), "black")]
    ops += [solid(ellipse(0.5, 0.76, 0.18, 0.18, 24), "ground", "dark", 0.003)]
    return Silhouette(tuple(ops), fill=0.8, aux="ground_light", motif=0.1)


def _bottle(body: list, glass_inset: list, cap: list, neck: tuple) -> list[Op]:
    ops: list[Op] = [solid(body, "aux", "dark", 0.004), solid(glass_inset, "ground")]
    ops += [solid(rect(*neck), "hw"), poly(cap, "body", "dark", 0.004)]
    return ops


def fragrance_goddess(family: str | None) -> Silhouette:
    """A tall slim bottle under a tall cap."""
    ops = _bottle(
        rrect(0.33, 0.36, 0.67, 0.95, 0.05),
        rrect(0.36, 0.42, 0.64, 0.92, 0.04),
        rrect(0.42, 0.04, 0.58, 0.31, 0.02),
        (0.46, 0.31, 0.54, 0.36),
    )
    ops += [line([(0.37, 0.42), (0.37, 0.9)], "light", 0.012), solid(rect(0.4, 0.6, 0.6, 0.68), "hw", "dark", 0.003)]
    return Silhouette(tuple(ops), fill=0.8, aux="glass", motif=0.1, anchors={"volume": 0.36})


def fragrance_hero(family: str | None) -> Silhouette:
    """A heavy block with a thick glass base under a squat black cap."""
    ops: list[Op] = [solid(rect(0.2, 0.34, 0.8, 0.95), "aux", "dark", 0.004)]
    ops += [solid(rect(0.24, 0.38, 0.76, 0.8), "ground")]
    ops += [
        solid(rect(0.36, 0.18, 0.64, 0.34), "black", "dark", 0.003),
        poly(rect(0.36, 0.26, 0.64, 0.3), "body", "dark", 0.002),
    ]
    ops += [line([(0.24, 0.86), (0.76, 0.86)], "light", 0.008)]
    ops += [dot(0.5, 0.58, 0.05, "hw")]
    return Silhouette(tuple(ops), fill=0.8, aux="glass", motif=0.1, anchors={"volume": 0.34})


def fragrance_mr(family: str | None) -> Silhouette:
    """A tapered flask, wide at the foot, a round cap and a knotted cord round its neck."""
    ops: list[Op] = [solid([(0.36, 0.36), (0.64, 0.36), (0.8, 0.95), (0.2, 0.95)], "aux", "dark", 0.004)]
    ops += [solid([(0.39, 0.42), (0.61, 0.42), (0.75, 0.91), (0.25, 0.91)], "ground")]
    ops += [solid(rect(0.45, 0.3, 0.55, 0.36), "hw"), poly(ellipse(0.5, 0.2, 0.1, 0.1, 20), "body", "dark", 0.004)]
    ops += [line(cbez((0.45, 0.33), (0.3, 0.36), (0.26, 0.5), (0.3, 0.6), 6), "accent", 0.014, mask=True)]
    ops += [line([(0.55, 0.33), (0.45, 0.33)], "accent", 0.016)]
    return Silhouette(tuple(ops), fill=0.8, aux="glass", motif=0.1, anchors={"volume": 0.36})


BEAUTY = {
    ItemKind.LIPSTICK: {"lipstick": with_family(lipstick)},
    ItemKind.FOUNDATION: {"foundation": with_family(foundation)},
    ItemKind.EYE_PALETTE: {"eye_palette": with_family(eye_palette)},
    ItemKind.FRAGRANCE: {"fragrance": with_family(fragrance_her)},
}

# beauty lines: drawing variant `line_shape` of each kind
LINES = {
    ItemKind.LIPSTICK: (with_family(lipstick), with_family(lipstick_matte), with_family(lipstick_sheer)),
    ItemKind.FOUNDATION: (with_family(foundation), with_family(foundation_matte), with_family(concealer)),
    ItemKind.EYE_PALETTE: (with_family(eye_palette), with_family(eye_compact)),
    ItemKind.FRAGRANCE: (
        with_family(fragrance_goddess),
        with_family(fragrance_her),
        with_family(fragrance_hero),
        with_family(fragrance_mr),
    ),
}
