"""Transforms on silhouette operations, for drawing variants derived from a kind's base drawing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from samplegen.render.geometry import Op, Point, Silhouette

PointMap = Callable[[float, float], Point]


def warp_ops(ops: Iterable[Op], fn: PointMap) -> list[Op]:
    """Every op with its points moved by `fn(x, y)` (widths, inks and tags unchanged)."""
    out = []
    for op in ops:
        pts = tuple(fn(x, y) for x, y in op.pts)
        centre = None if op.rigid is None else fn(op.rigid, 0.5)[0]
        out.append(Op(op.shape, op.ink, pts, op.width, op.outline, op.mask, op.tag, centre))
    return out


def stretch_below(pivot: float, k: float) -> PointMap:
    """Lengthen (k > 1) or shorten everything below y = pivot."""
    return lambda x, y: (x, pivot + (y - pivot) * k if y > pivot else y)


def flare_below(pivot: float, k: float, cx: float = 0.5) -> PointMap:
    """Widen the drawing below y = pivot, more the further down (k: extra width per unit of depth)."""
    return lambda x, y: (cx + (x - cx) * (1.0 + k * (y - pivot)) if y > pivot else x, y)


def scale_about(sx: float, sy: float, cx: float = 0.5, cy: float = 0.5) -> PointMap:
    return lambda x, y: (cx + (x - cx) * sx, cy + (y - cy) * sy)


def drop_tagged(ops: Iterable[Op], tag: str) -> list[Op]:
    """The ops without those carrying `tag` (parts a variant leaves off)."""
    return [op for op in ops if op.tag != tag]


def retag(ops: Iterable[Op], tag: str | None) -> list[Op]:
    return [Op(o.shape, o.ink, o.pts, o.width, o.outline, o.mask, tag, o.rigid) for o in ops]


def with_ops(sil: Silhouette, ops: Iterable[Op], **changes) -> Silhouette:
    """A copy of `sil` with new ops (and any other field changed)."""
    fields: dict[str, Any] = {
        "fill": sil.fill,
        "aux": sil.aux,
        "pivot": sil.pivot,
        "surface": sil.surface,
        "motif": sil.motif,
        "anchors": dict(sil.anchors),
    }
    fields.update(changes)
    return Silhouette(tuple(ops), **fields)


Builder = Callable[[str | None], Silhouette]


def plain(fn: Callable[..., Silhouette], **kwargs) -> Builder:
    """A registry entry for a drawing that takes no bag family: fn(**kwargs)."""
    return lambda family: fn(**kwargs)


def with_family(fn: Callable[..., Silhouette], **kwargs) -> Builder:
    """A registry entry for a drawing that takes the bag family: fn(family, **kwargs)."""
    return lambda family: fn(family, **kwargs)
