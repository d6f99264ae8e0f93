"""Stream rows of one split into `data/<split>-XXXXX-of-YYYYY.parquet` shards, a row group at a time."""

from __future__ import annotations

import math
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def shard_name(split: str, index: int, count: int) -> str:
    return f"{split}-{index:05d}-of-{count:05d}.parquet"


def writer_options(schema: pa.Schema) -> dict:
    """ParquetWriter settings: the usual ones for text and numbers; image bytes (already compressed, all
    distinct) are stored without snappy, dictionary or min/max statistics, which only cost time there."""
    image_columns = [f"{field.name}.bytes" for field in schema if pa.types.is_struct(field.type)]
    other = [name for name in _leaf_names(schema) if name not in image_columns]
    return {
        "compression": {name: "NONE" if name in image_columns else "SNAPPY" for name in _leaf_names(schema)},
        "use_dictionary": other,
        "write_statistics": other,
    }


def _leaf_names(schema: pa.Schema) -> list[str]:
    names = []
    for field in schema:
        if pa.types.is_struct(field.type):
            names.extend(f"{field.name}.{child.name}" for child in field.type)
        else:
            names.append(field.name)
    return names


class SplitWriter:
    """Appends rows; holds at most one row group in memory; opens the next shard every `shard_size` rows."""

    def __init__(self, folder: Path, split: str, total_rows: int, shard_size: int, schema: pa.Schema, row_group_size: int) -> None:
        self.folder = folder
        self.split = split
        self.total_rows = total_rows
        self.shard_size = shard_size
        self.schema = schema
        self.row_group_size = min(row_group_size, shard_size)
        self.shard_count = max(1, math.ceil(total_rows / shard_size))
        self.rows_written = 0
        self.num_bytes = 0
        self._buffer: list[dict] = []
        self._writer: pq.ParquetWriter | None = None
        self._rows_in_shard = 0
        self._shard_index = 0

    def add(self, row: dict) -> None:
        self._buffer.append(row)
        room = min(self.row_group_size, self.shard_size - self._rows_in_shard)
        if len(self._buffer) >= room:
            self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        if self._writer is None:
            path = self.folder / shard_name(self.split, self._shard_index, self.shard_count)
            self._writer = pq.ParquetWriter(path, self.schema, **writer_options(self.schema))
        table = pa.Table.from_pylist(self._buffer, schema=self.schema)
        self._writer.write_table(table)
        self.num_bytes += table.nbytes
        self.rows_written += len(self._buffer)
        self._rows_in_shard += len(self._buffer)
        self._buffer = []
        if self._rows_in_shard >= self.shard_size:
            self._close_shard()

    def _close_shard(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
            self._shard_index += 1
            self._rows_in_shard = 0

    def close(self) -> None:
        self._flush()
        self._close_shard()
        if self.rows_written != self.total_rows:
            raise RuntimeError(f"split {self.split}: wrote {self.rows_written} rows, planned {self.total_rows}")
