"""Detail and size cues applied to a silhouette, and the cached compiled program for each variant.

Details hang extra operations off a silhouette's anchors (hood behind the neck, belt at the waist,
zip down the front, pleats, side stripes, contrasting facings) or switch tagged parts (short sleeves).
Size cues scale the drawing (mini, small, large...) or warp it (long, cropped, slim, oversized).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from samplegen.render.geometry import Op, Silhouette, line, rrect, solid
from samplegen.render.parts import belt, hood
from samplegen.render.shapes import Drawing, Program, compile_drawing, prepare_ops
from samplegen.render.silhouettes import silhouette
from schemas.looks import DetailLook, ItemKind, SizeLook

# overall drawing scale per size cue
SIZE_SCALE: dict[SizeLook, float] = {
    SizeLook.REGULAR: 1.0,
    SizeLook.MINI: 0.6,
    SizeLook.SMALL: 0.78,
    SizeLook.MEDIUM: 0.9,
    SizeLook.LARGE: 1.12,
    SizeLook.SLIM: 1.0,
    SizeLook.OVERSIZED: 1.1,
    SizeLook.CROPPED: 1.0,
    SizeLook.SHORT: 1.0,
    SizeLook.LONG: 1.0,
}

# stretch below the silhouette's pivot for length cues
_LENGTH = {SizeLook.LONG: 1.3, SizeLook.CROPPED: 0.6, SizeLook.SHORT: 0.78}
# widening about the centre line
_WIDTH = {SizeLook.SLIM: 0.84, SizeLook.OVERSIZED: 1.16}


def _warp(sil: Silhouette, size: SizeLook):
    k = _LENGTH.get(size)
    w = _WIDTH.get(size)
    if (k is None or sil.pivot is None) and w is None:
        return None
    pivot = sil.pivot

    def apply(p: np.ndarray) -> np.ndarray:
        if k is not None and pivot is not None:
            below = p[:, 1] > pivot
            p[below, 1] = pivot + (p[below, 1] - pivot) * k
        if w is not None:
            p[:, 0] = 0.5 + (p[:, 0] - 0.5) * w
        return p

    return apply


def _pleats(spec) -> list[Op]:
    y0, y1, x0l, x0r, x1l, x1r = spec
    n = 11
    ops = []
    for i in range(1, n):
        t = i / n
        top = (x0l + (x0r - x0l) * t, y0)
        bottom = (x1l + (x1r - x1l) * t, y1)
        ops.append(line([top, bottom], "dark", 0.004))
    return ops


def _roll_neck(neck) -> list[Op]:
    cx, y, hw = neck
    x0, x1 = cx - hw * 1.25, cx + hw * 1.25
    ops = [solid(rrect(x0, y - 0.075, x1, y + 0.03, 0.03), "ground", "dark", 0.004)]
    n = 7
    for i in range(1, n):
        x = x0 + (x1 - x0) * i / n
        ops.append(line([(x, y - 0.07), (x, y + 0.025)], "dark", 0.003))
    return ops


def _zip(front) -> list[Op]:
    pts = [tuple(p) for p in front]
    x, y = pts[0]
    return [line(pts, "hw", 0.007), solid(rrect(x - 0.01, y, x + 0.01, y + 0.045, 0.004), "hw")]


def _stripes(polylines) -> list[Op]:
    return [line([tuple(p) for p in pl], "accent", 0.02) for pl in polylines]


def _facings(polys) -> list[Op]:
    return [solid([tuple(p) for p in pl], "accent", "dark", 0.004) for pl in polys]


def _tags(detail: DetailLook) -> set[str]:
    """Tags that switch tagged parts on or off (sleeve length)."""
    return {"short" if detail is DetailLook.SHORT_SLEEVE else "long"}


def _active(op: Op, tags: set[str]) -> bool:
    if op.tag is None:
        return True
    if op.tag.startswith("!"):
        return op.tag[1:] not in tags
    return op.tag in tags


def variant_ops(sil: Silhouette, detail: DetailLook) -> list[Op]:
    """The silhouette's ops for a detail cue, with the detail's extra ops in place."""
    a = sil.anchors
    tags = _tags(detail)
    before: list[Op] = []
    after: list[Op] = []
    if detail is DetailLook.HOODED and "neck" in a and not a.get("has_hood"):
        behind, front = hood(*a["neck"])
        before += behind
        after += front
    elif detail is DetailLook.BELTED and "waist" in a:
        waist = a["waist"]
        after += belt(waist[0], waist[1], waist[2] if len(waist) > 2 else 0.5)
    elif detail is DetailLook.PLEATED and "pleats" in a:
        after += _pleats(a["pleats"])
    elif detail is DetailLook.ROLL_NECK and "neck" in a:
        after += _roll_neck(a["neck"])
    elif detail is DetailLook.ZIP and "front" in a:
        after += _zip(a["front"])
    elif detail is DetailLook.SIDE_STRIPE and "stripes" in a:
        after += _stripes(a["stripes"])
    elif detail is DetailLook.REVERSIBLE and "facing" in a:
        after += _facings(a["facing"])
    return before + [op for op in sil.ops if _active(op, tags)] + after


@lru_cache(maxsize=2048)
def _variant(kind: ItemKind, detail: DetailLook, family: str | None) -> Drawing:
    return prepare_ops(variant_ops(silhouette(kind, family), detail))


@lru_cache(maxsize=4096)
def program_for(kind: ItemKind, detail: DetailLook, size: SizeLook, family: str | None) -> Program:
    """Compiled drawing for a kind with its detail and size cues (and bag family, for bags)."""
    return compile_drawing(_variant(kind, detail, family), _warp(silhouette(kind, family), size))


def clear_variants() -> None:
    _variant.cache_clear()


__all__ = ["SIZE_SCALE", "clear_variants", "program_for", "variant_ops"]
