"""Find a damaged data file in a local data set before `datasets` trips over it with a bare traceback."""

from __future__ import annotations

from pathlib import Path

from finetune.errors import DataError
from samplegen.dbq import DamagedDataError, check_parquet_files

SHARD_SUFFIXES = (".parquet", ".arrow")


def _shards(location: Path) -> list[Path]:
    if location.is_file():
        return [location] if location.suffix.lower() in SHARD_SUFFIXES else []
    return sorted(path for path in location.rglob("*") if path.suffix.lower() in SHARD_SUFFIXES and path.is_file())


def _check_arrow_file(path: Path) -> None:
    """Read an Arrow stream (a `save_to_disk` shard) to its end: a truncated one fails."""
    import pyarrow as pa  # noqa: PLC0415

    try:
        with pa.memory_map(str(path)) as source:
            pa.ipc.open_stream(source).read_all()
    except (OSError, pa.ArrowException, ValueError) as error:
        problem = (str(error).splitlines() or [type(error).__name__])[0]
        raise DataError(f"data file {path} is damaged ({problem}); rebuild or re-download the data set") from None


def check_shards(location: str | Path) -> None:
    """Raise one DataError naming the first Parquet or Arrow file under `location` that is damaged (e.g. truncated).
    Parquet files are checked by their footer (samplegen's check), Arrow files read through."""
    shards = _shards(Path(location))
    try:
        check_parquet_files(path for path in shards if path.suffix.lower() == ".parquet")
    except DamagedDataError as error:
        raise DataError(f"data file {error}") from None
    for path in shards:
        if path.suffix.lower() == ".arrow":
            _check_arrow_file(path)
