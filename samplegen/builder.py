"""Build a data set: plan rows, make them (in one or many processes), stream them into parquet shards."""

from __future__ import annotations

import collections
import contextlib
import hashlib
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from importlib.metadata import PackageNotFoundError, version
from itertools import islice
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from samplegen.card import SplitStats, card_text
from samplegen.errors import ConfigError, describe_validation_error
from samplegen.features import arrow_schema
from samplegen.output import staged_folder
from samplegen.plan import PlannedRow, iter_plan, split_sizes
from samplegen.profiles import load_profile
from samplegen.shards import SplitWriter
from samplegen.work import RowFactory, init_worker, make_chunk_in_worker
from schemas import BuildConfig, Profile

DATA_FOLDER = "data"
CHUNK_ROWS = {True: 16, False: 2048}  # rows per task, with and without images
ROW_GROUP_ROWS = {True: 100, False: 10_000}  # rows per parquet row group


def samplegen_version() -> str:
    try:
        return version("samplegen")
    except PackageNotFoundError:
        return "0+unknown"


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


def _start_method() -> str:
    """fork where the platform has it (fast start, no `if __name__ == "__main__"` needed), else spawn."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() and sys.platform == "linux" else "spawn"


@contextlib.contextmanager
def _workers(config: BuildConfig, profile: Profile) -> Iterator[Any]:
    """A process pool for `num_proc` > 1, started before any file or progress bar is open; else None."""
    if config.num_proc == 1:
        yield None
        return
    context = multiprocessing.get_context(_start_method())
    with context.Pool(config.num_proc, initializer=init_worker, initargs=(config, profile)) as pool:
        yield pool


def _made_rows(config: BuildConfig, profile: Profile, pool: Any) -> Iterator[tuple[int, dict]]:
    """(split index, row) in plan order, made in this process or by the pool's worker processes."""
    chunks = _chunks(iter_plan(config, profile), CHUNK_ROWS[config.with_images])
    if pool is None:
        factory = RowFactory(config, profile)
        for chunk in chunks:
            yield from factory.make_chunk(chunk)
        return
    pending: collections.deque = collections.deque()
    limit = 4 * config.num_proc  # bounded work in flight: memory stays flat whatever n is
    for chunk in chunks:
        pending.append(pool.apply_async(make_chunk_in_worker, (chunk,)))
        if len(pending) >= limit:
            yield from pending.popleft().get()
    while pending:
        yield from pending.popleft().get()


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
    sizes = split_sizes(config, profile)
    split_names = list(config.splits)
    schema = arrow_schema(config.with_images)
    with staged_folder(out, overwrite) as staging, _workers(config, profile) as pool:
        data = staging / DATA_FOLDER
        data.mkdir()
        writers = [
            SplitWriter(data, name, sizes[name], config.shard_size, schema, ROW_GROUP_ROWS[config.with_images])
            for name in split_names
        ]
        with _progress(config.n, progress) as bar:
            for split, row in _made_rows(config, profile, pool):
                writers[split].add(row)
                bar.update(1)
        for writer in writers:
            writer.close()
        stats = [
            SplitStats(
                name=writer.split,
                num_examples=writer.rows_written,
                num_bytes=writer.num_bytes,
                download_size=sum(path.stat().st_size for path in data.glob(f"{writer.split}-*.parquet")),
            )
            for writer in writers
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
