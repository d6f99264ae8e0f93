"""What a shot shows: the fields of a ProductSpec that the renderer reads.

Two specs with the same cues, shot in the same scene, give the same pixels; everything else in a spec
(title words, price, codes) reaches the image only through these. The learnability ceiling
(`samplegen ceiling`) is computed from them, so they must stay exactly what `render_product` reads.
"""

from __future__ import annotations

from typing import NamedTuple

from schemas.looks import Audience, Badge, DetailLook, ItemKind, MaterialLook, PatternLook, SizeLook
from schemas.product import RGB, ProductSpec


class DrawnCues(NamedTuple):
    kind: ItemKind
    noun_shape: str | None
    audience: Audience
    badge: Badge
    size_look: SizeLook
    pattern_look: PatternLook
    material_look: MaterialLook
    detail_look: DetailLook
    bag_family: str | None
    line_shape: int
    colour: RGB
    accent: RGB


def drawn_cues(spec: ProductSpec) -> DrawnCues:
    return DrawnCues(
        spec.kind,
        spec.noun_shape,
        spec.audience,
        spec.badge,
        spec.size_look,
        spec.pattern_look,
        spec.material_look,
        spec.detail_look,
        spec.bag_family,
        spec.line_shape,
        spec.colour.rgb,
        spec.accent.rgb,
    )
