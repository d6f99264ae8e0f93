"""Fetch one image URL into the cache: retries with backoff, a size cap, a total deadline, resume from a .part file."""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

from finetune.data.cache import ImageCache
from finetune.data.guards import image_problem
from finetune.data.reasons import RETRY_STATUSES, STATUS_REASONS, DropReason
from finetune.data.settings import DownloadSettings
from finetune.data.watch import Download, Watch

CHUNK_BYTES = 64 * 1024
RANGE_NOT_SATISFIABLE = 416
CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+|\*)$")


@dataclass(frozen=True)
class Fetched:
    """What became of one URL: `path` to the cached image, or the `reason` it was dropped."""

    url: str
    path: Path | None
    reason: DropReason | None
    downloaded: bool  # fetched over the network this time (False: served from the cache, or dropped)
    attempts: int  # tries counted against `retries` this time (0: cache hit or no URL)

    @property
    def ok(self) -> bool:
        return self.path is not None


class _Failure(Exception):
    """One attempt failed; `retryable` says whether another attempt may help."""

    def __init__(
        self, reason: DropReason, *, retryable: bool, retry_after: float | None = None, status: int | None = None
    ) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after
        self.status = status


def is_fetchable(url: object) -> bool:
    """True for an http(s) URL with a host; placeholders such as 'N.A.' or '' are not."""
    if not isinstance(url, str):
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # e.g. a broken IPv6 host
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _retry_after(headers: Message | None) -> float | None:
    value = headers.get("Retry-After") if headers is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None  # an HTTP date: fall back to the backoff schedule


def _network_failure(error: BaseException) -> _Failure:
    cause = error.reason if isinstance(error, urllib.error.URLError) else error
    reason = DropReason.TIMEOUT if isinstance(cause, TimeoutError) else DropReason.CONNECTION_ERROR
    return _Failure(reason, retryable=True)


def _status_failure(error: urllib.error.HTTPError) -> _Failure:
    reason = STATUS_REASONS.get(error.code, DropReason.HTTP_ERROR)
    retryable = error.code in RETRY_STATUSES
    return _Failure(reason, retryable=retryable, retry_after=_retry_after(error.headers), status=error.code)


def _resume_start(response: http.client.HTTPResponse, offset: int) -> int:
    """Where the body starts: `offset` when the server resumed exactly there (206), else 0 (a fresh body)."""
    if response.status != 206:
        return 0
    match = CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
    if offset and match and int(match.group(1)) == offset:
        return offset
    raise _Failure(DropReason.CONNECTION_ERROR, retryable=True)  # a range we did not ask for: start over


def _check_going_on(job: Download) -> None:
    """Stop an attempt that was cancelled or has used up the file's deadline (neither is worth retrying)."""
    if job.stopped.is_set():
        raise _Failure(DropReason.CONNECTION_ERROR, retryable=False)
    if job.overdue:
        raise _Failure(DropReason.TIMEOUT, retryable=False)


def _open(url: str, offset: int, settings: DownloadSettings, opener: urllib.request.OpenerDirector, job: Download):
    _check_going_on(job)
    headers = {"User-Agent": settings.user_agent, "Accept": "image/*, */*;q=0.5"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    try:
        return opener.open(urllib.request.Request(url, headers=headers), timeout=min(settings.timeout, job.remaining))
    except urllib.error.HTTPError as error:
        with error:
            raise _status_failure(error) from None
    except (http.client.InvalidURL, ValueError):
        raise _Failure(DropReason.NO_URL, retryable=False) from None  # e.g. spaces or control characters
    except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
        raise _network_failure(error) from None


def _attempt(
    url: str, part: Path, settings: DownloadSettings, opener: urllib.request.OpenerDirector, job: Download
) -> None:
    """One request; on return `part` holds the whole body. Keeps `part` after a break so it can resume."""
    offset = part.stat().st_size if part.exists() else 0
    try:
        response = _open(url, offset, settings, opener, job)
    except _Failure as failure:
        if offset and failure.status == RANGE_NOT_SATISFIABLE:
            part.unlink(missing_ok=True)  # our part file does not fit the resource any more: start over
            return _attempt(url, part, settings, opener, job)
        raise
    with response:
        try:
            start = _resume_start(response, offset)
        except _Failure:
            part.unlink(missing_ok=True)
            raise
        length = response.headers.get("Content-Length")
        expected = start + int(length) if length and length.isdigit() else None
        if expected is not None and expected > settings.max_bytes:
            part.unlink(missing_ok=True)
            raise _Failure(DropReason.TOO_LARGE, retryable=False)
        received = start
        try:
            with part.open("ab" if start else "wb") as out:
                while chunk := response.read(CHUNK_BYTES):
                    _check_going_on(job)
                    received += len(chunk)
                    if received > settings.max_bytes:
                        break
                    out.write(chunk)
        except (http.client.HTTPException, OSError) as error:
            _check_going_on(job)  # the watch cut the connection
            raise _network_failure(error) from None
    _check_going_on(job)  # a cut connection can look like the end of a body without Content-Length
    if received > settings.max_bytes:
        part.unlink(missing_ok=True)
        raise _Failure(DropReason.TOO_LARGE, retryable=False)
    if expected is not None and received < expected:
        raise _Failure(DropReason.CONNECTION_ERROR, retryable=True)  # broke off: the part file resumes


def _cached_problem(path: Path, settings: DownloadSettings) -> DropReason | None:
    """Cheap checks on a cache hit (it was fully verified when written): file size and declared pixels."""
    if path.stat().st_size > settings.max_bytes:
        return DropReason.TOO_LARGE
    return image_problem(path, settings.max_pixels, full=False)


def _from_cache(url: str, cache: ImageCache, settings: DownloadSettings) -> Fetched:
    problem = _cached_problem(cache.path(url), settings)
    return Fetched(url, None if problem else cache.path(url), problem, downloaded=False, attempts=0)


def _download(
    url: str, cache: ImageCache, settings: DownloadSettings, opener: urllib.request.OpenerDirector, job: Download
) -> Fetched:
    """Attempts with backoff until the part file is complete and verified, then move it into the cache.

    All attempts and the waits between them share the file's deadline (`settings.deadline`).
    """
    part = cache.part(url)
    attempts = 0
    while True:
        attempts += 1
        try:
            _attempt(url.strip(), part, settings, opener, job)
        except _Failure as failure:
            if failure.retryable and attempts <= settings.retries:
                delay = settings.retry_delay(attempts - 1, failure.retry_after)
                job.stopped.wait(min(delay, job.remaining))  # a cancel ends the wait at once
                if not (job.stopped.is_set() or job.overdue):
                    continue
            cut_off = failure.retryable and job.overdue and not job.stopped.is_set()  # the watch cut it at the deadline
            reason = DropReason.TIMEOUT if cut_off else failure.reason
            return Fetched(url, None, reason, downloaded=False, attempts=attempts)
        problem = image_problem(part, settings.max_pixels)
        if problem is not None:
            part.unlink(missing_ok=True)
            return Fetched(url, None, problem, downloaded=False, attempts=attempts)
        return Fetched(url, cache.promote(url), None, downloaded=True, attempts=attempts)


def fetch_one(
    url: str,
    cache: ImageCache,
    settings: DownloadSettings,
    opener: urllib.request.OpenerDirector,
    watch: Watch | None = None,
) -> Fetched:
    """The cached image for `url`, downloading and verifying it first when the cache lacks it.

    `watch` (from the pool) can cut the download's connections at its deadline or on cancel; without
    one the deadline is still checked between reads and attempts.
    """
    if not is_fetchable(url):
        return Fetched(url, None, DropReason.NO_URL, downloaded=False, attempts=0)
    if cache.has(url):
        return _from_cache(url, cache, settings)
    with cache.lock(url):
        if cache.has(url):  # another process fetched it while we waited for the lock
            return _from_cache(url, cache, settings)
        with (watch or Watch(settings.deadline)).download() as job:
            return _download(url, cache, settings, opener, job)
