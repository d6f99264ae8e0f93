"""Build a data set: plan rows, make them (in one or many processes), stream them into parquet shards."""

from __future__ import annotations

import collections
import contextlib
import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from samplegen.built_folder import is_samplegen_build
from samplegen.card import SplitStats, card_text
from samplegen.ceiling_figures import CeilingTally
from samplegen.errors import ConfigError, OutputError, describe_validation_error
from samplegen.features import arrow_schema
from samplegen.heap import kept_heap
from samplegen.helpers import Helpers
from samplegen.output import staged_folder
from samplegen.plan import PlannedRow, iter_plan
from samplegen.profiles import load_profile
from samplegen.shards import SplitWriter
from samplegen.version import samplegen_version
from samplegen.work import RowFactory
from schemas import BuildConfig, Profile

DATA_FOLDER = "data"
CHUNK_ROWS = {True: 16, False: 2048}  # rows per task, with and without images
TAIL_CHUNK_ROWS = {True: 4, False: 512}  # rows per task at the end of a build with helper processes
TAIL_CHUNKS_PER_PROCESS = 4  # small tasks that end such a build, per process
ROW_GROUP_ROWS = {True: 100, False: 10_000}  # rows per parquet row group
HELPER_QUEUE = 4  # chunks queued at each helper process


def make_config(config: BuildConfig | None = None, **settings: Any) -> BuildConfig:
    """A validated config from a BuildConfig and/or keyword settings; one-line ConfigError if invalid."""
    try:
        if config is None:
            return BuildConfig(**settings)
        if not settings:
            return config
        return BuildConfig(**{**config.model_dump(), **settings})
    except ValidationError as error:
        raise ConfigError(f"invalid build setting: {describe_validation_error(error)}") from None
    except TypeError as error:
        raise ConfigError(f"invalid build setting: {error}") from None


def _chunk_sizes(n: int, size: int, tail_size: int | None = None, tail_rows: int = 0) -> Iterator[int]:
    """Rows per chunk for `n` rows: `size` while at least `tail_rows` rows would be left after the chunk,
    then `tail_size` (the build's last chunks are small, so its processes run out of work together)."""
    if size < 1 or (tail_size is not None and tail_size < 1):
        raise ValueError("chunks need at least one row")
    remaining = n
    while remaining > 0:
        take = min(remaining, size if remaining - size >= tail_rows or tail_size is None else tail_size)
        yield take
        remaining -= take


def _chunks(rows: Iterable[PlannedRow], sizes: Iterable[int]) -> Iterator[list[PlannedRow]]:
    iterator = iter(rows)
    for size in sizes:
        if not (chunk := list(islice(iterator, size))):
            return
        yield chunk


@contextlib.contextmanager
def _helpers(config: BuildConfig, profile: Profile) -> Iterator[Helpers | None]:
    """`num_proc - 1` helper processes (this process is the last one), started before any file or
    progress bar is open; None for `num_proc` 1."""
    if config.num_proc == 1:
        yield None
        return
    with Helpers(config.num_proc - 1, config, profile) as helpers:
        yield helpers


def _made_rows(config: BuildConfig, profile: Profile, helpers: Helpers | None) -> Iterator[tuple[int, dict, Any]]:
    """(split index, row, observation for the ceiling) in plan order, made in this process and by the
    helper processes.

    Chunks go to the helpers a few at a time; whenever the oldest one is not back yet, this process
    makes the next chunk itself instead of waiting, so it renders too rather than only writing. Rows
    are a function of their planned row alone, so who makes a chunk never changes the output.
    """
    chunk_rows = CHUNK_ROWS[config.with_images]
    factory = RowFactory(config, profile)
    if helpers is None:
        for chunk in _chunks(iter_plan(config, profile), _chunk_sizes(config.n, chunk_rows)):
            yield from factory.make_chunk(chunk)
        return
    tail_rows = TAIL_CHUNK_ROWS[config.with_images]
    sizes = _chunk_sizes(config.n, chunk_rows, tail_rows, TAIL_CHUNKS_PER_PROCESS * config.num_proc * tail_rows)
    chunks = _chunks(iter_plan(config, profile), sizes)
    helper_count = config.num_proc - 1
    ahead = HELPER_QUEUE * helper_count  # chunks queued at the helpers, so they never wait
    unsent = config.n  # rows not yet sent to a helper or made here
    slots: collections.deque[int | list] = collections.deque()  # plan order: a helper's ticket, or rows
    upcoming = next(chunks, None)
    while True:
        while (
            upcoming is not None
            and helpers.queued < ahead
            and _helpers_short(helpers.queued_rows, len(upcoming), unsent, helper_count)
        ):
            slots.append(helpers.submit(upcoming))
            unsent -= len(upcoming)
            upcoming = next(chunks, None)
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
        upcoming = next(chunks, None)


def _helpers_short(queued: int, chunk: int, unsent: int, helper_count: int) -> bool:
    """Whether the helpers, given a chunk of `chunk` more rows, would still hold no more than their share of
    the rows left (`queued` at the helpers and `unsent`, the chunk's included). Near the end of a build this
    keeps the last chunks here, so that this process does not sit waiting for helper rows after making its
    own last ones."""
    return (queued + chunk) * (helper_count + 1) <= helper_count * (queued + unsent)


def _progress(total: int, enabled: bool | None):
    from tqdm.auto import tqdm  # noqa: PLC0415

    show = sys.stderr.isatty() if enabled is None else enabled
    return tqdm(total=total, unit="row", disable=not show, desc="samplegen build")


def write_dataset(
    config: BuildConfig,
    out: str | os.PathLike,
    *,
    overwrite: bool = False,
    progress: bool | None = None,
) -> Path:
    """Write the Hub-ready folder (`data/*.parquet` shards + README.md card) and return its path.

    With `overwrite`, a non-empty `out` is replaced only when an earlier samplegen build made it.
    """
    if not os.fspath(out).strip():
        raise OutputError("the output folder is an empty path; give a folder name, e.g. --out out/samplegen-us")
    out = Path(out).expanduser().absolute()
    profile = load_profile(config.profile)
    split_names = list(config.splits)
    schema = arrow_schema(config.with_images, config.with_spec)
    staged = staged_folder(out, overwrite, is_samplegen_build)
    with kept_heap(), staged as staging, _helpers(config, profile) as helpers:
        data = staging / DATA_FOLDER
        data.mkdir()
        writers = [
            SplitWriter(data, name, config.shard_size, schema, ROW_GROUP_ROWS[config.with_images])
            for name in split_names
        ]
        tally = CeilingTally(split_names)
        with _progress(config.n, progress) as bar:
            for split, row, observed in _made_rows(config, profile, helpers):
                writers[split].add(row)
                tally.add(split, observed)
                bar.update(1)
        shards = [writer.close() for writer in writers]
        stats = [
            SplitStats(
                name=writer.split,
                num_examples=writer.rows_written,
                num_bytes=writer.num_bytes,
                download_size=sum(path.stat().st_size for path in paths),
            )
            for writer, paths in zip(writers, shards, strict=True)
        ]
        card = card_text(config, profile, stats, samplegen_version(), tally.result())
        (staging / "README.md").write_text(card, encoding="utf-8")
    return out


def default_cache_folder(config: BuildConfig) -> Path:
    """Where `build()` keeps a data set when no folder is given: keyed by the config and samplegen version."""
    root = Path(os.environ.get("SAMPLEGEN_CACHE", Path.home() / ".cache" / "samplegen"))
    profile = load_profile(config.profile).model_dump_json()
    key = hashlib.sha256(f"{samplegen_version()}\n{config.model_dump_json()}\n{profile}".encode()).hexdigest()[:16]
    return root / f"{config.profile.replace(os.sep, '_')}-n{config.n}-seed{config.seed}-{key}"


def build(
    config: BuildConfig | None = None,
    *,
    out: str | os.PathLike | None = None,
    overwrite: bool = False,
    progress: bool | None = None,
    **settings: Any,
):
    """Build a data set and return it as a `datasets.DatasetDict` (one entry per split).

    Settings are BuildConfig fields (`n`, `seed`, `profile`, `image_size`, `splits`, `num_proc`, ...).
    Without `out`, the folder goes to a cache keyed by the settings and reused when already complete.
    """
    import datasets  # noqa: PLC0415

    config = make_config(config, **settings)
    if out is None:
        folder = default_cache_folder(config)
        if not (folder / "README.md").is_file():
            write_dataset(config, folder, overwrite=True, progress=progress)
    else:
        folder = write_dataset(config, out, overwrite=overwrite, progress=progress)
    return datasets.load_dataset(str(folder))
