"""Surface patterns as tiled ink-index images.

A pattern is a small periodic tile of ink ids (see `palette`), expanded once to a full-frame "L" image
of values ``INK_BASE + 16 * ink`` and cached by (look, period, size). Colours are not part of the
tile: they come from the per-render palette, so one cached tile serves every colourway.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw

from samplegen.render.cache import ByteLRU
from samplegen.render.palette import GROUND, INK_BASE, P1, P1M, P2, P3, SHADES
from schemas.looks import PatternLook

# pattern period relative to the renderer's base period (which follows the drawn object's size)
PERIOD_FACTOR: dict[PatternLook, float] = {
    PatternLook.PLAIN: 1.0,
    PatternLook.CHECK: 1.0,
    PatternLook.VINTAGE_CHECK: 0.75,
    PatternLook.HOUSE_CHECK: 1.1,
    PatternLook.EXAGGERATED_CHECK: 2.7,
    PatternLook.SLICED_CHECK: 1.3,
    PatternLook.CONTRAST_CHECK: 1.15,
    PatternLook.EKD: 1.9,
    PatternLook.EKD_PRINT: 1.2,
    PatternLook.MONOGRAM: 1.4,
    PatternLook.ROSE: 1.3,
    PatternLook.DUCK: 1.2,
    PatternLook.ARGYLE: 1.0,
    PatternLook.CAMOUFLAGE: 3.0,
}

# stripe layouts: (start, end, category) as fractions of the period, later entries on top
# categories: 1 dark band, 2 light line, 3 red line (0 is the ground)
_STRIPES: dict[str, tuple[tuple[float, float, int], ...]] = {
    "classic": ((0.26, 0.5, 1), (0.66, 0.685, 2), (0.83, 0.85, 3)),
    "vintage": (
        (0.28, 0.34, 1),
        (0.365, 0.425, 1),
        (0.45, 0.51, 1),
        (0.64, 0.655, 2),
        (0.675, 0.69, 2),
        (0.84, 0.855, 3),
    ),
    "house": ((0.18, 0.5, 1), (0.6, 0.66, 2), (0.8, 0.815, 3), (0.9, 0.915, 3)),
    "contrast": ((0.0, 0.34, 1), (0.5, 0.56, 2), (0.72, 0.78, 3)),
}

# ink for (vertical category, horizontal category)
_CROSS = np.array(
    [
        [GROUND, P1M, P2, P3],
        [P1M, P1, P2, P3],
        [P2, P2, P2, P2],
        [P3, P3, P2, P3],
    ],
    dtype=np.uint8,
)

_tiles: ByteLRU[np.ndarray] = ByteLRU(8 << 20)
_images: ByteLRU[Image.Image] = ByteLRU(96 << 20)


def _profile(layout: str, period: int) -> np.ndarray:
    """Stripe category of each pixel across one period."""
    cat = np.zeros(period, dtype=np.uint8)
    for a, b, c in _STRIPES[layout]:
        lo = round(a * period)
        hi = max(lo + 1, round(b * period))
        cat[lo:hi] = c
    return cat


def _check_tile(layout: str, period: int) -> np.ndarray:
    prof = _profile(layout, period)
    return _CROSS[prof[None, :], prof[:, None]]


def _sliced_tile(period: int) -> np.ndarray:
    """Classic check cut into horizontal slices, alternate slices shifted sideways."""
    base = _check_tile("classic", period)
    shifted = np.roll(base, period * 3 // 8, axis=1)
    band = max(1, period // 2)
    out = np.concatenate([base[:band], shifted[band:]], axis=0)
    seam = max(1, period // 28)
    out[band : band + seam] = P2
    return out


def _draw_tile(w: int, h: int, motif, positions) -> np.ndarray:
    """Draw `motif(draw, ox, oy, cell, flip)` at each (fx, fy, flip) position (fractions of the tile),
    repeated across the tile edges so the result tiles seamlessly."""
    img = Image.new("L", (w, h), GROUND)
    draw = ImageDraw.Draw(img)
    cell = min(w, h) / 2
    # a motif stays within half a cell of its centre (plus stroke width); copies that cannot reach the
    # tile are skipped (drawing them would change no pixel)
    reach = cell * 0.5 + cell * 0.1 + 2
    for fx, fy, flip in positions:
        for dx in (-w, 0, w):
            ox = fx * w + dx
            if ox + reach < 0 or ox - reach > w:
                continue
            for dy in (-h, 0, h):
                oy = fy * h + dy
                if oy + reach < 0 or oy - reach > h:
                    continue
                motif(draw, ox, oy, cell, flip)
    return np.asarray(img, dtype=np.uint8)


def _pts(ox: float, oy: float, cell: float, flip: bool, pts) -> list[tuple[float, float]]:
    out = []
    for x, y in pts:
        across = 1.0 - x if flip else x
        out.append((ox + (across - 0.5) * cell, oy + (y - 0.5) * cell))
    return out


def _ellipse_pts(cx: float, cy: float, rx: float, ry: float, n: int = 14) -> list[tuple[float, float]]:
    return [(cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n)) for i in range(n)]


def _knight(draw: ImageDraw.ImageDraw, ox: float, oy: float, cell: float, flip: bool) -> None:
    """Equestrian knight: horse, rider, shield, lance and pennant."""
    w = max(1, round(cell * 0.045))

    def poly(pts, ink=P1):
        draw.polygon(_pts(ox, oy, cell, flip, pts), fill=ink)

    def line(pts, ink=P1, width=w):
        draw.line(_pts(ox, oy, cell, flip, pts), fill=ink, width=width)

    poly(_ellipse_pts(0.45, 0.56, 0.22, 0.1))
    poly([(0.58, 0.52), (0.69, 0.3), (0.77, 0.3), (0.7, 0.56)])
    poly([(0.69, 0.27), (0.87, 0.36), (0.85, 0.41), (0.71, 0.37)])
    line([(0.62, 0.6), (0.72, 0.74), (0.7, 0.86)])
    line([(0.55, 0.62), (0.57, 0.88)])
    line([(0.3, 0.6), (0.24, 0.88)])
    line([(0.36, 0.61), (0.38, 0.88)])
    line([(0.25, 0.5), (0.13, 0.7)], width=max(1, round(cell * 0.06)))
    poly([(0.4, 0.48), (0.52, 0.48), (0.53, 0.28), (0.43, 0.27)])
    poly(_ellipse_pts(0.48, 0.21, 0.05, 0.055, 10))
    poly(_ellipse_pts(0.41, 0.38, 0.055, 0.075, 10), ink=P1M)
    line([(0.32, 0.52), (0.94, 0.08)], width=max(1, round(cell * 0.03)))
    poly([(0.86, 0.12), (0.99, 0.1), (0.92, 0.16), (0.99, 0.21), (0.83, 0.2)])


def _monogram(draw: ImageDraw.ImageDraw, ox: float, oy: float, cell: float, flip: bool) -> None:
    """Interlocking "TB" monogram."""
    del flip  # letters are never mirrored

    def box(x0, y0, x1, y1, ink=P1):
        draw.rectangle(_bbox(ox, oy, cell, x0, y0, x1, y1), fill=ink)

    ow = max(1, round(cell * 0.065))
    draw.ellipse(_bbox(ox, oy, cell, 0.44, 0.22, 0.74, 0.52), outline=P1, width=ow)
    draw.ellipse(_bbox(ox, oy, cell, 0.44, 0.48, 0.8, 0.8), outline=P1, width=ow)
    box(0.4, 0.22, 0.6, 0.8, ink=GROUND)
    box(0.5, 0.22, 0.57, 0.8)
    box(0.2, 0.2, 0.62, 0.28)
    box(0.36, 0.2, 0.44, 0.8)
    box(0.5, 0.22, 0.64, 0.28)
    box(0.5, 0.48, 0.66, 0.54)
    box(0.5, 0.74, 0.66, 0.8)


def _bbox(ox, oy, cell, x0, y0, x1, y1):
    return (ox + (x0 - 0.5) * cell, oy + (y0 - 0.5) * cell, ox + (x1 - 0.5) * cell, oy + (y1 - 0.5) * cell)


def _rose(draw: ImageDraw.ImageDraw, ox: float, oy: float, cell: float, flip: bool) -> None:
    """A rose head with two leaves."""

    def poly(pts, ink):
        draw.polygon(_pts(ox, oy, cell, flip, pts), fill=ink)

    poly([(0.5, 0.55), (0.9, 0.62), (0.95, 0.75), (0.72, 0.78)], P2)
    poly([(0.45, 0.55), (0.1, 0.7), (0.06, 0.82), (0.3, 0.8)], P2)
    poly(_ellipse_pts(0.5, 0.47, 0.3, 0.27, 18), P3)
    lw = max(1, round(cell * 0.035))
    for r in (0.21, 0.13, 0.06):
        draw.arc(_bbox(ox, oy, cell, 0.5 - r, 0.47 - r * 0.9, 0.5 + r, 0.47 + r * 0.9), 200, 520, fill=P1, width=lw)
    poly(_ellipse_pts(0.52, 0.45, 0.04, 0.035, 8), P1)


def _duck(draw: ImageDraw.ImageDraw, ox: float, oy: float, cell: float, flip: bool) -> None:
    """A swimming duck in profile."""

    def poly(pts, ink):
        draw.polygon(_pts(ox, oy, cell, flip, pts), fill=ink)

    poly([(0.14, 0.46), (0.3, 0.5), (0.22, 0.58)], P1)
    poly(_ellipse_pts(0.44, 0.58, 0.26, 0.14, 18), P1)
    poly([(0.6, 0.5), (0.68, 0.3), (0.76, 0.32), (0.72, 0.55)], P1)
    poly(_ellipse_pts(0.7, 0.3, 0.095, 0.085, 12), P2)
    poly([(0.77, 0.27), (0.93, 0.32), (0.78, 0.35)], P3)
    poly([(0.3, 0.55), (0.55, 0.52), (0.48, 0.62)], P1M)
    poly(_ellipse_pts(0.72, 0.27, 0.018, 0.018, 6), GROUND)


def _ekd_print_tile(w: int) -> np.ndarray:
    """The EKD print: light knights in a square grid, all facing one way, on bands of the motif colour."""
    tile = _draw_tile(
        w, w, _knight, ((0.25, 0.25, False), (0.75, 0.25, False), (0.25, 0.75, False), (0.75, 0.75, False))
    )
    band = np.zeros((w, w), dtype=bool)
    band[: w // 2] = True
    out = np.where(tile == P1, P2, np.where(band, P1, GROUND)).astype(np.uint8)
    out[tile == P1M] = P3
    return out


def _motif_tile(look: PatternLook, period: int) -> np.ndarray:
    w = max(8, period)
    stagger = ((0.25, 0.25, False), (0.75, 0.75, True))
    if look is PatternLook.EKD:
        return _draw_tile(w, w, _knight, ((0.25, 0.25, False), (0.75, 0.75, False)))
    if look is PatternLook.EKD_PRINT:
        return _ekd_print_tile(w)
    if look is PatternLook.MONOGRAM:
        return _draw_tile(w, w, _monogram, ((0.25, 0.25, False), (0.75, 0.75, False)))
    if look is PatternLook.ROSE:
        return _draw_tile(w, w, _rose, ((0.25, 0.3, False), (0.75, 0.8, True)))
    return _draw_tile(w, w, _duck, stagger)


def _argyle_tile(period: int) -> np.ndarray:
    w = max(6, period)
    h = max(8, round(period * 1.4))
    y, x = np.mgrid[0:h, 0 : 2 * w]
    u = (x + 0.5) / w
    v = (y + 0.5) / h
    d1 = np.abs((u % 1.0) - 0.5) + np.abs(v - 0.5)
    out = np.where(d1 < 0.5, np.where(u < 1.0, P1M, P1), GROUND).astype(np.uint8)
    lw = 0.6 / w + 0.012
    a = (u + v + 0.5) % 1.0
    b = (u - v + 0.5) % 1.0
    out[(np.minimum(a, 1 - a) < lw) | (np.minimum(b, 1 - b) < lw)] = P2
    return out


def _camo_tile(period: int) -> np.ndarray:
    """Organic blobs from a sum of integer-frequency sinusoids (so the tile is seamless)."""
    t = max(16, period)
    y, x = np.mgrid[0:t, 0:t].astype(np.float32) / t * (2 * np.pi)
    n = (
        np.sin(2 * x + 1 * y + 0.3)
        + 0.8 * np.sin(1 * x - 3 * y + 1.7)
        + 0.6 * np.sin(3 * x + 2 * y + 4.1)
        + 0.45 * np.sin(5 * x - 1 * y + 2.2)
        + 0.35 * np.sin(-2 * x + 5 * y + 0.9)
    )
    m = np.sin(1 * x + 2 * y + 2.5) + 0.7 * np.sin(3 * x - 2 * y + 0.4) + 0.5 * np.sin(4 * x + 3 * y + 5.0)
    out = np.full((t, t), GROUND, dtype=np.uint8)
    out[n > 0.45] = P1M
    out[m > 0.9] = P1
    out[(n < -0.9)] = P2
    out[(m < -1.1) & (n > -0.2)] = P3
    return out


def pattern_tile(look: PatternLook, period: int) -> np.ndarray:
    """The pattern's seamless tile of ink ids for a base period in pixels."""

    def build() -> np.ndarray:
        p = max(4, round(period * PERIOD_FACTOR[look]))
        if look is PatternLook.PLAIN:
            return np.full((1, 1), GROUND, dtype=np.uint8)
        if look in (PatternLook.CHECK, PatternLook.EXAGGERATED_CHECK):
            return _check_tile("classic", p)
        if look is PatternLook.VINTAGE_CHECK:
            return _check_tile("vintage", p)
        if look is PatternLook.HOUSE_CHECK:
            return _check_tile("house", p)
        if look is PatternLook.CONTRAST_CHECK:
            return _check_tile("contrast", p)
        if look is PatternLook.SLICED_CHECK:
            return _sliced_tile(p)
        if look is PatternLook.ARGYLE:
            return _argyle_tile(p)
        if look is PatternLook.CAMOUFLAGE:
            return _camo_tile(p)
        return _motif_tile(look, p)

    return _tiles.get(("tile", look, period), build)


def pattern_image(look: PatternLook, period: int, size: int) -> tuple[Image.Image, int, int]:
    """Full-frame texture (size + one tile each way) and the tile's width and height.

    Crop it at an offset in ``[0, tile_w) x [0, tile_h)`` to move the pattern's phase.
    """

    tile = pattern_tile(look, period)
    th, tw = tile.shape

    def build() -> Image.Image:
        reps_y = (size + th) // th + 1
        reps_x = (size + tw) // tw + 1
        values = (INK_BASE + SHADES * tile).astype(np.uint8)
        return Image.fromarray(np.ascontiguousarray(np.tile(values, (reps_y, reps_x))[: size + th, : size + tw]))

    return _images.get(("image", look, period, size), build), tw, th


def clear_caches() -> None:
    _tiles.clear()
    _images.clear()
