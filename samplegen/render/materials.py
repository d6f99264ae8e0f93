"""Material finishes: shading curves, highlights and surface texture as a cached light map.

The light map is an "L" image of shade levels 0..15 covering the whole frame. It is the sum of
  * a smooth shading field (light direction ramp, soft volume falloff, the finish's highlight bands),
    ordered-dithered so 16 levels read as a smooth gradient, and
  * a small integer surface modulation (weave, grain, knit ribs, quilting diamonds).
Both parts are deterministic functions of their cache keys; no randomness is involved.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageChops

from samplegen.render.cache import ByteLRU
from samplegen.render.palette import SHADES
from schemas.looks import MaterialLook, PatternLook


@dataclass(frozen=True)
class Finish:
    """How a material takes light."""

    gloss: str  # key into _BANDS
    texture: str  # key into the surface-texture builders
    contrast: float  # palette shading contrast
    spec_from: int  # first shade level that blends towards white
    spec: float  # strength of that blend


FINISHES: dict[MaterialLook, Finish] = {
    MaterialLook.COTTON: Finish("matte", "weave", 0.55, 16, 0.0),
    MaterialLook.GABARDINE: Finish("matte", "fine_twill", 0.55, 16, 0.0),
    MaterialLook.TWILL: Finish("matte", "twill", 0.6, 16, 0.0),
    MaterialLook.PIQUE: Finish("matte", "pique", 0.55, 16, 0.0),
    MaterialLook.WOOL: Finish("matte", "wool", 0.5, 16, 0.0),
    MaterialLook.WOOL_BLEND: Finish("soft", "herringbone", 0.55, 15, 0.06),
    MaterialLook.CASHMERE: Finish("soft", "cashmere", 0.55, 14, 0.12),
    MaterialLook.JACQUARD: Finish("matte", "jacquard", 0.55, 16, 0.0),
    MaterialLook.SILK: Finish("satin", "none", 0.75, 12, 0.4),
    MaterialLook.NYLON: Finish("sheen", "crinkle", 0.7, 12, 0.35),
    MaterialLook.LEATHER: Finish("leather", "grain", 0.7, 12, 0.45),
    MaterialLook.SUEDE: Finish("matte", "nap", 0.4, 16, 0.0),
    MaterialLook.CHECK_LEATHER: Finish("leather", "grain", 0.65, 12, 0.4),
    MaterialLook.METAL: Finish("metal", "none", 1.25, 11, 0.7),
    MaterialLook.GLASS: Finish("glass", "none", 0.8, 11, 0.75),
    MaterialLook.COSMETIC: Finish("glossy", "none", 0.7, 12, 0.6),
}

METAL_FINISH = FINISHES[MaterialLook.METAL]

# materials drawn as two: a check canvas body with leather trim (see `details.program_for`'s trim)
TRIMMED = frozenset({MaterialLook.CHECK_LEATHER})


def surface_pattern(material: MaterialLook, pattern: PatternLook) -> PatternLook:
    """The pattern the body is painted with: a trimmed material's canvas is check where no pattern is named."""
    if material in TRIMMED and pattern is PatternLook.PLAIN:
        return PatternLook.CHECK
    return pattern


# highlight bands along the light axis: (position on the axis -1..1, width, amplitude in shade levels)
_BANDS: dict[str, tuple[tuple[float, float, float], ...]] = {
    "matte": (),
    "soft": ((0.25, 0.45, 1.5),),
    "satin": ((0.3, 0.22, 5.0), (-0.35, 0.18, 3.0)),
    "sheen": ((0.28, 0.12, 5.0), (-0.2, 0.08, 2.5)),
    "leather": ((0.32, 0.1, 5.5),),
    "glossy": ((0.35, 0.07, 6.5), (-0.45, 0.05, 3.0)),
    "glass": ((0.38, 0.05, 7.0), (0.1, 0.04, 4.0), (-0.5, 0.06, 3.0)),
    "metal": ((0.4, 0.08, 7.0), (0.0, 0.1, -4.0), (-0.4, 0.07, 5.0)),
}

# where the light comes from (unit vector in image coordinates, y down): always from above
LIGHT_DIRS: tuple[tuple[float, float], ...] = (
    (-0.7, -0.71),
    (0.0, -1.0),
    (0.7, -0.71),
)

_BAYER16 = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], dtype=np.uint8)

_fields: ByteLRU[Image.Image] = ByteLRU(24 << 20)
_textures: ByteLRU[Image.Image] = ByteLRU(24 << 20)
_maps: ByteLRU[Image.Image] = ByteLRU(64 << 20)


_NOISE_TILE = 128  # noise textures repeat every this many pixels (cheap to build, invisible as grain)
_SHIFT4_LUT = [v >> 4 for v in range(256)]  # fixed point (level * 16) back to whole levels
_COMBINE_LUT = [min(SHADES - 1, max(0, v - 3)) for v in range(256)]  # field + (modulation + 3) -> 0..15


def _hash_noise(h: int, w: int, salt: int) -> np.ndarray:
    """Deterministic white noise in [0, 1) from an integer hash of the pixel coordinates."""
    y = np.arange(h, dtype=np.uint32)[:, None]
    x = np.arange(w, dtype=np.uint32)[None, :]
    v = x * np.uint32(374761393) + y * np.uint32(668265263) + np.uint32(salt * 2246822519 & 0xFFFFFFFF)
    v = (v ^ (v >> np.uint32(13))) * np.uint32(1274126177)
    v = v ^ (v >> np.uint32(16))
    return (v & np.uint32(0xFFFF)).astype(np.float32) / 65536.0


def _smooth_noise(n: int, cell: int, salt: int) -> np.ndarray:
    """Seamless value noise on an n x n tile: a periodic hashed lattice, bilinearly interpolated."""
    cells = max(2, n // cell)
    lattice = _hash_noise(cells, cells, salt)
    wrapped = np.pad(lattice, ((0, 1), (0, 1)), mode="wrap")
    img = Image.fromarray(wrapped).resize((n + n // cells, n + n // cells), Image.Resampling.BILINEAR)
    return np.asarray(img, dtype=np.float32)[:n, :n]


def _bayer(size: int) -> Image.Image:
    """Ordered-dither thresholds 0..15 covering the frame (cached per size)."""

    def build() -> Image.Image:
        reps = size // 4 + 1
        return Image.fromarray(np.tile(_BAYER16, (reps, reps))[:size, :size])

    return _fields.get(("bayer", size), build)


def _field(gloss: str, light: int, size: int) -> Image.Image:
    """Dithered shading levels (0..15) for a finish and light direction.

    The smooth field is evaluated on a quarter-resolution grid in 4-bit fixed point (it changes by
    about a tenth of a level across four pixels), enlarged (nearest) and ordered-dithered down to
    whole levels at full resolution.
    """

    def build() -> Image.Image:
        n = (size + 3) // 4
        lx, ly = LIGHT_DIRS[light]
        c = (np.arange(n, dtype=np.float32) + 0.5) / n - 0.5
        t = (c[None, :] * lx + c[:, None] * ly) / 0.62  # -1..1 towards the light
        r2 = (c[None, :] ** 2 + c[:, None] ** 2) / 0.25
        f = 6.6 + 3.4 * t - 1.6 * r2
        for pos, width, amp in _BANDS[gloss]:
            f += amp * np.exp(-(((t - pos) / width) ** 2))
        top = (SHADES - 1) * 16  # so that value + threshold stays <= 255 and (it // 16) <= 15
        fixed = Image.fromarray(np.clip(f * 16.0, 0, top).astype(np.uint8)).resize(
            (size, size), Image.Resampling.NEAREST
        )
        # (level * 16 + threshold) // 16: ordered dithering to whole levels
        return ImageChops.add_modulo(fixed, _bayer(size)).point(_SHIFT4_LUT)

    return _fields.get(("field", gloss, light, size), build)


def _noise(texture: str, n: int) -> np.ndarray:
    """The texture's random-looking part on an n x n seamless tile."""
    if texture == "wool":
        return 1.6 * (_smooth_noise(n, 8, 11) - 0.5) + 0.9 * (_hash_noise(n, n, 12) - 0.5)
    if texture == "cashmere":
        return 1.1 * (_smooth_noise(n, 13, 21) - 0.5) + 0.5 * (_hash_noise(n, n, 22) - 0.5)
    if texture == "crinkle":
        return 1.4 * (_smooth_noise(n, 11, 31) - 0.5)
    if texture == "grain":
        return 0.9 * (_hash_noise(n, n, 41) - 0.5) + 0.8 * (_smooth_noise(n, 4, 42) - 0.5)
    if texture == "nap":
        return 1.2 * (_hash_noise(n, n, 51) - 0.5) + 1.0 * (_smooth_noise(n, 16, 52) - 0.5)
    return np.zeros((n, n), dtype=np.float32)


def _tiled(tile: np.ndarray, s: int) -> np.ndarray:
    reps_y, reps_x = s // tile.shape[0] + 1, s // tile.shape[1] + 1
    return np.tile(tile, (reps_y, reps_x))[:s, :s]


def _grid(p: int) -> tuple[np.ndarray, np.ndarray]:
    return np.arange(p, dtype=np.int32)[:, None], np.arange(p, dtype=np.int32)[None, :]


def _weave_tile(texture: str, s: int) -> np.ndarray:
    """One period of the texture's regular part (or its noise tile)."""
    u = max(1, round(s / 256))  # one weave unit in pixels
    if texture == "weave":
        y, x = _grid(2 * u)
        return np.where(((x // u) + (y // u)) % 2 == 0, 0.4, -0.4)
    if texture == "fine_twill":
        y, x = _grid(3 * u)
        return np.where(((x + y) // u) % 3 == 0, -0.9, 0.3)
    if texture == "twill":
        y, x = _grid(6 * u)
        return np.where(((x + y) // (2 * u)) % 3 == 0, -1.2, 0.5)
    if texture == "pique":
        y, x = _grid(4 * u)
        return np.where(((x // (2 * u)) % 2 == 0) & ((y // (2 * u)) % 2 == 0), -1.2, 0.3)
    if texture == "herringbone":
        p = max(4, round(s / 64))  # one chevron column; rows of twill lines changing direction
        y, x = _grid(2 * p)
        return np.where((np.where(x < p, x + y, x - y) // max(1, p // 2)) % 2 == 0, 1.0, -0.8)
    if texture == "jacquard":
        p = max(8, s // 28)
        y, x = _grid(p)
        d = np.abs(x - p / 2) + np.abs(y - p / 2)
        return np.where(d < p * 0.3, 1.5, -0.7)
    return _noise(texture, min(_NOISE_TILE, s))


def _surface_tile(surface: str, s: int) -> np.ndarray | None:
    """One period of a construction texture (knit ribs, quilting diamonds)."""
    if surface == "knit":
        p = max(3, round(s / 110))
        x = np.arange(p)[None, :]
        return np.where(x < max(1, p // 3), -1.6, 0.5)
    if surface == "quilt":
        p = max(8, round(s / 9))
        y, x = _grid(p)
        a = (x + y) % p
        b = (x - y) % p
        line = max(1, round(s / 300))
        # stitched seams, and each diamond puffing a little towards its middle
        return np.where((a < line) | (b < line), -3.4, 0.0) + 0.8 * np.sin(np.pi * a / p) * np.sin(np.pi * b / p)
    return None


def _levels(tile: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(tile), -3, 3).astype(np.int8)


def _texture(texture: str, surface: str, size: int) -> Image.Image:
    """Integer surface modulation as an "L" image of offset + 3 (modulation -3..3).

    Each part is rounded to whole levels on its own small tile, then tiled and summed in int8.
    """

    def build() -> Image.Image:
        m = _tiled(_levels(_weave_tile(texture, size)), size)
        extra = _surface_tile(surface, size)
        if extra is not None:
            m = m + _tiled(_levels(extra), size)
        return Image.fromarray((np.clip(m, -3, 3) + 3).astype(np.uint8))

    return _textures.get(("tex", texture, surface, size), build)


def light_map(material: MaterialLook, surface: str, light: int, size: int) -> Image.Image:
    """The cached full-frame shade map for a material, surface construction and light direction."""
    fin = FINISHES[material]

    def build() -> Image.Image:
        field = _field(fin.gloss, light, size)
        return ImageChops.add_modulo(field, _texture(fin.texture, surface, size)).point(_COMBINE_LUT)

    return _maps.get(("map", fin.gloss, fin.texture, surface, light, size), build)


def clear_caches() -> None:
    _fields.clear()
    _textures.clear()
    _maps.clear()
