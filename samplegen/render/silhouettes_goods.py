"""Silhouette data for bags (front views), small leather goods and shoes (side views, toe to the right)."""

from __future__ import annotations

from samplegen.render.geometry import (
    Op,
    Silhouette,
    bez,
    cbez,
    dot,
    ellipse,
    line,
    lerp,
    mirror,
    pair,
    path,
    poly,
    rect,
    rigid,
    rrect,
    solid,
)
from schemas.looks import ItemKind

# ------------------------------------------------------------------------------------- bag hardware


def plaque(family: str | None, cx: float, cy: float, s: float = 0.05) -> list[Op]:
    """The bag family's signature hardware centred at (cx, cy), about 2*s wide (never mirrored)."""
    return rigid(_plaque(family, cx, cy, s), cx)


def _plaque(family: str | None, cx: float, cy: float, s: float) -> list[Op]:
    fam = (family or "").strip().lower()
    if fam == "shield":
        return [solid([(cx - s, cy - s), (cx + s, cy - s), (cx + s, cy + s * 0.2), (cx, cy + s * 1.1),
                       (cx - s, cy + s * 0.2)], "hw", "dark", 0.003)]
    if fam == "knight":
        return [line(ellipse(cx, cy, s * 0.9, s * 0.75, 14, 200, 520), "hw", s * 0.35),
                dot(cx + s * 0.85, cy - s * 0.25, s * 0.25, "hw")]
    if fam == "rose":
        ops = [dot(cx + s * 0.55 * dx, cy + s * 0.55 * dy, s * 0.45, "hw")
               for dx, dy in ((0, -1), (0.95, -0.31), (0.59, 0.81), (-0.59, 0.81), (-0.95, -0.31))]
        return ops + [dot(cx, cy, s * 0.35, "dark"), dot(cx, cy, s * 0.22, "hw")]
    if fam == "frances":
        return [solid(rrect(cx - s * 1.6, cy - s * 0.3, cx + s * 1.6, cy + s * 0.3, s * 0.3, 2), "hw", "dark", 0.003)]
    if fam == "ainsworth":
        return [solid(rect(cx - s, cy - s * 0.7, cx + s, cy + s * 0.7), "hw"),
                solid(rect(cx - s * 0.6, cy - s * 0.35, cx + s * 0.6, cy + s * 0.35), "dark"),
                line([(cx, cy - s * 0.35), (cx, cy + s * 0.35)], "hw", s * 0.2)]
    # TB plaque (Lola and default)
    return [solid(rrect(cx - s, cy - s * 0.65, cx + s, cy + s * 0.65, s * 0.2, 2), "hw", "dark", 0.003),
            line([(cx - s * 0.55, cy - s * 0.3), (cx - s * 0.1, cy - s * 0.3)], "dark", s * 0.16),
            line([(cx - s * 0.32, cy - s * 0.3), (cx - s * 0.32, cy + s * 0.35)], "dark", s * 0.16),
            line([(cx + s * 0.15, cy - s * 0.35), (cx + s * 0.15, cy + s * 0.35)], "dark", s * 0.16),
            line(ellipse(cx + s * 0.2, cy - s * 0.17, s * 0.3, s * 0.18, 6, -90, 90), "dark", s * 0.14),
            line(ellipse(cx + s * 0.2, cy + s * 0.17, s * 0.34, s * 0.18, 6, -90, 90), "dark", s * 0.14)]


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
    body = path([(0.18, 0.38), (0.82, 0.38), (0.845, 0.85)], bez((0.845, 0.85), (0.85, 0.9), (0.8, 0.9), 3),
                [(0.2, 0.9)], bez((0.2, 0.9), (0.15, 0.9), (0.155, 0.85), 3))
    ops: list[Op] = [poly(body)]
    ops += [solid([(0.18, 0.38), (0.25, 0.335), (0.75, 0.335), (0.82, 0.38)], "aux", "dark", 0.003)]
    ops += [line(bez((0.34, 0.345), (0.5, 0.0), (0.66, 0.345), 10), "accent", 0.026, mask=True)]
    ops += [line([(0.18, 0.38), (0.82, 0.38)], "accent", 0.014, mask=True)]
    ops += [solid([(0.16, 0.81), (0.84, 0.81), (0.845, 0.85), (0.8, 0.9), (0.2, 0.9), (0.155, 0.85)], "accent", "dark", 0.003)]
    ops += [line(bez((0.3, 0.39), (0.5, 0.05), (0.7, 0.39), 10), "accent", 0.03, mask=True)]
    for x in (0.3, 0.7):
        ops += [solid(rect(x - 0.025, 0.38, x + 0.025, 0.44), "accent", "dark", 0.003), dot(x, 0.42, 0.008, "hw")]
    ops += [line([(0.2, 0.4), (0.175, 0.8)], "dark", 0.003), line([(0.8, 0.4), (0.825, 0.8)], "dark", 0.003)]
    ops += plaque(family, 0.5, 0.5, 0.04)
    return Silhouette(tuple(ops), fill=0.8, surface=_surface(family), motif=0.14,
                      anchors={"waist": (0.62, 0.33), "stripes": [[(0.5, 0.39), (0.5, 0.8)]]})


def shoulder_bag(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rrect(0.2, 0.42, 0.8, 0.84, 0.05))]
    ops += [line([(0.2, 0.72), (0.8, 0.72)], "dark", 0.003)]
    ops += [poly(path([(0.2, 0.42), (0.8, 0.42), (0.8, 0.64)], bez((0.8, 0.64), (0.5, 0.76), (0.2, 0.64), 8)), "body", "dark", 0.005)]
    ops += _strap(family, bez((0.23, 0.45), (0.5, -0.25), (0.77, 0.45), 14), 0.018)
    ops += [dot(0.23, 0.44, 0.014, "hw", mask=True), dot(0.77, 0.44, 0.014, "hw", mask=True)]
    ops += plaque(family, 0.5, 0.66, 0.045)
    return Silhouette(tuple(ops), fill=0.8, surface=_surface(family), motif=0.14,
                      anchors={"waist": (0.78, 0.3), "stripes": [[(0.5, 0.43), (0.5, 0.68)]]})


def crossbody_bag(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rrect(0.3, 0.62, 0.7, 0.9, 0.04))]
    ops += [poly(path([(0.3, 0.66), (0.7, 0.66), (0.7, 0.75)], bez((0.7, 0.75), (0.5, 0.79), (0.3, 0.75), 6)), "body", "dark", 0.004)]
    ops += [line([(0.31, 0.645), (0.69, 0.645)], "hw", 0.006)]
    ops += _strap(family, bez((0.315, 0.63), (0.5, -0.5), (0.685, 0.63), 16), 0.012)
    ops += [dot(0.315, 0.632, 0.011, "hw", mask=True), dot(0.685, 0.632, 0.011, "hw", mask=True)]
    ops += plaque(family, 0.5, 0.76, 0.035)
    return Silhouette(tuple(ops), fill=0.86, surface=_surface(family), motif=0.1,
                      anchors={"stripes": [[(0.5, 0.63), (0.5, 0.76)]]})


def clutch(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rrect(0.1, 0.36, 0.9, 0.7, 0.03))]
    ops += [poly([(0.1, 0.37), (0.9, 0.37), (0.5, 0.6)], "body", "dark", 0.005)]
    ops += [line([(0.1, 0.37), (0.9, 0.37)], "accent", 0.008)]
    ops += plaque(family, 0.5, 0.57, 0.04)
    return Silhouette(tuple(ops), fill=0.82, surface=_surface(family), motif=0.14,
                      anchors={"waist": (0.62, 0.4), "stripes": [[(0.12, 0.66), (0.88, 0.66)]]})


def bucket_bag(family: str | None) -> Silhouette:
    top = [(0.29 + 0.42 * i / 12, 0.3 + (0.012 if i % 2 else -0.008)) for i in range(13)]
    body = path(top, [(0.77, 0.8)], bez((0.77, 0.8), (0.77, 0.92), (0.5, 0.92), 5),
                bez((0.5, 0.92), (0.23, 0.92), (0.23, 0.8), 5))
    ops: list[Op] = [poly(body)]
    ops += [solid(ellipse(0.5, 0.305, 0.21, 0.04, 10, 180, 360), "aux", None)]
    ops += [line([(0.3, 0.34), (0.7, 0.34)], "accent", 0.012)]
    ops += [line([(0.38 + 0.04 * i, 0.31), (0.385 + 0.04 * i, 0.4)], "dark", 0.003) for i in range(7)]
    ops += [line([(0.56, 0.34), (0.6, 0.52)], "accent", 0.012, mask=True), line([(0.56, 0.34), (0.53, 0.5)], "accent", 0.012, mask=True)]
    ops += [dot(0.6, 0.53, 0.014, "hw", mask=True), dot(0.53, 0.51, 0.014, "hw", mask=True)]
    ops += [line(bez((0.3, 0.31), (0.5, -0.18), (0.7, 0.31), 12), "accent", 0.022, mask=True)]
    ops += [solid(path([(0.235, 0.83), (0.765, 0.83)], bez((0.77, 0.86), (0.77, 0.92), (0.5, 0.92), 4),
                       bez((0.5, 0.92), (0.23, 0.92), (0.23, 0.86), 4)), "accent", "dark", 0.003)]
    ops += plaque(family, 0.5, 0.62, 0.04)
    return Silhouette(tuple(ops), fill=0.8, surface=_surface(family), motif=0.14,
                      anchors={"waist": (0.6, 0.25), "stripes": [[(0.5, 0.36), (0.5, 0.82)]]})


def backpack(family: str | None) -> Silhouette:
    body = path(bez((0.22, 0.36), (0.22, 0.14), (0.5, 0.14), 6), bez((0.5, 0.14), (0.78, 0.14), (0.78, 0.36), 6),
                [(0.78, 0.87)], bez((0.78, 0.87), (0.78, 0.92), (0.73, 0.92), 2), [(0.27, 0.92)],
                bez((0.27, 0.92), (0.22, 0.92), (0.22, 0.87), 2))
    ops: list[Op] = [poly(body)]
    ops += pair(line(cbez((0.225, 0.26), (0.1, 0.4), (0.1, 0.7), (0.225, 0.85), 10), "dark", 0.035, mask=True))
    ops += [poly(path(bez((0.23, 0.34), (0.23, 0.155), (0.5, 0.155), 6), bez((0.5, 0.155), (0.77, 0.155), (0.77, 0.34), 6),
                      [(0.77, 0.46)], bez((0.77, 0.46), (0.5, 0.52), (0.23, 0.46), 6)), "body", "dark", 0.005)]
    ops += [poly(rrect(0.3, 0.62, 0.7, 0.87, 0.04))]
    for x in (0.37, 0.63):
        ops += [line([(x, 0.4), (x, 0.66)], "accent", 0.032), solid(rect(x - 0.026, 0.55, x + 0.026, 0.6), "hw")]
    ops += [line(bez((0.44, 0.15), (0.5, 0.02), (0.56, 0.15), 6), "accent", 0.018, mask=True)]
    ops += plaque(family, 0.5, 0.75, 0.035)
    return Silhouette(tuple(ops), fill=0.84, surface=_surface(family), motif=0.13,
                      anchors={"stripes": [[(0.5, 0.5), (0.5, 0.61)]], "front": [(0.32, 0.64), (0.68, 0.64)]})


def briefcase(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rrect(0.08, 0.36, 0.92, 0.86, 0.03))]
    ops += [poly(path([(0.08, 0.37), (0.92, 0.37), (0.92, 0.55)], bez((0.92, 0.55), (0.92, 0.57), (0.9, 0.57), 2),
                      [(0.1, 0.57)], bez((0.1, 0.57), (0.08, 0.57), (0.08, 0.55), 2)), "body", "dark", 0.005)]
    for x in (0.3, 0.7):
        ops += [line([(x, 0.5), (x, 0.72)], "accent", 0.034), solid(rect(x - 0.03, 0.6, x + 0.03, 0.66), "hw"),
                solid(rect(x - 0.014, 0.615, x + 0.014, 0.645), "accent")]
    ops += [line([(0.39, 0.37), (0.41, 0.26), (0.59, 0.26), (0.61, 0.37)], "accent", 0.032, mask=True)]
    ops += [dot(0.395, 0.36, 0.014, "hw", mask=True), dot(0.605, 0.36, 0.014, "hw", mask=True)]
    ops += plaque(family, 0.5, 0.47, 0.035)
    return Silhouette(tuple(ops), fill=0.84, surface=_surface(family), motif=0.13,
                      anchors={"waist": (0.76, 0.42), "front": [(0.12, 0.8), (0.88, 0.8)]})


def belt_bag(family: str | None) -> Silhouette:
    strap = [(0.0, 0.455), (0.15, 0.462), (0.145, 0.535), (0.0, 0.53)]
    ops: list[Op] = [poly(path(bez((0.15, 0.45), (0.5, 0.32), (0.85, 0.45), 10), [(0.865, 0.52)],
                               bez((0.865, 0.52), (0.5, 0.8), (0.135, 0.52), 10)))]
    ops += [solid(strap, "accent", "dark", 0.003), solid(mirror(strap), "accent", "dark", 0.003)]
    ops += [solid(rect(0.03, 0.44, 0.07, 0.545), "hw")]
    ops += [line(bez((0.2, 0.47), (0.5, 0.375), (0.8, 0.47), 10), "hw", 0.007)]
    ops += [solid(rrect(0.76, 0.46, 0.78, 0.52, 0.004), "hw")]
    ops += plaque(family, 0.5, 0.56, 0.035)
    return Silhouette(tuple(ops), fill=0.86, surface=_surface(family), motif=0.14,
                      anchors={"stripes": [[(0.2, 0.56), (0.8, 0.56)]]})


# ----------------------------------------------------------------------------------- small leather goods


def wallet(family: str | None) -> Silhouette:
    ops: list[Op] = [poly(rect(0.11, 0.29, 0.5, 0.71), "body", None), poly(rect(0.5, 0.29, 0.89, 0.71), "body", None)]
    frame = rrect(0.1, 0.28, 0.9, 0.72, 0.03)
    ops += [line(frame + frame[:1], "ground", 0.028, mask=True)]
    for i, y in enumerate((0.36, 0.45, 0.54)):
        ops += [solid(rect(0.55, y - 0.02, 0.85, y + 0.01), "light" if i % 2 == 0 else "accent")]
        ops += [solid(path([(0.53, y)], bez((0.6, y + 0.035), (0.7, y + 0.035), (0.85, y), 4), [(0.85, 0.68), (0.53, 0.68)]),
                      "ground", "dark", 0.003)]
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


# ------------------------------------------------------------------------------------------------ shoes


def sneaker(family: str | None) -> Silhouette:
    upper = path([(0.13, 0.36)], bez((0.13, 0.36), (0.25, 0.44), (0.36, 0.41), 5), [(0.4, 0.29), (0.47, 0.3), (0.62, 0.45)],
                 cbez((0.62, 0.45), (0.8, 0.49), (0.93, 0.55), (0.93, 0.66), 6), [(0.09, 0.66)],
                 bez((0.09, 0.66), (0.06, 0.5), (0.13, 0.36), 5))
    sole = path([(0.06, 0.63), (0.94, 0.63)], bez((0.94, 0.63), (0.98, 0.7), (0.93, 0.76), 4), [(0.09, 0.76)],
                bez((0.09, 0.76), (0.04, 0.7), (0.06, 0.63), 4))
    ops: list[Op] = [poly(upper), solid(sole, "aux", "dark", 0.004)]
    ops += [line([(0.08, 0.715), (0.95, 0.715)], "dark", 0.004)]
    ops += [line([(0.76, 0.635), (0.78, 0.53), (0.88, 0.53)], "dark", 0.004)]
    ops += [solid([(0.1, 0.42), (0.15, 0.38), (0.2, 0.42), (0.19, 0.62), (0.1, 0.62)], "accent", "dark", 0.003)]
    for i in range(5):
        p = lerp((0.45, 0.32), (0.61, 0.45), i / 4)
        ops += [line([(p[0] - 0.02, p[1] + 0.025), (p[0] + 0.025, p[1] - 0.02)], "light", 0.01), dot(p[0] - 0.02, p[1] + 0.025, 0.007, "dark")]
    ops += [line([(0.3, 0.5), (0.6, 0.6)], "accent", 0.012)]
    return Silhouette(tuple(ops), fill=0.86, aux="sole_white", motif=0.12,
                      anchors={"stripes": [[(0.25, 0.58), (0.7, 0.6)]]})


def boot(family: str | None) -> Silhouette:
    body = path([(0.22, 0.05), (0.52, 0.05), (0.53, 0.45)], bez((0.53, 0.45), (0.57, 0.58), (0.75, 0.6), 5),
                cbez((0.75, 0.6), (0.88, 0.62), (0.95, 0.68), (0.93, 0.8), 5), [(0.2, 0.8)],
                bez((0.2, 0.8), (0.16, 0.5), (0.22, 0.05), 6))
    sole = [(0.17, 0.79), (0.95, 0.79), (0.94, 0.845), (0.37, 0.845), (0.36, 0.93), (0.18, 0.93)]
    ops: list[Op] = [poly(body), solid(sole, "aux", "dark", 0.003)]
    ops += [line([(0.25, 0.05), (0.26, -0.03), (0.31, -0.03), (0.32, 0.05)], "accent", 0.016, mask=True)]
    ops += [solid([(0.3, 0.05), (0.44, 0.05), (0.39, 0.42), (0.35, 0.42)], "dark")]
    ops += [line([(0.2, 0.77), (0.93, 0.77)], "dark", 0.003)]
    return Silhouette(tuple(ops), fill=0.86, aux="sole_dark", motif=0.12,
                      anchors={"stripes": [[(0.48, 0.06), (0.49, 0.45)]], "front": [(0.5, 0.08), (0.51, 0.42)]})


def loafer(family: str | None) -> Silhouette:
    body = path([(0.07, 0.5)], bez((0.07, 0.5), (0.1, 0.45), (0.16, 0.46), 3),
                bez((0.16, 0.46), (0.3, 0.5), (0.44, 0.47), 4),
                cbez((0.44, 0.47), (0.6, 0.43), (0.8, 0.5), (0.92, 0.58), 6),
                bez((0.92, 0.58), (0.97, 0.62), (0.94, 0.655), 3), [(0.08, 0.655)],
                bez((0.08, 0.655), (0.05, 0.58), (0.07, 0.5), 3))
    sole = [(0.065, 0.65), (0.955, 0.65), (0.94, 0.685), (0.3, 0.685), (0.29, 0.74), (0.09, 0.74), (0.08, 0.685)]
    ops: list[Op] = [poly(body), solid(sole, "aux", "dark", 0.003)]
    ops += [solid(cbez((0.16, 0.465), (0.28, 0.5), (0.38, 0.49), (0.44, 0.475), 5)
                  + [(0.4, 0.5), (0.26, 0.51), (0.16, 0.48)], "aux")]
    ops += [line(cbez((0.47, 0.5), (0.55, 0.46), (0.66, 0.47), (0.72, 0.5), 6), "dark", 0.026)]
    ops += [solid(rrect(0.55, 0.465, 0.66, 0.5, 0.012), "hw", "dark", 0.003)]
    ops += [line(cbez((0.5, 0.45), (0.64, 0.5), (0.82, 0.53), (0.92, 0.6), 6), "dark", 0.004)]
    return Silhouette(tuple(ops), fill=0.86, aux="sole_dark", motif=0.12)


def pump(family: str | None) -> Silhouette:
    body = path([(0.13, 0.3)], cbez((0.13, 0.3), (0.22, 0.48), (0.45, 0.56), (0.62, 0.56), 6),
                cbez((0.62, 0.56), (0.78, 0.58), (0.92, 0.7), (0.98, 0.8), 6), [(0.9, 0.805), (0.64, 0.8)],
                cbez((0.64, 0.8), (0.42, 0.78), (0.26, 0.62), (0.16, 0.56), 6), [(0.12, 0.5)],
                bez((0.12, 0.5), (0.1, 0.4), (0.13, 0.3), 3))
    heel = [(0.13, 0.5), (0.2, 0.56), (0.195, 0.92), (0.17, 0.92)]
    ops: list[Op] = [poly(heel), poly(body)]
    ops += [solid(cbez((0.14, 0.31), (0.24, 0.46), (0.45, 0.53), (0.6, 0.545), 6) + [(0.45, 0.56), (0.2, 0.46)], "aux")]
    ops += [line(cbez((0.64, 0.8), (0.42, 0.78), (0.26, 0.62), (0.16, 0.56), 6), "dark", 0.007)]
    ops += [solid(rect(0.165, 0.905, 0.2, 0.925), "black")]
    return Silhouette(tuple(ops), fill=0.84, aux="interior", motif=0.12)


def sandal(family: str | None) -> Silhouette:
    sole = path([(0.06, 0.61)], cbez((0.06, 0.61), (0.3, 0.66), (0.55, 0.73), (0.7, 0.735), 5),
                [(0.94, 0.735)], bez((0.94, 0.735), (0.98, 0.76), (0.94, 0.79), 3), [(0.66, 0.79)],
                cbez((0.66, 0.79), (0.5, 0.785), (0.35, 0.74), (0.26, 0.7), 4), [(0.24, 0.86), (0.12, 0.86), (0.1, 0.66)],
                bez((0.09, 0.66), (0.04, 0.66), (0.06, 0.61), 2))
    ops: list[Op] = [line(bez((0.7, 0.735), (0.8, 0.53), (0.92, 0.735), 8), "body", 0.045, mask=True)]
    ops += [line(bez((0.45, 0.7), (0.53, 0.46), (0.64, 0.735), 8), "body", 0.045, mask=True)]
    ops += [solid(sole, "aux", "dark", 0.003)]
    ops += [line([(0.1, 0.6), (0.11, 0.4)], "body", 0.04, mask=True)]
    ops += [line(ellipse(0.18, 0.4, 0.085, 0.028, 12, 180, 360), "body", 0.035, mask=True)]
    ops += [line(ellipse(0.18, 0.4, 0.085, 0.028, 12, 0, 180), "dark", 0.03, mask=True)]
    ops += [solid(rect(0.245, 0.385, 0.285, 0.44), "hw")]
    return Silhouette(tuple(ops), fill=0.84, aux="sole_dark", motif=0.1)


GOODS = {
    ItemKind.TOTE_BAG: tote_bag,
    ItemKind.SHOULDER_BAG: shoulder_bag,
    ItemKind.CROSSBODY_BAG: crossbody_bag,
    ItemKind.CLUTCH: clutch,
    ItemKind.BUCKET_BAG: bucket_bag,
    ItemKind.BACKPACK: backpack,
    ItemKind.BRIEFCASE: briefcase,
    ItemKind.BELT_BAG: belt_bag,
    ItemKind.WALLET: wallet,
    ItemKind.CARD_CASE: card_case,
    ItemKind.SNEAKER: sneaker,
    ItemKind.BOOT: boot,
    ItemKind.LOAFER: loafer,
    ItemKind.PUMP: pump,
    ItemKind.SANDAL: sandal,
}

