"""Read a local data set folder's splits from its files as they are.

`datasets.load_dataset(folder)` copies a folder into an Arrow cache keyed by file names, sizes and times,
not contents, so a new build in a folder named like an earlier one could read back the earlier rows, and
every read of a build wrote a second copy of it. A folder in the Hub's parquet layout
(`data/<split>-NNNNN-of-NNNNN.parquet`, as samplegen writes it) is read here straight from its shards,
without the columns left out: no cache, always the files' current rows. Other folders go to `datasets`,
prepared afresh on every read for the same reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq
import yaml

if TYPE_CHECKING:
    import datasets

__all__ = ["load_folder", "parquet_splits", "read_rows", "read_split", "split_rows"]

SHARD_NAME = re.compile(r"(?P<split>[A-Za-z0-9_.]+?)-\d{5}-of-\d{5}\.parquet")
SAVED_MARKERS = ("state.json", "dataset_dict.json")  # a `save_to_disk` folder (Arrow already, memory-mapped)


def _card_split_order(folder: Path) -> list[str]:
    """The split names in the order the card's `configs` lists them (none when there is no such card)."""
    try:
        text = (folder / "README.md").read_text(encoding="utf-8")
        header = yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else None
        files = header["configs"][0]["data_files"]
        return [entry["split"] for entry in files if isinstance(entry, dict)]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, IndexError, KeyError, TypeError):
        return []


def parquet_splits(folder: str | os.PathLike) -> dict[str, list[Path]] | None:
    """{split: its shards in order} for a folder whose data is all `data/<split>-NNNNN-of-NNNNN.parquet`
    (splits in the card's order, else by name); None for any other layout."""
    folder = Path(folder)
    data = folder / "data"
    if not data.is_dir() or any((folder / marker).is_file() for marker in SAVED_MARKERS):
        return None
    splits: dict[str, list[Path]] = {}
    for path in sorted(data.iterdir()):
        if path.name.startswith("."):
            continue
        match = SHARD_NAME.fullmatch(path.name)
        if match is None or not path.is_file():
            return None
        splits.setdefault(match["split"], []).append(path)
    if not splits:
        return None
    order = _card_split_order(folder)
    rank = {name: position for position, name in enumerate(order)}
    return dict(sorted(splits.items(), key=lambda item: (rank.get(item[0], len(order)), item[0])))


def read_split(shards: Sequence[Path], skip: Collection[str] = ()) -> pa.Table:
    """One split's shards as one Arrow table, without the columns in `skip` (never read), with the first
    shard's schema metadata (the `huggingface` features)."""
    columns = [name for name in pq.read_schema(shards[0]).names if name not in skip]
    tables = [pq.read_table(path, columns=columns) for path in shards]
    return pa.concat_tables(tables) if len(tables) > 1 else tables[0]


def load_folder(folder: str | os.PathLike, skip: Collection[str] = ()) -> datasets.DatasetDict:
    """A local folder's splits as a DatasetDict, without the columns in `skip`: read from the shards as
    they are for the parquet layout, `load_from_disk` for a `save_to_disk` folder (a single data set
    becomes the "train" split), else `load_dataset` without reusing a cache."""
    import datasets  # noqa: PLC0415

    splits = parquet_splits(folder)
    if splits is not None:
        return datasets.DatasetDict(
            {
                name: datasets.Dataset(read_split(shards, skip), split=datasets.NamedSplit(name))
                for name, shards in splits.items()
            }
        )
    if any((Path(folder) / marker).is_file() for marker in SAVED_MARKERS):
        loaded = datasets.load_from_disk(str(folder))
        if isinstance(loaded, datasets.Dataset):
            loaded = datasets.DatasetDict({"train": loaded})
    else:
        loaded = datasets.load_dataset(str(folder), download_mode=datasets.DownloadMode.FORCE_REDOWNLOAD)
    if not skip:
        return loaded
    return datasets.DatasetDict(
        {name: split.select_columns([c for c in split.column_names if c not in skip]) for name, split in loaded.items()}
    )


def split_rows(shards: Sequence[Path]) -> int:
    """A split's row count, from its shards' footers alone."""
    return sum(pq.read_metadata(path).num_rows for path in shards)


def read_rows(shards: Sequence[Path], positions: Sequence[int]) -> list[dict]:
    """The rows at `positions` (sorted, counted over the split's shards in order) as dicts, reading only
    the row groups that hold them."""
    rows: list[dict] = []
    start = 0
    for path in shards:
        file = pq.ParquetFile(path)
        for group in range(file.num_row_groups):
            count = file.metadata.row_group(group).num_rows
            inside = [position - start for position in positions if start <= position < start + count]
            if inside:
                rows.extend(file.read_row_group(group).take(inside).to_pylist())
            start += count
    return rows
