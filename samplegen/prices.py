"""The price model: the kind's base price times factors the image shows, one hidden noise term, the grid.

full price = kind median x noun x title words (size, pattern, material, detail, family) x beauty line
x shade (a fragrance's bottle size) x leaf (audience, runway, ...) x exp(price_noise x N(0, 1)),
snapped to the profile's retail steps. Beauty has no noise term: a line and shade are one product however
often they are listed. A discounted product sells at its full price less the markdown, snapped to the
same steps.
"""

from __future__ import annotations

import math

from schemas import Leaf, Profile, TitleSlot
from schemas.profile import BeautyLine, KindSpec, NounWord


def price_factor(
    kind: KindSpec,
    noun: NounWord,
    words: dict[TitleSlot, str | None],
    line: BeautyLine | None,
    leaf: Leaf,
    word_tables: dict[TitleSlot, dict],
) -> float:
    """How much the noun, the title words, the beauty line and the leaf move the price."""
    factor = noun.price_factor * leaf.price_factor
    for slot, word in words.items():
        if word is not None:
            factor *= word_tables[slot][word].price_factor
    if line is not None:
        factor *= line.price_factor
    return factor


def unsnapped_price(kind: KindSpec, factor: float, noise: float, draw: float) -> float:
    """The price before the retail grid: `draw` is the product's standard normal noise draw."""
    return kind.median_price * factor * math.exp(noise * draw)


def snap_to_price_point(price: float, profile: Profile) -> float:
    """Round to the retail step in force at this price, then keep inside the profile's range."""
    return float(min(max(_on_grid(price, profile), profile.price_min), profile.price_max))


def marked_down(full_price: float, off: float, profile: Profile) -> float:
    """The selling price after taking `off` (a share) from `full_price`: on the price grid (a markdown may
    go below the range full prices keep to) and below the full price; the full price itself when no grid
    point lies below it."""
    if off <= 0:
        return full_price
    price = _on_grid(full_price * (1 - off), profile)
    if price >= full_price:
        step = _step_at(full_price - 1e-9, profile)
        price = float(math.ceil(full_price / step) * step - step)
    return price if 0 < price < full_price else full_price


def _on_grid(price: float, profile: Profile) -> float:
    step = _step_at(price, profile)
    return float(max(step, round(price / step) * step))


def _step_at(price: float, profile: Profile) -> float:
    return max((s for s in profile.price_steps if s.from_price <= price), key=lambda s: s.from_price).step
