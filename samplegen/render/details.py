"""Detail and size cues applied to a silhouette, and the cached compiled program for each variant.

Details hang extra operations off a silhouette's anchors (hood behind the neck, belt at the waist,
zip down the front, pleats, side stripes, contrasting facings) or switch tagged parts (short sleeves).
Size cues scale the drawing (mini, small, large...) or warp it (long, cropped, slim, oversized).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from samplegen.render.geometry import Op, Silhouette, hole, line, rect, rrect, solid
from samplegen.render.parts import belt, hood, hood_trim, tied_belt
from samplegen.render.shapes import Drawing, Program, compile_drawing, prepare_ops
from samplegen.render.silhouettes import silhouette
from schemas.looks import DetailLook, ItemKind, SizeLook

# overall drawing scale per size cue
SIZE_SCALE: dict[SizeLook, float] = {
    SizeLook.REGULAR: 1.0,
    SizeLook.MICRO: 0.45,
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
# stretch below a bottle's "volume" anchor (its shoulder): small sizes are squatter as well as smaller
_VOLUME = {SizeLook.MICRO: 0.62, SizeLook.MINI: 0.7, SizeLook.SMALL: 0.8, SizeLook.MEDIUM: 0.9, SizeLook.LARGE: 1.15}
# widening about the centre line
_WIDTH = {SizeLook.SLIM: 0.84, SizeLook.OVERSIZED: 1.16}


def _warp(sil: Silhouette, size: SizeLook):
    k = _LENGTH.get(size)
    w = _WIDTH.get(size)
    pivot = sil.pivot
    if "volume" in sil.anchors and size in _VOLUME:
        k, pivot = _VOLUME[size], sil.anchors["volume"]
    if (k is None or pivot is None) and w is None:
        return None

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
    """A zip down the front with its puller, and a zipped chest pocket beside it."""
    pts = [tuple(p) for p in front]
    x, y = pts[0]
    px, py = x + 0.07, y + 0.06
    return [
        line(pts, "hw", 0.007),
        solid(rrect(x - 0.01, y, x + 0.01, y + 0.045, 0.004), "hw"),
        line([(px, py), (px + 0.07, py - 0.012)], "hw", 0.006),
        solid(rrect(px - 0.008, py, px + 0.008, py + 0.03, 0.004), "hw"),
    ]


def _body_box(ops: list[Op]) -> tuple[float, float, float, float] | None:
    """Bounding box of the first body part drawn into the silhouette (the item's main panel)."""
    op = next((o for o in ops if o.ink == "body" and o.shape == "poly" and o.mask), None)
    if op is None:
        return None
    xs, ys = [x for x, _ in op.pts], [y for _, y in op.pts]
    return min(xs), min(ys), max(xs), max(ys)


def _turned_corner(ops: list[Op]) -> list[Op]:
    """The lower corner of the main panel turned back to show the reverse side (in the accent colour)."""
    box = _body_box(ops)
    if box is None:
        return []
    x0, y0, x1, y1 = box
    d = 0.3 * min(x1 - x0, y1 - y0)
    return [
        hole([(x1 - d, y1 + 0.001), (x1 + 0.001, y1 + 0.001), (x1 + 0.001, y1 - d)]),
        solid([(x1 - d, y1), (x1, y1 - d), (x1 - d, y1 - d)], "accent", "dark", 0.004),
    ]


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
    if detail is DetailLook.HOODED and "neck" in a:
        if a.get("has_hood"):
            after += hood_trim(*a["neck"])
        else:
            behind, front = hood(*a["neck"])
            before += behind
            after += front
    elif detail is DetailLook.BELTED and "waist" in a:
        waist = a["waist"]
        cx = waist[2] if len(waist) > 2 else 0.5
        after += (tied_belt if a.get("belt_worn") else belt)(waist[0], waist[1], cx)
    elif detail is DetailLook.PLEATED and "pleats" in a:
        after += _pleats(a["pleats"])
    elif detail is DetailLook.ROLL_NECK and "neck" in a:
        after += _roll_neck(a["neck"])
    elif detail is DetailLook.ZIP and "front" in a:
        after += _zip(a["front"])
    elif detail is DetailLook.SIDE_STRIPE and "stripes" in a:
        after += _stripes(a["stripes"])
    elif detail is DetailLook.REVERSIBLE:
        after += _facings(a["facing"]) if "facing" in a else _turned_corner(list(sil.ops))
    return before + [op for op in sil.ops if _active(op, tags)] + after


def _trimmed(ops: list[Op]) -> list[Op]:
    """Leather trim for check-and-leather items: bands across the top and foot of the main body part,
    painted over its check canvas before anything else (handles, hardware) is drawn on it."""
    at = next((i for i, op in enumerate(ops) if op.ink == "body" and op.shape == "poly" and op.mask), None)
    if at is None:
        return ops
    xs = [x for x, _ in ops[at].pts]
    ys = [y for _, y in ops[at].pts]
    x0, x1, y0, y1 = min(xs) - 0.02, max(xs) + 0.02, min(ys), max(ys)
    h = y1 - y0
    bands = [
        solid(rect(x0, y1 - 0.24 * h, x1, y1 + 0.02), "dark", "dark", 0.004, mask=False),
        solid(rect(x0, y0 - 0.02, x1, y0 + 0.1 * h), "dark", "dark", 0.004, mask=False),
    ]
    return ops[: at + 1] + bands + ops[at + 1 :]


@lru_cache(maxsize=2048)
def _variant(
    kind: ItemKind, detail: DetailLook, family: str | None, shape: str | None, line: int, trim: bool
) -> Drawing:
    ops = variant_ops(silhouette(kind, family, shape, line), detail)
    return prepare_ops(_trimmed(ops) if trim else ops)


@lru_cache(maxsize=4096)
def program_for(
    kind: ItemKind,
    detail: DetailLook,
    size: SizeLook,
    family: str | None,
    shape: str | None = None,
    line: int = 0,
    trim: bool = False,
) -> Program:
    """Compiled drawing for a kind's noun shape or beauty line with its detail and size cues (and bag family,
    for bags); `trim` adds the leather trim of check-and-leather items."""
    sil = silhouette(kind, family, shape, line)
    return compile_drawing(_variant(kind, detail, family, shape, line, trim), _warp(sil, size))


def clear_variants() -> None:
    _variant.cache_clear()


__all__ = ["SIZE_SCALE", "clear_variants", "program_for", "variant_ops"]
