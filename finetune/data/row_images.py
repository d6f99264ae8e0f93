"""Each row's image as checked, encoded bytes, or the reason it cannot be had — for every kind of source."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from finetune.data.guards import image_problem
from finetune.data.images import fetch_images
from finetune.data.reading import ImageKind, SourceRows
from finetune.data.reasons import DropReason
from finetune.data.settings import DownloadSettings

Outcome = tuple[bytes | None, DropReason | None]


@dataclass(frozen=True)
class RowImages:
    """One entry per row: `images[i]` holds verified bytes exactly when `reasons[i]` is None."""

    images: list[bytes | None]
    reasons: list[DropReason | None]
    downloaded: int = 0  # distinct URLs fetched over the network this time
    from_cache: int = 0  # distinct URLs served from the cache


def _checked_bytes(data: bytes | None, settings: DownloadSettings, missing: DropReason) -> Outcome:
    if not data:
        return None, missing
    if len(data) > settings.max_bytes:
        return None, DropReason.TOO_LARGE
    problem = image_problem(data, settings.max_pixels)
    return (None, problem) if problem else (data, None)


def _read_file(path: Path, settings: DownloadSettings) -> Outcome:
    try:
        if not path.is_file():
            return None, DropReason.MISSING_FILE
        if path.stat().st_size > settings.max_bytes:
            return None, DropReason.TOO_LARGE
        data = path.read_bytes()
    except OSError:
        return None, DropReason.MISSING_FILE
    return _checked_bytes(data, settings, DropReason.NOT_AN_IMAGE)


def _cached(path: Path) -> Outcome:
    """A cache file, verified when it was written; gone since then (another process cleaned up) → missing."""
    try:
        return path.read_bytes(), None
    except OSError:
        return None, DropReason.MISSING_FILE


def _inline(value: dict | None, settings: DownloadSettings) -> Outcome:
    """A datasets.Image value: its bytes, or the file its `path` names when it carries no bytes."""
    if not value:
        return None, DropReason.NO_IMAGE
    if value.get("bytes"):
        return _checked_bytes(value["bytes"], settings, DropReason.NO_IMAGE)
    if value.get("path"):
        return _read_file(Path(value["path"]), settings)
    return None, DropReason.NO_IMAGE


def _local(value: str, base: Path | None, settings: DownloadSettings) -> Outcome:
    text = str(value or "").strip()
    if not text:
        return None, DropReason.MISSING_FILE
    path = Path(text).expanduser()
    return _read_file(path if path.is_absolute() or base is None else base / path, settings)


def _in_threads(check: Callable[[object], Outcome], values: list, workers: int) -> list[Outcome]:
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="check-image") as pool:
        return list(pool.map(check, values))


def _split(outcomes: list[Outcome], **counts: int) -> RowImages:
    return RowImages([data for data, _ in outcomes], [reason for _, reason in outcomes], **counts)


def row_images(
    rows: SourceRows,
    settings: DownloadSettings,
    cache_dir: str | os.PathLike | None = None,
    *,
    progress: bool | None = None,
) -> RowImages:
    """Every row's image, opened only behind the guards: inline bytes, local files or downloads."""
    if rows.kind is ImageKind.INLINE:
        return _split(_in_threads(lambda value: _inline(value, settings), rows.images, settings.workers))
    if rows.kind is ImageKind.LOCAL:
        values = rows.frame["local_image_path"].tolist()
        return _split(_in_threads(lambda value: _local(value, rows.base_folder, settings), values, settings.workers))
    urls = rows.frame["imageurl"].tolist()
    fetched = fetch_images(urls, cache_dir, settings, progress=progress)
    outcomes = [_cached(fetched[url].path) if fetched[url].ok else (None, fetched[url].reason) for url in urls]
    results = fetched.values()
    return _split(
        outcomes,
        downloaded=sum(r.downloaded for r in results),
        from_cache=sum(r.ok and not r.downloaded for r in results),
    )
