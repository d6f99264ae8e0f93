"""`load_training_data`: any supported source → train and validation Datasets with checked images."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import datasets

from finetune.data.reading import SourceRows, read_source
from finetune.data.report import ALL_DROPPED_HINTS, DataReport, count_reasons, describe_counts
from finetune.data.row_images import RowImages, row_images
from finetune.data.settings import DownloadSettings
from finetune.data.split import seeded_order, validation_mask
from finetune.errors import DataError, SettingsError
from samplegen.dbq import IMAGE_COLUMN, dataset_features
from schemas import DBQ_COLUMNS


@dataclass(frozen=True)
class TrainingData:
    """`train` and `validation` hold the 17 DBQ columns and `image` (datasets.Image, encoded bytes)."""

    train: datasets.Dataset
    validation: datasets.Dataset
    report: DataReport


def _check_arguments(validation_fraction: float, limit: int | None, seed: int) -> None:
    if not 0 <= validation_fraction < 1:
        raise SettingsError(f"validation_fraction must be in [0, 1) (got {validation_fraction})")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise SettingsError(f"limit must be a whole number ≥ 1 or None (got {limit!r})")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise SettingsError(f"seed must be a whole number ≥ 0 (got {seed!r})")


def _to_dataset(rows: SourceRows, images: list[bytes | None], positions: list[int]) -> datasets.Dataset:
    columns = {column: rows.frame[column].iloc[positions].tolist() for column in DBQ_COLUMNS}
    columns[IMAGE_COLUMN] = [{"bytes": images[i], "path": None} for i in positions]
    return datasets.Dataset.from_dict(columns, features=dataset_features(with_images=True))


def _all_dropped(rows: SourceRows, found: RowImages) -> DataError:
    hint = ALL_DROPPED_HINTS[rows.kind].format(base=rows.base_folder or Path.cwd())
    counts = describe_counts(count_reasons(found.reasons))
    return DataError(f"all {len(found.reasons)} rows of {rows.source} dropped: {counts}; {hint}")


@dataclass(frozen=True)
class HeldOutData:
    """The rows of the held-out splits (samplegen's `test`): the 17 DBQ columns and `image`."""

    rows: datasets.Dataset
    report: DataReport


def _usable_rows(
    source: str | os.PathLike,
    *,
    held_out: bool,
    limit: int | None,
    seed: int,
    country: str | None,
    cache_dir: str | os.PathLike | None,
    download: DownloadSettings | None,
    progress: bool | None,
) -> tuple[SourceRows, RowImages, list[int], int]:
    """Read, put in seeded order, cut to `limit`, fetch images: (rows, images, kept positions, rows read)."""
    rows = read_source(source, country=country, held_out=held_out)
    rows_read = len(rows.frame)
    rows = rows.take(seeded_order(rows_read, seed, limit))
    found = row_images(rows, download or DownloadSettings(), cache_dir, progress=progress)
    kept = [i for i, reason in enumerate(found.reasons) if reason is None]
    if not kept:
        raise _all_dropped(rows, found)
    return rows, found, kept, rows_read


def _report(rows: SourceRows, found: RowImages, kept: list[int], rows_read: int, **counts: int) -> DataReport:
    return DataReport(
        source=rows.source,
        kind=rows.kind.value,
        splits_used=rows.splits_used,
        splits_held_out=rows.splits_held_out,
        rows_read=rows_read,
        rows_used=len(rows.frame),
        rows_kept=len(kept),
        images_downloaded=found.downloaded,
        images_from_cache=found.from_cache,
        dropped=count_reasons(found.reasons),
        **counts,
    )


def load_training_data(
    source: str | os.PathLike,
    *,
    validation_fraction: float = 0.1,
    limit: int | None = None,
    seed: int = 0,
    country: str | None = None,
    cache_dir: str | os.PathLike | None = None,
    download: DownloadSettings | None = None,
    progress: bool | None = None,
) -> TrainingData:
    """Train/validation Datasets from a samplegen folder or Hub set, or a real DBQ file, folder or Hub id.

    Rows are put in a seeded shuffled order and cut to the first `limit` before any image is fetched, so
    fewer may be kept. Rows whose image cannot be had are dropped and counted by reason. The split is by
    title (colour variants together): a title goes to validation when its seeded hash falls below
    `validation_fraction`; both sides get rows whenever there are two titles or more.
    """
    _check_arguments(validation_fraction, limit, seed)
    rows, found, kept, rows_read = _usable_rows(
        source,
        held_out=False,
        limit=limit,
        seed=seed,
        country=country,
        cache_dir=cache_dir,
        download=download,
        progress=progress,
    )
    titles = rows.frame["title"].tolist()
    to_validation = validation_mask([titles[i] for i in kept], validation_fraction, seed)
    train = [i for i, goes in zip(kept, to_validation, strict=True) if not goes]
    validation = [i for i, goes in zip(kept, to_validation, strict=True) if goes]
    return TrainingData(
        train=_to_dataset(rows, found.images, train),
        validation=_to_dataset(rows, found.images, validation),
        report=_report(rows, found, kept, rows_read, train_rows=len(train), validation_rows=len(validation)),
    )


def load_held_out_data(
    source: str | os.PathLike,
    *,
    limit: int | None = None,
    seed: int = 0,
    country: str | None = None,
    cache_dir: str | os.PathLike | None = None,
    download: DownloadSettings | None = None,
    progress: bool | None = None,
) -> HeldOutData:
    """The held-out rows of a samplegen set (its `test` split, never read for training), for evaluation.

    Read, ordered (seeded), cut to `limit` and checked like `load_training_data`; a source without a
    held-out split (every real DBQ source) is a DataError.
    """
    _check_arguments(0.0, limit, seed)
    rows, found, kept, rows_read = _usable_rows(
        source,
        held_out=True,
        limit=limit,
        seed=seed,
        country=country,
        cache_dir=cache_dir,
        download=download,
        progress=progress,
    )
    return HeldOutData(
        rows=_to_dataset(rows, found.images, kept),
        report=_report(rows, found, kept, rows_read, train_rows=0, validation_rows=0, held_out_rows=len(kept)),
    )
