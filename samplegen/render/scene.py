"""The studio around the product: background sweep, floor shadow, lighting and pose, drawn from the rng.

Images that are costly to make (backdrop gradients, shadow sprites) are cached per style, size and
softness. Tones, light contrast and warmth and shadow strength are picked from small grids and only
enter the per-render palette (itself cached); pose, position and pattern phase are continuous. The item's
scale is not random: it is fixed by its kind, audience and size word (see `renderer`).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PIL import Image, ImageChops

from samplegen.render.cache import ByteLRU
from samplegen.render.materials import LIGHT_DIRS
from samplegen.render.palette import CONTRASTS, GRAD_LEVELS, SHADOW_LEVELS, SHADOW_STRENGTHS, WARMTHS

BG_STYLES = ("vertical", "radial", "diagonal", "horizon")

# studio backdrop families: (top tone, bottom tone)
BG_TONES: tuple[tuple[tuple[int, int, int], tuple[int, int, int]], ...] = (
    ((242, 242, 240), (218, 218, 216)),  # light grey
    ((246, 241, 232), (226, 218, 204)),  # cream
    ((250, 248, 245), (232, 229, 224)),  # warm white
    ((233, 236, 240), (206, 210, 216)),  # cool grey
    ((240, 233, 224), (214, 204, 192)),  # soft beige
    ((244, 238, 236), (222, 212, 210)),  # blush
)

N_RANDOM = 16  # numbers drawn from the rng per render (one call)
SHADOW_FALLOFF = (1.4, 1.0, 0.7)  # floor shadow softness options (edge falloff exponents)

_backgrounds: ByteLRU[Image.Image] = ByteLRU(16 << 20)
_shadows: ByteLRU[Image.Image] = ByteLRU(8 << 20)

_BAYER16 = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], dtype=np.uint8)
_BAYER4 = (_BAYER16.astype(np.float32) + 0.5) / 16.0
_SHIFT4_LUT = [v >> 4 for v in range(256)]  # fixed point (level * 16) back to whole levels


class Scene(NamedTuple):
    """Everything the rng decides about one render.

    Tones, light contrast, warmth and shadow strength (the last three as indices into
    `palette.CONTRASTS`, `WARMTHS` and `SHADOW_STRENGTHS`) sit on small grids so the palettes built
    from them can be cached; pose, position and pattern phase are continuous.
    """

    bg_style: int
    bg_top: tuple[int, int, int]
    bg_bottom: tuple[int, int, int]
    light: int
    contrast: int
    warmth: int
    shadow_strength: int
    shadow_softness: int
    angle: float
    flip: bool
    offset: tuple[float, float]
    phase: tuple[float, float]


_JITTER_STEPS = 9
_DEPTH_STEPS = 8


def _tones(family: int, jitter: int, depth: int) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    top, bottom = BG_TONES[family]
    j = (jitter - _JITTER_STEPS // 2) * 1.5
    d = 0.4 + 0.9 * depth / (_DEPTH_STEPS - 1)
    t = tuple(min(255, max(0, round(c + j))) for c in top)
    b = tuple(min(255, max(0, round(ct + (cb - c) * d))) for ct, c, cb in zip(t, top, bottom, strict=True))
    return t, b  # type: ignore[return-value]


# every backdrop tone pair on the grid, indexed by (family, jitter, depth)
_TONES = [[[_tones(f, j, d) for d in range(_DEPTH_STEPS)] for j in range(_JITTER_STEPS)] for f in range(len(BG_TONES))]


# Which of the N_RANDOM draws only choose palette entries (backdrop tones, light contrast, warmth, shadow
# depth); the others shape the index image (backdrop style, light direction, shadow softness, pose, framing,
# pattern phase). Draw 11 (once a random scale) is unused, so the other draws keep their positions.
TONE_DRAWS = (1, 2, 3, 5, 6, 7)


def sample_scene(rng: np.random.Generator, max_angle: float) -> Scene:
    """Draw one render's variation with a single rng call."""
    return scene_from(rng.random(N_RANDOM).tolist(), max_angle)


def scene_from(u: list[float], max_angle: float) -> Scene:
    """The scene that N_RANDOM uniform draws in [0, 1) stand for."""
    top, bottom = _TONES[int(u[1] * len(BG_TONES))][int(u[2] * _JITTER_STEPS)][int(u[3] * _DEPTH_STEPS)]
    return Scene(
        int(u[0] * len(BG_STYLES)),
        top,
        bottom,
        int(u[4] * len(LIGHT_DIRS)),
        int(u[5] * len(CONTRASTS)),
        int(u[6] * len(WARMTHS)),
        int(u[7] * len(SHADOW_STRENGTHS)),
        int(u[8] * len(SHADOW_FALLOFF)),
        (u[9] - 0.5) * 2.0 * max_angle,
        u[10] < 0.5,
        (u[12] - 0.5, u[13] - 0.5),
        (u[14], u[15]),
    )


def background(style: int, width: int, height: int) -> Image.Image:
    """Cached width x height backdrop of gradient levels 0..15 (the palette turns them into tones).

    Evaluated at quarter resolution in 4-bit fixed point, enlarged (nearest) and ordered-dithered to
    whole levels at full resolution. Coordinates run 0..1 along each side.
    """

    def build() -> Image.Image:
        nx, ny = (width + 3) // 4, (height + 3) // 4
        x = ((np.arange(nx, dtype=np.float32) + 0.5) / nx)[None, :]
        y = ((np.arange(ny, dtype=np.float32) + 0.5) / ny)[:, None]
        name = BG_STYLES[style]
        if name == "vertical":
            t = np.broadcast_to(y**1.3, (ny, nx))
        elif name == "radial":
            t = np.clip(np.sqrt((x - 0.5) ** 2 + (y - 0.42) ** 2) / 0.72, 0, 1)
        elif name == "diagonal":
            t = np.clip((0.35 * x + 0.65 * y), 0, 1)
        else:  # horizon: wall then floor, softly blended
            t = 0.35 * y + 0.65 / (1.0 + np.exp(-(y - 0.7) * 14.0))
        top = (GRAD_LEVELS - 1) * 16
        fixed = Image.fromarray(np.clip(t * top, 0, top).astype(np.uint8)).resize(
            (width, height), Image.Resampling.NEAREST
        )
        dither = Image.fromarray(np.tile(_BAYER16, (height // 4 + 1, width // 4 + 1))[:height, :width])
        return ImageChops.add_modulo(fixed, dither).point(_SHIFT4_LUT)

    return _backgrounds.get(("bg", style, width, height), build)


_SPRITE_W, _SPRITE_H = 256, 64


def _canonical_shadow(softness: int) -> Image.Image:
    """A soft elliptical shadow at a fixed resolution: values are shadow level * 16."""

    def build() -> Image.Image:
        yy = (np.arange(_SPRITE_H, dtype=np.float32) + 0.5) / _SPRITE_H * 2 - 1
        xx = (np.arange(_SPRITE_W, dtype=np.float32) + 0.5) / _SPRITE_W * 2 - 1
        r2 = xx[None, :] ** 2 + yy[:, None] ** 2
        falloff = SHADOW_FALLOFF[softness]
        v = np.clip(1.0 - r2, 0, 1) ** falloff
        dither = np.tile(_BAYER4, (_SPRITE_H // 4, _SPRITE_W // 4)) * 0.999
        level = np.clip(np.floor(v * (SHADOW_LEVELS - 1) + dither), 0, SHADOW_LEVELS - 1) * GRAD_LEVELS
        return Image.fromarray(level.astype(np.uint8))

    return _shadows.get(("shadow", softness), build)


def shadow_sprite(width: int, height: int, softness: int) -> Image.Image:
    """Soft elliptical floor shadow of the given size (cached): values are shadow level * 16, to be
    added to the backdrop. Nearest-neighbour resizing keeps every value an exact level.

    Callers keep the number of distinct sizes small (the renderer rounds to 16 x 8 pixel steps).
    """
    return _shadows.get(
        ("sprite", width, height, softness),
        lambda: _canonical_shadow(softness).resize((width, height), Image.Resampling.NEAREST),
    )


def clear_caches() -> None:
    _backgrounds.clear()
    _shadows.clear()
