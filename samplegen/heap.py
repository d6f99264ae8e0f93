"""Keep freed memory in the process while a build runs, instead of handing it back to the OS.

Every row of an image build allocates and frees the same large buffers: a chunk's index images, the RGB
shot, the encoder's working memory. glibc's malloc gives the top of its heap back to the OS whenever more
than its trim threshold lies free there, so the next row touches fresh pages again, and each page costs a
fault (about 34 a row, 4 µs each on a 2-core VM: 7-12% of a row, see docs/benchmarks.md). `kept_heap`
sets the trim and mmap thresholds to the largest values glibc's own adjustment gives them (it raises them
by itself after a large buffer is freed, up to 64 and 32 MiB), so those buffers come from memory the
process already holds; at the end it returns the free memory to the OS (`malloc_trim`).

glibc offers no way to read the thresholds back, nor to hand their adjustment back to it once they are
set, so they stay at those values afterwards: values glibc gives them by itself once a 32 MiB buffer has
been freed, rather than the fixed 128 KiB defaults, which would put every later large buffer of the
process through mmap and page faults.

Only glibc has these knobs: elsewhere (macOS, Windows, musl) `kept_heap` does nothing. A user who set
malloc's thresholds in the environment (MALLOC_TRIM_THRESHOLD_, MALLOC_MMAP_THRESHOLD_, MALLOC_TOP_PAD_ or
GLIBC_TUNABLES) keeps them.

Because the setting outlives the block, it is opt-in for the process a build runs in: the `samplegen build`
command calls `allow_heap_tuning()`; `samplegen.build()` called from a user's Python leaves that process's
malloc as it was, unless the caller calls `allow_heap_tuning()` first. Helper processes a build starts are
samplegen's own and always keep their freed memory.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import platform
import sys
from collections.abc import Iterator

M_TRIM_THRESHOLD = -1  # mallopt parameter numbers, from glibc's malloc.h
M_MMAP_THRESHOLD = -3
BUILD_MMAP_THRESHOLD = 32 * 1024 * 1024  # the largest value glibc's own adjustment reaches on 64-bit
BUILD_TRIM_THRESHOLD = 2 * BUILD_MMAP_THRESHOLD  # glibc keeps trim at twice mmap when it adjusts them
USER_SETTINGS = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_")


_tuning_allowed = False  # whether this process lets builds set malloc's thresholds (see the module doc)


def allow_heap_tuning(allowed: bool = True) -> None:
    """Let builds in this process keep freed memory (set glibc's thresholds for good), or stop letting them."""
    global _tuning_allowed  # noqa: PLW0603 - a setting of the process, as the thresholds themselves are
    _tuning_allowed = allowed


def heap_tuning_allowed() -> bool:
    """Whether builds in this process may set malloc's thresholds (False unless `allow_heap_tuning()` ran)."""
    return _tuning_allowed


def _user_set_thresholds(environ: dict[str, str]) -> bool:
    return any(name in environ for name in USER_SETTINGS) or "glibc.malloc." in environ.get("GLIBC_TUNABLES", "")


def glibc_malloc() -> ctypes.CDLL | None:
    """The running process's C library when it is glibc with `mallopt` and `malloc_trim`, else None."""
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return None
    try:
        library = ctypes.CDLL(None)  # the symbols already loaded into this process, glibc's among them
    except OSError:
        return None
    if not (hasattr(library, "mallopt") and hasattr(library, "malloc_trim")):
        return None
    return library


@contextlib.contextmanager
def kept_heap(environ: dict[str, str] | None = None, *, allowed: bool | None = None) -> Iterator[bool]:
    """Within the block (and after it), freed heap memory stays in the process for reuse; yields whether
    the thresholds were set. Processes forked inside the block inherit the setting. `allowed` None: as
    `heap_tuning_allowed()` says; True for a process samplegen started itself (a helper)."""
    allowed = _tuning_allowed if allowed is None else allowed
    user_set = _user_set_thresholds(os.environ if environ is None else environ)
    library = glibc_malloc() if allowed and not user_set else None
    if library is None:
        yield False
        return
    library.mallopt(M_MMAP_THRESHOLD, BUILD_MMAP_THRESHOLD)
    library.mallopt(M_TRIM_THRESHOLD, BUILD_TRIM_THRESHOLD)
    try:
        yield True
    finally:
        library.malloc_trim(0)
