"""EUR conversion as the DBQ files do it: local price / rate, truncated (not rounded) to cents."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

# Rates implied by the DBQ files of 2023-11-17 (local currency units per euro).
EUR_RATES: dict[str, Decimal] = {
    "EUR": Decimal("1"),
    "USD": Decimal("1.084"),
    "CNY": Decimal("7.866"),
    "JPY": Decimal("164.07"),
    "SGD": Decimal("1.463"),
    "AED": Decimal("3.981"),
}


@lru_cache(maxsize=64)
def _ratio(rate: Decimal | str | float) -> tuple[int, int]:
    return Decimal(str(rate)).as_integer_ratio()


def to_eur(local_price: float, rate: Decimal | str | float) -> float:
    """Convert a local price to EUR the DBQ way: exact division, truncated to two decimals.

    Exact rational arithmetic (no binary rounding): 820 / 1.084 = 756.457... -> 756.45.
    """
    rate_num, rate_den = _ratio(rate)
    price_num, price_den = local_price.as_integer_ratio()  # exact for floats and ints
    cents = (price_num * 100 * rate_den) // (price_den * rate_num)
    return cents / 100
