"""A threaded HTTP server on 127.0.0.1 that serves test images and every way of failing to.

Routes (NAME is free text, so each test can use URLs no other test has cached):
  /img/NAME                 200 JPEG (a different picture per NAME), with Content-Length
  /status/CODE/NAME         that status, no image
  /fail/CODE/N/NAME         CODE for the first N requests of this path (Retry-After: 0), then 200 JPEG
  /slow/SECONDS/NAME        waits, then 200 JPEG
  /drip/SECONDS/NAME        200 with the JPEG's Content-Length, then one byte of it every SECONDS (never a read timeout)
  /truncated/NAME           the first 60% of a JPEG, with a Content-Length that matches the cut
  /not-image/NAME           200 text/html
  /bomb/warn, /bomb/error   a tiny PNG declaring 10000×10000 (Pillow warns) or 20000×20000 (Pillow refuses)
  /huge/NAME                Content-Length of HUGE_BYTES, then zeros
  /huge-stream/NAME         HUGE_BYTES of zeros without Content-Length
  /range/NAME               200 JPEG, or 206 with the asked Range
  /drop-half/NAME           first request: full Content-Length, half the body, connection closed; then honours Range
  /drop-half-norange/NAME   like drop-half, but later requests ignore Range and send 200 with the whole body
"""

from __future__ import annotations

import hashlib
import io
import re
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image

HUGE_BYTES = 4 * 1024 * 1024
RANGE = re.compile(r"^bytes=(\d+)-$")


def jpeg_bytes(name: str, size: int = 96) -> bytes:
    """A small JPEG whose colours depend on `name`."""
    digest = hashlib.sha256(name.encode()).digest()
    image = Image.new("RGB", (size, size), tuple(digest[:3]))
    for x in range(0, size, 8):
        image.paste(tuple(digest[3:6]), (x, 0, x + 4, size))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@cache
def bomb_png(side: int) -> bytes:
    """A valid 1-bit greyscale PNG of side × side black pixels: a few kB declaring a huge image."""
    row = b"\x00" * (1 + (side + 7) // 8)  # filter byte + packed bits
    packer = zlib.compressobj(9)
    rows_per_block = 1000
    data = b"".join(packer.compress(row * min(rows_per_block, side - y)) for y in range(0, side, rows_per_block))
    data += packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", data) + _png_chunk(b"IEND", b"")


BOMBS = {"warn": 10_000, "error": 20_000}  # 1e8 px > Pillow's 89e6 warning limit; 4e8 px > its 179e6 error limit


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
        pass

    def do_GET(self):
        server = self.server
        with server.lock:
            server.requests.append((self.path, dict(self.headers)))
            server.counts[self.path] += 1
            count = server.counts[self.path]
        started = time.monotonic()
        try:
            self._route(self.path.strip("/").split("/"), count)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout, too large): expected
        finally:
            with server.lock:
                server.spans.append((self.path, started, time.monotonic()))

    def _send(self, status: int, body: bytes, content_type: str = "image/jpeg", headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _send_ranged(self, body: bytes):
        match = RANGE.match(self.headers.get("Range", ""))
        if not match:
            self._send(200, body, headers={"Accept-Ranges": "bytes"})
            return
        start = int(match.group(1))
        if start >= len(body):
            self._send(416, b"", headers={"Content-Range": f"bytes */{len(body)}"})
            return
        content_range = f"bytes {start}-{len(body) - 1}/{len(body)}"
        self._send(206, body[start:], headers={"Content-Range": content_range, "Accept-Ranges": "bytes"})

    def _drop_half(self, body: bytes):
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)
        self.close_connection = True

    def _drip(self, body: bytes, interval: float):
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for index in range(len(body)):
            self.wfile.write(body[index : index + 1])
            self.wfile.flush()
            if self.server.stopping.wait(interval):
                return

    def _stream_zeros(self, with_length: bool):
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        if with_length:
            self.send_header("Content-Length", str(HUGE_BYTES))
        self.end_headers()
        block = b"\x00" * 65536
        for _ in range(HUGE_BYTES // len(block)):
            self.wfile.write(block)

    def _route(self, parts: list[str], count: int):
        route, args = parts[0], parts[1:]
        name = "/".join(parts)
        if route == "img":
            self._send(200, jpeg_bytes(name))
        elif route == "status":
            self._send(int(args[0]), b"no image here", "text/plain")
        elif route == "fail":
            code, times = int(args[0]), int(args[1])
            if count <= times:
                self._send(code, b"try again", "text/plain", {"Retry-After": "0"})
            else:
                self._send(200, jpeg_bytes(name))
        elif route == "slow":
            if self.server.stopping.wait(float(args[0])):
                return
            self._send(200, jpeg_bytes(name))
        elif route == "drip":
            self._drip(jpeg_bytes(name), float(args[0]))
        elif route == "truncated":
            body = jpeg_bytes(name)
            self._send(200, body[: len(body) * 6 // 10])
        elif route == "not-image":
            self._send(200, b"<html><body>Sorry</body></html>", "text/html")
        elif route == "bomb":
            self._send(200, bomb_png(BOMBS[args[0]]), "image/png")
        elif route in ("huge", "huge-stream"):
            self._stream_zeros(with_length=route == "huge")
        elif route == "range":
            self._send_ranged(jpeg_bytes(name))
        elif route in ("drop-half", "drop-half-norange"):
            body = jpeg_bytes(name)
            if count == 1:
                self._drop_half(body)
            elif route == "drop-half":
                self._send_ranged(body)
            else:
                self._send(200, body)
        else:
            self._send(404, b"unknown route", "text/plain")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.requests: list[tuple[str, dict]] = []
        self.counts: Counter = Counter()
        self.spans: list[tuple[str, float, float]] = []  # (path, start, end) of each answered request
        self.stopping = threading.Event()

    def handle_error(self, request, client_address):
        pass  # broken connections are part of the tests


class ImageServer:
    """Start with `with ImageServer() as server:`; `server.url("/img/a")` is a URL it serves."""

    def __init__(self):
        self._server = _Server()
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> ImageServer:
        for side in BOMBS.values():
            bomb_png(side)  # made once, before serving, so a busy machine answers it within the timeout
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def count(self, path: str) -> int:
        """Requests made so far for `path`."""
        with self._server.lock:
            return self._server.counts[path]

    def headers(self, path: str) -> list[dict]:
        """The request headers of every request for `path`, in order."""
        with self._server.lock:
            return [headers for seen, headers in self._server.requests if seen == path]

    @property
    def total_requests(self) -> int:
        with self._server.lock:
            return len(self._server.requests)

    def peak_in_flight(self, prefix: str) -> int:
        """The most requests for paths starting with `prefix` that were being answered at the same time."""
        with self._server.lock:
            spans = [(start, end) for path, start, end in self._server.spans if path.startswith(prefix)]
        events = sorted([(start, 1) for start, _ in spans] + [(end, -1) for _, end in spans])
        peak = current = 0
        for _, change in events:
            current += change
            peak = max(peak, current)
        return peak
