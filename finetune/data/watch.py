"""Deadlines and cancellation for downloads blocked in a socket read.

A download thread can sit in `recv` for up to the per-read timeout, and a server that drips one byte at
a time never trips that timeout at all. So every connection a download opens is registered with its
`Download` (the opener's connection classes do this on connect), and the pool's coordinating thread
calls `Watch.cut_overdue()` every tick and `Watch.cancel()` on Ctrl-C: both shut the sockets down,
which wakes the blocked read at once.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

_current = threading.local()  # the Download this thread works on, for the connection classes


class Download:
    """One URL's fetch: when it must be done by, whether it was cancelled, and its open sockets."""

    def __init__(self, deadline: float, stopped: threading.Event) -> None:
        self.deadline = deadline  # time.monotonic() value
        self.stopped = stopped
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []

    @property
    def overdue(self) -> bool:
        return time.monotonic() >= self.deadline

    @property
    def remaining(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
        if self.stopped.is_set() or self.overdue:
            self.cut()

    def cut(self) -> None:
        """Shut every socket of this download down: a read blocked on one returns at once."""
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)


class Watch:
    """The downloads of one pool; `stopped` is set by `cancel()`."""

    def __init__(self, seconds_per_file: float) -> None:
        self.seconds_per_file = seconds_per_file
        self.stopped = threading.Event()
        self._lock = threading.Lock()
        self._active: set[Download] = set()

    @contextmanager
    def download(self) -> Iterator[Download]:
        """A Download with its deadline starting now, current for this thread's connections while inside."""
        job = Download(time.monotonic() + self.seconds_per_file, self.stopped)
        with self._lock:
            self._active.add(job)
        _current.download = job
        try:
            yield job
        finally:
            _current.download = None
            with self._lock:
                self._active.discard(job)

    def cut_overdue(self) -> None:
        with self._lock:
            overdue = [job for job in self._active if job.overdue]
        for job in overdue:
            job.cut()

    def cancel(self) -> None:
        """Stop every download: set `stopped` and cut every open connection."""
        self.stopped.set()
        with self._lock:
            active = list(self._active)
        for job in active:
            job.cut()


def _register(sock: socket.socket | None) -> None:
    job = getattr(_current, "download", None)
    if job is not None and sock is not None:
        job.add(sock)


class _WatchedHTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _register(self.sock)


class _WatchedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _register(self.sock)


class _WatchedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_WatchedHTTPConnection, req)


class _WatchedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_WatchedHTTPSConnection, req, context=self._context)


def watched_opener() -> urllib.request.OpenerDirector:
    """A urllib opener whose connections join the current thread's Download (plain urllib outside one)."""
    return urllib.request.build_opener(_WatchedHTTPHandler, _WatchedHTTPSHandler)
