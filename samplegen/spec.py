"""Sample the latent product description of a product group from the profile's tables."""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from itertools import accumulate

from samplegen.plan import MAX_VARIANTS, PlannedRow
from samplegen.sampling import stream
from samplegen.titles import BEAUTY_SEPARATOR, TITLE_MIN, compose_title, fit_title
from schemas import Colour, DetailLook, ItemKind, KindSpec, MaterialLook, PatternLook, ProductSpec, Profile, SizeLook
from schemas.profile import BeautyLine, NounWord


class _Weighted:
    """Items with cumulative weights, for O(log n) weighted draws."""

    def __init__(self, items: list, weights: list[float]) -> None:
        self.items = items
        self.cumulative = list(accumulate(weights))

    def draw(self, rng: random.Random):
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


@dataclass(frozen=True)
class ProfileTables:
    """A profile's tables indexed for fast sampling; built once per profile and process."""

    profile: Profile
    sizes: dict
    patterns: dict
    materials: dict
    details: dict
    families: dict
    nouns: list[_Weighted]
    palette: _Weighted
    accents: _Weighted

    @classmethod
    def of(cls, profile: Profile) -> ProfileTables:
        def colours(entries) -> _Weighted:
            return _Weighted([Colour(name=c.name, rgb=c.rgb) for c in entries], [c.weight for c in entries])

        return cls(
            profile=profile,
            sizes={w.word: w for w in profile.sizes},
            patterns={w.word: w for w in profile.patterns},
            materials={w.word: w for w in profile.materials},
            details={w.word: w for w in profile.details},
            families={w.word: w for w in profile.families},
            nouns=[_Weighted(list(k.nouns), [n.weight for n in k.nouns]) for k in profile.kinds],
            palette=colours(profile.colours),
            accents=colours(profile.accents),
        )


@dataclass(frozen=True)
class ProductGroup:
    """What the colour variants of one product share, plus each variant's colour and image id."""

    kind: KindSpec
    noun: NounWord
    words: dict[str, str | None]
    beauty_line: BeautyLine | None
    colours: tuple[Colour, ...]
    accent: Colour
    price_draw: float
    guids: tuple[int, ...]


def _choose(rng: random.Random, options: list[str], probability: float) -> str | None:
    """An option with the given probability, else None; always two draws so the stream stays aligned."""
    hit = rng.random() < probability
    position = rng.random()
    return options[int(position * len(options))] if hit and options else None


def _lengthen(rng: random.Random, kind: KindSpec, words: dict[str, str | None]) -> dict[str, str | None]:
    """Add a material, pattern or size word while the title is shorter than the real minimum."""
    for slot, options in (("material", kind.materials), ("pattern", kind.patterns), ("size", kind.sizes)):
        if len(compose_title(words)) >= TITLE_MIN or words["family"]:
            break
        if words[slot] is None and options:
            words[slot] = options[int(rng.random() * len(options))]
    return words


def _distinct(rng: random.Random, table: _Weighted, count: int) -> tuple[Colour, ...]:
    """Up to `count` different colours, drawn by weight (a few redraws replace repeats)."""
    chosen: list[int] = []
    total = table.cumulative[-1]
    for _ in range(8 * count):
        position = bisect.bisect(table.cumulative, rng.random() * total)
        if position not in chosen:
            chosen.append(position)
            if len(chosen) == count:
                break
    return tuple(table.items[position] for position in chosen)


def sample_group(seed: int, group: int, kind_index: int, tables: ProfileTables) -> ProductGroup:
    """Everything a product group's variants share, decided by (seed, group) alone."""
    rng = stream(seed, "product", group)
    kind = tables.profile.kinds[kind_index]
    noun = tables.nouns[kind_index].draw(rng)
    family = _choose(rng, kind.families, kind.p_family)
    words = {
        "size": _choose(rng, kind.sizes, kind.p_size),
        "family": family,
        "pattern": None if family else _choose(rng, kind.patterns, kind.p_pattern),
        "material": None if family else _choose(rng, kind.materials, kind.p_material),
        "detail": _choose(rng, kind.details, kind.p_detail),
        "noun": noun.word,
    }
    line = kind.beauty_lines[int(rng.random() * len(kind.beauty_lines))] if kind.beauty_lines else None
    if line is not None:
        shades = rng.sample(line.shades, k=min(MAX_VARIANTS, len(line.shades)))
        colours = tuple(Colour(name=shade.name, rgb=shade.rgb) for shade in shades)
        words = dict.fromkeys(words)
    else:
        colours = _distinct(rng, tables.palette, MAX_VARIANTS)
        words = fit_title(_lengthen(rng, kind, words))
    return ProductGroup(
        kind=kind,
        noun=noun,
        words=words,
        beauty_line=line,
        colours=colours,
        accent=tables.accents.draw(rng),
        price_draw=rng.gauss(0.0, 1.0),
        guids=tuple(rng.getrandbits(128) for _ in range(MAX_VARIANTS)),
    )


def group_title(group: ProductGroup, variant: int) -> str:
    """The row's title: the grammar for most products, "<line> – <shade>" for beauty."""
    if group.beauty_line is not None:
        return f"{group.beauty_line.line}{BEAUTY_SEPARATOR}{group.colours[variant % len(group.colours)].name}"
    return compose_title(group.words)


def product_spec(group: ProductGroup, planned: PlannedRow, tables: ProfileTables) -> ProductSpec:
    """The latent description of one variant, as the renderer receives it.

    Every input is already validated (profile tables, sampled colours), so the model is assembled
    without re-validation (`model_construct`); the enum fields are converted explicitly.
    """
    leaf = tables.profile.leaves[planned.leaf]
    words = group.words
    family = tables.families[words["family"]] if words["family"] else None
    if family is not None:
        pattern_look, material_look = family.look, family.material_look
    else:
        pattern_look = tables.patterns[words["pattern"]].look if words["pattern"] else PatternLook.PLAIN
        material_look = tables.materials[words["material"]].look if words["material"] else group.kind.default_material
    colour = group.colours[planned.variant % len(group.colours)]
    return ProductSpec.model_construct(
        group=planned.group,
        variant=planned.variant,
        category1=leaf.category1,
        category2=leaf.category2,
        category3=leaf.category3,
        kind=ItemKind(group.kind.kind),
        noun=group.noun.word,
        size=words["size"],
        size_look=tables.sizes[words["size"]].look if words["size"] else SizeLook.REGULAR,
        pattern=words["pattern"],
        pattern_look=pattern_look,
        material=words["material"],
        material_look=MaterialLook(material_look),
        detail=words["detail"],
        detail_look=tables.details[words["detail"]].look if words["detail"] else DetailLook.NONE,
        bag_family=words["family"],
        beauty_line=group.beauty_line.line if group.beauty_line else None,
        shade=colour.name if group.beauty_line else None,
        colour=colour,
        accent=group.accent,
    )
