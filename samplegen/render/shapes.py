"""Compile silhouette operations to numpy point arrays, and draw them posed into index images.

A `Program` holds every point of a drawing in one (N, 2) array, normalised so the regular-size
drawing's larger extent is 1 and its centre is the origin. Posing a program is one matrix product;
drawing it is a short loop of Pillow `ImageDraw` calls on two small images: the object's index layer
(pre-filled with the pattern texture) and its silhouette mask.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageChops, ImageDraw

from samplegen.render.geometry import Op
from samplegen.render.palette import BODY, HOLE, INK_NAMES, ink_value

POLY, LINE, DOT = 0, 1, 2
_SHAPES = {"poly": POLY, "line": LINE, "dot": DOT}


@dataclass(frozen=True)
class Program:
    """A compiled drawing.

    points: (N, 2) normalised coordinates; mirrored: the same for the left-right mirrored drawing
    (rigid parts such as logos moved rather than mirrored). ops: (shape, fill value or BODY, start,
    end, width, outline value or None, in mask, restore texture) per operation; widths are in
    normalised units.
    half: half extents (x, y) of the drawing.
    restores: whether some body part is drawn over flat ink (drawing then needs the pristine texture).
    """

    points: np.ndarray
    mirrored: np.ndarray
    ops: tuple[tuple[int, int, int, int, float, int | None, bool, bool], ...]
    half: tuple[float, float]
    restores: bool


def _value(ink: str) -> int:
    if ink == "body":
        return BODY
    if ink == "hole":
        return HOLE
    return ink_value(INK_NAMES[ink])


@dataclass(frozen=True)
class Drawing:
    """The warp-independent part of a compiled program (shared by every size cue of a variant).

    raw: (N + rigid parts, 2) unit coordinates, the rigid parts' centres last; pad, in_mask: per point,
    how far its op's stroke reaches and whether it counts towards the extent; ops: the compiled ops
    (widths already normalised by `ref`); rigid_spans: (start, end) of each rigid op's points.
    """

    raw: np.ndarray
    pad: np.ndarray
    in_mask: np.ndarray
    n_draw: int
    rigid_spans: tuple[tuple[int, int], ...]
    ops: tuple[tuple[int, int, int, int, float, int | None, bool, bool], ...]
    centre: np.ndarray
    ref: float
    restores: bool


def prepare_ops(ops: Sequence[Op], restores: Sequence[bool] | None = None) -> Drawing:
    """Everything `compile_ops` derives from the op list alone (see `compile_drawing` for the rest)."""
    pts: list[tuple[float, float]] = []
    spans = []
    pads: list[float] = []  # per point: how far the op's stroke reaches beyond it (-inf: not in mask)
    for op in ops:
        start = len(pts)
        pts.extend(op.pts)
        spans.append((start, len(pts)))
        pad = op.width if op.shape == "dot" else op.width / 2 if op.shape == "line" else 0.0
        pads.extend([pad if op.mask else -np.inf] * len(op.pts))
    # each rigid part's centre rides along as an extra point (outside every extent)
    n_draw = len(pts)
    rigid = [i for i, op in enumerate(ops) if op.rigid is not None]
    pts.extend((op.rigid, 0.5) for op in ops if op.rigid is not None)
    pads.extend([-np.inf] * len(rigid))
    raw = np.asarray(pts, dtype=np.float64).reshape(-1, 2)
    pad_arr = np.asarray(pads, dtype=np.float64)[:, None]
    in_mask = np.isfinite(pad_arr[:, 0])
    pad_in = pad_arr[in_mask]
    lo0 = (raw[in_mask] - pad_in).min(axis=0)
    hi0 = (raw[in_mask] + pad_in).max(axis=0)
    ref = float(max(hi0 - lo0))

    if restores is None:
        restores = texture_restores(ops)
    compiled = []
    for op, (a, b), restore in zip(ops, spans, restores, strict=True):
        fill = _value(op.ink)
        outline = _value(op.outline) if op.outline else None
        if fill == BODY and outline is None and not op.mask and not restore:
            continue  # texture is already there and the op adds nothing to the silhouette
        compiled.append((_SHAPES[op.shape], fill, a, b, op.width / ref, outline, op.mask, restore))
    return Drawing(
        raw,
        pad_in,
        in_mask,
        n_draw,
        tuple(spans[i] for i in rigid),
        tuple(compiled),
        (lo0 + hi0) / 2,
        ref,
        any(c[-1] for c in compiled),
    )


def compile_drawing(drawing: Drawing, warp=None) -> Program:
    """A prepared drawing, warped (size cues) and normalised into a program."""
    d = drawing
    centre, ref = d.centre, d.ref
    warped = warp(d.raw.copy()) if warp is not None else d.raw
    inside = warped[d.in_mask]
    lo, hi = (inside - d.pad).min(axis=0), (inside + d.pad).max(axis=0)
    norm = (warped - centre) / ref
    lo_n, hi_n = (lo - centre) / ref, (hi - centre) / ref
    # re-centre after the warp so the drawing stays centred in the frame
    norm -= (lo_n + hi_n) / 2
    half = (float(hi_n[0] - lo_n[0]) / 2, float(hi_n[1] - lo_n[1]) / 2)
    # mirrored drawing: x -> -x about the centre, except rigid parts, which move to their mirrored spot
    n_draw = d.n_draw
    mirrored = norm[:n_draw].copy()
    mirrored[:, 0] *= -1.0
    for k, (a, b) in enumerate(d.rigid_spans):
        mirrored[a:b, 0] = norm[a:b, 0] - 2.0 * norm[n_draw + k, 0]
    return Program(np.ascontiguousarray(norm[:n_draw]), np.ascontiguousarray(mirrored), d.ops, half, d.restores)


def compile_ops(ops: Sequence[Op], warp=None, restores: Sequence[bool] | None = None) -> Program:
    """Compile ops (already filtered for tags) into a normalised program.

    `warp` maps an (N, 2) array of unit coordinates to new coordinates (size cues); normalisation
    uses the unwarped drawing so a warp's change in size survives. `restores` (see
    `texture_restores`) may be passed in when already known for an equivalent op list.
    """
    return compile_drawing(prepare_ops(ops, restores), warp)


_PROBE = 128  # raster size of the compile-time overlap test


def texture_restores(ops: Sequence[Op]) -> tuple[bool, ...]:
    """For each op, whether it paints the pattern over pixels an earlier flat-ink op filled.

    Such ops need the texture put back when drawn. Decided once per op list on a small raster
    (flat-ink shapes slightly grown), after a bounding-box test against each earlier flat-ink op
    that settles most ops for free; flat ink is only rasterised when some op needs the raster test.
    The answer does not depend on mirroring or on the mild stretches of size cues.
    """
    counts = [len(op.pts) for op in ops]
    pts = np.asarray([p for op in ops for p in op.pts], dtype=np.float64).reshape(-1, 2)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    unit = (_PROBE - 8) / float(max(hi - lo))
    px_arr = (pts - lo) * unit + 4
    starts = np.cumsum([0] + counts[:-1])
    pad = np.asarray([op.width for op in ops], dtype=np.float64)[:, None] * unit + 2
    boxes = np.concatenate(
        [np.minimum.reduceat(px_arr, starts, axis=0) - pad, np.maximum.reduceat(px_arr, starts, axis=0) + pad], axis=1
    ).tolist()
    px = px_arr.ravel().tolist()
    covered = None
    cov = None
    flat_boxes: list[list[float]] = []  # bounding boxes of the flat ink drawn so far
    pending: list[tuple[Op, list[float], int]] = []  # flat ink not yet rasterised into `covered`
    out = []
    i = 0
    for op, n, ob in zip(ops, counts, boxes, strict=True):
        xy = px[2 * i : 2 * (i + n)]
        i += n
        w = max(1, int(op.width * unit + 0.5))
        restore = False
        if op.ink == "body" and op.shape in ("poly", "line"):
            if any(ob[0] < fb[2] and fb[0] < ob[2] and ob[1] < fb[3] and fb[1] < ob[3] for fb in flat_boxes):
                if covered is None or cov is None:
                    covered = Image.new("L", (_PROBE, _PROBE), 0)
                    cov = ImageDraw.Draw(covered)
                for flat_op, flat_xy, flat_w in pending:
                    _raster(cov, flat_op, flat_xy, flat_w, 255, 1)
                pending.clear()
                probe = Image.new("L", (_PROBE, _PROBE), 0)
                _raster(ImageDraw.Draw(probe), op, xy, w, 255, 0)
                restore = ImageChops.multiply(probe, covered).getbbox() is not None
                if restore:
                    _raster(cov, op, xy, w, 0, 0)
        elif op.ink != "hole":
            pending.append((op, xy, w))
            flat_boxes.append(ob)
        out.append(restore)
    return tuple(out)


def _raster(draw: ImageDraw.ImageDraw, op: Op, xy: list[float], w: int, value: int, grow: int) -> None:
    """Rasterise an op into a probe image (grown by `grow` pixels)."""
    if op.shape == "poly":
        draw.polygon(xy, fill=value, outline=value if grow else None, width=max(1, 2 * grow))
    elif op.shape == "line":
        draw.line(xy, fill=value, width=w + 2 * grow)
    else:
        r = w + grow
        draw.ellipse((xy[0] - r, xy[1] - r, xy[0] + r, xy[1] + r), fill=value)


RESTORE = 0  # layer value marking "texture goes here" (pattern values are always >= INK_BASE)


def draw_program(
    prog: Program,
    matrix: np.ndarray,
    origin: tuple[float, float],
    layer: Image.Image,
    texture: Image.Image,
    mask: Image.Image,
    scale: float,
    mirror: bool = False,
) -> None:
    """Draw a posed program into `layer` (index image pre-filled with `texture`) and `mask`.

    `matrix` (2x2) and `origin` map normalised points to the layer's pixel coordinates; `scale` is the
    pixel length of one normalised unit (for line widths and dot radii). Body parts drawn over
    flat-ink parts are marked and get the texture back in one masked paste at the end. `mirror`
    draws the left-right mirrored drawing.
    """
    px = (prog.mirrored if mirror else prog.points) @ matrix.T
    px += origin
    flat = px.ravel().tolist()
    # Pillow's C drawing primitives (what ImageDraw's methods call) skip per-call Python overhead
    pen = ImageDraw.Draw(layer).draw
    stencil = ImageDraw.Draw(mask).draw
    for shape, fill, a, b, width, outline, in_mask, restore in prog.ops:
        xy = flat[2 * a : 2 * b]
        if shape == POLY:
            if fill == HOLE:
                stencil.draw_polygon(xy, 0, 1)
                continue
            if fill >= 0:
                pen.draw_polygon(xy, fill, 1)
            elif restore:
                pen.draw_polygon(xy, RESTORE, 1)
            if outline is not None:
                # outlines stay hairlines up to ~600 px renders (Pillow's 1 px lines are far cheaper)
                pen.draw_lines(xy + xy[:2], outline, max(1, int(width * scale * 0.75)))
            if in_mask:
                stencil.draw_polygon(xy, 255, 1)
        elif shape == LINE:
            w = max(1, int(width * scale + 0.2))
            if fill >= 0:
                pen.draw_lines(xy, fill, w)
            elif restore:
                pen.draw_lines(xy, RESTORE, w)
            if in_mask:
                stencil.draw_lines(xy, 255, w)
        else:
            r = max(0.8, width * scale)
            box = (xy[0] - r, xy[1] - r, xy[0] + r, xy[1] + r)
            if fill >= 0:
                pen.draw_ellipse(box, fill, 1)
            if in_mask:
                stencil.draw_ellipse(box, 255, 1)
    if prog.restores:
        # 255 where the layer holds RESTORE (0), 0 elsewhere: (1 - v) * 256, clipped
        marks = ImageChops.subtract(Image.new("L", layer.size, 1), layer, scale=1 / 256)
        layer.paste(texture, (0, 0), marks)


def pose_matrix(scale: float, angle_deg: float) -> np.ndarray:
    """Scale and rotate normalised coordinates."""
    a = math.radians(angle_deg)
    c, s = math.cos(a) * scale, math.sin(a) * scale
    return np.array(((c, -s), (s, c)))
