"""A generator profile: everything country-specific the generator needs, as data.

The built-in US profile ships as JSON (`samplegen/profiles/us.json`); a profile fitted from a real DBQ
file has the same shape. Cross-references (leaf kinds, vocabulary words) are checked when it is built.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from schemas.looks import Audience, Badge, DetailLook, ItemKind, MaterialLook, PatternLook, SizeLook
from schemas.product import RGB
from schemas.title import TitleGrammar, TitleSlot

_STRICT = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)  # no Infinity or NaN in any number
Weight = Annotated[float, Field(ge=0)]


class SizeWord(BaseModel):
    model_config = _STRICT
    word: str = Field(min_length=1)
    look: SizeLook
    price_factor: float = Field(default=1.0, gt=0)


class PatternWord(BaseModel):
    model_config = _STRICT
    word: str = Field(min_length=1)
    look: PatternLook
    price_factor: float = Field(default=1.0, gt=0)


class MaterialWord(BaseModel):
    model_config = _STRICT
    word: str = Field(min_length=1)
    look: MaterialLook
    price_factor: float = Field(default=1.0, gt=0)


class DetailWord(BaseModel):
    model_config = _STRICT
    word: str = Field(min_length=1)
    look: DetailLook
    price_factor: float = Field(default=1.0, gt=0)
    leads: bool = Field(default=False, description="written first in a title, before size and pattern ('Side Stripe')")


class FamilyWord(BaseModel):
    """A named bag family ("Lola", "Frances") that replaces pattern and material in a title."""

    model_config = _STRICT
    word: str = Field(min_length=1)
    look: PatternLook = PatternLook.PLAIN
    material_look: MaterialLook = MaterialLook.LEATHER
    price_factor: float = Field(default=1.0, gt=0)


class PaletteColour(BaseModel):
    model_config = _STRICT
    name: str = Field(min_length=1)
    rgb: RGB
    weight: float = Field(default=1.0, gt=0)


class BeautyShade(BaseModel):
    """A shade of a beauty line; for fragrances a bottle size ("100ml"), priced and drawn by its size."""

    model_config = _STRICT
    name: str = Field(min_length=1)
    rgb: RGB
    weight: float = Field(default=1.0, gt=0)
    price_factor: float = Field(default=1.0, gt=0, description="e.g. a larger bottle costs more")
    size_look: SizeLook = Field(default=SizeLook.REGULAR, description="how big the product is drawn")


class BeautyLine(BaseModel):
    """A beauty line: titles read "<line> – <shade>"; each colour variant is another shade."""

    model_config = _STRICT
    line: str = Field(min_length=1)
    shades: list[BeautyShade] = Field(min_length=1)
    price_factor: float = Field(default=1.0, gt=0)
    shape: int = Field(default=0, ge=0, description="the kind's drawing variant for this line")


class NounWord(BaseModel):
    """An item noun that ends a title ("Trench Coat", "Gown"); a plain string is accepted too."""

    model_config = _STRICT
    word: str = Field(min_length=1)
    weight: float = Field(default=1.0, gt=0)
    price_factor: float = Field(default=1.0, gt=0)
    shape: str | None = Field(default=None, description="the kind's drawing variant for this noun")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: object) -> object:
        return {"word": value} if isinstance(value, str) else value


class KindSpec(BaseModel):
    """How one item kind is named, priced and varied."""

    model_config = _STRICT
    kind: ItemKind
    nouns: list[NounWord] = Field(min_length=1)
    median_price: float = Field(gt=0, description="full price of the plainest item, before word and leaf factors")
    code_prefix: int = Field(default=80, ge=10, le=99, description="first two digits of product codes")
    sizes: list[str] = Field(default_factory=list)
    p_size: float = Field(default=0.0, ge=0, le=1)
    patterns: list[str] = Field(default_factory=list)
    p_pattern: float = Field(default=0.0, ge=0, le=1)
    materials: list[str] = Field(default_factory=list)
    p_material: float = Field(default=0.0, ge=0, le=1)
    details: list[str] = Field(default_factory=list)
    p_detail: float = Field(default=0.0, ge=0, le=1)
    families: list[str] = Field(default_factory=list)
    p_family: float = Field(default=0.0, ge=0, le=1)
    beauty_lines: list[BeautyLine] = Field(default_factory=list)
    default_material: MaterialLook = MaterialLook.COTTON
    variant_weights: list[Weight] = Field(default=[0.6, 0.28, 0.12], min_length=1)

    @model_validator(mode="after")
    def _some_variant_weight(self) -> KindSpec:
        if not sum(self.variant_weights) > 0:
            raise ValueError(f"variant_weights must have a weight above 0, got {list(self.variant_weights)}")
        return self

    def options(self, slot: TitleSlot) -> list[str]:
        """The words this kind may use in `slot`."""
        return getattr(self, slot.table)

    def probability(self, slot: TitleSlot) -> float:
        """How often this kind's titles have a word in `slot`."""
        return getattr(self, f"p_{slot.value}")


class Leaf(BaseModel):
    """One category1/category2/category3 triple with its share of rows and the kinds it holds."""

    model_config = _STRICT
    category1: str = Field(min_length=1)
    category2: str = Field(min_length=1)
    category3: str = Field(min_length=1)
    weight: float = Field(gt=0)
    kinds: list[ItemKind] = Field(min_length=1)
    price_factor: float = Field(default=1.0, gt=0, description="e.g. below 1 for children's sizes")
    audience: Audience | None = Field(default=None, description="defaults to category1 (WOMAN, MAN, KIDS)")
    badge: Badge = Field(default=Badge.NONE, description="collection cue drawn on the leaf's shots")

    @model_validator(mode="after")
    def _audience_from_category1(self) -> Leaf:
        if self.audience is None:
            if self.category1 not in Audience.__members__:
                raise ValueError(
                    f"leaf {self.category1}/{self.category2}/{self.category3}: category1 is not one of "
                    f"{', '.join(Audience.__members__)}; set its audience"
                )
            object.__setattr__(self, "audience", Audience(self.category1))
        return self


class DiscountDepth(BaseModel):
    """A markdown: the share taken off the full price, and how often it is used among discounted products."""

    model_config = _STRICT
    off: float = Field(gt=0, lt=1, description="0.3 sells at 70% of full price")
    weight: float = Field(default=1.0, gt=0)


class PriceStep(BaseModel):
    """From `from_price` upwards, prices are multiples of `step`."""

    model_config = _STRICT
    from_price: float = Field(ge=0)
    step: float = Field(gt=0)


class Profile(BaseModel):
    model_config = _STRICT

    name: str = Field(min_length=1)
    description: str = ""
    website_name: str = Field(min_length=1)
    competence_date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    country_code: str = Field(pattern=r"^[A-Z]{3}$")
    currency_code: str = Field(pattern=r"^[A-Z]{3}$")
    brand: str = Field(min_length=1)
    eur_rate: Decimal = Field(gt=0)
    itemurl_host: str = Field(pattern=r"^[a-z0-9.-]+$")
    imageurl_prefix: str = Field(pattern=r"^https://\S+/$")
    imageurl_placeholder_rate: float = Field(default=0.0, ge=0, le=1)
    price_min: float = Field(gt=0)
    price_max: float = Field(gt=0)
    price_steps: list[PriceStep] = Field(min_length=1)
    price_noise: float = Field(
        default=0.1,
        ge=0,
        le=2,
        description="standard deviation of log price among products with the same title and leaf: the only "
        "price factor an image does not show (beauty has none: a line and shade are one product)",
    )
    discount_rate: float = Field(default=0.0, ge=0, le=1, description="share of products sold below full price")
    discount_depths: list[DiscountDepth] = Field(default_factory=list, description="markdowns drawn by weight")
    title_grammar: TitleGrammar = Field(default_factory=TitleGrammar)
    sizes: list[SizeWord] = Field(default_factory=list)
    patterns: list[PatternWord] = Field(default_factory=list)
    materials: list[MaterialWord] = Field(default_factory=list)
    details: list[DetailWord] = Field(default_factory=list)
    families: list[FamilyWord] = Field(default_factory=list)
    colours: list[PaletteColour] = Field(min_length=2)
    accents: list[PaletteColour] = Field(min_length=1)
    kinds: list[KindSpec] = Field(min_length=1)
    leaves: list[Leaf] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _no_kind_price_sigma(cls, value: object) -> object:
        """Profiles written before price_noise gave each kind a hidden `price_sigma`; say what replaced it."""
        kinds = value.get("kinds") if isinstance(value, dict) else None
        if isinstance(kinds, list):
            old = [
                str(kind.get("kind", number))
                for number, kind in enumerate(kinds)
                if isinstance(kind, dict) and "price_sigma" in kind
            ]
            if old:
                raise ValueError(
                    f"kinds {', '.join(old[:3])}{f' and {len(old) - 3} more' if len(old) > 3 else ''} set price_sigma, "
                    "which is no longer read: the hidden price spread is the profile's price_noise; remove "
                    "price_sigma (or refit the profile with `samplegen profile`)"
                )
        return value

    @model_validator(mode="after")
    def _cross_references(self) -> Profile:
        problems: list[str] = []
        if self.price_min >= self.price_max:
            problems.append(f"price_min {self.price_min} must be below price_max {self.price_max}")
        if sorted(step.from_price for step in self.price_steps)[0] != 0:
            problems.append("price_steps must start at from_price 0")
        kinds = [spec.kind for spec in self.kinds]
        if len(set(kinds)) != len(kinds):
            problems.append("kinds lists a kind twice")
        if self.discount_rate > 0 and not self.discount_depths:
            problems.append(f"discount_rate is {self.discount_rate:g} but discount_depths is empty; list the markdowns")
        vocabularies = {slot: {w.word for w in self.vocabulary(slot)} for slot in TitleSlot}
        for spec in self.kinds:
            for slot, known in vocabularies.items():
                unknown = sorted(set(spec.options(slot)) - known)
                if unknown:
                    problems.append(
                        f"kind {spec.kind.value} uses {slot.table} not in the profile's {slot.table}: {unknown}"
                    )
        title_words = set().union(*vocabularies.values(), (n.word for spec in self.kinds for n in spec.nouns))
        for number, clash in enumerate(self.title_grammar.clashes):
            unknown = sorted(set(clash.words + clash.against) - title_words)
            if unknown:
                problems.append(f"title_grammar.clashes.{number} names words no kind or vocabulary has: {unknown}")
        missing = sorted({kind.value for leaf in self.leaves for kind in leaf.kinds} - {k.value for k in kinds})
        if missing:
            problems.append(f"leaves use kinds that have no entry in kinds: {missing}")
        triples = [(leaf.category1, leaf.category2, leaf.category3) for leaf in self.leaves]
        if len(set(triples)) != len(triples):
            problems.append("leaves lists a category triple twice")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def kind_spec(self, kind: ItemKind) -> KindSpec:
        return next(spec for spec in self.kinds if spec.kind == kind)

    def vocabulary(self, slot: TitleSlot) -> list[SizeWord | FamilyWord | PatternWord | MaterialWord | DetailWord]:
        """The profile's word table for `slot`."""
        return getattr(self, slot.table)
