"""The price model: a log-normal around the kind's median, scaled by what the title says."""

from __future__ import annotations

import math

from samplegen.spec import ProductGroup, ProfileTables
from schemas import Leaf, Profile


def price_factor(group: ProductGroup, leaf: Leaf, tables: ProfileTables) -> float:
    """How much the noun, size, pattern, material, detail, family, beauty line and leaf move the price."""
    factor = group.noun.price_factor * leaf.price_factor
    for slot, table in (
        ("size", tables.sizes),
        ("pattern", tables.patterns),
        ("material", tables.materials),
        ("detail", tables.details),
        ("family", tables.families),
    ):
        word = group.words[slot]
        if word is not None:
            factor *= table[word].price_factor
    if group.beauty_line is not None:
        factor *= group.beauty_line.price_factor
    return factor


def snap_to_price_point(price: float, profile: Profile) -> float:
    """Round to the retail step in force at this price, then keep inside the profile's range."""
    step = max((s for s in profile.price_steps if s.from_price <= price), key=lambda s: s.from_price).step
    snapped = max(step, round(price / step) * step)
    return float(min(max(snapped, profile.price_min), profile.price_max))


def group_price(group: ProductGroup, leaf: Leaf, tables: ProfileTables) -> float:
    """The full price every variant of the group shares."""
    median = group.kind.median_price * price_factor(group, leaf, tables)
    return snap_to_price_point(median * math.exp(group.kind.price_sigma * group.price_draw), tables.profile)
