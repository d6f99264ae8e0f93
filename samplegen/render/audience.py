"""Who an item is cut for, drawn: child proportions for KIDS, women's and men's cuts where the catalogue has both.

A cut is data: an overall scale (read against the frame's fixed reference), a height factor (about the
drawing's top) and a width profile, (t, factor) control points from the top (t = 0) to the bottom (t = 1)
of the drawing, applied about the centre line. Cuts warp a compiled program's normalised points, so they
compose with every silhouette, detail and size cue.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np

from samplegen.render.details import program_for
from samplegen.render.shapes import Program
from schemas.looks import Audience, DetailLook, ItemKind, SizeLook


class Cut(NamedTuple):
    scale: float
    height: float
    widths: tuple[tuple[float, float], ...]


UPPER = frozenset(
    {
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
    }
)
LOWER = frozenset({ItemKind.TROUSERS, ItemKind.SHORTS, ItemKind.SKIRT})
SHOES = frozenset({ItemKind.SNEAKER, ItemKind.BOOT, ItemKind.LOAFER})  # the shoes both departments sell

PLAIN = Cut(1.0, 1.0, ((0.0, 1.0), (1.0, 1.0)))

# women: shaped waist and a flared hem; men: broader shoulders, a straight fall; children: smaller,
# shorter and rounder whatever the item
CUTS: dict[tuple[str, Audience], Cut] = {
    ("upper", Audience.WOMAN): Cut(1.0, 1.0, ((0.0, 0.93), (0.2, 0.93), (0.45, 0.82), (0.7, 0.97), (1.0, 1.1))),
    ("upper", Audience.MAN): Cut(1.0, 1.0, ((0.0, 1.12), (0.35, 1.08), (1.0, 1.02))),
    ("lower", Audience.WOMAN): Cut(1.0, 1.0, ((0.0, 0.88), (0.3, 1.0), (1.0, 1.18))),
    ("lower", Audience.MAN): Cut(1.0, 1.0, ((0.0, 1.08), (1.0, 1.02))),
    ("shoes", Audience.MAN): Cut(1.07, 1.06, ((0.0, 1.0), (1.0, 1.0))),
    ("any", Audience.KIDS): Cut(0.7, 0.86, ((0.0, 1.07), (1.0, 1.07))),
}


def _group(kind: ItemKind) -> str:
    return "upper" if kind in UPPER else "lower" if kind in LOWER else "shoes" if kind in SHOES else "other"


def cut_for(kind: ItemKind, audience: Audience) -> Cut:
    """The cut an item kind is drawn in for an audience (PLAIN where the audiences look alike)."""
    return CUTS.get(("any", audience)) or CUTS.get((_group(kind), audience), PLAIN)


def _warp(points: np.ndarray, half: tuple[float, float], cut: Cut) -> np.ndarray:
    hy = half[1]
    t = (points[:, 1] + hy) / (2.0 * hy)
    ts, fs = zip(*cut.widths, strict=True)
    out = np.empty_like(points)
    out[:, 0] = points[:, 0] * np.interp(t, ts, fs)
    out[:, 1] = points[:, 1] * cut.height  # shortened about the top, then re-centred
    return out


def cut_program(prog: Program, cut: Cut) -> Program:
    """The program warped by a cut's height and width profile (its scale is applied when placing it)."""
    if cut.height == 1.0 and all(f == 1.0 for _, f in cut.widths):
        return prog
    points = _warp(prog.points, prog.half, cut)
    mirrored = _warp(prog.mirrored, prog.half, cut)
    hx, hy = prog.half
    reach = float(np.abs(prog.points[:, 0]).max()) if len(prog.points) else hx
    pad = max(0.0, hx - reach)  # stroke widths beyond the outermost points
    new_hx = float(np.abs(points[:, 0]).max()) + pad if len(points) else hx
    return Program(
        np.ascontiguousarray(points),
        np.ascontiguousarray(mirrored),
        prog.ops,
        (new_hx, hy * cut.height),
        prog.restores,
    )


@lru_cache(maxsize=4096)
def audience_program(
    kind: ItemKind,
    detail: DetailLook,
    size: SizeLook,
    family: str | None,
    audience: Audience,
    shape: str | None = None,
    line: int = 0,
    trim: bool = False,
) -> Program:
    """The compiled drawing of a kind's noun shape or beauty line with its detail and size cues (and the
    check-and-leather trim), cut for the audience."""
    return cut_program(program_for(kind, detail, size, family, shape, line, trim), cut_for(kind, audience))
