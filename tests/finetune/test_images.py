"""The image cache: every failure lands in its bucket, the cache is reused, downloads resume and overlap."""

from __future__ import annotations

import _thread
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageFile
from pydantic import ValidationError

from finetune.data import DownloadSettings, DropReason, ImageCache, fetch_images, image_problem
from finetune.data.cache import LOCK_SUFFIX
from finetune.errors import SettingsError
from schemas.finetune import DataSettings
from tests.finetune.image_server import bomb_png, jpeg_bytes

pytestmark = pytest.mark.usefixtures("no_proxy")  # the image server is local
FAST = DownloadSettings(workers=4, timeout=3, retries=2, backoff=0.01, max_bytes=1024 * 1024)


def cached_files(cache: Path) -> list[Path]:
    """What the cache holds besides its lock files (empty files that stay, see ImageCache.lock)."""
    return sorted(p for p in cache.rglob("*") if p.is_file() and p.suffix != LOCK_SUFFIX)


def fetch(image_server, path, tmp_path, settings=FAST):
    url = image_server.url(path) if path.startswith("/") else path
    return fetch_images([url], tmp_path / "cache", settings, progress=False)[url]


def test_a_good_jpeg_is_stored_under_the_sha256_of_its_url(image_server, tmp_path):
    result = fetch(image_server, "/img/good", tmp_path)
    assert result.ok and result.reason is None and result.downloaded and result.attempts == 1
    assert result.path == ImageCache(tmp_path / "cache").path(image_server.url("/img/good"))
    assert result.path.read_bytes() == jpeg_bytes("img/good")
    assert not list((tmp_path / "cache").rglob("*.part"))


@pytest.mark.parametrize(
    ("path", "reason", "attempts"),
    [
        ("/status/404/a", DropReason.NOT_FOUND, 1),
        ("/status/410/a", DropReason.NOT_FOUND, 1),
        ("/status/403/a", DropReason.FORBIDDEN, 1),
        ("/status/400/a", DropReason.HTTP_ERROR, 1),
        ("/status/500/a", DropReason.HTTP_ERROR, 3),
        ("/status/429/a", DropReason.HTTP_ERROR, 3),
        ("/slow/5/a", DropReason.TIMEOUT, 3),
        ("/truncated/a", DropReason.TRUNCATED, 1),
        ("/not-image/a", DropReason.NOT_AN_IMAGE, 1),
        ("/bomb/warn", DropReason.DECOMPRESSION_BOMB, 1),
        ("/bomb/error", DropReason.DECOMPRESSION_BOMB, 1),
        ("/huge/a", DropReason.TOO_LARGE, 1),
        ("/huge-stream/a", DropReason.TOO_LARGE, 1),
        ("N.A.", DropReason.NO_URL, 0),
        ("", DropReason.NO_URL, 0),
        ("file:///etc/passwd", DropReason.NO_URL, 0),
        ("http://127.0.0.1:9/a b.jpg", DropReason.NO_URL, 1),
    ],
)
def test_each_failure_lands_in_its_bucket(image_server, tmp_path, path, reason, attempts):
    settings = FAST if path != "/slow/5/a" else DownloadSettings(timeout=0.2, retries=2, backoff=0.01)
    result = fetch(image_server, path, tmp_path, settings)
    assert (result.path, result.reason, result.attempts) == (None, reason, attempts)
    assert not cached_files(tmp_path / "cache"), "nothing is cached for a drop"


def test_connection_refused_is_a_connection_error(tmp_path):
    result = fetch(None, "http://127.0.0.1:9/img/x", tmp_path, DownloadSettings(retries=1, backoff=0.01))
    assert (result.reason, result.attempts) == (DropReason.CONNECTION_ERROR, 2)


def test_a_lower_max_pixels_makes_an_ordinary_image_a_bomb(image_server, tmp_path):
    settings = DownloadSettings(max_pixels=50 * 50)
    assert fetch(image_server, "/img/pixels", tmp_path, settings).reason is DropReason.DECOMPRESSION_BOMB


def test_5xx_and_429_are_retried_until_they_succeed(image_server, tmp_path):
    for path in ("/fail/500/1/x", "/fail/503/2/x", "/fail/429/1/x"):
        result = fetch(image_server, path, tmp_path)
        assert result.ok and result.attempts == image_server.count(path)
    assert image_server.count("/fail/503/2/x") == 3


def test_404_is_not_retried(image_server, tmp_path):
    fetch(image_server, "/status/404/once", tmp_path, DownloadSettings(retries=5, backoff=0.01))
    assert image_server.count("/status/404/once") == 1


def test_the_cache_is_reused_without_any_request(image_server, tmp_path):
    urls = [image_server.url(f"/img/reuse-{i}") for i in range(5)]
    first = fetch_images(urls, tmp_path / "cache", FAST, progress=False)
    before = image_server.total_requests
    second = fetch_images(urls, tmp_path / "cache", FAST, progress=False)
    assert image_server.total_requests == before
    assert all(r.downloaded for r in first.values()) and not any(r.downloaded for r in second.values())
    assert [r.path for r in first.values()] == [r.path for r in second.values()]


def test_duplicate_urls_are_fetched_once(image_server, tmp_path):
    url = image_server.url("/img/twice")
    results = fetch_images([url, url, url], tmp_path / "cache", FAST, progress=False)
    assert list(results) == [url] and image_server.count("/img/twice") == 1


def test_a_broken_download_resumes_with_a_range_request(image_server, tmp_path):
    result = fetch(image_server, "/drop-half/resume", tmp_path)
    body = jpeg_bytes("drop-half/resume")
    assert result.ok and result.attempts == 2 and result.path.read_bytes() == body
    first, second = image_server.headers("/drop-half/resume")
    assert "Range" not in first and second["Range"] == f"bytes={len(body) // 2}-"


def test_an_interrupted_run_leaves_a_part_file_the_next_run_resumes(image_server, tmp_path):
    url = image_server.url("/drop-half/next-run")
    body = jpeg_bytes("drop-half/next-run")
    cache = ImageCache(tmp_path / "cache")
    broken = fetch(image_server, url, tmp_path, DownloadSettings(retries=0))
    assert broken.reason is DropReason.CONNECTION_ERROR
    assert cache.part(url).read_bytes() == body[: len(body) // 2] and not cache.has(url)
    resumed = fetch(image_server, url, tmp_path, DownloadSettings(retries=0))
    assert resumed.ok and resumed.path.read_bytes() == body and not cache.part(url).exists()
    assert image_server.headers("/drop-half/next-run")[1]["Range"] == f"bytes={len(body) // 2}-"


def test_a_server_that_ignores_range_makes_the_download_restart(image_server, tmp_path):
    result = fetch(image_server, "/drop-half-norange/restart", tmp_path)
    assert result.ok and result.path.read_bytes() == jpeg_bytes("drop-half-norange/restart")
    assert "Range" in image_server.headers("/drop-half-norange/restart")[1]


def test_a_part_file_longer_than_the_image_starts_over(image_server, tmp_path):
    url = image_server.url("/range/too-long")
    cache = ImageCache(tmp_path / "cache")
    cache.part(url).parent.mkdir(parents=True)
    cache.part(url).write_bytes(b"\xff" * 100_000)  # the server answers 416 to this offset
    result = fetch(image_server, url, tmp_path)
    assert result.ok and result.path.read_bytes() == jpeg_bytes("range/too-long")


def test_downloads_overlap_up_to_the_worker_count(image_server, tmp_path):
    delay, count, workers = 0.4, 8, 4
    urls = [image_server.url(f"/slow/{delay}/overlap-{i}") for i in range(count)]
    started = time.perf_counter()
    results = fetch_images(urls, tmp_path / "cache", DownloadSettings(workers=workers, timeout=5), progress=False)
    elapsed = time.perf_counter() - started
    assert all(r.ok for r in results.values())
    assert 2 <= image_server.peak_in_flight(f"/slow/{delay}/overlap-") <= workers
    assert elapsed < count * delay * 0.75, f"{count} downloads of {delay}s took {elapsed:.2f}s with {workers} workers"


def test_the_guard_rejects_truncated_images_even_when_pillow_is_told_to_load_them(monkeypatch):
    body = jpeg_bytes("guard")
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    assert image_problem(body[: len(body) * 6 // 10]) is DropReason.TRUNCATED
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
    assert image_problem(body) is None


def test_the_guard_turns_pillows_bomb_warning_into_a_drop():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning escapes the guard
        assert image_problem(bomb_png(10_000)) is DropReason.DECOMPRESSION_BOMB
    assert Image.MAX_IMAGE_PIXELS < 10_000 * 10_000 < 2 * Image.MAX_IMAGE_PIXELS


def test_the_guard_follows_a_lowered_pillow_limit(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 40 * 40)
    assert image_problem(jpeg_bytes("small", size=64)) is DropReason.DECOMPRESSION_BOMB
    assert image_problem(jpeg_bytes("small", size=32)) is None


@pytest.mark.parametrize(
    "setting",
    [
        {"workers": 0},
        {"workers": 65},
        {"timeout": 0},
        {"deadline": 0},
        {"retries": -1},
        {"max_bytes": 0},
        {"backoff": 31},
    ],
)
def test_bad_settings_fail_in_one_line(setting):
    with pytest.raises(SettingsError, match=r"^invalid download setting: ") as error:
        DownloadSettings(**setting)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("workers", [0, 1, 8, 64, 65, 256])
def test_download_workers_are_bounded_as_the_train_flag_is(workers):
    try:
        DataSettings(source="set", download_workers=workers)
    except ValidationError:
        with pytest.raises(SettingsError, match="workers"):
            DownloadSettings(workers=workers)
    else:
        assert DownloadSettings(workers=workers).workers == workers
    assert DownloadSettings().workers == DataSettings(source="set").download_workers


def test_two_fetchers_sharing_a_cache_download_a_url_once(image_server, tmp_path):
    url = image_server.url("/slow/0.3/shared")
    settings = DownloadSettings(timeout=5)
    with ThreadPoolExecutor(2) as pool:  # separate fetch_images calls: they meet only at the cache's lock
        results = list(pool.map(lambda _: fetch_images([url], tmp_path / "cache", settings)[url], range(2)))
    assert all(r.ok for r in results) and sorted(r.downloaded for r in results) == [False, True]
    assert image_server.count("/slow/0.3/shared") == 1
    assert [p.name for p in cached_files(tmp_path / "cache")] == [results[0].path.name]


# -- slow servers: a deadline per file, prompt Ctrl-C ------------------------------------------------


def test_a_server_that_drips_bytes_is_cut_off_at_the_deadline(image_server, tmp_path):
    """Each byte comes well within the read timeout, so only the total deadline can end the download."""
    settings = DownloadSettings(workers=2, timeout=3, deadline=1.5, retries=2, backoff=0.01)
    started = time.monotonic()
    result = fetch(image_server, "/drip/0.2/deadline", tmp_path, settings)
    elapsed = time.monotonic() - started
    assert result.reason is DropReason.TIMEOUT and not result.ok
    assert 1.4 < elapsed < 3.0, elapsed
    assert image_server.count("/drip/0.2/deadline") == 1  # the deadline covers every retry: none is started


def _fetch_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith("fetch-image")]


def test_ctrl_c_stops_slow_downloads_within_a_couple_of_seconds(image_server, tmp_path):
    settings = DownloadSettings(workers=2, timeout=10, deadline=600, retries=3, backoff=0.01)
    urls = [image_server.url(f"/drip/1/interrupt-{i}") for i in range(6)]  # two running, four queued
    threading.Timer(0.5, _thread.interrupt_main).start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        fetch_images(urls, tmp_path / "cache", settings, progress=False)
    assert time.monotonic() - started < 2.5
    for thread in _fetch_threads():
        thread.join(timeout=1.0)  # a thread whose download ended may still be on its way out
    assert not _fetch_threads()  # the running downloads were cut, not left reading
    assert sum(image_server.count(f"/drip/1/interrupt-{i}") for i in range(6)) == 2  # queued ones never started
