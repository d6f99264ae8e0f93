"""A profile's tables indexed once for fast spec sampling: weighted draws, per-kind slot tables, looks,
price factors and the price grid. Pure data derived from the profile; `samplegen.spec` samples with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from samplegen.prices import PriceGrid
from samplegen.sampling import Weighted
from samplegen.titles import TitleWriter
from schemas import Colour, DetailLook, ItemKind, KindSpec, MaterialLook, PatternLook, Profile, SizeLook, TitleSlot
from schemas.profile import BeautyLine
from schemas.title import TitleGrammar

LOOK_TYPES = {  # the spec's enum for each slot's look
    TitleSlot.SIZE: SizeLook,
    TitleSlot.FAMILY: PatternLook,
    TitleSlot.PATTERN: PatternLook,
    TitleSlot.MATERIAL: MaterialLook,
    TitleSlot.DETAIL: DetailLook,
}


class KindTable(NamedTuple):
    """One item kind's tables. `slots`: (slot, options, probability, slots its word replaces) in grammar
    order; `lengthen`: (slot, options, slots replaced) in lengthening order; `line_colours`: each beauty
    line's shades as colours."""

    spec: KindSpec
    kind: ItemKind
    nouns: Weighted
    slots: tuple[tuple[TitleSlot, list[str], float, tuple[TitleSlot, ...]], ...]
    lengthen: tuple[tuple[TitleSlot, list[str], tuple[TitleSlot, ...]], ...]
    line_colours: tuple[tuple[Colour, ...], ...]
    default_material: MaterialLook

    @classmethod
    def of(cls, kind: KindSpec, grammar: TitleGrammar) -> KindTable:
        def replaces(slot: TitleSlot) -> tuple[TitleSlot, ...]:
            return tuple(grammar.replaces.get(slot, ()))

        return cls(
            spec=kind,
            kind=ItemKind(kind.kind),
            nouns=Weighted(list(kind.nouns), [n.weight for n in kind.nouns]),
            slots=tuple((s, kind.options(s), kind.probability(s), replaces(s)) for s in grammar.order),
            lengthen=tuple((s, kind.options(s), replaces(s)) for s in grammar.lengthen_order),
            line_colours=tuple(_shade_colours(line) for line in kind.beauty_lines),
            default_material=MaterialLook(kind.default_material),
        )


def _shade_colours(line: BeautyLine) -> tuple[Colour, ...]:
    return tuple(Colour(name=shade.name, rgb=shade.rgb) for shade in line.shades)


@dataclass(frozen=True)
class ProfileTables:
    """A profile's tables indexed for fast sampling; built once per profile and process.

    `price_noise` is the hidden price spread in force: the build's setting, else the profile's.
    `looks` and `factors` give each slot word's look (as the spec's enum) and price factor.
    """

    profile: Profile
    words: dict[TitleSlot, dict]
    kinds: list[KindTable]
    palette: Weighted
    accents: Weighted
    titles: TitleWriter
    price_noise: float
    discounts: Weighted | None
    prices: PriceGrid
    looks: dict[TitleSlot, dict]
    factors: dict[TitleSlot, dict[str, float]]

    @classmethod
    def of(cls, profile: Profile, price_noise: float | None = None) -> ProfileTables:
        def colours(entries) -> Weighted:
            return Weighted([Colour(name=c.name, rgb=c.rgb) for c in entries], [c.weight for c in entries])

        depths = profile.discount_depths
        words = {slot: {w.word: w for w in profile.vocabulary(slot)} for slot in TitleSlot}
        return cls(
            profile=profile,
            words=words,
            kinds=[KindTable.of(kind, profile.title_grammar) for kind in profile.kinds],
            palette=colours(profile.colours),
            accents=colours(profile.accents),
            titles=TitleWriter(profile),
            price_noise=profile.price_noise if price_noise is None else price_noise,
            discounts=Weighted([d.off for d in depths], [d.weight for d in depths]) if depths else None,
            prices=PriceGrid(profile),
            looks={slot: {w: LOOK_TYPES[slot](e.look) for w, e in table.items()} for slot, table in words.items()},
            factors={slot: {w: entry.price_factor for w, entry in table.items()} for slot, table in words.items()},
        )
