"""A small, thread-safe, byte-bounded LRU cache for derived images.

Every cached value is a deterministic function of its key, so a hit and a miss give the same result and
rendering does not depend on call order. Callers must treat cached images as read-only (crop or copy).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from PIL import Image

T = TypeVar("T")


def _nbytes(value: object) -> int:
    if isinstance(value, Image.Image):
        return value.width * value.height * len(value.getbands())
    nbytes = getattr(value, "nbytes", None)
    return int(nbytes) if nbytes is not None else 256


class ByteLRU(Generic[T]):
    """Least-recently-used cache holding at most `max_bytes` of values (at least one entry)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._data: OrderedDict[Hashable, tuple[T, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
                return hit[0]
        value = build()
        size = _nbytes(value)
        with self._lock:
            if key not in self._data:
                self._data[key] = (value, size)
                self._bytes += size
                while self._bytes > self.max_bytes and len(self._data) > 1:
                    _, (_, dropped) = self._data.popitem(last=False)
                    self._bytes -= dropped
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._data)
