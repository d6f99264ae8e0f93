"""The row plan: which product group, variant, category leaf, code and split each row gets.

The plan is a cheap sequential pass (no titles, no images) so that everything expensive can be made
in any order, by any number of processes, and still land in the same rows. It is a generator, run
once, as work is handed out, so memory does not grow with `n`. Its whole state between two product
groups is small (`PlanState`: the random stream, the split counts, the code book), so a plan can be
resumed from any group boundary: that is how each task of a distributed build plans its own shard.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate
from typing import NamedTuple

from samplegen.codes import MAX_VARIANTS, CodeBook, check_code_space
from samplegen.errors import ConfigError
from samplegen.sampling import stream, uniform_index, weighted_index
from schemas import BuildConfig, Profile

__all__ = ["MAX_VARIANTS", "PlanState", "PlannedGroup", "PlannedRow", "Planner", "iter_plan"]


class PlannedRow(NamedTuple):
    index: int
    group: int
    variant: int
    variants: int
    leaf: int
    kind: int
    product_code: int
    split: int


class PlannedGroup(NamedTuple):
    index: int  # the plan index of its first row
    group: int
    variants: int
    leaf: int
    kind: int
    first_code: int
    split: int

    def rows(self) -> Iterator[PlannedRow]:
        for variant in range(self.variants):
            yield PlannedRow(
                self.index + variant,
                self.group,
                variant,
                self.variants,
                self.leaf,
                self.kind,
                self.first_code + 10 * variant,
                self.split,
            )


class PlanState(NamedTuple):
    """Everything the plan carries from one product group to the next: a checkpoint to resume from."""

    index: int  # rows planned so far
    group: int  # groups planned so far
    counts: tuple[int, ...]  # rows per split so far
    random: tuple  # the plan stream's `getstate()`
    codes: tuple[tuple[int, int], ...]  # the code book's state


def _split_for(counts: list[int], shares: list[float], rows: int) -> int:
    """An empty split first (largest share first), else the split furthest below its share (the first
    of equals)."""
    total = sum(counts) + rows
    if 0 in counts:
        deficits = [(count == 0, share * total - count) for share, count in zip(shares, counts, strict=True)]
        return max(range(len(shares)), key=deficits.__getitem__)
    best, most = 0, shares[0] * total - counts[0]
    for split in range(1, len(shares)):
        deficit = shares[split] * total - counts[split]
        if deficit > most:
            best, most = split, deficit
    return best


class Planner:
    """Plans product groups one at a time, from the start or from a `PlanState`."""

    def __init__(self, config: BuildConfig, profile: Profile, start: PlanState | None = None) -> None:
        if config.n < len(config.splits):
            raise ConfigError(f"n is {config.n} but there are {len(config.splits)} splits; n must be at least that")
        check_code_space(config, profile)
        self.n = config.n
        self._leaves = profile.leaves
        self._leaf_weights = list(accumulate(leaf.weight for leaf in self._leaves))
        kind_index = {spec.kind: i for i, spec in enumerate(profile.kinds)}
        self._leaf_kinds = [[kind_index[kind] for kind in leaf.kinds] for leaf in self._leaves]
        self._variant_weights = [list(accumulate(spec.variant_weights[:MAX_VARIANTS])) for spec in profile.kinds]
        self._shares = list(config.splits.values())
        self._random = stream(config.seed, "plan")
        if start is None:
            self.index = self.group = 0
            self.counts = [0] * len(self._shares)
            self._codes = CodeBook(config.seed, profile)
        else:
            self.index, self.group = start.index, start.group
            self.counts = list(start.counts)
            self._random.setstate(start.random)
            self._codes = CodeBook(config.seed, profile, start.codes)
        self._block = self._codes.block

    @property
    def done(self) -> bool:
        return self.index >= self.n

    def state(self) -> PlanState:
        """A checkpoint: a Planner made from it plans the same groups as this one from here on."""
        return PlanState(self.index, self.group, tuple(self.counts), self._random.getstate(), self._codes.state)

    def next_group(self) -> PlannedGroup:
        """Plan the next product group (call only while not `done`)."""
        rng = self._random
        leaf = weighted_index(rng, self._leaf_weights)
        kinds = self._leaf_kinds[leaf]
        kind = kinds[uniform_index(rng, len(kinds))]
        weights = self._variant_weights[kind]
        counts = self.counts
        empty_after_this = max(0, counts.count(0) - 1)  # leave a row for every split still empty
        variants = min(1 + weighted_index(rng, weights), self.n - self.index - empty_after_this)
        split = _split_for(counts, self._shares, variants)
        counts[split] += variants
        planned = PlannedGroup(self.index, self.group, variants, leaf, kind, self._block(kind), split)
        self.index += variants
        self.group += 1
        return planned


def iter_plan(config: BuildConfig, profile: Profile, start: PlanState | None = None) -> Iterator[PlannedRow]:
    """Yield the `config.n` planned rows in order (from `start` on, when given)."""
    planner = Planner(config, profile, start)
    next_group = planner.next_group
    while not planner.done:
        index, group, variants, leaf, kind, first_code, split = next_group()
        for variant in range(variants):
            yield PlannedRow(index + variant, group, variant, variants, leaf, kind, first_code + 10 * variant, split)
