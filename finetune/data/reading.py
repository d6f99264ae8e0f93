"""Read a training source into rows and say where each row's image comes from.

Which kind of source it is depends only on its columns (`image_kind`): an `image` column → the images
are inline (a samplegen set); else `local_image_path` → files on disk; else `imageurl` → downloads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

import pandas as pd

from finetune.data.shards import check_shards
from finetune.errors import DataError
from samplegen.dbq import (
    FILE_READERS,
    HUB_ID,
    RealDataError,
    check_frame,
    country_mask,
    load_folder,
    quiet_datasets,
    read_dbq,
    stored_columns,
)
from schemas import DBQ_COLUMNS

Result = TypeVar("Result")

HELD_OUT_SPLITS = ("test",)  # kept for evaluation: never read for training


class ImageKind(StrEnum):
    INLINE = "inline"  # an `image` column holds encoded images
    LOCAL = "local"  # `local_image_path` names image files
    URL = "url"  # `imageurl` is downloaded into the cache


KIND_COLUMNS: tuple[tuple[ImageKind, str], ...] = (
    (ImageKind.INLINE, "image"),
    (ImageKind.LOCAL, "local_image_path"),
    (ImageKind.URL, "imageurl"),
)


@dataclass(frozen=True)
class SourceRows:
    """The checked 17 DBQ columns of every usable row, and where each row's image comes from."""

    source: str
    kind: ImageKind
    frame: pd.DataFrame  # DBQ columns with DBQ dtypes; plus local_image_path for LOCAL
    images: list[dict | None] | None  # INLINE only: {"bytes", "path"} per row, as datasets stores them
    base_folder: Path | None  # relative local_image_path values are read from here (None: the working folder)
    splits_used: tuple[str, ...]
    splits_held_out: tuple[str, ...]

    def take(self, positions: list[int]) -> SourceRows:
        """These rows, in this order."""
        frame = self.frame.iloc[positions].reset_index(drop=True)
        images = None if self.images is None else [self.images[i] for i in positions]
        return replace(self, frame=frame, images=images)


def image_kind(columns: Iterable[str], source: str = "the source") -> ImageKind:
    """INLINE if there is an `image` column, else LOCAL for `local_image_path`, else URL for `imageurl`."""
    present = set(columns)
    for kind, column in KIND_COLUMNS:
        if column in present:
            return kind
    names = ", ".join(column for _, column in KIND_COLUMNS)
    raise DataError(f"{source} has no image column (looked for {names}); add one of them")


def _require_columns(columns: Iterable[str], source: str) -> list[str]:
    """The columns, or one DataError naming every DBQ column that is missing."""
    columns = list(columns)
    missing = [column for column in DBQ_COLUMNS if column not in columns]
    if missing:
        raise DataError(f"{source} is missing needed columns: {', '.join(missing)}; training needs all 17 DBQ columns")
    return columns


def _as_data_error(read: Callable[[], Result]) -> Result:
    """What `read()` returns; samplegen's one-line RealDataError becomes finetune's DataError."""
    try:
        return read()
    except RealDataError as error:
        raise DataError(str(error)) from None


def _file_columns(path: Path) -> list[str]:
    """Column names from a file's header, without reading its rows."""
    if path.suffix.lower() not in FILE_READERS:
        raise DataError(f"{path}: unknown file type {path.suffix!r}; use .csv, .parquet or .jsonl")
    _, columns = _as_data_error(lambda: stored_columns(path))
    return [name for name, _ in columns]


def _load_with_datasets(source: str, builder: str | None = None):
    """A DatasetDict for a folder, a Hub id or (with `builder`) one parquet/JSON file. Local folders and
    files are read as they are now (`samplegen.dbq.load_folder`; a file's `datasets` cache is not reused),
    never from a cache copy of an earlier file of the same name."""
    import datasets  # noqa: PLC0415

    if Path(source).exists():
        check_shards(source)
    try:
        with quiet_datasets():  # no "Generating split" bars or log lines on stderr: errors become one line
            if builder is not None:
                fresh = datasets.DownloadMode.FORCE_REDOWNLOAD
                return datasets.load_dataset(builder, data_files=source, download_mode=fresh)
            if Path(source).is_dir():
                return load_folder(source)
            return datasets.load_dataset(source)
    except Exception as error:  # noqa: BLE001 - datasets and the Hub client raise many types; one line for the user
        detail = str(error).splitlines()[0] if str(error) else ""
        raise DataError(
            f"cannot load {source}: {type(error).__name__}: {detail}; check the folder or Hub id "
            "(offline, only sets already in the Hugging Face cache load)"
        ) from None


def _inline_rows(source: str, loaded, country: str | None, held_out_only: bool = False) -> SourceRows:
    import datasets  # noqa: PLC0415

    used = tuple(name for name in loaded if name not in HELD_OUT_SPLITS)
    held_out = tuple(name for name in loaded if name in HELD_OUT_SPLITS)
    if held_out_only:
        if not held_out:
            raise DataError(
                f"{source} has no {' or '.join(HELD_OUT_SPLITS)} split to evaluate on; evaluate its validation rows"
            )
        used, held_out = held_out, ()
    elif not used:
        raise DataError(f"{source} has only the {', '.join(held_out)} split, kept for evaluation; add a train split")
    frames, images = [], []
    for name in used:
        split = loaded[name]
        _require_columns(split.column_names, f"{source} ({name} split)")
        frames.append(split.select_columns(list(DBQ_COLUMNS)).to_pandas())
        images.extend(split.cast_column("image", datasets.Image(decode=False))["image"])
    frame = _as_data_error(lambda: check_frame(pd.concat(frames, ignore_index=True), source))
    if frame.empty:
        raise DataError(f"{source} has no rows in its {', '.join(used)} split")
    mask = _as_data_error(lambda: country_mask(frame, country, source)).to_numpy()
    rows = SourceRows(source, ImageKind.INLINE, frame, images, None, used, held_out)
    return rows.take([i for i, keep in enumerate(mask) if keep])


def _dbq_rows(source: str, kind: ImageKind, country: str | None, base_folder: Path | None) -> SourceRows:
    table = _as_data_error(lambda: read_dbq(source, country=country, keep=("local_image_path",)))
    return SourceRows(source, kind, table.frame, None, base_folder, ("all",), ())


def _no_held_out(source: str, held_out: bool) -> None:
    if held_out:
        raise DataError(f"{source} is a real DBQ source with no held-out split; evaluate its validation rows")


def read_source(source: str | Path, *, country: str | None = None, held_out: bool = False) -> SourceRows:
    """Rows of a samplegen folder or Hub set, or of a real DBQ file, folder or Hub id (see module doc).

    Samplegen sets: every split but `test` (kept for evaluation), or with `held_out` only the `test`
    split. Real DBQ sources: every row, read and checked by samplegen's `read_dbq`; relative
    `local_image_path`s resolve against the file's folder. They have no held-out split.
    """
    text = str(source)
    path = Path(text).expanduser()
    if path.is_file():
        kind = image_kind(_require_columns(_file_columns(path), text), text)
        if kind is ImageKind.INLINE:
            return _inline_rows(
                text, _load_with_datasets(str(path), FILE_READERS[path.suffix.lower()]), country, held_out
            )
        _no_held_out(text, held_out)
        return _dbq_rows(text, kind, country, path.parent)
    if path.is_dir() or (HUB_ID.match(text) and path.suffix.lower() not in FILE_READERS):
        loaded = _load_with_datasets(str(path) if path.is_dir() else text)
        if not loaded:
            raise DataError(f"{text} holds no data splits; point at a data set folder or Hub id")
        first = next(iter(loaded.values()))
        kind = image_kind(_require_columns(first.column_names, text), text)
        if kind is ImageKind.INLINE:
            return _inline_rows(text, loaded, country, held_out)
        _no_held_out(text, held_out)
        return _dbq_rows(text, kind, country, path if path.is_dir() else None)
    if path.suffix.lower() in FILE_READERS:
        raise DataError(f"{text}: no such file")
    raise DataError(f"{text} is not a file, a folder or a Hub dataset id (owner/name)")
