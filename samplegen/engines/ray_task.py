"""One Ray task: write one output shard, exactly as the local build writes it.

Runs on a Ray worker, so it imports neither Ray nor `datasets`: the driver sends the parquet schema.
The task replays the plan from the shard's checkpoint, makes its rows with the project's RowFactory,
writes them with the project's ShardFile under an attempt-unique temporary name and renames that into
`data/<split>-XXXXX-of-YYYYY.parquet`. A retried task writes the same bytes under the same name.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass
from itertools import islice
from typing import Any, NamedTuple

from samplegen.errors import BuildError
from samplegen.heap import kept_heap
from samplegen.plan import PlanState
from samplegen.shard_plan import ShardStart, shard_rows
from samplegen.shard_sizes import rows_per_shard
from samplegen.shards import ROW_GROUP_ROWS, ShardFile, shard_name
from samplegen.work import CHUNK_ROWS, RowFactory
from schemas import BuildConfig, Profile

DIE_ONCE_VARIABLE = "SAMPLEGEN_TEST_DIE_ONCE"  # tests: a file whose owner task exits once, as if killed
TEMP_SUFFIX = ".partial"


@dataclass(frozen=True)
class BuildSetup:
    """What every task of one build shares (sent to the cluster once)."""

    build_id: str
    config: BuildConfig
    profile: Profile
    schema: Any  # pyarrow.Schema
    data_url: str  # the folder the shards go to: a local path or an fsspec URL
    split_names: tuple[str, ...]
    shard_counts: tuple[int, ...]
    versions: dict[str, str]


class ShardResult(NamedTuple):
    split: int
    index: int
    rows: int
    num_bytes: int
    size: int


def library_versions() -> dict[str, str]:
    """The versions that decide a shard's bytes: samplegen's own and the libraries that draw and write it."""
    import numpy  # noqa: PLC0415
    import PIL  # noqa: PLC0415
    import pyarrow  # noqa: PLC0415

    from samplegen.version import samplegen_version  # noqa: PLC0415

    return {
        "samplegen": samplegen_version(),
        "Pillow": PIL.__version__,
        "numpy": numpy.__version__,
        "pyarrow": pyarrow.__version__,
    }


def check_versions(expected: dict[str, str]) -> None:
    """BuildError naming the first library whose version here differs from the driver's."""
    here = library_versions()
    for name, version in expected.items():
        if here.get(name) != version:
            raise BuildError(
                f"a Ray worker on {_host()} has {name} {here.get(name)} but this machine has {version}; "
                "different versions give different bytes: install the same samplegen, Pillow, numpy and "
                "pyarrow on every node"
            )


def _host() -> str:
    return os.uname().nodename if hasattr(os, "uname") else "another node"


def _die_once_when_asked() -> None:
    """For tests of task retries: exit at once, like a killed worker, when the marker file can be claimed."""
    marker = os.environ.get(DIE_ONCE_VARIABLE)
    if not marker:
        return
    try:
        os.rename(marker, f"{marker}.claimed")  # atomic: one task claims it, once
    except OSError:
        return
    os._exit(1)


_factories: dict[str, RowFactory] = {}


def _factory(setup: BuildSetup) -> RowFactory:
    """The worker's RowFactory for this build (made once per worker process and build)."""
    if setup.build_id not in _factories:
        _factories.clear()
        _factories[setup.build_id] = RowFactory(setup.config, setup.profile)
    return _factories[setup.build_id]


def write_shard(setup: BuildSetup, shard: ShardStart, start: PlanState) -> ShardResult:
    """Write one shard and return what the card needs to know about it."""
    check_versions(setup.versions)
    _die_once_when_asked()
    from fsspec.core import url_to_fs  # noqa: PLC0415

    config = setup.config
    fs, folder = url_to_fs(setup.data_url)
    final = f"{folder}/{shard_name(setup.split_names[shard.split], shard.index, setup.shard_counts[shard.split])}"
    temp = f"{final}.{secrets.token_hex(8)}{TEMP_SUFFIX}"  # this attempt's own name
    rows = shard_rows(config, setup.profile, start, shard.split, shard.first)
    row_group = min(ROW_GROUP_ROWS[config.with_images], rows_per_shard(config))
    try:
        with kept_heap(), fs.open(temp, "wb") as sink:
            writer = ShardFile(sink, setup.schema, row_group)
            factory = _factory(setup)
            while chunk := list(islice(rows, CHUNK_ROWS[config.with_images])):
                for _, row in factory.make_chunk(chunk):
                    writer.add(row)
            writer.close()
        fs.mv(temp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            fs.rm(temp)
        raise
    return ShardResult(shard.split, shard.index, writer.rows_written, writer.num_bytes, fs.size(final))
