"""Palette-index layout and the per-render palette.

The scene is drawn as an 8-bit index image ("L" mode) and turned into RGB by one palette lookup at the
end, which keeps every drawing step a cheap one-byte-per-pixel operation.

Index layout (256 entries):
  * 0..79   background: ``shadow_level * 16 + gradient_level`` (5 shadow levels x 16 gradient levels);
  * 80..255 inks: ``INK_BASE + ink * 16 + shade`` (11 inks x 16 shades). Textures store
    ``INK_BASE + ink * 16`` and the cached light/material map adds the shade (0..15).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from schemas.looks import PatternLook

RGB = tuple[int, int, int]

GRAD_LEVELS = 16
SHADOW_LEVELS = 5
SHADES = 16
INK_BASE = GRAD_LEVELS * SHADOW_LEVELS  # 80

# inks
GROUND, P1, P1M, P2, P3, ACCENT, DARK, HW, AUX, LIGHT, BLACK = range(11)
N_INKS = 11
INK_NAMES: dict[str, int] = {
    "ground": GROUND,
    "p1": P1,
    "p1m": P1M,
    "p2": P2,
    "p3": P3,
    "accent": ACCENT,
    "dark": DARK,
    "hw": HW,
    "aux": AUX,
    "light": LIGHT,
    "black": BLACK,
}
BODY = -1  # "paint with the pattern texture"
HOLE = -2  # "cut out of the silhouette" (ring openings)

assert INK_BASE + N_INKS * SHADES == 256


def ink_value(ink: int) -> int:
    """Index value an ink is drawn with before the light map adds its shade."""
    return INK_BASE + ink * SHADES


_CHECK_LOOKS = {
    PatternLook.CHECK,
    PatternLook.VINTAGE_CHECK,
    PatternLook.HOUSE_CHECK,
    PatternLook.EXAGGERATED_CHECK,
    PatternLook.SLICED_CHECK,
    PatternLook.CONTRAST_CHECK,
}


class _V(tuple):
    """A colour as three Python floats with the few vector operations the ink rules use.

    Plain floats are several times cheaper than numpy for 3-element arithmetic, and a palette is built
    for almost every render.
    """

    __slots__ = ()

    def __new__(cls, rgb) -> _V:
        return tuple.__new__(cls, (float(rgb[0]), float(rgb[1]), float(rgb[2])))

    def __mul__(self, k: float) -> _V:  # type: ignore[override]
        return tuple.__new__(_V, (self[0] * k, self[1] * k, self[2] * k))

    def __add__(self, other) -> _V:
        return tuple.__new__(_V, (self[0] + other[0], self[1] + other[1], self[2] + other[2]))


ARCHIVE_BEIGE = _V((196, 170, 128))
CHECK_BLACK = _V((30, 27, 25))
CHECK_WHITE = _V((238, 234, 224))
CHECK_RED = _V((170, 36, 38))
GOLD = _V((204, 168, 92))
SILVER = _V((190, 192, 198))
NEAR_WHITE = _V((240, 237, 231))
NEAR_BLACK = _V((30, 28, 28))

AUX_COLOURS: dict[str, _V] = {
    "sole_dark": _V((48, 38, 32)),
    "sole_white": _V((236, 233, 226)),
    "lens": _V((36, 34, 40)),
    "interior": _V((92, 70, 56)),
    "pearl": _V((236, 230, 218)),
    "glass": _V((214, 222, 226)),
}


def luminance(c) -> float:
    return (0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]) / 255.0


def mix(a: _V, b: _V, t: float) -> _V:
    return a * (1.0 - t) + b * t


_CAMEL = _V((188, 156, 108))
_ROSE = _V((196, 58, 78))
_LEAF = _V((74, 112, 70))
_DUCK_GREEN = _V((40, 96, 70))
_DUCK_ORANGE = _V((226, 146, 44))
_CAMO_TINT = _V((6, 10, 0))
_CAMO_OLIVE = _V((104, 108, 70))


def _contrast_dark(ground: _V) -> _V:
    """A stripe colour that reads against the ground: black on light grounds, camel on dark ones."""
    return CHECK_BLACK if luminance(ground) > 0.3 else _CAMEL


def _motif_colour(ground: _V, accent: _V) -> _V:
    """The accent, pushed away from the ground when the two are too close to tell apart."""
    if abs(luminance(accent) - luminance(ground)) >= 0.18:
        return accent
    return mix(accent, NEAR_BLACK, 0.7) if luminance(ground) > 0.45 else mix(accent, NEAR_WHITE, 0.7)


def _ink_list(look: PatternLook, ground_rgb: RGB, accent_rgb: RGB, aux: str) -> list:
    """The N_INKS colours for one render, as (r, g, b) float triples."""
    g = _V(ground_rgb)
    acc = _V(accent_rgb)
    inks: list = [(0.0, 0.0, 0.0)] * N_INKS
    lum = luminance(g)

    if look in _CHECK_LOOKS:
        p1, p2, p3 = _contrast_dark(g), CHECK_WHITE, CHECK_RED
        if look is PatternLook.VINTAGE_CHECK:
            g = mix(g, ARCHIVE_BEIGE, 0.6)
            p1 = _contrast_dark(g)
        elif look is PatternLook.HOUSE_CHECK:
            p1 = g * 0.62 if lum > 0.25 else mix(g, NEAR_WHITE, 0.3)
            p2 = mix(g, NEAR_WHITE, 0.45)
            p3 = _motif_colour(g, acc)
        elif look is PatternLook.CONTRAST_CHECK:
            p1 = _motif_colour(g, acc)
            p2 = NEAR_BLACK if lum > 0.5 else NEAR_WHITE
            p3 = mix(p1, p2, 0.5)
        inks[P1], inks[P2], inks[P3] = p1, p2, p3
        inks[P1M] = mix(g, p1, 0.5)
    elif look is PatternLook.ROSE:
        rose = acc if acc[0] > acc[2] + 30 and acc[0] > acc[1] + 30 else _ROSE
        inks[P3] = rose
        inks[P1] = rose * 0.55
        inks[P1M] = mix(rose, NEAR_WHITE, 0.35)
        inks[P2] = _LEAF
    elif look is PatternLook.DUCK:
        inks[P1] = _motif_colour(g, acc)
        inks[P1M] = mix(inks[P1], g, 0.45)
        inks[P2] = _DUCK_GREEN
        inks[P3] = _DUCK_ORANGE
    elif look is PatternLook.CAMOUFLAGE:
        inks[P1] = g * 0.55 + _CAMO_TINT
        inks[P1M] = mix(g, _CAMO_OLIVE, 0.5)
        inks[P2] = mix(g, NEAR_WHITE, 0.35)
        inks[P3] = g * 0.3
    else:  # plain, EKD, monogram, argyle
        m = _motif_colour(g, acc)
        inks[P1] = m
        inks[P1M] = mix(g, m, 0.45)
        inks[P2] = NEAR_WHITE if lum < 0.6 else mix(g, NEAR_BLACK, 0.35)
        inks[P3] = mix(m, NEAR_WHITE, 0.3)

    inks[GROUND] = g
    inks[ACCENT] = acc
    inks[DARK] = g * 0.5 if lum > 0.18 else mix(g, NEAR_WHITE, 0.2)
    warm = acc[0] > acc[2] + 20
    inks[HW] = GOLD if warm else SILVER
    inks[AUX] = AUX_COLOURS.get(aux, g * 0.7) if aux != "ground_light" else mix(g, NEAR_WHITE, 0.45)
    inks[LIGHT] = NEAR_WHITE
    inks[BLACK] = NEAR_BLACK
    return inks


_S = np.arange(SHADES, dtype=np.float32) / (SHADES - 1)
_K = np.arange(SHADOW_LEVELS, dtype=np.float32)[:, None, None] / (SHADOW_LEVELS - 1)
_T = np.linspace(0.0, 1.0, GRAD_LEVELS, dtype=np.float32)[:, None]
_LUMA = np.array((0.299, 0.587, 0.114), dtype=np.float32) / 255.0


# hardware is always metal, whatever the product's material
METAL_SPEC_FROM = 11
METAL_SPEC = 0.7


@lru_cache(maxsize=256)
def _spec_blend(spec_from: int, spec: float) -> np.ndarray:
    w: np.ndarray = np.zeros(SHADES, dtype=np.float32)
    if spec > 0 and spec_from < SHADES:
        k = np.arange(SHADES, dtype=np.float32) - (spec_from - 1)
        w = np.clip(k / (SHADES - spec_from + 1), 0.0, 1.0) ** 1.5 * spec
    w.setflags(write=False)
    return w


CONTRASTS = (0.8, 0.9, 1.0, 1.1, 1.2)  # light contrast multipliers the scene picks from
WARMTHS = (-0.02, 0.0, 0.02)  # colour temperature shifts (red up, blue down) the scene picks from


@lru_cache(maxsize=2048)
def _ink_base(look: PatternLook, ground_rgb: RGB, accent_rgb: RGB, aux: str) -> np.ndarray:
    """A colourway's ink colours and additive shading weights, as one (N_INKS, 1, 4) array: colour
    channels, then the weight."""
    inks = _ink_list(look, ground_rgb, accent_rgb, aux)
    base = np.empty((N_INKS, 1, 4), dtype=np.float32)
    base[:, 0, :3] = np.array([x for c in inks for x in c], dtype=np.float32).reshape(N_INKS, 3)
    base[:, 0, 3] = [(1.0 - luminance(c)) * 60.0 for c in inks]
    base.setflags(write=False)
    return base


@lru_cache(maxsize=512)
def _shading(contrast: float, metal_contrast: float, spec_from: int, spec: float, warmth: float) -> np.ndarray:
    """Factors a, b, c (stacked: (3, N_INKS, SHADES, 3)) such that entry = colour * a + lift * b + c for
    one light: shading factor, the additive dark-ink term, the white blend of specular shades and the tint."""
    fs = np.empty((N_INKS, SHADES, 1), dtype=np.float32)
    fs[:, :, 0] = 1.0 + contrast * (_S - 0.43)
    fs[HW, :, 0] = 1.0 + metal_contrast * (_S - 0.43)
    ws = np.empty((N_INKS, SHADES, 1), dtype=np.float32)
    ws[:, :, 0] = _spec_blend(spec_from, spec)
    ws[HW, :, 0] = _spec_blend(METAL_SPEC_FROM, METAL_SPEC)
    tint = np.array((1.0 + warmth, 1.0, 1.0 - warmth), dtype=np.float32)
    keep = (1.0 - ws) * tint
    factors = np.stack([fs * keep, (fs - 1.0) * keep, np.broadcast_to(255.0 * ws + 0.5, (N_INKS, SHADES, 3))])
    factors.setflags(write=False)
    return factors


class InkKey(NamedTuple):
    """Everything one shot's ink entries depend on: the colourway (pattern look, ground and accent
    colours, auxiliary colour) and the light (contrast, specular onset and strength, metal contrast,
    warmth). The light arguments come from small grids, so their factors are cached."""

    look: PatternLook
    ground_rgb: RGB
    accent_rgb: RGB
    aux: str
    contrast: float
    spec_from: int
    spec: float
    metal_contrast: float
    warmth: float


def ink_entries_many(keys: Sequence[InkKey]) -> list[bytes]:
    """Palette entries INK_BASE..255 for each key: every ink at every shade, for one colourway, finish
    and light.

    Each entry is the ink colour shaded multiplicatively (plus a small additive term so dark inks
    still show their form), tinted, and blended towards white on specular shades. All keys are done in
    one set of array operations: a shot's palette is tiny, so per-call overhead is most of its cost.
    """
    if not keys:
        return []
    base = np.stack([_ink_base(k.look, k.ground_rgb, k.accent_rgb, k.aux) for k in keys])
    # factor-major, so that each factor of all keys is one contiguous array
    a, b, c = np.stack([_shading(k.contrast, k.metal_contrast, k.spec_from, k.spec, k.warmth) for k in keys], axis=1)
    lit = a * base[..., :3]
    lit += b * base[..., 3:]
    lit += c
    np.maximum(lit, 0.0, out=lit)  # two in-place ufuncs cost less than np.clip's dispatch
    np.minimum(lit, 255.0, out=lit)
    return [entries.tobytes() for entries in lit.astype(np.uint8)]


SHADOW_STRENGTHS = tuple(0.12 + 0.16 * i / 7 for i in range(8))  # floor shadow depths the scene picks from


def _backdrop_weights(strength: float) -> np.ndarray:
    """(INK_BASE, 2) weights of the top and bottom tones in every backdrop entry (shadow-major order)."""
    darken = 1.0 - strength * _K[:, :, 0]  # (SHADOW_LEVELS, 1)
    top = ((1.0 - _T[:, 0])[None, :] * darken).reshape(-1, 1)
    bottom = (_T[:, 0][None, :] * darken).reshape(-1, 1)
    return np.ascontiguousarray(np.concatenate([top, bottom], axis=1), dtype=np.float32)


_BACKDROP_WEIGHTS = np.stack([_backdrop_weights(s) for s in SHADOW_STRENGTHS])  # (shadows, INK_BASE, 2)


@lru_cache(maxsize=1024)
def _backdrop_block(top: RGB, bottom: RGB) -> bytes:
    """`backdrop_entries` of a pair of tones at every shadow strength, concatenated."""
    bg = _BACKDROP_WEIGHTS @ np.array((top, bottom), dtype=np.float32)
    bg += 0.5
    return bg.astype(np.uint8).tobytes()


def backdrop_entries(top: RGB, bottom: RGB, shadow: int) -> bytes:
    """Palette entries 0..INK_BASE-1: backdrop gradient levels at every floor-shadow level, for one
    pair of backdrop tones and one of the scene's shadow strengths (an index into SHADOW_STRENGTHS).

    Every entry is a fixed non-negative blend (weights summing to at most 1) of the two tones, so one
    small matrix product gives them all (for every shadow strength at once) and no clipping is needed.
    """
    size = INK_BASE * 3
    return _backdrop_block(top, bottom)[shadow * size : (shadow + 1) * size]


def clear_caches() -> None:
    for cached in (_ink_base, _shading, _backdrop_block, _spec_blend):
        cached.cache_clear()
