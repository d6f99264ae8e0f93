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

from samplegen.card import SplitStats, card_text
from samplegen.errors import ConfigError, describe_validation_error
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


def _chunks(rows: Iterable[PlannedRow], size: int) -> Iterator[list[PlannedRow]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
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


def _made_rows(config: BuildConfig, profile: Profile, helpers: Helpers | None) -> Iterator[tuple[int, dict]]:
    """(split index, row) in plan order, made in this process and by the helper processes.

    Chunks go to the helpers a few at a time; whenever the oldest one is not back yet, this process
    makes the next chunk itself instead of waiting, so it renders too rather than only writing. Rows
    are a function of their planned row alone, so who makes a chunk never changes the output.
    """
    chunk_rows = CHUNK_ROWS[config.with_images]
    chunks = _chunks(iter_plan(config, profile), chunk_rows)
    factory = RowFactory(config, profile)
    if helpers is None:
        for chunk in chunks:
            yield from factory.make_chunk(chunk)
        return
    helper_count = config.num_proc - 1
    ahead = HELPER_QUEUE * helper_count  # chunks queued at the helpers, so they never wait
    unsent = -(-config.n // chunk_rows)  # chunks not yet taken from the plan
    slots: collections.deque[int | list] = collections.deque()  # plan order: a helper's ticket, or rows
    exhausted = False
    while True:
        while not exhausted and helpers.queued < ahead and _helpers_short(helpers.queued, unsent, helper_count):
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
            else:
                unsent -= 1
                slots.append(helpers.submit(chunk))
        if slots and (
            isinstance(slots[0], list) or exhausted or len(slots) >= 3 * ahead or helpers.ready(slots[0])
        ):
            head = slots.popleft()
            yield from head if isinstance(head, list) else helpers.receive(head)
            continue
        chunk = next(chunks, None)  # the oldest chunk is still being made: make a newer one here
        if chunk is None:
            exhausted = True
            if not slots:
                return
        else:
            unsent -= 1
            slots.append(factory.make_chunk(chunk))  # at most 3 * ahead chunks held: memory stays flat


def _helpers_short(queued: int, unsent: int, helper_count: int) -> bool:
    """Whether the helpers, given one more chunk, would still hold no more than their share of the chunks
    left (theirs queued and those not yet sent). Near the end of a build this keeps the last chunks here,
    so that this process does not sit waiting for a queue of helper chunks after making its own last one."""
    return (queued + 1) * (helper_count + 1) <= helper_count * (queued + unsent)


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
    """Write the Hub-ready folder (`data/*.parquet` shards + README.md card) and return its path."""
    out = Path(out).expanduser().absolute()
    profile = load_profile(config.profile)
    split_names = list(config.splits)
    schema = arrow_schema(config.with_images)
    with kept_heap(), staged_folder(out, overwrite) as staging, _helpers(config, profile) as helpers:
        data = staging / DATA_FOLDER
        data.mkdir()
        writers = [
            SplitWriter(data, name, config.shard_size, schema, ROW_GROUP_ROWS[config.with_images])
            for name in split_names
        ]
        with _progress(config.n, progress) as bar:
            for split, row in _made_rows(config, profile, helpers):
                writers[split].add(row)
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
        (staging / "README.md").write_text(card_text(config, profile, stats, samplegen_version()), encoding="utf-8")
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
