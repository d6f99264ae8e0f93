"""Stream rows into `data/<split>-XXXXX-of-YYYYY.parquet` shards, a row group at a time."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

ROW_GROUP_ROWS = {True: 100, False: 10_000}  # rows per parquet row group, with and without images


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


class ShardFile:
    """One parquet shard written a row group at a time; holds at most one row group in memory.

    `sink` is a path or an open binary file (an fsspec file for remote outputs): the bytes are the same.
    """

    def __init__(self, sink: str | Path | BinaryIO, schema: pa.Schema, row_group_size: int) -> None:
        self.schema = schema
        self.row_group_size = row_group_size
        self.rows_written = 0
        self.num_bytes = 0  # Arrow bytes of the rows, the card's num_bytes
        self._rows: list[dict] = []  # the row group being filled
        self._sink = sink
        self._writer: pq.ParquetWriter | None = None  # opened by the first row group: no file before it

    @property
    def rows(self) -> int:
        """Rows added so far, written or still buffered."""
        return self.rows_written + len(self._rows)

    def add(self, row: dict) -> None:
        self._rows.append(row)
        if len(self._rows) >= self.row_group_size:
            self._flush()

    def _flush(self) -> None:
        rows = self._rows
        if not rows:
            return
        if self._writer is None:
            self._writer = pq.ParquetWriter(self._sink, self.schema, **writer_options(self.schema))
        columns = {name: [row[name] for row in rows] for name in self.schema.names}
        table = pa.Table.from_pydict(columns, schema=self.schema)
        self._writer.write_table(table)
        self.num_bytes += table.nbytes
        self.rows_written += len(rows)
        self._rows = []

    def close(self) -> None:
        self._flush()
        if self._writer is not None:
            self._writer.close()


class SplitWriter:
    """Appends rows of one split; opens the next shard every `shard_size` rows.

    Shards are written under working names and get their `-of-YYYYY` names in `close`, when their number
    is known, so the rows per split need not be counted before the first one is written.
    """

    def __init__(self, folder: Path, split: str, shard_size: int, schema: pa.Schema, row_group_size: int) -> None:
        self.folder = folder
        self.split = split
        self.shard_size = shard_size
        self.schema = schema
        self.row_group_size = min(row_group_size, shard_size)
        self.rows_written = 0
        self.num_bytes = 0
        self._shard: ShardFile | None = None
        self._shards: list[Path] = []

    def add(self, row: dict) -> None:
        if self._shard is None:
            self._shards.append(self.folder / f"{self.split}-{len(self._shards):05d}.parquet.partial")
            self._shard = ShardFile(self._shards[-1], self.schema, self.row_group_size)
        self._shard.add(row)
        if self._shard.rows >= self.shard_size:
            self._close_shard()

    def _close_shard(self) -> None:
        if self._shard is not None:
            self._shard.close()
            self.rows_written += self._shard.rows_written
            self.num_bytes += self._shard.num_bytes
            self._shard = None

    def close(self) -> list[Path]:
        """Write what is left and give every shard its final name; returns the shards' paths."""
        self._close_shard()
        final = [self.folder / shard_name(self.split, index, len(self._shards)) for index in range(len(self._shards))]
        for working, path in zip(self._shards, final, strict=True):
            working.rename(path)
        return final
