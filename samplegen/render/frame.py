"""The frame of a shot: its pixel size, where the item may stand, and the fixed size reference.

Everything is laid out in the frame's centred square, whose side is the frame's shorter side
(`Frame.base`): a taller or wider frame only adds backdrop, so a square centre crop (what many vision
processors do) keeps the item, the reference and the badge. Lengths are fractions of `base`. The
reference, a ruler along the square's bottom edge, has the same pixel size in every shot of an image
size, and items are drawn at a fixed number of pixels per unit for their kind, audience and size word,
so an item's size can be read against it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np
from PIL import Image, ImageDraw

from samplegen.render.palette import BLACK, ink_value
from schemas.config import MAX_IMAGE_SIZE, MIN_IMAGE_SIZE

MIN_SIZE, MAX_SIZE = MIN_IMAGE_SIZE, MAX_IMAGE_SIZE  # the sides BuildConfig accepts

MARGIN = 0.035  # free border left, right and above the item
BOTTOM = 0.08  # free band below the item: its floor shadow and the ruler

# the ruler: a bar `RULER_LENGTH` long with `RULER_TICKS` + 1 ticks, `RULER_LIFT` above the bottom edge
RULER_LENGTH = 0.25
RULER_BAR = 0.014
RULER_TICK = 0.03
RULER_TICKS = 5
RULER_LIFT = 0.022
MARK_SHADE = 6  # shade level of the ruler and badge ink (before the material's specular shades start)


class Frame(NamedTuple):
    """A shot's size in pixels, the top-left corner of its centred square and the box the item is placed
    in: (x0, y0, x1, y1)."""

    width: int
    height: int
    base: int
    left: int
    top: int
    area: tuple[float, float, float, float]


def check_size(size: object) -> tuple[int, int]:
    """(width, height) of a render size: an int side or a (width, height) pair, each MIN_SIZE..MAX_SIZE."""
    dims = tuple(size) if isinstance(size, tuple) else (size, size)
    if len(dims) != 2 or not all(
        isinstance(d, (int, np.integer)) and not isinstance(d, bool) and MIN_SIZE <= d <= MAX_SIZE for d in dims
    ):
        raise ValueError(
            f"size must be an integer or a (width, height) pair of integers between {MIN_SIZE} and {MAX_SIZE}, "
            f"got {size!r}"
        )
    return int(dims[0]), int(dims[1])


@lru_cache(maxsize=64)
def frame(width: int, height: int) -> Frame:
    base = min(width, height)
    left, top = (width - base) // 2, (height - base) // 2
    area = (left + MARGIN * base, top + MARGIN * base, left + base - MARGIN * base, top + base - BOTTOM * base)
    return Frame(width, height, base, left, top, area)


def draw_reference(canvas: Image.Image, fr: Frame) -> None:
    """The ruler at the bottom left of the frame's square, in the near-black mark ink."""
    b = fr.base
    value = ink_value(BLACK) + MARK_SHADE
    x0 = fr.left + round(MARGIN * b)
    y1 = fr.top + b - round(RULER_LIFT * b)
    bar = max(1, round(RULER_BAR * b))
    length = round(RULER_LENGTH * b)
    tick = max(bar + 1, round(RULER_TICK * b))
    pen = ImageDraw.Draw(canvas)
    pen.rectangle((x0, y1 - bar, x0 + length, y1 - 1), fill=value)
    width = max(1, bar // 2)
    for i in range(RULER_TICKS + 1):
        x = x0 + round(i * (length - width + 1) / RULER_TICKS)
        top = y1 - (tick if i in (0, RULER_TICKS) else (tick + bar) // 2)
        pen.rectangle((x, top, x + width - 1, y1 - 1), fill=value)
