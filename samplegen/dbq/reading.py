"""Read any file in the DBQ format into a checked table of the 17 columns.

Sources: a CSV, parquet or JSON-lines file; a folder that `datasets` can load (a samplegen build, a
Hub-layout folder or a `save_to_disk` folder; read by `load_folder`, as its files are now); or a Hub
dataset id such as `DBQ/Burberry.Product.prices.United.States`. Extra columns (an `image`, a
`local_image_path`) are dropped and listed; everything else that is wrong raises one `RealDataError`
listing every problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy
import pandas as pd

from samplegen.dbq.folders import load_folder
from samplegen.dbq.parquet import check_parquet_files, find_damaged_parquet
from samplegen.dbq.quiet import quiet_datasets
from samplegen.errors import RealDataError
from schemas import DBQ_COLUMNS, DBQ_DTYPES

HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
FILE_READERS = {".csv": "csv", ".parquet": "parquet", ".jsonl": "json", ".json": "json"}
_NUMERIC = {"int64", "float64"}
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


@dataclass(frozen=True)
class RealTable:
    """The 17 DBQ columns with DBQ dtypes, plus what was set aside while reading."""

    frame: pd.DataFrame
    source: str
    dropped_columns: list[str] = field(default_factory=list)

    @property
    def country_code(self) -> str:
        return str(self.frame["country_code"].iloc[0])


def _read_file(path: Path) -> pd.DataFrame:
    kind = FILE_READERS.get(path.suffix.lower())
    if kind is None:
        raise RealDataError(f"{path}: unknown file type {path.suffix!r}; use .csv, .parquet or .jsonl")
    try:
        if kind == "csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        if kind == "parquet":
            return pd.read_parquet(path)
        return pd.read_json(path, lines=True, dtype=False, encoding="utf-8")
    except UnicodeDecodeError:
        raise RealDataError(f"{path} is not UTF-8 text; re-save it as UTF-8") from None
    except pd.errors.EmptyDataError:
        raise RealDataError(f"{path} is empty; it needs a header row and at least one row") from None
    except (ValueError, OSError) as error:
        if "Value is too big" in str(error):  # the JSON reader stops at an integer beyond 64 bits
            raise RealDataError(
                f"cannot read {path}: it holds a whole number beyond the int64 range ({error})"
            ) from None
        raise RealDataError(f"cannot read {path} as {kind}: {str(error).splitlines()[0]}") from None


def _read_with_datasets(source: str, is_folder: bool) -> pd.DataFrame:
    """A folder's or Hub data set's rows, every split, without the image column (never decoded or read
    from a local folder's shards; a folder is read as it is now, never from a stale cache)."""
    import datasets  # noqa: PLC0415

    shards = sorted(Path(source).rglob("*.parquet")) if is_folder else []
    check_parquet_files(shards)
    try:
        with quiet_datasets():
            loaded = load_folder(source, skip={"image"}) if is_folder else datasets.load_dataset(source)
            splits = [loaded] if isinstance(loaded, datasets.Dataset) else list(loaded.values())
            frames = []
            for split in splits:
                keep = [c for c in split.column_names if c != "image"]  # never decode images to read metadata
                frames.append(split.select_columns(keep).to_pandas())
    except FileNotFoundError as error:
        raise RealDataError(f"cannot load {source}: {str(error).splitlines()[0]}") from None
    except Exception as error:  # noqa: BLE001 - the Hub client raises many types; the user needs one line
        damaged = find_damaged_parquet(shards)
        if damaged is not None:
            raise damaged from None
        raise RealDataError(
            f"cannot load {source}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        ) from None
    return pd.concat(frames, ignore_index=True)


def _shown(value: object) -> str:
    """A cell for a message: text quoted as written, numbers plainly (no numpy type names)."""
    return repr(value) if isinstance(value, str) else str(value)


def _beyond_int64(numbers: pd.Series) -> pd.Series:
    """Which whole numbers do not fit an int64 (read as float64 or uint64 by pandas when they are that large)."""
    if str(numbers.dtype) == "int64":
        return pd.Series(False, index=numbers.index)
    return numbers.map(lambda number: not INT64_MIN <= int(number) <= INT64_MAX).astype(bool)


def _convert(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The 17 columns with DBQ dtypes, and a line for each column that cannot have its dtype."""
    problems = []
    converted = {}
    for column in DBQ_COLUMNS:
        dtype = DBQ_DTYPES[column]
        values = frame[column]
        if dtype in _NUMERIC:
            numbers = pd.to_numeric(values, errors="coerce")
            bad = values[numbers.isna()]
            if len(bad):
                problems.append(f"{column} must be numeric ({dtype}) but holds {bad.iloc[0]!r} in {len(bad)} rows")
                continue
            infinite = values[~numpy.isfinite(numbers.astype("float64"))]
            if len(infinite):
                problems.append(
                    f"{column} must be a finite number but holds {_shown(infinite.iloc[0])} in {len(infinite)} rows"
                )
                continue
            if dtype == "int64" and not (numbers == numbers.round()).all():
                problems.append(f"{column} must hold whole numbers")
                continue
            too_large = values[_beyond_int64(numbers)] if dtype == "int64" else values.iloc[0:0]
            if len(too_large):
                problems.append(
                    f"{column} holds {_shown(too_large.iloc[0])} in {len(too_large)} rows, beyond the int64 range "
                    f"({INT64_MIN} to {INT64_MAX})"
                )
                continue
            converted[column] = numbers.astype(dtype)
        else:
            if values.isna().any():
                problems.append(f"{column} has {int(values.isna().sum())} empty values")
                continue
            converted[column] = values.astype(str)
    return pd.DataFrame(converted), problems


def check_frame(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    """The 17 DBQ columns of `frame` with DBQ dtypes, or one RealDataError naming every column that is wrong."""
    missing = [c for c in DBQ_COLUMNS if c not in frame.columns]
    if missing:
        raise RealDataError(f"{source} is missing DBQ columns: {', '.join(missing)}")
    table, problems = _convert(frame[list(DBQ_COLUMNS)])
    if problems:
        raise RealDataError(f"{source} is not in the DBQ format: " + "; ".join(problems))
    return table


def country_mask(frame: pd.DataFrame, country: str | None, source: str) -> pd.Series:
    """Which rows belong to `country`; without one, all rows when they share one country, else a RealDataError."""
    countries = sorted(frame["country_code"].unique())
    if country is not None:
        if country not in countries:
            raise RealDataError(f"{source} has no rows for country {country!r}; it holds {', '.join(countries)}")
        return frame["country_code"] == country
    if len(countries) > 1:
        raise RealDataError(
            f"{source} mixes {len(countries)} countries ({', '.join(countries)}); pick one with --country"
        )
    return pd.Series(True, index=frame.index)


def read_dbq(source: str | Path, *, country: str | None = None, keep: tuple[str, ...] = ()) -> RealTable:
    """Read and check a DBQ-format table; `country` keeps only that country_code's rows.

    Columns named in `keep` (e.g. `local_image_path`) are kept, as text, after the 17 when present.
    """
    text = str(source)
    path = Path(text).expanduser()
    if path.is_file():
        frame = _read_file(path)
    elif path.is_dir():
        frame = _read_with_datasets(str(path), is_folder=True)
    elif path.suffix.lower() in FILE_READERS:
        raise RealDataError(f"{text}: no such file")
    elif HUB_ID.match(text):
        frame = _read_with_datasets(text, is_folder=False)
    else:
        raise RealDataError(f"{text} is not a file, a folder or a Hub dataset id (owner/name)")

    missing = [c for c in DBQ_COLUMNS if c not in frame.columns]
    if missing:
        raise RealDataError(f"{text} is missing DBQ columns: {', '.join(missing)}")
    kept = [c for c in keep if c in frame.columns and c not in DBQ_COLUMNS]
    dropped = [c for c in frame.columns if c not in DBQ_COLUMNS and c not in kept]
    if frame.empty:
        raise RealDataError(f"{text} has the DBQ columns but no rows")
    table = check_frame(frame, text)
    for column in kept:
        table[column] = frame[column].fillna("").astype(str).to_numpy()
    table = table[country_mask(table, country, text)].reset_index(drop=True)
    return RealTable(frame=table, source=text, dropped_columns=dropped)
