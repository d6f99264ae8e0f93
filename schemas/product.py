"""The latent product description: what the generator samples first and derives everything from."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from schemas.looks import Audience, Badge, DetailLook, ItemKind, MaterialLook, PatternLook, SizeLook
from schemas.title import TitleSlot

RGB = tuple[int, int, int]


class Colour(BaseModel):
    """A named colour; `rgb` is what the renderer paints."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1)
    rgb: RGB


class ProductSpec(BaseModel):
    """One colour variant of one product, before it becomes a row and an image.

    The title words (`size`, `pattern`, `material`, `detail`, `noun`, ...) are the profile's own words;
    the `*_look` fields are the closed vocabulary the renderer draws from. A product group shares
    everything except `colour`, `variant` and, for beauty, `shade`.
    """

    model_config = ConfigDict(frozen=True)

    group: int = Field(ge=0, description="index of the product group (colour variants share it)")
    variant: int = Field(ge=0, description="colour variant index within the group")
    category1: str
    category2: str
    category3: str
    kind: ItemKind
    audience: Audience = Field(default=Audience.WOMAN, description="who the item is cut for (category1)")
    badge: Badge = Field(default=Badge.NONE, description="the collection cue of the category leaf")
    noun: str = Field(min_length=1, description="the item noun that ends the title")
    noun_shape: str | None = Field(default=None, description="the kind's drawing variant for this noun")
    size: str | None = None
    size_look: SizeLook = SizeLook.REGULAR
    pattern: str | None = None
    pattern_look: PatternLook = PatternLook.PLAIN
    material: str | None = None
    material_look: MaterialLook = MaterialLook.COTTON
    detail: str | None = None
    detail_look: DetailLook = DetailLook.NONE
    bag_family: str | None = None
    beauty_line: str | None = None
    line_shape: int = Field(default=0, ge=0, description="the kind's drawing variant for the beauty line")
    shade: str | None = None
    colour: Colour
    accent: Colour = Field(description="secondary colour: trims, hardware tint, check stripes")
    product_code: int = Field(default=0, ge=0, description="the row's 8-digit product code")
    image_guid: int = Field(default=0, ge=0, description="128 random bits behind the imageurl GUID")
    full_price: float = Field(default=0.0, ge=0, description="full price in the profile's currency")
    price: float = Field(default=0.0, ge=0, description="selling price; below full_price when discounted")
    discount: float = Field(default=0.0, ge=0, lt=1, description="markdown drawn for the product (0: none)")

    def title_words(self) -> dict[TitleSlot, str | None]:
        """The word in each title slot (None where the title has none)."""
        return {slot: getattr(self, slot.spec_field) for slot in TitleSlot}
