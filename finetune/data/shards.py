"""Find a damaged data file in a local data set before `datasets` trips over it with a bare traceback."""

from __future__ import annotations

from pathlib import Path

from finetune.errors import DataError

SHARD_SUFFIXES = (".parquet", ".arrow")


def _shards(location: Path) -> list[Path]:
    if location.is_file():
        return [location] if location.suffix.lower() in SHARD_SUFFIXES else []
    return sorted(path for path in location.rglob("*") if path.suffix.lower() in SHARD_SUFFIXES and path.is_file())


def _read_problem(path: Path) -> str | None:
    """None when `path` opens as a Parquet file (its footer: a truncated file has none) or reads as an Arrow
    stream, else the first line of why not."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    try:
        if path.suffix.lower() == ".parquet":
            pq.read_metadata(path)
        else:
            with pa.memory_map(str(path)) as source:
                pa.ipc.open_stream(source).read_all()
    except (OSError, pa.ArrowException, ValueError) as error:
        return (str(error).splitlines() or [type(error).__name__])[0]
    return None


def check_shards(location: str | Path) -> None:
    """Raise one DataError naming the first Parquet or Arrow file under `location` that is damaged (e.g. truncated)."""
    for path in _shards(Path(location)):
        problem = _read_problem(path)
        if problem is not None:
            raise DataError(f"data file {path} is damaged ({problem}); rebuild or re-download the data set")
