"""Fit a profile's prices from real rows: kind, leaf and noun factors, the hidden noise, the discounts."""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass

import pandas as pd

from samplegen.fit_tables import DISCOUNT_STEP, LEAF_SHRINK, NOUN_SHRINK

VARIANT_CODE_GAP = 10  # colour variants of one product have codes 10 apart
MAD_TO_SD = 1.4826  # median absolute deviation to standard deviation, for normal data


def product_ids(frame: pd.DataFrame) -> list[int]:
    """A product number per row: rows of one title whose codes run 10 apart are one product's colour
    variants (a product's price is one observation, however many colours it has)."""
    order = sorted(range(len(frame)), key=lambda i: (frame["title"].iloc[i], int(frame["product_code"].iloc[i])))
    ids = [0] * len(frame)
    product = -1
    previous: tuple[str, int] | None = None
    for i in order:
        title, code = frame["title"].iloc[i], int(frame["product_code"].iloc[i])
        if previous is None or previous[0] != title or code - previous[1] != VARIANT_CODE_GAP:
            product += 1
        ids[i] = product
        previous = (title, code)
    return ids


def _pooled_sd(values: list[float], groups: list, products: list[int]) -> float | None:
    """A robust pooled standard deviation of `values` around their group means, one value per product
    (the mean of its rows): 1.4826 x the median absolute deviation, each corrected for its group's
    size, so a few products the factors explain badly do not set the spread of all. None when no group
    holds two products."""
    by_product: dict[int, list[float]] = defaultdict(list)
    group_of: dict[int, object] = {}
    for value, group, product in zip(values, groups, products, strict=True):
        by_product[product].append(value)
        group_of[product] = group
    by_group: dict[object, list[float]] = defaultdict(list)
    for product, rows in by_product.items():
        by_group[group_of[product]].append(sum(rows) / len(rows))
    deviations = []
    for means in by_group.values():
        if len(means) > 1:
            centre = sum(means) / len(means)
            deviations += [abs(value - centre) * math.sqrt(len(means) / (len(means) - 1)) for value in means]
    return round(MAD_TO_SD * statistics.median(deviations), 4) if deviations else None


def price_noise_fit(frame: pd.DataFrame) -> float | None:
    """The spread of log full price among products that share a title and a category leaf (everything
    an image shows); None when no title of a leaf is shared by two products."""
    columns = ("title", "category1_code", "category2_code", "category3_code")
    groups = list(zip(*(frame[column] for column in columns), strict=True))
    logs = [math.log(price) for price in frame["full_price"]]
    return _pooled_sd(logs, groups, product_ids(frame))


def discount_fit(frame: pd.DataFrame) -> tuple[float, list[dict]]:
    """(share of rows sold below full price, markdowns with their counts) from rows with flg_discount 1
    and price below full_price; markdowns are rounded to DISCOUNT_STEP."""
    discounted = frame[(frame["flg_discount"] == 1) & (frame["price"] < frame["full_price"])]
    if discounted.empty:
        return 0.0, []
    steps = Counter(
        min(max(round((1 - price / full) / DISCOUNT_STEP), 1), round(1 / DISCOUNT_STEP) - 1)
        for price, full in zip(discounted["price"], discounted["full_price"], strict=True)
    )
    depths = [{"off": round(step * DISCOUNT_STEP, 4), "weight": count} for step, count in sorted(steps.items())]
    return round(len(discounted) / len(frame), 4), depths


@dataclass(frozen=True)
class PriceFactors:
    """Log price factors fitted from rows: per kind (its median), per leaf, per (kind, noun); and the
    spread of log price they leave unexplained (None when no kind has two rows)."""

    kind_log_median: dict
    leaf_log_factor: dict
    noun_log_factor: dict
    residual_sd: float | None


def fit_price_factors(
    logs: list[float], kinds: list, leaves: list[tuple], nouns: list[str | None], products: list[int]
) -> PriceFactors:
    """Fit in turn, each on what the previous left: the kind's mean log price, the leaf's factor, then the
    noun's factor; `logs` are log full prices with the title words' factors already taken out. Leaf and
    noun factors are shrunk toward 1 (LEAF_SHRINK, NOUN_SHRINK) since a file holds few rows of each.
    The unexplained spread counts products (`products`: a number per row), not colour variants."""
    by_kind: dict = defaultdict(list)
    for index, kind in enumerate(kinds):
        by_kind[kind].append(index)
    kind_log_median = {kind: sum(logs[i] for i in rows) / len(rows) for kind, rows in by_kind.items()}
    left = [value - kind_log_median[kind] for value, kind in zip(logs, kinds, strict=True)]
    leaf_log_factor = _shrunk_means(left, leaves, LEAF_SHRINK)
    left = [value - leaf_log_factor[leaf] for value, leaf in zip(left, leaves, strict=True)]
    noun_log_factor = _shrunk_means(left, list(zip(kinds, nouns, strict=True)), NOUN_SHRINK)
    left = [value - noun_log_factor[kind, noun] for value, kind, noun in zip(left, kinds, nouns, strict=True)]
    return PriceFactors(kind_log_median, leaf_log_factor, noun_log_factor, _pooled_sd(left, kinds, products))


def _shrunk_means(values: list[float], keys: list, shrink: float) -> dict:
    sums: dict = defaultdict(float)
    counts: Counter = Counter(keys)
    for value, key in zip(values, keys, strict=True):
        sums[key] += value
    return {key: sums[key] / (counts[key] + shrink) for key in counts}
