"""Check parquet shards before (or after) a library reads them, so a damaged file is one line naming it.

`check_parquet_files` reads only each file's footer (cheap: catches truncated and non-parquet files);
`find_damaged_parquet` reads every page and is for explaining a read that already failed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from samplegen.errors import DamagedDataError


def _damaged(path: Path, error: BaseException) -> DamagedDataError:
    reason = " ".join(str(error).split()).rstrip(".") or type(error).__name__
    return DamagedDataError(f"{path} is damaged ({reason}): rebuild or re-download it")


def check_parquet_files(paths: Iterable[str | os.PathLike]) -> None:
    """Raise DamagedDataError for the first file whose parquet footer cannot be read."""
    for path in map(Path, paths):
        try:
            pq.read_metadata(path)
        except (pa.ArrowException, OSError) as error:
            raise _damaged(path, error) from None


def find_damaged_parquet(paths: Iterable[str | os.PathLike]) -> DamagedDataError | None:
    """Read every row group of every file; the error for the first that fails, else None."""
    for path in map(Path, paths):
        try:
            for _ in pq.ParquetFile(path).iter_batches():
                pass
        except (pa.ArrowException, OSError) as error:
            return _damaged(path, error)
    return None
