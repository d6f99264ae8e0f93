"""The row plan: which product group, variant, category leaf, code and split each row gets.

The plan is a cheap sequential pass (no titles, no images) so that everything expensive can be made
in any order, by any number of processes, and still land in the same rows. It is a generator, run
once, as work is handed out, so memory does not grow with `n`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from itertools import accumulate
from typing import NamedTuple

from samplegen.errors import ConfigError
from samplegen.sampling import stream
from schemas import BuildConfig, Profile

MAX_VARIANTS = 4  # colour variants per product; product codes of a group are 10 apart
BLOCK = 10 * MAX_VARIANTS  # code units reserved per product group
BAND = 1_000_000  # codes sharing their first two digits
BAND_LIMIT = {80: 900_000}  # the real US codes stop at 80.9M
_STRIDE = 7919  # a prime: block b of a band goes to position (b * _STRIDE + offset) mod blocks


class PlannedRow(NamedTuple):
    index: int
    group: int
    variant: int
    variants: int
    leaf: int
    kind: int
    product_code: int
    split: int


class _CodeBook:
    """Hands each product group a block of codes in its kind's band, scattered but never reused."""

    def __init__(self, seed: int) -> None:
        self._used: dict[int, int] = {}
        self._offset = stream(seed, "codes").randrange(1 << 30)

    def block(self, prefix: int) -> int:
        band = prefix
        while True:
            blocks = BAND_LIMIT.get(band, BAND) // BLOCK
            used = self._used.get(band, 0)
            if used < blocks:
                self._used[band] = used + 1
                position = (used * _STRIDE + self._offset) % blocks
                return band * BAND + position * BLOCK + 1
            band -= 1
            if band < 10:
                raise ConfigError(f"ran out of 8-digit product codes below prefix {prefix}; lower --n")


def _split_for(counts: list[int], shares: list[float], rows: int) -> int:
    """An empty split first (largest share first), else the split furthest below its share."""
    total = sum(counts) + rows
    deficits = [
        (count == 0, share * total - count) for share, count in zip(shares, counts, strict=True)
    ]
    return max(range(len(shares)), key=deficits.__getitem__)


def iter_plan(config: BuildConfig, profile: Profile) -> Iterator[PlannedRow]:
    """Yield the `config.n` planned rows in order."""
    if config.n < len(config.splits):
        raise ConfigError(f"n is {config.n} but there are {len(config.splits)} splits; n must be at least that")
    rng = stream(config.seed, "plan")
    leaves = profile.leaves
    leaf_weights = list(accumulate(leaf.weight for leaf in leaves))
    kind_index = {spec.kind: i for i, spec in enumerate(profile.kinds)}
    variant_weights = [list(accumulate(spec.variant_weights[:MAX_VARIANTS])) for spec in profile.kinds]
    shares = list(config.splits.values())
    counts = [0] * len(shares)
    codes = _CodeBook(config.seed)
    index = group = 0
    while index < config.n:
        leaf = bisect.bisect(leaf_weights, rng.random() * leaf_weights[-1])
        kinds = leaves[leaf].kinds
        kind = kind_index[kinds[int(rng.random() * len(kinds))]]
        spec = profile.kinds[kind]
        weights = variant_weights[kind]
        empty_after_this = max(0, counts.count(0) - 1)  # leave a row for every split still empty
        variants = min(1 + bisect.bisect(weights, rng.random() * weights[-1]), config.n - index - empty_after_this)
        split = _split_for(counts, shares, variants)
        counts[split] += variants
        first_code = codes.block(spec.code_prefix)
        for variant in range(variants):
            yield PlannedRow(index, group, variant, variants, leaf, kind, first_code + 10 * variant, split)
            index += 1
        group += 1

