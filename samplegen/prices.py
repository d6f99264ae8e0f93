"""The price model: the kind's base price times factors the image shows, one hidden noise term, the grid.

full price = kind median x noun x title words (size, pattern, material, detail, family) x beauty line
x shade (a fragrance's bottle size) x leaf (audience, runway, ...) x exp(price_noise x N(0, 1)),
snapped to the profile's retail steps. Beauty has no noise term: a line and shade are one product however
often they are listed. A discounted product sells at its full price less the markdown, snapped to the
same steps.
"""

from __future__ import annotations

import bisect
import math

from schemas import Leaf, Profile, TitleSlot
from schemas.profile import BeautyLine, KindSpec, NounWord


def price_factor(
    noun: NounWord,
    words: dict[TitleSlot, str | None],
    line: BeautyLine | None,
    leaf: Leaf,
    factors: dict[TitleSlot, dict[str, float]],
) -> float:
    """How much the noun, the title words (`factors`: each slot's word -> factor), the beauty line and the
    leaf move the price."""
    factor = noun.price_factor * leaf.price_factor
    for slot, word in words.items():
        if word is not None:
            factor *= factors[slot][word]
    if line is not None:
        factor *= line.price_factor
    return factor


def unsnapped_price(kind: KindSpec, factor: float, noise: float, draw: float) -> float:
    """The price before the retail grid: `draw` is the product's standard normal noise draw."""
    return kind.median_price * factor * math.exp(noise * draw)


class PriceGrid:
    """A profile's retail steps and price range, indexed once for fast snapping (`bisect` on the steps'
    starts instead of a scan per price). The same arithmetic as scanning, so the same prices."""

    def __init__(self, profile: Profile) -> None:
        first: dict[float, float] = {}  # from_price -> step, the first listed of equal starts (as max() picks)
        for step in profile.price_steps:
            first.setdefault(step.from_price, step.step)
        self._starts = sorted(first)
        self._steps = [first[start] for start in self._starts]
        self.price_min = profile.price_min
        self.price_max = profile.price_max

    def step_at(self, price: float) -> float:
        """The retail step in force at `price`: that of the highest start at or below it."""
        position = bisect.bisect_right(self._starts, price) - 1
        if position < 0:
            raise ValueError(f"no price step starts at or below {price}")
        return self._steps[position]

    def on_grid(self, price: float) -> float:
        step = self.step_at(price)
        return float(max(step, round(price / step) * step))

    def snap(self, price: float) -> float:
        """Round to the retail step in force at this price, then keep inside the profile's range."""
        return float(min(max(self.on_grid(price), self.price_min), self.price_max))

    def marked_down(self, full_price: float, off: float) -> float:
        """The selling price after taking `off` (a share) from `full_price`: on the price grid (a markdown
        may go below the range full prices keep to) and below the full price; the full price itself when no
        grid point lies below it."""
        if off <= 0:
            return full_price
        price = self.on_grid(full_price * (1 - off))
        if price >= full_price:
            step = self.step_at(full_price - 1e-9)
            price = float(math.ceil(full_price / step) * step - step)
        return price if 0 < price < full_price else full_price


def snap_to_price_point(price: float, profile: Profile) -> float:
    """Round to the retail step in force at this price, then keep inside the profile's range."""
    return PriceGrid(profile).snap(price)


def marked_down(full_price: float, off: float, profile: Profile) -> float:
    """`PriceGrid.marked_down` with `profile`'s grid (make one PriceGrid to price many rows)."""
    return PriceGrid(profile).marked_down(full_price, off)
