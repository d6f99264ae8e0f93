"""`render_product`: one studio product shot from a ProductSpec, an rng and a size.

Pipeline (all in 8-bit palette-index space, one RGB conversion at the end):
  1. copy the cached backdrop gradient and add a soft floor shadow sprite;
  2. crop the cached pattern texture under the object's bounding box (rng phase);
  3. draw the posed silhouette program: flat-ink parts and details onto the texture crop, the outline
     into a mask;
  4. add the cached light/material map (shading, sheen, weave) and paste through the mask;
  5. build the 256-colour palette from the spec's colours, the finish and the rng's lighting.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageChops

from samplegen.render.details import SIZE_SCALE, drawing_for, program_for
from samplegen.render.materials import FINISHES, METAL_FINISH, light_map, surface_pattern
from samplegen.render.palette import (
    CONTRASTS,
    GROUND,
    WARMTHS,
    InkKey,
    backdrop_entries,
    ink_entries_many,
    ink_value,
)
from samplegen.render.patterns import pattern_image
from samplegen.render.scene import Scene, background, sample_scene, shadow_sprite
from samplegen.render.shapes import Program, draw_program, pose_matrix
from samplegen.render.silhouettes import silhouette
from schemas.config import MAX_IMAGE_SIZE, MIN_IMAGE_SIZE
from schemas.looks import DetailLook, ItemKind, PatternLook, SizeLook
from schemas.product import ProductSpec

MIN_SIZE, MAX_SIZE = MIN_IMAGE_SIZE, MAX_IMAGE_SIZE  # the sizes BuildConfig accepts

_CLOTHING = {
    ItemKind.TRENCH_COAT, ItemKind.COAT, ItemKind.QUILTED_JACKET, ItemKind.PUFFER_JACKET, ItemKind.JACKET,
    ItemKind.CAPE, ItemKind.DRESS, ItemKind.SHIRT, ItemKind.T_SHIRT, ItemKind.POLO_SHIRT, ItemKind.SWEATER,
    ItemKind.CARDIGAN, ItemKind.HOODIE, ItemKind.BLAZER, ItemKind.TROUSERS, ItemKind.SHORTS, ItemKind.SKIRT,
    ItemKind.SWIMSUIT, ItemKind.BABY_ROMPER, ItemKind.SCARF,
}


def max_angle(kind: ItemKind) -> float:
    """Largest tilt in degrees: garments lie flat and square, accessories may sit at an angle."""
    return 3.0 if kind in _CLOTHING else 6.0


def _period(pixels: float) -> int:
    """Pattern base period quantised to quarter octaves (bounded number of cached textures)."""
    q = round(math.log2(max(4.0, pixels)) * 4) / 4
    return int(round(2.0 ** q))


def clear_caches() -> None:
    """Drop every cached texture, light map, backdrop, palette and compiled drawing.

    Rendering never depends on cache state; this only frees memory.
    """
    from samplegen.render import details, materials, palette, patterns, scene, silhouettes

    materials.clear_caches()
    patterns.clear_caches()
    scene.clear_caches()
    palette.clear_caches()
    details.program_for.cache_clear()
    details.clear_variants()
    silhouettes.silhouette.cache_clear()


def _check_size(size: int) -> int:
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or not MIN_SIZE <= size <= MAX_SIZE:
        raise ValueError(f"size must be an integer between {MIN_SIZE} and {MAX_SIZE}, got {size!r}")
    return int(size)


def _placement(prog: Program, fill: float, size_look: SizeLook, size: int, angle: float, jitter: float,
               offset: tuple[float, float]) -> tuple[float, float, float, float, float]:
    """Pixels per normalised unit, centre (x, y) and half extents (x, y) of the posed drawing.

    The scale is clamped so the rotated drawing (and room for its floor shadow) stays in the frame;
    `offset` (-0.5..0.5 each way) moves it within the slack that is left.
    """
    hx, hy = prog.half
    a = math.radians(angle)
    ca, sa = abs(math.cos(a)), abs(math.sin(a))
    ex, ey = ca * hx + sa * hy, sa * hx + ca * hy
    margin = 0.035 * size
    scale = size * fill * SIZE_SCALE[size_look] * jitter
    scale = min(scale, (size / 2 - margin) / ex, (size / 2 - margin * 1.4) / ey)
    slack_x = max(0.0, size / 2 - margin - ex * scale)
    slack_y = max(0.0, size / 2 - margin * 1.4 - ey * scale)
    cx = size / 2 + offset[0] * slack_x * 0.8
    cy = size / 2 + offset[1] * slack_y * 0.8
    return scale, cx, cy, ex * scale, ey * scale


def silhouette_mask(
    kind: ItemKind,
    size: int,
    detail: DetailLook = DetailLook.NONE,
    size_look: SizeLook = SizeLook.REGULAR,
    bag_family: str | None = None,
    shape: str | None = None,
    line: int = 0,
) -> Image.Image:
    """The item's foreground mask ("L", 255 = item) as `render_product` draws it, in a neutral pose:
    centred, unrotated, unmirrored, without scale jitter. Useful for checks and bounding boxes."""
    size = _check_size(size)
    sil = silhouette(kind, bag_family, shape, line)
    prog = program_for(kind, detail, size_look, bag_family, shape, line)
    scale, cx, cy, _, _ = _placement(prog, sil.fill, size_look, size, 0.0, 1.0, (0.0, 0.0))
    mask = Image.new("L", (size, size), 0)
    scratch = Image.new("L", (size, size), 0)
    draw_program(prog, pose_matrix(scale, 0.0), (cx, cy), scratch, scratch.copy(), mask, scale)
    return mask


def render_product(spec: ProductSpec, rng: np.random.Generator, size: int) -> Image.Image:
    """Render `spec` as an RGB `size` x `size` studio product shot.

    Deterministic in (spec, rng state, size); the rng is advanced by exactly one draw.
    """
    size = _check_size(size)
    scene = sample_scene(rng, max_angle(spec.kind))
    return colourise(compose(spec, scene, size), shot_palettes([(spec, scene)])[0])


def compose(spec: ProductSpec, sc: Scene, size: int) -> Image.Image:
    """The shot as an index image ("L"): backdrop levels, floor shadow and the posed, textured, lit item.

    Depends only on the spec's shape fields (kind, bag family, detail, size, pattern and material looks)
    and the scene's non-tone fields, so colour variants shot in one set-up can share it (`colourise` each).
    """
    sil, prog = drawing_for(spec)
    surface = "quilt" if spec.detail_look is DetailLook.QUILTED else sil.surface

    canvas = background(sc.bg_style, size).copy()

    scale, cx, cy, half_w, half_h = _placement(
        prog, sil.fill, spec.size_look, size, sc.angle, sc.scale_jitter, sc.offset
    )

    # soft floor shadow under the object
    sw = max(16, int(round(half_w * 1.9 / 16)) * 16)
    sh = max(8, int(round(max(size * 0.025, half_w * 0.2) / 8)) * 8)
    sx0 = int(cx - sw / 2)
    sy0 = int(cy + half_h - sh * 0.55)
    spr = shadow_sprite(sw, sh, sc.shadow_softness)
    bx0, by0 = max(0, sx0), max(0, sy0)
    bx1, by1 = min(size, sx0 + sw), min(size, sy0 + sh)
    if bx1 > bx0 and by1 > by0:
        box = (bx0, by0, bx1, by1)
        inside = (bx0, by0, bx1, by1) == (sx0, sy0, sx0 + sw, sy0 + sh)
        part = spr if inside else spr.crop((bx0 - sx0, by0 - sy0, bx1 - sx0, by1 - sy0))
        # backdrop levels (< 16) + shadow levels * 16 (<= 64) never wrap, so the fast modulo add is exact
        canvas.paste(ImageChops.add_modulo(canvas.crop(box), part), box)

    # the object: texture crop, drawing, light map, masked paste
    x0 = max(0, int(cx - half_w) - 2)
    y0 = max(0, int(cy - half_h) - 2)
    x1 = min(size, int(cx + half_w) + 3)
    y1 = min(size, int(cy + half_h) + 3)
    pattern = surface_pattern(spec.material_look, spec.pattern_look)
    if pattern is PatternLook.PLAIN:
        tex = Image.new("L", (x1 - x0, y1 - y0), ink_value(GROUND))  # what the plain texture holds
    else:
        period = _period(scale * 2.0 * max(prog.half) * sil.motif)
        texture, tw, th = pattern_image(pattern, period, size)
        ox, oy = int(sc.phase[0] * tw), int(sc.phase[1] * th)
        tex = texture.crop((x0 + ox, y0 + oy, x1 + ox, y1 + oy))
    layer = tex.copy() if prog.restores else tex
    mask = Image.new("1", (x1 - x0, y1 - y0), 0)  # a bilevel mask pastes faster than a blending "L" one
    draw_program(prog, pose_matrix(scale, sc.angle), (cx - x0, cy - y0), layer, tex, mask, scale, sc.flip)
    # ink values (<= 240) + shade (<= 15) never wrap, so the fast modulo add is exact
    box = (x0, y0, x1, y1)
    lit = ImageChops.add_modulo(layer, light_map(spec.material_look, surface, sc.light, size).crop(box))
    canvas.paste(lit, box, mask)
    return canvas


def ink_key(spec: ProductSpec, sc: Scene) -> InkKey:
    """What the shot's ink entries depend on: the spec's colourway and finish, the scene's light."""
    fin = FINISHES[spec.material_look]
    return InkKey(
        surface_pattern(spec.material_look, spec.pattern_look),
        tuple(spec.colour.rgb),
        tuple(spec.accent.rgb),
        silhouette(spec.kind, spec.bag_family, spec.noun_shape, spec.line_shape).aux,
        fin.contrast * CONTRASTS[sc.contrast],
        fin.spec_from,
        fin.spec,
        METAL_FINISH.contrast * CONTRASTS[sc.contrast],
        WARMTHS[sc.warmth],
    )


def shot_palettes(shots: Sequence[tuple[ProductSpec, Scene]]) -> list[bytes]:
    """Each (spec, scene)'s 256 RGB palette entries: backdrop levels in the scene's tones, then every ink
    of the spec's colours at every shade under the scene's light (the inks of all shots computed at once)."""
    inks = ink_entries_many([ink_key(spec, sc) for spec, sc in shots])
    return [
        backdrop_entries(sc.bg_top, sc.bg_bottom, sc.shadow_strength) + entries
        for (_, sc), entries in zip(shots, inks, strict=True)
    ]


def colourise(canvas: Image.Image, palette: bytes) -> Image.Image:
    """The RGB shot: `compose`'s index image through a palette from `shot_palettes`. Sets the palette on
    `canvas` (which becomes a "P" image) and leaves its pixels alone."""
    canvas.putpalette(palette)
    return canvas.convert("RGB")
