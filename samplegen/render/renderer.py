"""`render_product`: one studio product shot from a ProductSpec, an rng and a size.

Pipeline (all in 8-bit palette-index space, one RGB conversion at the end):
  1. copy the cached backdrop gradient and add a soft floor shadow sprite;
  2. crop the cached pattern texture under the object's bounding box (rng phase);
  3. draw the posed silhouette program, cut for its audience: flat-ink parts and details onto the texture
     crop, the outline into a mask;
  4. add the cached light/material map (shading, sheen, weave) and paste through the mask;
  5. draw the fixed size reference and the collection badge;
  6. build the 256-colour palette from the spec's colours, the finish and the rng's lighting.

The item is drawn at a fixed number of pixels per unit for its kind, audience and size word (no random
scale, no fitting to the frame short of the largest size cues), so its size reads against the reference.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from PIL import Image, ImageChops

from samplegen.render.audience import audience_program, cut_for
from samplegen.render.badges import draw_badge
from samplegen.render.details import SIZE_SCALE
from samplegen.render.frame import BOTTOM, MARGIN, Frame, check_size, draw_reference, frame
from samplegen.render.materials import FINISHES, METAL_FINISH, TRIMMED, light_map, surface_pattern
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
from samplegen.render.silhouettes import line_count, shape_names, silhouette
from schemas.looks import Audience, DetailLook, ItemKind, PatternLook, SizeLook
from schemas.product import ProductSpec

_CLOTHING = {
    ItemKind.TRENCH_COAT,
    ItemKind.COAT,
    ItemKind.QUILTED_JACKET,
    ItemKind.PUFFER_JACKET,
    ItemKind.JACKET,
    ItemKind.CAPE,
    ItemKind.DRESS,
    ItemKind.SHIRT,
    ItemKind.T_SHIRT,
    ItemKind.POLO_SHIRT,
    ItemKind.SWEATER,
    ItemKind.CARDIGAN,
    ItemKind.HOODIE,
    ItemKind.BLAZER,
    ItemKind.TROUSERS,
    ItemKind.SHORTS,
    ItemKind.SKIRT,
    ItemKind.SWIMSUIT,
    ItemKind.BABY_ROMPER,
    ItemKind.SCARF,
}

LARGEST = max(SIZE_SCALE.values())  # the size cue every kind's drawing scale leaves room for
FRAME_FIT = 0.85  # one factor on every kind's fill, so that nearly every kind's largest size cue fits


def max_angle(kind: ItemKind) -> float:
    """Largest tilt in degrees: garments lie flat and square, accessories may sit at an angle."""
    return 3.0 if kind in _CLOTHING else 6.0


def _period(pixels: float) -> int:
    """Pattern base period quantised to quarter octaves (bounded number of cached textures)."""
    q = round(math.log2(max(4.0, pixels)) * 4) / 4
    return round(2.0**q)


def clear_caches() -> None:
    """Drop every cached texture, light map, backdrop, palette and compiled drawing.

    Rendering never depends on cache state; this only frees memory.
    """
    # Imported here: at the top, the module `audience` would be shadowed by this file's `audience` arguments.
    from samplegen.render import (  # noqa: PLC0415
        audience,
        badges,
        details,
        materials,
        palette,
        patterns,
        scene,
        silhouettes,
    )

    materials.clear_caches()
    patterns.clear_caches()
    scene.clear_caches()
    palette.clear_caches()
    details.program_for.cache_clear()
    details.clear_variants()
    silhouettes.silhouette.cache_clear()
    audience.audience_program.cache_clear()
    badges._pixels.cache_clear()
    kind_fill.cache_clear()


def _extent(half: tuple[float, float], angle: float) -> tuple[float, float]:
    """Half extents of a drawing tilted by `angle` degrees."""
    a = math.radians(angle)
    ca, sa = abs(math.cos(a)), abs(math.sin(a))
    return ca * half[0] + sa * half[1], sa * half[0] + ca * half[1]


@lru_cache(maxsize=1024)
def kind_fill(kind: ItemKind, family: str | None = None) -> float:
    """Frame sides per drawing unit of a kind at regular size, before its audience's and size word's scale.

    The default drawing's fill times FRAME_FIT (so kinds keep their relative sizes), lowered where needed
    so that every noun shape and beauty line of the kind, with its largest size cue, in every audience's
    cut and at its largest tilt, still fits a square frame's item area: scaling cues then never meet the
    frame, and all nouns of a kind are drawn at one scale (a gilet is narrower than its jacket). (A detail
    that adds height, such as a hood, may still be scaled down to fit with the largest size cue.)
    """
    need_x = need_y = 0.0
    for shape in shape_names(kind) or (None,):
        for line in range(line_count(kind)):
            for audience in Audience:
                prog = audience_program(kind, DetailLook.NONE, SizeLook.REGULAR, family, audience, shape, line)
                ex, ey = _extent(prog.half, max_angle(kind))
                scale = cut_for(kind, audience).scale
                need_x, need_y = max(need_x, ex * scale), max(need_y, ey * scale)
    room_x, room_y = (1.0 - 2 * MARGIN) / 2, (1.0 - MARGIN - BOTTOM) / 2
    fill = silhouette(kind, family).fill * FRAME_FIT
    return min(fill, room_x / (need_x * LARGEST), room_y / (need_y * LARGEST))


def _program(
    kind: ItemKind,
    detail: DetailLook,
    size_look: SizeLook,
    family: str | None,
    audience: Audience,
    shape: str | None = None,
    line: int = 0,
    trim: bool = False,
) -> tuple[Program, float]:
    """The drawing to pose and its pixels per unit in a frame whose shorter side is 1."""
    prog = audience_program(kind, detail, size_look, family, audience, shape, line, trim)
    unit = kind_fill(kind, family) * SIZE_SCALE[size_look] * cut_for(kind, audience).scale
    return prog, unit


def _placement(
    prog: Program, unit: float, fr: Frame, angle: float, offset: tuple[float, float]
) -> tuple[float, float, float, float, float]:
    """Pixels per normalised unit, centre (x, y) and half extents (x, y) of the posed drawing.

    `unit` is the scale in frame bases; only a drawing larger than the frame's item area (the widest and
    longest size cues) is scaled down to fit. `offset` (-0.5..0.5 each way) moves it within the slack.
    """
    ex, ey = _extent(prog.half, angle)
    x0, y0, x1, y1 = fr.area
    scale = min(unit * fr.base, (x1 - x0) / 2 / ex, (y1 - y0) / 2 / ey)
    slack_x = max(0.0, (x1 - x0) / 2 - ex * scale)
    slack_y = max(0.0, (y1 - y0) / 2 - ey * scale)
    cx = (x0 + x1) / 2 + offset[0] * slack_x * 0.8
    cy = (y0 + y1) / 2 + offset[1] * slack_y * 0.8
    return scale, cx, cy, ex * scale, ey * scale


def silhouette_mask(
    kind: ItemKind,
    size: int | tuple[int, int],
    detail: DetailLook = DetailLook.NONE,
    size_look: SizeLook = SizeLook.REGULAR,
    bag_family: str | None = None,
    shape: str | None = None,
    line: int = 0,
    audience: Audience = Audience.WOMAN,
) -> Image.Image:
    """The item's foreground mask ("L", 255 = item) as `render_product` draws it, in a neutral pose:
    centred in the item area, unrotated, unmirrored. Useful for checks and bounding boxes."""
    fr = frame(*check_size(size))
    prog, unit = _program(kind, detail, size_look, bag_family, audience, shape, line)
    scale, cx, cy, _, _ = _placement(prog, unit, fr, 0.0, (0.0, 0.0))
    mask = Image.new("L", (fr.width, fr.height), 0)
    scratch = Image.new("L", (fr.width, fr.height), 0)
    draw_program(prog, pose_matrix(scale, 0.0), (cx, cy), scratch, scratch.copy(), mask, scale)
    return mask


def render_product(spec: ProductSpec, rng: np.random.Generator, size: int | tuple[int, int]) -> Image.Image:
    """Render `spec` as an RGB studio product shot, `size` a side or (width, height) in pixels.

    Deterministic in (spec, rng state, size); the rng is advanced by exactly one draw.
    """
    dims = check_size(size)
    scene = sample_scene(rng, max_angle(spec.kind))
    return colourise(compose(spec, scene, dims), shot_palettes([(spec, scene)])[0])


def compose(spec: ProductSpec, sc: Scene, size: int | tuple[int, int]) -> Image.Image:
    """The shot as an index image ("L"): backdrop levels, floor shadow, the posed, textured, lit item, the
    size reference and the badge.

    Depends only on the spec's drawn cues other than its colours (`cues.DrawnCues`) and the scene's
    non-tone fields, so colour variants shot in one set-up can share it (`colourise` each).
    """
    fr = frame(*check_size(size))
    width, height = fr.width, fr.height
    sil = silhouette(spec.kind, spec.bag_family, spec.noun_shape, spec.line_shape)
    prog, unit = _program(
        spec.kind,
        spec.detail_look,
        spec.size_look,
        spec.bag_family,
        spec.audience,
        spec.noun_shape,
        spec.line_shape,
        spec.material_look in TRIMMED,
    )
    surface = "quilt" if spec.detail_look is DetailLook.QUILTED else sil.surface

    canvas = background(sc.bg_style, width, height).copy()

    scale, cx, cy, half_w, half_h = _placement(prog, unit, fr, sc.angle, sc.offset)

    # soft floor shadow under the object
    sw = max(16, round(half_w * 1.9 / 16) * 16)
    sh = max(8, round(max(fr.base * 0.025, half_w * 0.2) / 8) * 8)
    sx0 = int(cx - sw / 2)
    sy0 = int(cy + half_h - sh * 0.55)
    spr = shadow_sprite(sw, sh, sc.shadow_softness)
    bx0, by0 = max(0, sx0), max(0, sy0)
    bx1, by1 = min(width, sx0 + sw), min(height, sy0 + sh)
    if bx1 > bx0 and by1 > by0:
        box = (bx0, by0, bx1, by1)
        inside = (bx0, by0, bx1, by1) == (sx0, sy0, sx0 + sw, sy0 + sh)
        part = spr if inside else spr.crop((bx0 - sx0, by0 - sy0, bx1 - sx0, by1 - sy0))
        # backdrop levels (< 16) + shadow levels * 16 (<= 64) never wrap, so the fast modulo add is exact
        canvas.paste(ImageChops.add_modulo(canvas.crop(box), part), box)

    # the object: texture crop, drawing, light map, masked paste
    x0 = max(0, int(cx - half_w) - 2)
    y0 = max(0, int(cy - half_h) - 2)
    x1 = min(width, int(cx + half_w) + 3)
    y1 = min(height, int(cy + half_h) + 3)
    side = max(width, height)  # textures and light maps are square, cached per longer side
    pattern = surface_pattern(spec.material_look, spec.pattern_look)
    if pattern is PatternLook.PLAIN:
        tex = Image.new("L", (x1 - x0, y1 - y0), ink_value(GROUND))  # what the plain texture holds
    else:
        period = _period(scale * 2.0 * max(prog.half) * sil.motif)
        texture, tw, th = pattern_image(pattern, period, side)
        ox, oy = int(sc.phase[0] * tw), int(sc.phase[1] * th)
        tex = texture.crop((x0 + ox, y0 + oy, x1 + ox, y1 + oy))
    layer = tex.copy() if prog.restores else tex
    mask = Image.new("1", (x1 - x0, y1 - y0), 0)  # a bilevel mask pastes faster than a blending "L" one
    draw_program(prog, pose_matrix(scale, sc.angle), (cx - x0, cy - y0), layer, tex, mask, scale, sc.flip)
    # ink values (<= 240) + shade (<= 15) never wrap, so the fast modulo add is exact
    box = (x0, y0, x1, y1)
    lx, ly = (side - width) // 2, (side - height) // 2  # the light map's centre on the frame's centre
    light = light_map(spec.material_look, surface, sc.light, side).crop((x0 + lx, y0 + ly, x1 + lx, y1 + ly))
    canvas.paste(ImageChops.add_modulo(layer, light), box, mask)
    draw_reference(canvas, fr)
    draw_badge(canvas, spec.badge, fr)
    return canvas


def ink_key(spec: ProductSpec, sc: Scene) -> InkKey:
    """What the shot's ink entries depend on: the spec's colourway and finish, the scene's light."""
    fin = FINISHES[spec.material_look]
    return InkKey(
        surface_pattern(spec.material_look, spec.pattern_look),
        spec.colour.rgb,
        spec.accent.rgb,
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
