"""The title grammar as data: the five word slots of a title, their order, and words that never meet.

A non-beauty title is `<words in slot order> <noun>`; a beauty title is `<line> – <shade>`. Everything
that samples, prices, writes or reads a title walks these slots instead of listing them again.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

BEAUTY_SEPARATOR = " – "  # an en dash between spaces, as in the real beauty titles


class TitleSlot(StrEnum):
    """A word slot of a non-beauty title (the item noun always ends the title and is not a slot)."""

    SIZE = "size"
    FAMILY = "family"
    PATTERN = "pattern"
    MATERIAL = "material"
    DETAIL = "detail"

    @property
    def table(self) -> str:
        """The profile's vocabulary table and the kind's option list for this slot ("sizes", "families")."""
        return _TABLES[self]

    @property
    def spec_field(self) -> str:
        """The ProductSpec field that holds this slot's word."""
        return _SPEC_FIELDS[self]


_TABLES = {
    TitleSlot.SIZE: "sizes",
    TitleSlot.FAMILY: "families",
    TitleSlot.PATTERN: "patterns",
    TitleSlot.MATERIAL: "materials",
    TitleSlot.DETAIL: "details",
}
_SPEC_FIELDS = {
    TitleSlot.SIZE: "size",
    TitleSlot.FAMILY: "bag_family",
    TitleSlot.PATTERN: "pattern",
    TitleSlot.MATERIAL: "material",
    TitleSlot.DETAIL: "detail",
}


class TitleClash(BaseModel):
    """Title words (slot words or item nouns) that contradict each other: none of `words` ever shares a
    title with any of `against` ("Slim" with "Wide-leg Trousers", "Short-sleeve" with "Sweater Vest")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: list[str] = Field(min_length=1)
    against: list[str] = Field(min_length=1)
    reason: str = ""


class TitleGrammar(BaseModel):
    """How a non-beauty title is written.

    `order`: the slots' order before the noun; a detail word marked `leads` in the profile is written
    first of all ("Side Stripe Vintage Check Stretch Cotton Shorts"). `replaces`: a slot whose word
    stands instead of others (a bag family names its own pattern and material). `drop_order`: words
    dropped, in turn, while a title is longer than a row allows; `lengthen_order`: slots given a word,
    in turn, while it is shorter. `clashes`: contradictory words. Besides these, no title writes one
    word twice (case, hyphens and a plural "s" aside: "Short Short-sleeve", "Check Check and Leather").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    order: list[TitleSlot] = Field(
        default=[TitleSlot.SIZE, TitleSlot.FAMILY, TitleSlot.PATTERN, TitleSlot.MATERIAL, TitleSlot.DETAIL]
    )
    replaces: dict[TitleSlot, list[TitleSlot]] = Field(
        default={TitleSlot.FAMILY: [TitleSlot.PATTERN, TitleSlot.MATERIAL]}
    )
    drop_order: list[TitleSlot] = Field(
        default=[TitleSlot.DETAIL, TitleSlot.SIZE, TitleSlot.MATERIAL, TitleSlot.PATTERN]
    )
    lengthen_order: list[TitleSlot] = Field(default=[TitleSlot.MATERIAL, TitleSlot.PATTERN, TitleSlot.SIZE])
    clashes: list[TitleClash] = Field(default_factory=list)

    @model_validator(mode="after")
    def _every_slot_once(self) -> TitleGrammar:
        if sorted(self.order) != sorted(TitleSlot):
            raise ValueError(f"order must list each of {', '.join(TitleSlot)} once, got {', '.join(self.order)}")
        for name in ("drop_order", "lengthen_order"):
            slots = getattr(self, name)
            if len(set(slots)) != len(slots):
                raise ValueError(f"{name} lists a slot twice: {', '.join(slots)}")
        for slot, replaced in self.replaces.items():
            if slot in replaced:
                raise ValueError(f"replaces: {slot} cannot replace itself")
        return self

    def replaced(self, words: dict[TitleSlot, str | None]) -> set[TitleSlot]:
        """The slots that stay empty because a replacing slot holds a word."""
        return {slot for holder, slots in self.replaces.items() if words.get(holder) for slot in slots}

    def reading_order(self) -> list[TitleSlot]:
        """The order in which a phrase listed in two tables is read: a replacing slot (a bag family)
        yields to the plainer slots it replaces ("Rose" on a dress is a motif)."""
        return sorted(self.order, key=lambda slot: slot in self.replaces)
