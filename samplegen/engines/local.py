"""The local engine: plan rows, make them in this process and `num_proc - 1` helper processes, and stream
them into parquet shards in plan order."""

from __future__ import annotations

import collections
import contextlib
from collections.abc import Iterator
from pathlib import Path

from samplegen.card import SplitStats
from samplegen.engines.chunks import chunk_sizes, chunks, helpers_below_share
from samplegen.helpers import Helpers
from samplegen.plan import iter_plan
from samplegen.progress import progress_bar
from samplegen.shard_sizes import rows_per_shard
from samplegen.shards import ROW_GROUP_ROWS, SplitWriter
from samplegen.work import CHUNK_ROWS, RowFactory
from schemas import BuildConfig, Profile

TAIL_CHUNK_ROWS = {True: 4, False: 512}  # rows per task at the end of a build with helper processes
TAIL_CHUNKS_PER_PROCESS = 4  # small tasks that end such a build, per process
HELPER_QUEUE = 4  # chunks queued at each helper process


@contextlib.contextmanager
def _helpers(config: BuildConfig, profile: Profile) -> Iterator[Helpers | None]:
    """`num_proc - 1` helper processes (this process is the last one), started before any file or
    progress bar is open; None for `num_proc` 1."""
    if config.num_proc == 1:
        yield None
        return
    with Helpers(config.num_proc - 1, config, profile) as helpers:
        yield helpers


def _made_rows(config: BuildConfig, profile: Profile, helpers: Helpers | None) -> Iterator[tuple[int, dict]]:
    """(split index, row) in plan order, made in this process and by the helper processes.

    Chunks go to the helpers a few at a time; whenever the oldest one is not back yet, this process
    makes the next chunk itself instead of waiting, so it renders too rather than only writing. Rows
    are a function of their planned row alone, so who makes a chunk never changes the output.
    """
    chunk_rows = CHUNK_ROWS[config.with_images]
    factory = RowFactory(config, profile)
    if helpers is None:
        for chunk in chunks(iter_plan(config, profile), chunk_sizes(config.n, chunk_rows)):
            yield from factory.make_chunk(chunk)
        return
    tail_rows = TAIL_CHUNK_ROWS[config.with_images]
    sizes = chunk_sizes(config.n, chunk_rows, tail_rows, TAIL_CHUNKS_PER_PROCESS * config.num_proc * tail_rows)
    planned = chunks(iter_plan(config, profile), sizes)
    helper_count = config.num_proc - 1
    ahead = HELPER_QUEUE * helper_count  # chunks queued at the helpers, so they never wait
    unsent = config.n  # rows not yet sent to a helper or made here
    slots: collections.deque[int | list] = collections.deque()  # plan order: a helper's ticket, or rows
    upcoming = next(planned, None)
    while True:
        while (
            upcoming is not None
            and helpers.queued < ahead
            and helpers_below_share(helpers.queued_rows, len(upcoming), unsent, helper_count)
        ):
            slots.append(helpers.submit(upcoming))
            unsent -= len(upcoming)
            upcoming = next(planned, None)
        if upcoming is None:
            helpers.finish_idle()  # those with nothing left to make exit while this process finishes
        if slots and (
            isinstance(slots[0], list) or upcoming is None or len(slots) >= 3 * ahead or helpers.ready(slots[0])
        ):
            head = slots.popleft()
            yield from head if isinstance(head, list) else helpers.receive(head)
            continue
        if upcoming is None:
            return
        # the oldest chunk is still being made: make the next one here
        slots.append(factory.make_chunk(upcoming))  # at most 3 * ahead chunks held: memory stays flat
        unsent -= len(upcoming)
        upcoming = next(planned, None)


def write_shards(config: BuildConfig, profile: Profile, data: Path, schema, progress: bool | None) -> list[SplitStats]:
    """Write every split's shards into the folder `data`; returns the splits' statistics for the card."""
    with _helpers(config, profile) as helpers:
        writers = [
            SplitWriter(data, name, rows_per_shard(config), schema, ROW_GROUP_ROWS[config.with_images])
            for name in config.splits
        ]
        with progress_bar(config.n, unit="row", desc="samplegen build", enabled=progress) as bar:
            for split, row in _made_rows(config, profile, helpers):
                writers[split].add(row)
                bar.update(1)
        shards = [writer.close() for writer in writers]
    return [
        SplitStats(
            name=writer.split,
            num_examples=writer.rows_written,
            num_bytes=writer.num_bytes,
            download_size=sum(path.stat().st_size for path in paths),
        )
        for writer, paths in zip(writers, shards, strict=True)
    ]
