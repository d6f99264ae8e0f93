"""Where each output shard starts in the plan, so that each shard can be made on its own.

A shard holds `rows_per_shard(config)` consecutive rows of one split (decided by the settings alone),
and those rows lie scattered over the plan among the other splits' rows. One sequential pass over the
plan (product groups only, no rows made) finds, for every shard, the last checkpoint before its first
row; a checkpoint is the plan's state, taken every `CHECKPOINT_GROUPS` groups. From there `shard_rows`
replays the plan and keeps the shard's rows: exactly the rows the local build writes into that shard.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from samplegen.plan import PlannedRow, Planner, PlanState
from samplegen.shard_sizes import rows_per_shard
from schemas import BuildConfig, Profile

CHECKPOINT_GROUPS = 256  # groups between checkpoints: a shard replays at most this many groups too many


class ShardStart(NamedTuple):
    split: int  # the split's position in config.splits
    index: int  # the shard's number within its split
    checkpoint: int  # position in ShardPlan.checkpoints to resume the plan from
    first: int  # the split's row number of the shard's first row


@dataclass
class ShardPlan:
    """Every shard's start, in plan order, and the rows of each split."""

    shard_size: int
    checkpoints: list[PlanState] = field(default_factory=list)
    shards: list[ShardStart] = field(default_factory=list)
    split_rows: list[int] = field(default_factory=list)

    def shard_count(self, split: int) -> int:
        return -(-self.split_rows[split] // self.shard_size)

    def shard_rows(self, shard: ShardStart) -> int:
        return min(self.shard_size, self.split_rows[shard.split] - shard.first)


def plan_shards(config: BuildConfig, profile: Profile, every: int = CHECKPOINT_GROUPS) -> ShardPlan:
    """One pass over the plan's groups: the shards' starts and the checkpoints they resume from."""
    planner = Planner(config, profile)
    size = rows_per_shard(config)
    plan = ShardPlan(size)
    next_start = [0] * len(config.splits)
    checkpoint: PlanState | None = None
    stored = False
    while not planner.done:
        if planner.group % every == 0:
            checkpoint, stored = planner.state(), False
        split = planner.next_group().split
        while next_start[split] < planner.counts[split]:
            if not stored:
                plan.checkpoints.append(checkpoint)
                stored = True
            start = next_start[split]
            plan.shards.append(ShardStart(split, start // size, len(plan.checkpoints) - 1, start))
            next_start[split] += size
    plan.split_rows = list(planner.counts)
    return plan


def shard_rows(config: BuildConfig, profile: Profile, start: PlanState, split: int, first: int) -> Iterator[PlannedRow]:
    """The planned rows of one shard: its `rows_per_shard` rows of `split` from row `first`, resuming at `start`."""
    planner = Planner(config, profile, start)
    stop = first + rows_per_shard(config)
    counts = planner.counts
    while not planner.done and counts[split] < stop:
        before = counts[split]
        group = planner.next_group()
        if group.split != split:
            continue
        for row in group.rows():
            if first <= before + row.variant < stop:
                yield row
