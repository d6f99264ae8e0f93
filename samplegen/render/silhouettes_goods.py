"""Silhouette data for bags and small leather goods (front views), one drawing per noun shape, and the bag
families' hardware."""

from __future__ import annotations

from samplegen.render.geometry import (
    Op,
    Silhouette,
    bez,
    cbez,
    dot,
    ellipse,
    line,
    mirror,
    pair,
    path,
    poly,
    rect,
    rigid,
    rrect,
    solid,
)
from samplegen.render.silhouettes_tools import with_family
from schemas.looks import ItemKind

# ------------------------------------------------------------------------------------- bag hardware


def plaque(family: str | None, cx: float, cy: float, s: float = 0.05) -> list[Op]:
    """The bag family's signature hardware centred at (cx, cy), about 2*s wide (never mirrored)."""
    return rigid(_plaque(family, cx, cy, s), cx)


def _plaque(family: str | None, cx: float, cy: float, s: float) -> list[Op]:
    fam = (family or "").strip().lower()
    if fam == "shield":
        return [
            solid(
                [
                    (cx - s, cy - s),
                    (cx + s, cy - s),
                    (cx + s, cy + s * 0.2),
                    (cx, cy + s * 1.1),
                    (cx - s, cy + s * 0.2),
                ],
                "hw",
                "dark",
                0.003,
            )
        ]
    if fam == "knight":
        return [
            line(ellipse(cx, cy, s * 0.9, s * 0.75, 14, 200, 520), "hw", s * 0.35),
            dot(cx + s * 0.85, cy - s * 0.25, s * 0.25, "hw"),
        ]
    if fam == "rose":
        ops = [
            dot(cx + s * 0.55 * dx, cy + s * 0.55 * dy, s * 0.45, "hw")
            for dx, dy in ((0, -1), (0.95, -0.31), (0.59, 0.81), (-0.59, 0.81), (-0.95, -0.31))
        ]
        return ops + [dot(cx, cy, s * 0.35, "dark"), dot(cx, cy, s * 0.22, "hw")]
    if fam == "frances":
        return [solid(rrect(cx - s * 1.6, cy - s * 0.3, cx + s * 1.6, cy + s * 0.3, s * 0.3, 2), "hw", "dark", 0.003)]
    if fam == "ainsworth":
        return [
            solid(rect(cx - s, cy - s * 0.7, cx + s, cy + s * 0.7), "hw"),
            solid(rect(cx - s * 0.6, cy - s * 0.35, cx + s * 0.6, cy + s * 0.35), "dark"),
            line([(cx, cy - s * 0.35), (cx, cy + s * 0.35)], "hw", s * 0.2),
        ]
    # TB plaque (Lola and default)
    return [
        solid(rrect(cx - s, cy - s * 0.65, cx + s, cy + s * 0.65, s * 0.2, 2), "hw", "dark", 0.003),
        line([(cx - s * 0.55, cy - s * 0.3), (cx - s * 0.1, cy - s * 0.3)], "dark", s * 0.16),
        line([(cx - s * 0.32, cy - s * 0.3), (cx - s * 0.32, cy + s * 0.35)], "dark", s * 0.16),
        line([(cx + s * 0.15, cy - s * 0.35), (cx + s * 0.15, cy + s * 0.35)], "dark", s * 0.16),
        line(ellipse(cx + s * 0.2, cy - s * 0.17, s * 0.3, s * 0.18, 6, -90, 90), "dark", s * 0.14),
        line(ellipse(cx + s * 0.2, cy + s * 0.17, s * 0.34, s * 0.18, 6, -90, 90), "dark", s * 0.14),
    ]


def _chain(pts: list, width: float) -> list[Op]:
    """A chain strap: a metal line with links every other point."""
    ops = [line(pts, "hw", width * 0.7, mask=True)]
    ops += [dot(x, y, width * 0.8, "hw", mask=True) for x, y in pts[::2]]
    return ops


def _strap(family: str | None, pts: list, width: float) -> list[Op]:
    if (family or "").strip().lower() == "lola":
        return _chain(pts, width)
    return [line(pts, "accent", width, mask=True)]


def _surface(family: str | None) -> str:
    return "quilt" if (family or "").strip().lower() == "lola" else "none"


# ------------------------------------------------------------------------------------------------ bags


def tote_bag(family: str | None) -> Silhouette:
    body = path(
        [(0.18, 0.38), (0.82, 0.38), (0.845, 0.85)],
        bez((0.845, 0.85), (0.85, 0.9), (0.8, 0.9), 3),
        [(0.2, 0.9)],
        bez((0.2, 0.9), (0.15, 0.9), (0.155, 0.85), 3),
    )
    ops: list[Op] = [poly(body)]
    ops += [solid([(0.18, 0.38), (0.25, 0.335), (0.75, 0.335), (0.82, 0.38)], "aux", "dark", 0.003)]
    ops += [line(bez((0.34, 0.345), (0.5, 0.0), (0.66, 0.345), 10), "accent", 0.026, mask=True)]
    ops += [line([(0.18, 0.38), (0.82, 0.38)], "accent", 0.014, mask=True)]
    ops += [
        solid(
            [(0.16, 0.81), (0.84, 0.81), (0.845, 0.85), (0.8, 0.9), (0.2, 0.9), (0.155, 0.85)], "accent", "dark", 0.003
        )
    ]
    ops += [line(bez((0.3, 0.39), (0.5, 0.05), (0.7, 0.39), 10), "accent", 0.03, mask=True)]
    for x in (0.3, 0.7):
        ops += [solid(rect(x - 0.025, 0.38, x + 0.025, 0.44), "accent", "dark", 0.003), dot(x, 0.42, 0.008, "hw")]
    ops += [line([(0.2, 0.4), (0.175, 0.8)], "dark", 0.003), line([(0.8, 0.4), (0.825, 0.8)], "dark", 0.003)]
    ops += plaque(family, 0.5, 0.5, 0.04)
    return Silhouette(
        tuple(ops),
        fill=0.8,
        surface=_surface(family),
        motif=0.14,
        anchors={"waist": (0.62, 0.33), "stripes": [[(0.5, 0.39), (0.5, 0.8)]]},
    )


def shoulder_bag(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rrect(0.2, 0.42, 0.8, 0.84, 0.05))]
    ops += [line([(0.2, 0.72), (0.8, 0.72)], "dark", 0.003)]
    ops += [
        poly(
            path([(0.2, 0.42), (0.8, 0.42), (0.8, 0.64)], bez((0.8, 0.64), (0.5, 0.76), (0.2, 0.64), 8)),
            "body",
            "dark",
            0.005,
        )
    ]
    ops += _strap(family, bez((0.23, 0.45), (0.5, -0.25), (0.77, 0.45), 14), 0.018)
    ops += [dot(0.23, 0.44, 0.014, "hw", mask=True), dot(0.77, 0.44, 0.014, "hw", mask=True)]
    ops += plaque(family, 0.5, 0.66, 0.045)
    return Silhouette(
        tuple(ops),
        fill=0.8,
        surface=_surface(family),
        motif=0.14,
        anchors={"waist": (0.78, 0.3), "stripes": [[(0.5, 0.43), (0.5, 0.68)]]},
    )


def crossbody_bag(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rrect(0.3, 0.62, 0.7, 0.9, 0.04))]
    ops += [
        poly(
            path([(0.3, 0.66), (0.7, 0.66), (0.7, 0.75)], bez((0.7, 0.75), (0.5, 0.79), (0.3, 0.75), 6)),
            "body",
            "dark",
            0.004,
        )
    ]
    ops += [line([(0.31, 0.645), (0.69, 0.645)], "hw", 0.006)]
    ops += _strap(family, bez((0.315, 0.63), (0.5, -0.5), (0.685, 0.63), 16), 0.012)
    ops += [dot(0.315, 0.632, 0.011, "hw", mask=True), dot(0.685, 0.632, 0.011, "hw", mask=True)]
    ops += plaque(family, 0.5, 0.76, 0.035)
    return Silhouette(
        tuple(ops), fill=0.86, surface=_surface(family), motif=0.1, anchors={"stripes": [[(0.5, 0.63), (0.5, 0.76)]]}
    )


def clutch(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rrect(0.1, 0.36, 0.9, 0.7, 0.03))]
    ops += [poly([(0.1, 0.37), (0.9, 0.37), (0.5, 0.6)], "body", "dark", 0.005)]
    ops += [line([(0.1, 0.37), (0.9, 0.37)], "accent", 0.008)]
    ops += plaque(family, 0.5, 0.57, 0.04)
    return Silhouette(
        tuple(ops),
        fill=0.82,
        surface=_surface(family),
        motif=0.14,
        anchors={"waist": (0.62, 0.4), "stripes": [[(0.12, 0.66), (0.88, 0.66)]]},
    )


def bucket_bag(family: str | None) -> Silhouette:
    top = [(0.29 + 0.42 * i / 12, 0.3 + (0.012 if i % 2 else -0.008)) for i in range(13)]
    body = path(
        top,
        [(0.77, 0.8)],
        bez((0.77, 0.8), (0.77, 0.92), (0.5, 0.92), 5),
        bez((0.5, 0.92), (0.23, 0.92), (0.23, 0.8), 5),
    )
    ops: list[Op] = [poly(body)]
    ops += [solid(ellipse(0.5, 0.305, 0.21, 0.04, 10, 180, 360), "aux", None)]
    ops += [line([(0.3, 0.34), (0.7, 0.34)], "accent", 0.012)]
    ops += [line([(0.38 + 0.04 * i, 0.31), (0.385 + 0.04 * i, 0.4)], "dark", 0.003) for i in range(7)]
    ops += [
        line([(0.56, 0.34), (0.6, 0.52)], "accent", 0.012, mask=True),
        line([(0.56, 0.34), (0.53, 0.5)], "accent", 0.012, mask=True),
    ]
    ops += [dot(0.6, 0.53, 0.014, "hw", mask=True), dot(0.53, 0.51, 0.014, "hw", mask=True)]
    ops += [line(bez((0.3, 0.31), (0.5, -0.18), (0.7, 0.31), 12), "accent", 0.022, mask=True)]
    ops += [
        solid(
            path(
                [(0.235, 0.83), (0.765, 0.83)],
                bez((0.77, 0.86), (0.77, 0.92), (0.5, 0.92), 4),
                bez((0.5, 0.92), (0.23, 0.92), (0.23, 0.86), 4),
            ),
            "accent",
            "dark",
            0.003,
        )
    ]
    ops += plaque(family, 0.5, 0.62, 0.04)
    return Silhouette(
        tuple(ops),
        fill=0.8,
        surface=_surface(family),
        motif=0.14,
        anchors={"waist": (0.6, 0.25), "stripes": [[(0.5, 0.36), (0.5, 0.82)]]},
    )


def backpack(family: str | None) -> Silhouette:
    body = path(
        bez((0.22, 0.36), (0.22, 0.14), (0.5, 0.14), 6),
        bez((0.5, 0.14), (0.78, 0.14), (0.78, 0.36), 6),
        [(0.78, 0.87)],
        bez((0.78, 0.87), (0.78, 0.92), (0.73, 0.92), 2),
        [(0.27, 0.92)],
        bez((0.27, 0.92), (0.22, 0.92), (0.22, 0.87), 2),
    )
    ops: list[Op] = [poly(body)]
    ops += pair(line(cbez((0.225, 0.26), (0.1, 0.4), (0.1, 0.7), (0.225, 0.85), 10), "dark", 0.035, mask=True))
    ops += [
        poly(
            path(
                bez((0.23, 0.34), (0.23, 0.155), (0.5, 0.155), 6),
                bez((0.5, 0.155), (0.77, 0.155), (0.77, 0.34), 6),
                [(0.77, 0.46)],
                bez((0.77, 0.46), (0.5, 0.52), (0.23, 0.46), 6),
            ),
            "body",
            "dark",
            0.005,
        )
    ]
    ops += [poly(rrect(0.3, 0.62, 0.7, 0.87, 0.04))]
    for x in (0.37, 0.63):
        ops += [line([(x, 0.4), (x, 0.66)], "accent", 0.032), solid(rect(x - 0.026, 0.55, x + 0.026, 0.6), "hw")]
    ops += [line(bez((0.44, 0.15), (0.5, 0.02), (0.56, 0.15), 6), "accent", 0.018, mask=True)]
    ops += plaque(family, 0.5, 0.75, 0.035)
    return Silhouette(
        tuple(ops),
        fill=0.84,
        surface=_surface(family),
        motif=0.13,
        anchors={"stripes": [[(0.5, 0.5), (0.5, 0.61)]], "front": [(0.32, 0.64), (0.68, 0.64)]},
    )


def briefcase(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rrect(0.08, 0.36, 0.92, 0.86, 0.03))]
    ops += [
        poly(
            path(
                [(0.08, 0.37), (0.92, 0.37), (0.92, 0.55)],
                bez((0.92, 0.55), (0.92, 0.57), (0.9, 0.57), 2),
                [(0.1, 0.57)],
                bez((0.1, 0.57), (0.08, 0.57), (0.08, 0.55), 2),
            ),
            "body",
            "dark",
            0.005,
        )
    ]
    for x in (0.3, 0.7):
        ops += [
            line([(x, 0.5), (x, 0.72)], "accent", 0.034),
            solid(rect(x - 0.03, 0.6, x + 0.03, 0.66), "hw"),
            solid(rect(x - 0.014, 0.615, x + 0.014, 0.645), "accent"),
        ]
    ops += [line([(0.39, 0.37), (0.41, 0.26), (0.59, 0.26), (0.61, 0.37)], "accent", 0.032, mask=True)]
    ops += [dot(0.395, 0.36, 0.014, "hw", mask=True), dot(0.605, 0.36, 0.014, "hw", mask=True)]
    ops += plaque(family, 0.5, 0.47, 0.035)
    return Silhouette(
        tuple(ops),
        fill=0.84,
        surface=_surface(family),
        motif=0.13,
        anchors={"waist": (0.76, 0.42), "front": [(0.12, 0.8), (0.88, 0.8)]},
    )


def belt_bag(family: str | None) -> Silhouette:
    strap = [(0.0, 0.455), (0.15, 0.462), (0.145, 0.535), (0.0, 0.53)]
    ops: list[Op] = [
        poly(
            path(
                bez((0.15, 0.45), (0.5, 0.32), (0.85, 0.45), 10),
                [(0.865, 0.52)],
                bez((0.865, 0.52), (0.5, 0.8), (0.135, 0.52), 10),
            )
        )
    ]
    ops += [solid(strap, "accent", "dark", 0.003), solid(mirror(strap), "accent", "dark", 0.003)]
    ops += [solid(rect(0.03, 0.44, 0.07, 0.545), "hw")]
    ops += [line(bez((0.2, 0.47), (0.5, 0.375), (0.8, 0.47), 10), "hw", 0.007)]
    ops += [solid(rrect(0.76, 0.46, 0.78, 0.52, 0.004), "hw")]
    ops += plaque(family, 0.5, 0.56, 0.035)
    return Silhouette(
        tuple(ops), fill=0.86, surface=_surface(family), motif=0.14, anchors={"stripes": [[(0.2, 0.56), (0.8, 0.56)]]}
    )


# ----------------------------------------------------------------------------------- small leather goods


def wallet(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rect(0.11, 0.29, 0.5, 0.71), "body", None), poly(rect(0.5, 0.29, 0.89, 0.71), "body", None)]
    frame = rrect(0.1, 0.28, 0.9, 0.72, 0.03)
    ops += [line(frame + frame[:1], "ground", 0.028, mask=True)]
    for i, y in enumerate((0.36, 0.45, 0.54)):
        ops += [solid(rect(0.55, y - 0.02, 0.85, y + 0.01), "light" if i % 2 == 0 else "accent")]
        ops += [
            solid(
                path([(0.53, y)], bez((0.6, y + 0.035), (0.7, y + 0.035), (0.85, y), 4), [(0.85, 0.68), (0.53, 0.68)]),
                "ground",
                "dark",
                0.003,
            )
        ]
    ops += [solid(rect(0.15, 0.5, 0.47, 0.68), "ground", "dark", 0.003)]
    ops += [line([(0.5, 0.29), (0.5, 0.71)], "dark", 0.006)]
    ops += plaque(family, 0.31, 0.59, 0.03)
    return Silhouette(tuple(ops), fill=0.72, motif=0.12)


def card_case(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rrect(0.24, 0.36, 0.76, 0.7, 0.02))]
    ops += [solid([(0.31, 0.355), (0.31, 0.31), (0.67, 0.31), (0.67, 0.355)], "light", "dark", 0.003)]
    ops += [solid(rect(0.35, 0.315, 0.45, 0.335), "accent")]
    ops += [solid(ellipse(0.5, 0.365, 0.06, 0.035, 12, 0, 180), "dark")]
    ops += [line([(0.26, 0.47), (0.74, 0.47)], "dark", 0.004)]
    ops += plaque(family, 0.5, 0.6, 0.03)
    return Silhouette(tuple(ops), fill=0.6, motif=0.13)


# ------------------------------------------------------------------------------------------- bag variants


def structured_tote(family: str | None) -> Silhouette:
    """A structured tote bag: wide and boxy, narrower at the top, two short rolled handles."""
    body = [(0.16, 0.44), (0.84, 0.44), (0.93, 0.86), (0.07, 0.86)]
    ops: list[Op] = [line(bez((0.3, 0.45), (0.38, 0.22), (0.46, 0.45), 6), "accent", 0.028, mask=True)]
    ops += [line(bez((0.54, 0.45), (0.62, 0.22), (0.7, 0.45), 6), "accent", 0.028, mask=True)]
    ops += [poly(body)]
    ops += [line([(0.16, 0.44), (0.84, 0.44)], "accent", 0.012, mask=True)]
    ops += [line([(0.2, 0.46), (0.12, 0.84)], "dark", 0.003), line([(0.8, 0.46), (0.88, 0.84)], "dark", 0.003)]
    ops += [solid(rect(0.07, 0.82, 0.93, 0.86), "accent", "dark", 0.003)]
    ops += plaque(family, 0.5, 0.6, 0.045)
    return Silhouette(
        tuple(ops),
        fill=0.84,
        surface=_surface(family),
        motif=0.14,
        anchors={"waist": (0.64, 0.4), "stripes": [[(0.5, 0.45), (0.5, 0.82)]]},
    )


def shopper(family: str | None) -> Silhouette:
    """A soft shopper: tall open body, a folded-over top band and long thin shoulder straps."""
    body = path([(0.27, 0.34), (0.73, 0.34), (0.77, 0.9)], bez((0.77, 0.9), (0.5, 0.94), (0.23, 0.9), 4))
    ops: list[Op] = [line(bez((0.33, 0.35), (0.5, -0.32), (0.67, 0.35), 12), "accent", 0.016, mask=True)]
    ops += [poly(body)]
    ops += [poly(rect(0.265, 0.34, 0.735, 0.41))]
    ops += [line(bez((0.36, 0.35), (0.5, -0.22), (0.64, 0.35), 12), "accent", 0.016, mask=True)]
    ops += [line([(0.5, 0.42), (0.5, 0.9)], "dark", 0.003)]
    ops += plaque(family, 0.5, 0.56, 0.04)
    return Silhouette(
        tuple(ops),
        fill=0.86,
        surface=_surface(family),
        motif=0.14,
        anchors={"waist": (0.62, 0.3), "stripes": [[(0.35, 0.42), (0.33, 0.88)], [(0.65, 0.42), (0.67, 0.88)]]},
    )


def top_handle_bag(family: str | None) -> Silhouette:
    """A structured bag with one rigid top handle, trapezoid sides and a flap."""
    ops: list[Op] = [line(bez((0.36, 0.47), (0.5, 0.1), (0.64, 0.47), 10), "accent", 0.035, mask=True)]
    ops += [poly([(0.27, 0.46), (0.73, 0.46), (0.84, 0.88), (0.16, 0.88)])]
    ops += [
        poly(
            path([(0.27, 0.46), (0.73, 0.46), (0.77, 0.62)], bez((0.77, 0.62), (0.5, 0.7), (0.23, 0.62), 8)),
            "body",
            "dark",
            0.005,
        )
    ]
    ops += [dot(0.36, 0.47, 0.016, "hw", mask=True), dot(0.64, 0.47, 0.016, "hw", mask=True)]
    ops += plaque(family, 0.5, 0.62, 0.045)
    return Silhouette(
        tuple(ops),
        fill=0.8,
        surface=_surface(family),
        motif=0.14,
        anchors={"waist": (0.8, 0.32), "stripes": [[(0.5, 0.47), (0.5, 0.64)]]},
    )


def sling_bag(family: str | None) -> Silhouette:
    """A crescent sling: a half-moon body hanging from one wide strap."""
    body = path(bez((0.1, 0.5), (0.5, 1.08), (0.9, 0.5), 12), bez((0.9, 0.5), (0.5, 0.66), (0.1, 0.5), 10))
    ops: list[Op] = [line(bez((0.12, 0.5), (0.5, -0.28), (0.88, 0.5), 14), "accent", 0.05, mask=True)]
    ops += [poly(body)]
    ops += [line(bez((0.16, 0.56), (0.5, 0.72), (0.84, 0.56), 10), "hw", 0.006)]
    ops += plaque(family, 0.5, 0.75, 0.04)
    return Silhouette(
        tuple(ops), fill=0.84, surface=_surface(family), motif=0.14, anchors={"stripes": [[(0.5, 0.64), (0.5, 0.78)]]}
    )


def chain_bag(family: str | None) -> Silhouette:
    """A small flap bag on a long chain that rises to a point above it."""
    ops: list[Op] = _chain([(0.32, 0.64), (0.38, 0.46), (0.43, 0.28), (0.47, 0.1), (0.5, 0.02)], 0.014)
    ops += _chain([(0.68, 0.64), (0.62, 0.46), (0.57, 0.28), (0.53, 0.1), (0.5, 0.02)], 0.014)
    ops += [poly(rrect(0.28, 0.62, 0.72, 0.92, 0.02))]
    ops += [
        poly(
            path([(0.28, 0.62), (0.72, 0.62), (0.72, 0.78)], bez((0.72, 0.78), (0.5, 0.84), (0.28, 0.78), 6)),
            "body",
            "dark",
            0.004,
        )
    ]
    ops += plaque(family, 0.5, 0.79, 0.035)
    return Silhouette(
        tuple(ops), fill=0.84, surface=_surface(family), motif=0.1, anchors={"stripes": [[(0.5, 0.63), (0.5, 0.77)]]}
    )


def messenger_bag(family: str | None) -> Silhouette:
    """A messenger bag: wide body, a deep flap with two buckled straps, a long flat strap."""
    ops: list[Op] = [line([(0.08, 0.52), (0.2, 0.2), (0.8, 0.2), (0.92, 0.52)], "accent", 0.03, mask=True)]
    ops += [poly(rrect(0.08, 0.5, 0.92, 0.9, 0.03))]
    ops += [poly(rrect(0.08, 0.5, 0.92, 0.8, 0.03), "body", "dark", 0.005)]
    for x in (0.3, 0.7):
        ops += [line([(x, 0.6), (x, 0.84)], "accent", 0.03), solid(rect(x - 0.03, 0.74, x + 0.03, 0.78), "hw")]
    ops += plaque(family, 0.5, 0.64, 0.035)
    return Silhouette(
        tuple(ops), fill=0.86, surface=_surface(family), motif=0.12, anchors={"stripes": [[(0.12, 0.86), (0.88, 0.86)]]}
    )


def camera_bag(family: str | None) -> Silhouette:
    """A camera bag: a tall box with a domed zip top and a strap rising straight from its sides."""
    body = path(
        [(0.3, 0.6)],
        bez((0.3, 0.6), (0.3, 0.46), (0.5, 0.46), 5),
        bez((0.5, 0.46), (0.7, 0.46), (0.7, 0.6), 5),
        [(0.7, 0.9), (0.3, 0.9)],
    )
    ops: list[Op] = [line([(0.31, 0.62), (0.29, 0.12), (0.71, 0.12), (0.69, 0.62)], "accent", 0.022, mask=True)]
    ops += [poly(body)]
    ops += [
        line(
            path(bez((0.32, 0.6), (0.32, 0.49), (0.5, 0.49), 5), bez((0.5, 0.49), (0.68, 0.49), (0.68, 0.6), 5)),
            "hw",
            0.007,
        )
    ]
    ops += [poly(rrect(0.35, 0.66, 0.65, 0.86, 0.02), "body", "dark", 0.004)]
    ops += plaque(family, 0.5, 0.74, 0.035)
    return Silhouette(
        tuple(ops), fill=0.84, surface=_surface(family), motif=0.1, anchors={"stripes": [[(0.5, 0.5), (0.5, 0.65)]]}
    )


def phone_bag(family: str | None) -> Silhouette:
    """A phone bag: a narrow upright case on a long thin strap."""
    ops: list[Op] = _strap(family, bez((0.41, 0.42), (0.5, -0.35), (0.59, 0.42), 14), 0.01)
    ops += [poly(rrect(0.4, 0.4, 0.6, 0.92, 0.025))]
    ops += [poly(rrect(0.4, 0.4, 0.6, 0.56, 0.025), "body", "dark", 0.004)]
    ops += [line([(0.42, 0.7), (0.58, 0.7)], "dark", 0.003)]
    ops += plaque(family, 0.5, 0.5, 0.03)
    return Silhouette(
        tuple(ops), fill=0.84, surface=_surface(family), motif=0.1, anchors={"stripes": [[(0.5, 0.58), (0.5, 0.9)]]}
    )


def pouch(family: str | None) -> Silhouette:
    """A soft pouch: a pillowy zipped body with a wrist loop at one corner."""
    body = path(
        bez((0.16, 0.44), (0.5, 0.38), (0.84, 0.44), 8),
        bez((0.84, 0.44), (0.9, 0.62), (0.84, 0.8), 6),
        bez((0.84, 0.8), (0.5, 0.86), (0.16, 0.8), 8),
        bez((0.16, 0.8), (0.1, 0.62), (0.16, 0.44), 6),
    )
    ops: list[Op] = [line(ellipse(0.86, 0.32, 0.07, 0.13, 16) + [(0.93, 0.32)], "accent", 0.018, mask=True)]
    ops += [poly(body)]
    ops += [line(bez((0.2, 0.47), (0.5, 0.42), (0.8, 0.47), 8), "hw", 0.008)]
    ops += [solid(rrect(0.78, 0.45, 0.82, 0.53, 0.006), "hw")]
    ops += plaque(family, 0.5, 0.63, 0.04)
    return Silhouette(
        tuple(ops), fill=0.8, surface=_surface(family), motif=0.14, anchors={"stripes": [[(0.16, 0.62), (0.84, 0.62)]]}
    )


def chain_clutch(family: str | None) -> Silhouette:
    """A frame clutch with a chain that drops in a loop above it."""
    ops: list[Op] = _chain(bez((0.24, 0.52), (0.5, -0.28), (0.76, 0.52), 14), 0.012)
    ops += [poly(rrect(0.16, 0.5, 0.84, 0.86, 0.04))]
    ops += [
        poly(
            path([(0.16, 0.5), (0.84, 0.5)], [(0.84, 0.62)], bez((0.84, 0.62), (0.5, 0.72), (0.16, 0.62), 8)),
            "body",
            "dark",
            0.005,
        )
    ]
    ops += plaque(family, 0.5, 0.66, 0.035)
    return Silhouette(
        tuple(ops), fill=0.82, surface=_surface(family), motif=0.14, anchors={"stripes": [[(0.18, 0.82), (0.82, 0.82)]]}
    )


def document_case(family: str | None) -> Silhouette:
    """A slim document case: a flat zipped portfolio, no handle, a zip pull at the corner."""
    ops: list[Op] = [poly(rrect(0.05, 0.26, 0.95, 0.86, 0.06))]
    ops += [
        line(
            path(
                bez((0.06, 0.36), (0.06, 0.27), (0.15, 0.27), 3),
                [(0.85, 0.27)],
                bez((0.85, 0.27), (0.94, 0.27), (0.94, 0.36), 3),
            ),
            "hw",
            0.008,
        )
    ]
    ops += [line([(0.94, 0.34), (0.99, 0.42)], "accent", 0.02, mask=True)]
    ops += plaque(family, 0.5, 0.56, 0.04)
    return Silhouette(
        tuple(ops), fill=0.84, surface=_surface(family), motif=0.12, anchors={"stripes": [[(0.5, 0.3), (0.5, 0.84)]]}
    )


def bum_bag(family: str | None) -> Silhouette:
    """A bum bag: a deep D-shaped body with a front zip pocket on a wide webbing strap."""
    strap = [(0.0, 0.3), (0.2, 0.38), (0.2, 0.46), (0.0, 0.38)]
    body = path(
        [(0.18, 0.36), (0.82, 0.36)],
        bez((0.82, 0.36), (0.86, 0.86), (0.5, 0.86), 8),
        bez((0.5, 0.86), (0.14, 0.86), (0.18, 0.36), 8),
    )
    ops: list[Op] = [solid(strap, "accent", "dark", 0.003), solid(mirror(strap), "accent", "dark", 0.003)]
    ops += [poly(body)]
    ops += [
        poly(
            path(
                [(0.24, 0.56), (0.76, 0.56)],
                bez((0.76, 0.56), (0.76, 0.8), (0.5, 0.8), 6),
                bez((0.5, 0.8), (0.24, 0.8), (0.24, 0.56), 6),
            ),
            "body",
            "dark",
            0.004,
        )
    ]
    ops += [line([(0.26, 0.58), (0.74, 0.58)], "hw", 0.007), line([(0.22, 0.4), (0.78, 0.4)], "hw", 0.007)]
    ops += [solid(rect(0.02, 0.3, 0.07, 0.4), "hw")]
    ops += plaque(family, 0.5, 0.68, 0.035)
    return Silhouette(
        tuple(ops), fill=0.86, surface=_surface(family), motif=0.14, anchors={"stripes": [[(0.2, 0.48), (0.8, 0.48)]]}
    )


# ------------------------------------------------------------------------------------ wallet variants


def zip_wallet(family: str | None) -> Silhouette:
    """A closed zip-around wallet: rounded corners, the zip running round them, a pull at the side."""
    ops: list[Op] = [poly(rrect(0.1, 0.32, 0.84, 0.68, 0.06))]
    ops += [line(rrect(0.115, 0.335, 0.825, 0.665, 0.05) + [(0.825, 0.385)], "hw", 0.007)]
    ops += [line([(0.83, 0.4), (0.93, 0.44)], "accent", 0.022, mask=True), dot(0.93, 0.44, 0.014, "hw", mask=True)]
    ops += plaque(family, 0.47, 0.5, 0.035)
    return Silhouette(tuple(ops), fill=0.72, motif=0.12)


def bifold_wallet(family: str | None) -> Silhouette:
    """A closed bifold: nearly square, the fold rounded down its left edge."""
    ops: list[Op] = [poly(rrect(0.27, 0.28, 0.73, 0.72, 0.02))]
    ops += [line([(0.285, 0.3), (0.285, 0.7)], "dark", 0.006)]
    ops += [line(rrect(0.3, 0.3, 0.71, 0.7, 0.015) + [(0.71, 0.315)], "dark", 0.002)]
    ops += plaque(family, 0.52, 0.5, 0.035)
    return Silhouette(tuple(ops), fill=0.66, motif=0.13)


def continental_wallet(family: str | None) -> Silhouette:
    """A long continental wallet closed under a full-width flap that ends in a point with a snap."""
    ops: list[Op] = [poly(rect(0.06, 0.36, 0.94, 0.64))]
    ops += [poly([(0.06, 0.36), (0.94, 0.36), (0.94, 0.48), (0.5, 0.76), (0.06, 0.48)], "body", "dark", 0.005)]
    ops += [dot(0.5, 0.7, 0.016, "hw")]
    ops += plaque(family, 0.5, 0.5, 0.035)
    return Silhouette(tuple(ops), fill=0.76, motif=0.12)


def folding_wallet(family: str | None) -> Silhouette:
    """A folding wallet half open: the lower panel flat, the upper one leaning back and to the side."""
    ops: list[Op] = [poly([(0.32, 0.14), (0.94, 0.14), (0.76, 0.52), (0.14, 0.52)])]
    ops += [solid([(0.37, 0.19), (0.87, 0.19), (0.8, 0.34), (0.3, 0.34)], "ground", "dark", 0.003)]
    ops += [solid([(0.38, 0.21), (0.58, 0.21), (0.565, 0.25), (0.365, 0.25)], "light")]
    ops += [poly(rect(0.14, 0.52, 0.76, 0.86))]
    ops += [line([(0.14, 0.52), (0.76, 0.52)], "dark", 0.007)]
    ops += plaque(family, 0.45, 0.69, 0.035)
    return Silhouette(tuple(ops), fill=0.72, motif=0.12)


def card_holder(family: str | None) -> Silhouette:
    """An upright card holder on a key ring, a card showing at the top."""
    ops: list[Op] = [line(ellipse(0.5, 0.18, 0.09, 0.09, 16) + [(0.59, 0.18)], "hw", 0.014, mask=True)]
    ops += [line([(0.5, 0.27), (0.5, 0.34)], "accent", 0.04, mask=True)]
    ops += [poly(rrect(0.33, 0.34, 0.67, 0.86, 0.025))]
    ops += [solid(rect(0.37, 0.38, 0.63, 0.44), "light", "dark", 0.003)]
    ops += [line([(0.35, 0.48), (0.65, 0.48)], "dark", 0.004)]
    ops += plaque(family, 0.5, 0.68, 0.03)
    return Silhouette(tuple(ops), fill=0.66, motif=0.13)


GOODS = {
    ItemKind.TOTE_BAG: {
        "tote": with_family(tote_bag),
        "tote_bag": with_family(structured_tote),
        "shopper": with_family(shopper),
    },
    ItemKind.SHOULDER_BAG: {
        "shoulder_bag": with_family(shoulder_bag),
        "bag": with_family(top_handle_bag),
        "sling_bag": with_family(sling_bag),
        "chain_bag": with_family(chain_bag),
    },
    ItemKind.CROSSBODY_BAG: {
        "crossbody": with_family(crossbody_bag),
        "messenger": with_family(messenger_bag),
        "camera": with_family(camera_bag),
        "phone": with_family(phone_bag),
        "pouch": with_family(pouch),
    },
    ItemKind.CLUTCH: {
        "clutch": with_family(clutch),
        "chain_clutch": with_family(chain_clutch),
        "pouch": with_family(pouch),
    },
    ItemKind.BUCKET_BAG: {"bucket_bag": with_family(bucket_bag)},
    ItemKind.BACKPACK: {"backpack": with_family(backpack)},
    ItemKind.BRIEFCASE: {"briefcase": with_family(briefcase), "document_case": with_family(document_case)},
    ItemKind.BELT_BAG: {"belt_bag": with_family(belt_bag), "bum_bag": with_family(bum_bag)},
    ItemKind.WALLET: {
        "wallet": with_family(wallet),
        "zip_wallet": with_family(zip_wallet),
        "bifold": with_family(bifold_wallet),
        "continental": with_family(continental_wallet),
        "folding": with_family(folding_wallet),
    },
    ItemKind.CARD_CASE: {"card_case": with_family(card_case), "card_holder": with_family(card_holder)},
}
