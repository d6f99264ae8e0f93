"""Fill the image cache from many URLs at once: a thread pool over `fetch_one`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

from finetune.data.cache import ImageCache
from finetune.data.download import Fetched, fetch_one
from finetune.data.settings import DownloadSettings, default_cache_dir
from finetune.data.watch import Watch, watched_opener
from samplegen.progress import progress_bar

WATCH_TICK = 0.2  # seconds between deadline checks on running downloads
CANCEL_GRACE = 2.0  # seconds a cancelled download thread gets to notice and finish


def fetch_images(
    urls: Iterable[str],
    cache_dir: str | os.PathLike | None = None,
    settings: DownloadSettings | None = None,
    *,
    progress: bool | None = None,
) -> dict[str, Fetched]:
    """Each distinct URL → its cached image path or drop reason, in first-seen order.

    Images already in `cache_dir` (default: `default_cache_dir()`) are not requested again; the rest are
    downloaded by `settings.workers` threads, verified, and moved into the cache. A download that runs
    past `settings.deadline` is cut off and dropped as a timeout. Ctrl-C cancels queued downloads, cuts
    the running ones and returns within about CANCEL_GRACE seconds; it leaves `.part` files that the next
    run resumes.
    """
    settings = settings or DownloadSettings()
    cache = ImageCache(Path(cache_dir) if cache_dir is not None else default_cache_dir())
    unique = list(dict.fromkeys(urls))
    opener = watched_opener()
    watch = Watch(settings.deadline)
    results: dict[str, Fetched] = {}
    pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="fetch-image")
    futures: dict[Future, str] = {}
    try:
        with progress_bar(len(unique), unit="image", desc="images", enabled=progress) as bar:
            futures.update({pool.submit(fetch_one, url, cache, settings, opener, watch): url for url in unique})
            pending = set(futures)
            while pending:
                done, pending = wait(pending, timeout=WATCH_TICK, return_when=FIRST_COMPLETED)
                watch.cut_overdue()
                for future in done:
                    results[futures[future]] = future.result()
                    bar.update(1)
    except BaseException:  # Ctrl-C or a failure: stop everything now, keep .part files for the next run
        _stop(pool, watch, list(futures))
        raise
    pool.shutdown(wait=True)
    return {url: results[url] for url in unique}


def _stop(pool: ThreadPoolExecutor, watch: Watch, futures: list[Future]) -> None:
    """Drop queued downloads, cut the running ones, and wait for them only briefly."""
    watch.cancel()
    pool.shutdown(wait=False, cancel_futures=True)
    running = [future for future in futures if not future.cancelled()]  # wait() never sees a cancelled one finish
    wait(running, timeout=CANCEL_GRACE)
