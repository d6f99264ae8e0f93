"""Sample the latent product description (`ProductSpec`) of every planned row: the hub of a row.

A spec holds every title word, the noun and its drawing, the audience and badge of its leaf, the colour,
the full and selling price, the product code and the image id. The row (`samplegen.rows.row_of`) and the
image (`samplegen.render`) are both pure functions of it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from operator import itemgetter
from typing import NamedTuple

from samplegen.plan import MAX_VARIANTS, PlannedRow, iter_plan
from samplegen.prices import price_factor, unsnapped_price
from samplegen.sampling import Weighted, restart, stream, uniform_index
from samplegen.spec_tables import KindTable, ProfileTables
from samplegen.titles import TITLE_MAX, TITLE_MIN, TitleWriter
from schemas import (
    BuildConfig,
    Colour,
    DetailLook,
    MaterialLook,
    PatternLook,
    ProductSpec,
    Profile,
    SizeLook,
    TitleSlot,
)
from schemas.profile import BeautyShade

__all__ = ["ProductGroup", "ProfileTables", "SpecMaker", "plan_specs", "sample_group", "variant_spec"]

_ALL_SLOTS = tuple(TitleSlot)
_SLOT_FIELDS = tuple(slot.spec_field for slot in _ALL_SLOTS)
_slot_words = itemgetter(*_ALL_SLOTS)  # a words dict's words in TitleSlot order
_looked_up = itemgetter(TitleSlot.FAMILY, TitleSlot.PATTERN, TitleSlot.MATERIAL, TitleSlot.DETAIL)
_SPEC_FIELDS = tuple(ProductSpec.model_fields)
_SPEC_FIELD_SET = set(_SPEC_FIELDS)
_BLANK = dict.fromkeys(_SPEC_FIELDS)  # every spec field, in field order


class ProductGroup(NamedTuple):
    """A sampled product: the spec fields its colour variants share, and what each variant gets in turn."""

    shared: dict  # ProductSpec fields every variant has: category, kind, noun, title words and looks, ...
    colours: tuple[Colour, ...]
    shades: tuple[BeautyShade, ...]  # a beauty product's shades, one per variant (empty otherwise)
    size_look: SizeLook  # the drawn size, unless a shade says otherwise
    base_price: float  # before a shade's factor and the retail grid
    discount: float
    guids: list[int]


def _title_words(rng: random.Random, kind: KindTable, noun: str, titles: TitleWriter) -> dict[TitleSlot, str | None]:
    """A word (or none) per slot in grammar order; a word that repeats or contradicts an earlier word or
    the noun is left out, as is a slot another slot's word replaces.

    Each slot takes two draws whether it gets a word or not (a hit, then a position), so the stream
    stays aligned. Titles shorter than the real minimum get another word; longer ones lose words."""
    draw = rng.random
    clashes = titles.clashes
    words: dict[TitleSlot, str | None] = {}
    chosen = [noun]
    replaced: set[TitleSlot] = set()
    length = len(noun)  # the title's length so far: words, the noun, a space each
    for slot, options, probability, replaces in kind.slots:
        hit = draw() < probability
        position = draw()
        words[slot] = None
        if not (hit and options) or slot in replaced:
            continue
        word = options[int(position * len(options))]
        if clashes(word, chosen):
            continue
        words[slot] = word
        chosen.append(word)
        length += len(word) + 1
        replaced.update(replaces)
    for slot, options, replaces in kind.lengthen:
        if length >= TITLE_MIN:
            break
        if words[slot] is not None or slot in replaced or not options:
            continue
        start = int(draw() * len(options))
        fitting = next((w for w in options[start:] + options[:start] if not clashes(w, chosen)), None)
        if fitting is not None:
            words[slot] = fitting
            chosen.append(fitting)
            length += len(fitting) + 1
            replaced.update(replaces)
    return words if length <= TITLE_MAX else titles.fitted(words, noun)


def _distinct(rng: random.Random, table: Weighted, count: int) -> tuple[Colour, ...]:
    """Up to `count` different colours, drawn by weight (a few redraws replace repeats)."""
    chosen: list[int] = []
    for _ in range(8 * count):
        position = table.index(rng)
        if position not in chosen:
            chosen.append(position)
            if len(chosen) == count:
                break
    items = table.items
    return tuple(items[position] for position in chosen)


def _discount(seed: int, group: int, tables: ProfileTables) -> float:
    """The product's markdown (0 for none), from its own stream so profiles without discounts draw nothing."""
    if tables.discounts is None or tables.profile.discount_rate <= 0:
        return 0.0
    rng = stream(seed, "discount", group)
    return tables.discounts.draw(rng) if rng.random() < tables.profile.discount_rate else 0.0


def sample_group(
    seed: int, planned: PlannedRow, tables: ProfileTables, rng: random.Random | None = None
) -> ProductGroup:
    """Everything a product group's variants share, decided by (seed, group, kind, leaf) alone.

    `rng`, when given, is restarted and drawn from instead of a new generator: the same draws, cheaper."""
    rng = stream(seed, "product", planned.group) if rng is None else restart(rng, seed, "product", planned.group)
    table = tables.kinds[planned.kind]
    kind = table.spec
    noun = table.nouns.draw(rng)
    lines = kind.beauty_lines
    line = None
    if lines:
        number = uniform_index(rng, len(lines))
        line = lines[number]
        # indices drawn as random.sample draws the shades themselves: the same draws, and colours made once
        picks = rng.sample(range(len(line.shades)), k=min(MAX_VARIANTS, len(line.shades)))
        shades = tuple(line.shades[pick] for pick in picks)
        colours = tuple(table.line_colours[number][pick] for pick in picks)
        words: dict[TitleSlot, str | None] = dict.fromkeys(_ALL_SLOTS)
    else:
        shades = ()
        colours = _distinct(rng, tables.palette, MAX_VARIANTS)
        words = _title_words(rng, table, noun.word, tables.titles)
    leaf = tables.profile.leaves[planned.leaf]
    factor = price_factor(noun, words, line, leaf, tables.factors)
    shared = _word_fields(words, table, tables)
    shared["group"] = planned.group
    shared["category1"] = leaf.category1
    shared["category2"] = leaf.category2
    shared["category3"] = leaf.category3
    shared["kind"] = table.kind
    shared["audience"] = leaf.audience
    shared["badge"] = leaf.badge
    shared["noun"] = noun.word
    shared["noun_shape"] = noun.shape
    shared["beauty_line"] = line.line if line else None
    shared["line_shape"] = line.shape if line else 0
    shared["accent"] = tables.accents.draw(rng)
    draw = rng.gauss(0.0, 1.0)  # drawn always, so the stream stays aligned; beauty has no price noise
    getrandbits = rng.getrandbits
    size = words[TitleSlot.SIZE]
    return ProductGroup(
        shared,
        colours,
        shades,
        tables.looks[TitleSlot.SIZE][size] if size else SizeLook.REGULAR,
        unsnapped_price(kind, factor, tables.price_noise, draw if line is None else 0.0),
        _discount(seed, planned.group, tables),
        [getrandbits(128) for _ in range(MAX_VARIANTS)],
    )


def _word_fields(words: dict[TitleSlot, str | None], table: KindTable, tables: ProfileTables) -> dict:
    """The spec's title words with the looks they are drawn with (a bag family sets pattern and material)."""
    family_word, pattern, material, detail = _looked_up(words)
    looks = tables.looks
    fields = dict(zip(_SLOT_FIELDS, _slot_words(words), strict=True))
    if family_word:
        family = tables.words[TitleSlot.FAMILY][family_word]
        fields["pattern_look"] = PatternLook(family.look)
        fields["material_look"] = MaterialLook(family.material_look)
    else:
        fields["pattern_look"] = looks[TitleSlot.PATTERN][pattern] if pattern else PatternLook.PLAIN
        fields["material_look"] = looks[TitleSlot.MATERIAL][material] if material else table.default_material
    fields["detail_look"] = looks[TitleSlot.DETAIL][detail] if detail else DetailLook.NONE
    return fields


def assemble_spec(fields: dict) -> ProductSpec:
    """`ProductSpec.model_construct(**fields)` for `fields` that hold every spec field in field order:
    the instance attributes model_construct sets, set directly (several times cheaper than its per-field
    loop). Inputs are already validated; a test checks the result equals model_construct's."""
    spec = ProductSpec.__new__(ProductSpec)
    _set = object.__setattr__
    _set(spec, "__dict__", fields)
    _set(spec, "__pydantic_fields_set__", _SPEC_FIELD_SET.copy())
    _set(spec, "__pydantic_extra__", None)
    _set(spec, "__pydantic_private__", None)
    return spec


def variant_spec(group: ProductGroup, planned: PlannedRow, tables: ProfileTables) -> ProductSpec:
    """The spec of one colour variant of a sampled group.

    Every input is already validated (profile tables, sampled colours), so the model is assembled
    without re-validation; the enum fields are converted when the group is sampled.
    """
    variant = planned.variant
    shade = group.shades[variant % len(group.shades)] if group.shades else None
    prices = tables.prices
    full_price = prices.snap(group.base_price * (shade.price_factor if shade else 1.0))
    fields = _BLANK.copy()
    fields.update(group.shared)
    fields["variant"] = variant
    fields["size_look"] = SizeLook(shade.size_look) if shade else group.size_look
    fields["shade"] = shade.name if shade else None
    fields["colour"] = group.colours[variant % len(group.colours)]
    fields["product_code"] = planned.product_code
    fields["image_guid"] = group.guids[variant]
    fields["full_price"] = full_price
    fields["price"] = prices.marked_down(full_price, group.discount)
    fields["discount"] = group.discount
    return assemble_spec(fields)


class SpecMaker:
    """The spec of any planned row; a product group's draws are made once and reused by its variants.

    `spec(planned)` depends on `planned` alone: calls may come in any order.
    """

    def __init__(self, seed: int, tables: ProfileTables) -> None:
        self.seed = seed
        self.tables = tables
        self._last: tuple[int, ProductGroup] | None = None
        self._rng = random.Random()  # restarted for each group: the same draws as a new stream

    def group(self, planned: PlannedRow) -> ProductGroup:
        if self._last is None or self._last[0] != planned.group:
            self._last = (planned.group, sample_group(self.seed, planned, self.tables, self._rng))
        return self._last[1]

    def spec(self, planned: PlannedRow) -> ProductSpec:
        return variant_spec(self.group(planned), planned, self.tables)


def plan_specs(config: BuildConfig, profile: Profile) -> Iterator[ProductSpec]:
    """The spec of every row a build of `config` makes, in plan order (without writing anything)."""
    maker = SpecMaker(config.seed, ProfileTables.of(profile, price_noise=config.price_noise))
    for planned in iter_plan(config, profile):
        yield maker.spec(planned)
