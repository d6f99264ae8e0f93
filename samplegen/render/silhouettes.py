"""Registry of every item kind's silhouette data (the drawings live in the `silhouettes_*` modules)."""

from __future__ import annotations

from functools import lru_cache

from samplegen.render.geometry import Silhouette
from samplegen.render.silhouettes_accessories import ACCESSORIES
from samplegen.render.silhouettes_clothing import CLOTHING
from samplegen.render.silhouettes_goods import GOODS
from schemas.looks import ItemKind

_FAMILY_KINDS = {**GOODS, **ACCESSORIES}


@lru_cache(maxsize=1024)
def silhouette(kind: ItemKind, family: str | None = None) -> Silhouette:
    """The drawing for a kind; bags and small goods take the bag family's hardware and strap."""
    if kind in CLOTHING:
        return CLOTHING[kind]()
    return _FAMILY_KINDS[kind](family)


def missing_kinds() -> list[ItemKind]:
    """Kinds without a drawing (empty when the data is complete)."""
    return [k for k in ItemKind if k not in CLOTHING and k not in _FAMILY_KINDS]
