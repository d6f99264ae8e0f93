"""`samplegen.ceiling(DIR)`: the learnability ceiling of a built folder, made again without its images.

The folder's card records the build's settings and a digest of its profile; the plan and the specs are
made again from them (no pixels), the rows checked against the folder's shards, and the oracle fitted on
the train split and scored on the test split, exactly as the build did for its card.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from samplegen.build_record import BuildRecord, profile_digest, read_record
from samplegen.ceiling_figures import CEILING_ROWS, TEST_SPLIT, TRAIN_SPLIT, Ceiling, CeilingTally
from samplegen.dbq import check_parquet_files
from samplegen.errors import CeilingError, NotABuildError, ProfileError
from samplegen.oracle import Observation, observe
from samplegen.plan import iter_plan
from samplegen.profiles import load_profile
from samplegen.rows import row_of
from samplegen.spec import ProfileTables, SpecMaker
from samplegen.titles import TitleWriter
from samplegen.version import samplegen_version
from schemas import BuildConfig, Profile

CHECKED = ("product_code", "title", "full_price", "category3_code")  # compared with the folder's rows


def ceiling(folder: str | os.PathLike, *, profile: str | os.PathLike | None = None) -> Ceiling:
    """The learnability ceiling of a folder `samplegen build` wrote.

    `profile` replaces the recorded profile (a name or JSON path) when the one the build used cannot be
    found from here; it must be the same profile (its digest is checked).
    """
    source = Path(folder)
    record = read_record(source)
    splits = list(record.config.splits)
    missing = [name for name in (TRAIN_SPLIT, TEST_SPLIT) if name not in splits]
    if missing:
        raise CeilingError(
            f"{source} has no {' and no '.join(missing)} split (it has {', '.join(splits)}); the ceiling is fitted "
            f"on train and scored on test: build with --splits {TRAIN_SPLIT}=0.9,{TEST_SPLIT}=0.1"
        )
    loaded = _profile(record, profile)
    tally = CeilingTally(splits, TitleWriter(loaded))
    made: dict[int, list[tuple]] = {splits.index(TRAIN_SPLIT): [], splits.index(TEST_SPLIT): []}
    for split, row, observed in observed_rows(record.config, loaded):
        tally.add(split, observed)
        if split in made:
            made[split].append(tuple(row[name] for name in CHECKED))
    for split, rows in made.items():
        _check_rows(source, splits[split], rows, record)
    result = tally.result()
    if result is None:  # a split with no rows among the observed ones
        raise CeilingError(f"{source} has no train or no test rows among its first {CEILING_ROWS:,} rows")
    return result


def _profile(record: BuildRecord, override: str | os.PathLike | None) -> Profile:
    name = record.config.profile if override is None else os.fspath(override)
    try:
        loaded = load_profile(name)
    except ProfileError as error:
        raise CeilingError(f"{error} (the build used profile {record.config.profile!r}; pass --profile PATH)") from None
    if profile_digest(loaded) != record.profile_sha256:
        raise CeilingError(
            f"profile {name!r} is not the one the build used (its content differs); pass --profile with the "
            "profile file the folder was built with"
        )
    return loaded


def build_ceiling(config: BuildConfig, profile: Profile) -> Ceiling | None:
    """The ceiling a build of `config` writes into its card (None without a train and a test split)."""
    tally = CeilingTally(list(config.splits), TitleWriter(profile))
    for split, _, observed in observed_rows(config, profile):
        tally.add(split, observed)
    return tally.result()


def observed_rows(config: BuildConfig, profile: Profile) -> Iterator[tuple[int, dict, Observation]]:
    """(split index, row, observation) of the plan's first CEILING_ROWS rows: their specs and rows made
    again (no pixels; the oracle reads the cues a spec says are drawn)."""
    tables = ProfileTables.of(profile, price_noise=config.price_noise)
    specs = SpecMaker(config.seed, tables)
    for planned in islice(iter_plan(config, profile), CEILING_ROWS):
        spec = specs.spec(planned)
        row = row_of(spec, profile, tables.titles)
        yield planned.split, row, observe(spec, row)


def _check_rows(folder: Path, split: str, made: list[tuple], record: BuildRecord) -> None:
    """The folder's first rows of `split` are the rows made again, or a CeilingError says why not."""
    shards = sorted((folder / "data").glob(f"{split}-*.parquet"))
    if not shards:
        raise CeilingError(f"{folder} has no {split} split (no data/{split}-*.parquet); rebuild it")
    check_parquet_files(shards)
    stored = list(islice(_stored_rows(shards), len(made)))
    if stored != made:
        first = next((i for i, (a, b) in enumerate(zip(stored, made, strict=False)) if a != b), len(stored))
        built_by = f"samplegen {record.version}" if record.version != samplegen_version() else "this samplegen"
        raise CeilingError(
            f"{folder}: {split} row {first + 1} is not what the recorded settings make (built by {built_by}, this is "
            f"{samplegen_version()}; or its files were changed): rebuild the folder with this samplegen"
        )


def _stored_rows(shards: list[Path]) -> Iterator[tuple]:
    for shard in shards:
        try:
            table = pq.read_table(shard, columns=list(CHECKED))
        except (pa.ArrowException, OSError, KeyError) as error:
            raise CeilingError(f"{shard} cannot be read ({type(error).__name__}); rebuild the folder") from None
        columns = [table.column(name).to_pylist() for name in CHECKED]
        yield from zip(*columns, strict=True)


__all__ = ["Ceiling", "CeilingError", "NotABuildError", "build_ceiling", "ceiling", "observed_rows"]
