"""Sample the latent product description (`ProductSpec`) of every planned row: the hub of a row.

A spec holds every title word, the noun and its drawing, the audience and badge of its leaf, the colour,
the full and selling price, the product code and the image id. The row (`samplegen.rows.row_of`) and the
image (`samplegen.render`) are both pure functions of it.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from samplegen.plan import MAX_VARIANTS, PlannedRow, iter_plan
from samplegen.prices import marked_down, price_factor, snap_to_price_point, unsnapped_price
from samplegen.sampling import stream
from samplegen.titles import TITLE_MIN, TitleWriter
from schemas import (
    BuildConfig,
    Colour,
    DetailLook,
    ItemKind,
    KindSpec,
    MaterialLook,
    PatternLook,
    ProductSpec,
    Profile,
    SizeLook,
    TitleSlot,
)
from schemas.profile import BeautyLine, BeautyShade


class _Weighted:
    """Items with cumulative weights, for O(log n) weighted draws."""

    def __init__(self, items: list, weights: list[float]) -> None:
        self.items = items
        self.cumulative = list(accumulate(weights))

    def draw(self, rng: random.Random):
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


@dataclass(frozen=True)
class ProfileTables:
    """A profile's tables indexed for fast sampling; built once per profile and process.

    `price_noise` is the hidden price spread in force: the build's setting, else the profile's.
    """

    profile: Profile
    words: dict[TitleSlot, dict]
    nouns: list[_Weighted]
    palette: _Weighted
    accents: _Weighted
    titles: TitleWriter
    price_noise: float
    discounts: _Weighted | None

    @classmethod
    def of(cls, profile: Profile, price_noise: float | None = None) -> ProfileTables:
        def colours(entries) -> _Weighted:
            return _Weighted([Colour(name=c.name, rgb=c.rgb) for c in entries], [c.weight for c in entries])

        depths = profile.discount_depths
        return cls(
            profile=profile,
            words={slot: {w.word: w for w in profile.vocabulary(slot)} for slot in TitleSlot},
            nouns=[_Weighted(list(k.nouns), [n.weight for n in k.nouns]) for k in profile.kinds],
            palette=colours(profile.colours),
            accents=colours(profile.accents),
            titles=TitleWriter(profile),
            price_noise=profile.price_noise if price_noise is None else price_noise,
            discounts=_Weighted([d.off for d in depths], [d.weight for d in depths]) if depths else None,
        )


@dataclass(frozen=True)
class ProductGroup:
    """A sampled product: the spec fields its colour variants share, and what each variant gets in turn."""

    shared: dict  # ProductSpec fields every variant has: category, kind, noun, title words and looks, ...
    colours: tuple[Colour, ...]
    shades: tuple[BeautyShade, ...]  # a beauty product's shades, one per variant (empty otherwise)
    size_look: SizeLook  # the drawn size, unless a shade says otherwise
    base_price: float  # before a shade's factor and the retail grid
    discount: float
    guids: tuple[int, ...]


def _choose(rng: random.Random, options: list[str], probability: float) -> str | None:
    """An option with the given probability, else None; always two draws so the stream stays aligned."""
    hit = rng.random() < probability
    position = rng.random()
    return options[int(position * len(options))] if hit and options else None


def _title_words(rng: random.Random, kind: KindSpec, noun: str, titles: TitleWriter) -> dict[TitleSlot, str | None]:
    """A word (or none) per slot in grammar order; a word that repeats or contradicts an earlier word or
    the noun is left out, as is a slot another slot's word replaces."""
    grammar = titles.grammar
    words: dict[TitleSlot, str | None] = dict.fromkeys(grammar.order)
    chosen = [noun]
    replaced: set[TitleSlot] = set()
    for slot in grammar.order:
        word = _choose(rng, kind.options(slot), kind.probability(slot))
        if word is None or slot in replaced or titles.clashes(word, chosen):
            continue
        words[slot] = word
        chosen.append(word)
        replaced.update(grammar.replaces.get(slot, ()))
    for slot in grammar.lengthen_order:  # titles shorter than the real minimum get another word
        if len(titles.compose(words, noun)) >= TITLE_MIN:
            break
        options = kind.options(slot)
        if words[slot] is not None or slot in replaced or not options:
            continue
        start = int(rng.random() * len(options))
        fitting = [w for w in options[start:] + options[:start] if not titles.clashes(w, chosen)]
        if fitting:
            words[slot] = fitting[0]
            chosen.append(fitting[0])
            replaced.update(grammar.replaces.get(slot, ()))
    return titles.fitted(words, noun)


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


def _discount(seed: int, group: int, tables: ProfileTables) -> float:
    """The product's markdown (0 for none), from its own stream so profiles without discounts draw nothing."""
    if tables.discounts is None or tables.profile.discount_rate <= 0:
        return 0.0
    rng = stream(seed, "discount", group)
    return tables.discounts.draw(rng) if rng.random() < tables.profile.discount_rate else 0.0


def _noise_draw(rng: random.Random, line: BeautyLine | None) -> float:
    """The product's standard normal price-noise draw; none for beauty: a line and shade are one product
    however often they are listed, priced by the line and the shade alone."""
    draw = rng.gauss(0.0, 1.0)  # drawn always, so the product's stream stays aligned
    return draw if line is None else 0.0


def sample_group(seed: int, planned: PlannedRow, tables: ProfileTables) -> ProductGroup:
    """Everything a product group's variants share, decided by (seed, group, kind, leaf) alone."""
    rng = stream(seed, "product", planned.group)
    kind = tables.profile.kinds[planned.kind]
    noun = tables.nouns[planned.kind].draw(rng)
    line = kind.beauty_lines[int(rng.random() * len(kind.beauty_lines))] if kind.beauty_lines else None
    if line is not None:
        shades = tuple(rng.sample(line.shades, k=min(MAX_VARIANTS, len(line.shades))))
        colours = tuple(Colour(name=shade.name, rgb=shade.rgb) for shade in shades)
        words: dict[TitleSlot, str | None] = dict.fromkeys(TitleSlot)
    else:
        shades = ()
        colours = _distinct(rng, tables.palette, MAX_VARIANTS)
        words = _title_words(rng, kind, noun.word, tables.titles)
    leaf = tables.profile.leaves[planned.leaf]
    factor = price_factor(kind, noun, words, line, leaf, tables.words)
    size = words[TitleSlot.SIZE]
    shared = {
        "group": planned.group,
        "category1": leaf.category1,
        "category2": leaf.category2,
        "category3": leaf.category3,
        "kind": ItemKind(kind.kind),
        "audience": leaf.audience,
        "badge": leaf.badge,
        "noun": noun.word,
        "noun_shape": noun.shape,
        **_word_fields(words, kind, tables),
        "beauty_line": line.line if line else None,
        "line_shape": line.shape if line else 0,
        "accent": tables.accents.draw(rng),
    }
    return ProductGroup(
        shared=shared,
        colours=colours,
        shades=shades,
        size_look=SizeLook(tables.words[TitleSlot.SIZE][size].look) if size else SizeLook.REGULAR,
        base_price=unsnapped_price(kind, factor, tables.price_noise, _noise_draw(rng, line)),
        discount=_discount(seed, planned.group, tables),
        guids=tuple(rng.getrandbits(128) for _ in range(MAX_VARIANTS)),
    )


def _word_fields(words: dict[TitleSlot, str | None], kind: KindSpec, tables: ProfileTables) -> dict:
    """The spec's title words with the looks they are drawn with (a bag family sets pattern and material)."""
    looks = tables.words
    family = looks[TitleSlot.FAMILY][words[TitleSlot.FAMILY]] if words[TitleSlot.FAMILY] else None
    pattern, material, detail = words[TitleSlot.PATTERN], words[TitleSlot.MATERIAL], words[TitleSlot.DETAIL]
    if family is not None:
        pattern_look, material_look = family.look, family.material_look
    else:
        pattern_look = looks[TitleSlot.PATTERN][pattern].look if pattern else PatternLook.PLAIN
        material_look = looks[TitleSlot.MATERIAL][material].look if material else kind.default_material
    return {
        **{slot.spec_field: word for slot, word in words.items()},
        "pattern_look": PatternLook(pattern_look),
        "material_look": MaterialLook(material_look),
        "detail_look": DetailLook(looks[TitleSlot.DETAIL][detail].look) if detail else DetailLook.NONE,
    }


def variant_spec(group: ProductGroup, planned: PlannedRow, tables: ProfileTables) -> ProductSpec:
    """The spec of one colour variant of a sampled group.

    Every input is already validated (profile tables, sampled colours), so the model is assembled
    without re-validation (`model_construct`); the enum fields are converted when the group is sampled.
    """
    shade = group.shades[planned.variant % len(group.shades)] if group.shades else None
    full_price = snap_to_price_point(group.base_price * (shade.price_factor if shade else 1.0), tables.profile)
    return ProductSpec.model_construct(
        **group.shared,
        variant=planned.variant,
        size_look=SizeLook(shade.size_look) if shade else group.size_look,
        shade=shade.name if shade else None,
        colour=group.colours[planned.variant % len(group.colours)],
        product_code=planned.product_code,
        image_guid=group.guids[planned.variant],
        full_price=full_price,
        price=marked_down(full_price, group.discount, tables.profile),
        discount=group.discount,
    )


class SpecMaker:
    """The spec of any planned row; a product group's draws are made once and reused by its variants.

    `spec(planned)` depends on `planned` alone: calls may come in any order.
    """

    def __init__(self, seed: int, tables: ProfileTables) -> None:
        self.seed = seed
        self.tables = tables
        self._last: tuple[int, ProductGroup] | None = None

    def group(self, planned: PlannedRow) -> ProductGroup:
        if self._last is None or self._last[0] != planned.group:
            self._last = (planned.group, sample_group(self.seed, planned, self.tables))
        return self._last[1]

    def spec(self, planned: PlannedRow) -> ProductSpec:
        return variant_spec(self.group(planned), planned, self.tables)


def plan_specs(config: BuildConfig, profile: Profile) -> Iterator[ProductSpec]:
    """The spec of every row a build of `config` makes, in plan order (without writing anything)."""
    maker = SpecMaker(config.seed, ProfileTables.of(profile, price_noise=config.price_noise))
    for planned in iter_plan(config, profile):
        yield maker.spec(planned)
