"""Registry of every item kind's drawings: one per noun shape, and per beauty line for beauty kinds.

Each kind maps shape names (the `shape` of the profile's nouns, `ProductSpec.noun_shape`) to a drawing;
the first is the kind's default, drawn for a noun without a shape. Beauty kinds also have one drawing per
line (`ProductSpec.line_shape`). The drawings themselves live in the `silhouettes_*` modules.
"""

from __future__ import annotations

from functools import lru_cache

from samplegen.render.geometry import Silhouette
from samplegen.render.silhouettes_accessories import ACCESSORIES
from samplegen.render.silhouettes_beauty import BEAUTY, LINES
from samplegen.render.silhouettes_clothing import CLOTHING
from samplegen.render.silhouettes_goods import GOODS
from samplegen.render.silhouettes_outerwear import OUTERWEAR
from samplegen.render.silhouettes_shoes import SHOES
from samplegen.render.silhouettes_tools import Builder
from schemas.looks import ItemKind

SHAPES: dict[ItemKind, dict[str, Builder]] = {**OUTERWEAR, **CLOTHING, **GOODS, **SHOES, **ACCESSORIES, **BEAUTY}


def shape_names(kind: ItemKind) -> tuple[str, ...]:
    """The kind's drawing variants for nouns, its default first."""
    return tuple(SHAPES.get(kind, ()))


def line_count(kind: ItemKind) -> int:
    """How many beauty-line drawings the kind has (1 where lines are not drawn apart)."""
    return len(LINES.get(kind, ())) or 1


@lru_cache(maxsize=1024)
def silhouette(kind: ItemKind, family: str | None = None, shape: str | None = None, line: int = 0) -> Silhouette:
    """The drawing for a kind's noun shape (None: the default) or beauty line; bags and small goods take
    the bag family's hardware and strap. Raises ValueError for a shape or line the kind does not draw."""
    variants = SHAPES[kind]
    if kind in LINES:
        lines = LINES[kind]
        if not 0 <= line < len(lines):
            raise ValueError(f"{kind.value} draws beauty lines 0 to {len(lines) - 1}, not line_shape {line}")
        if shape is None or shape in variants:
            return lines[line](family)
    if shape is None:
        return next(iter(variants.values()))(family)
    if shape not in variants:
        raise ValueError(f"{kind.value} has no drawing named {shape!r}; it draws {', '.join(variants)}")
    return variants[shape](family)


def missing_kinds() -> list[ItemKind]:
    """Kinds without a drawing (empty when the data is complete)."""
    return [k for k in ItemKind if k not in SHAPES]


def unknown_shapes(profile) -> list[str]:
    """The profile's noun and beauty-line shapes that no drawing answers to, as readable phrases."""
    problems = []
    for spec in profile.kinds:
        known = shape_names(spec.kind)
        for noun in spec.nouns:
            if noun.shape is not None and noun.shape not in known:
                problems.append(
                    f"{spec.kind.value} noun {noun.word!r} has shape {noun.shape!r} (known: {', '.join(known)})"
                )
        for beauty in spec.beauty_lines:
            if beauty.shape >= line_count(spec.kind):
                problems.append(
                    f"{spec.kind.value} line {beauty.line!r} has shape {beauty.shape} "
                    f"(known: 0 to {line_count(spec.kind) - 1})"
                )
    return problems
