"""Fill the image cache from many URLs at once: a thread pool over `fetch_one`."""

from __future__ import annotations

import os
import sys
import urllib.request
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from pathlib import Path

from finetune.data.cache import ImageCache
from finetune.data.download import Fetched, fetch_one
from finetune.data.settings import DownloadSettings, default_cache_dir


def _progress(total: int, enabled: bool | None, desc: str):
    from tqdm.auto import tqdm  # noqa: PLC0415

    show = sys.stderr.isatty() if enabled is None else enabled
    return tqdm(total=total, unit="image", disable=not show, desc=desc)


def fetch_images(
    urls: Iterable[str],
    cache_dir: str | os.PathLike | None = None,
    settings: DownloadSettings | None = None,
    *,
    progress: bool | None = None,
) -> dict[str, Fetched]:
    """Each distinct URL → its cached image path or drop reason, in first-seen order.

    Images already in `cache_dir` (default: `default_cache_dir()`) are not requested again; the rest are
    downloaded by `settings.workers` threads, verified, and moved into the cache. An interrupted run
    leaves `.part` files that the next run resumes.
    """
    settings = settings or DownloadSettings()
    cache = ImageCache(Path(cache_dir) if cache_dir is not None else default_cache_dir())
    unique = list(dict.fromkeys(urls))
    opener = urllib.request.build_opener()
    results: dict[str, Fetched] = {}
    pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="fetch-image")
    try:
        with _progress(len(unique), progress, "images") as bar:
            futures: dict[Future, str] = {pool.submit(fetch_one, url, cache, settings, opener): url for url in unique}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                bar.update(1)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # Ctrl-C: stop queued downloads, keep .part files
    return {url: results[url] for url in unique}
