"""The build keeps freed memory in the process: buffers freed and made again row after row cost no page
faults, and a user's own malloc settings win."""

import subprocess
import sys

import pytest

from samplegen.heap import allow_heap_tuning, glibc_malloc, heap_tuning_allowed, kept_heap

glibc_only = pytest.mark.skipif(glibc_malloc() is None, reason="malloc's thresholds can be set on glibc only")

# Rows of a build in miniature: a batch of 1 MiB buffers made, written and freed again, 40 times over.
_FAULTS = """
import contextlib, resource, sys
from samplegen.heap import kept_heap

def cycles():
    for _ in range(40):
        batch = [bytearray(1 << 20) for _ in range(6)]
        del batch

cycles()  # glibc settles its own thresholds on the first frees
with kept_heap(allowed=True) if sys.argv[1] == "kept" else contextlib.nullcontext():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    cycles()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(mode: str) -> int:
    result = subprocess.run([sys.executable, "-c", _FAULTS, mode], capture_output=True, text=True, check=True)
    return int(result.stdout)


@glibc_only
def test_memory_freed_inside_kept_heap_is_reused_without_page_faults():
    default, kept = _faults("default"), _faults("kept")
    assert default > 40 * 256  # glibc's default hands the freed MiBs back and faults them in again
    assert kept < default / 10


@glibc_only
def test_kept_heap_sets_the_thresholds_where_the_user_set_none():
    with kept_heap({"GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX512F"}, allowed=True) as kept:
        assert kept is True


@pytest.mark.parametrize(
    "environ",
    [
        {"MALLOC_TRIM_THRESHOLD_": "1048576"},
        {"MALLOC_MMAP_THRESHOLD_": "1048576"},
        {"MALLOC_TOP_PAD_": "0"},
        {"GLIBC_TUNABLES": "glibc.malloc.trim_threshold=1048576"},
    ],
)
def test_kept_heap_leaves_a_users_malloc_settings_alone(environ):
    with kept_heap(environ, allowed=True) as kept:
        assert kept is False


# 48 MiB in 1 MiB buffers, freed inside the block: still held by the process there (under the 64 MiB trim
# threshold), handed back after it.
_HELD = """
import sys
from samplegen.heap import kept_heap

def resident_mib():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20

with kept_heap(allowed=True):
    buffers = [bytearray(1 << 20) for _ in range(48)]
    before = resident_mib()
    del buffers
    inside = resident_mib()
after = resident_mib()
print(before - inside, before - after)
"""


@glibc_only
def test_freed_memory_is_held_during_the_block_and_returned_after_it():
    result = subprocess.run([sys.executable, "-c", _HELD], capture_output=True, text=True, check=True)
    returned_inside, returned_after = map(float, result.stdout.split())
    assert returned_inside < 8  # MiB: kept for reuse
    assert returned_after > 40  # MiB: malloc_trim gave it back


# After a build in this process: are freed 1 MiB buffers handed back to the OS (glibc's default) or kept?
_AFTER_BUILD = """
import resource, sys, tempfile
from pathlib import Path

def cycles():
    for _ in range(40):
        batch = [bytearray(1 << 20) for _ in range(6)]
        del batch

cycles()  # glibc settles its own thresholds on the first frees
with tempfile.TemporaryDirectory() as folder:
    if sys.argv[1] == "library":
        import samplegen
        samplegen.build(n=3, seed=0, image_size=64, out=Path(folder) / "ds", progress=False)
    else:
        from samplegen.cli import main
        assert main(["build", "--n", "3", "--image-size", "64", "--quiet", "--out", str(Path(folder) / "ds")]) == 0
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
cycles()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults_after_build(how: str) -> int:
    result = subprocess.run([sys.executable, "-c", _AFTER_BUILD, how], capture_output=True, text=True, check=True)
    return int(result.stdout.strip().splitlines()[-1])


@glibc_only
def test_a_library_build_leaves_the_callers_malloc_as_it_was():
    assert _faults_after_build("library") > 40 * 256  # freed memory still goes back to the OS, as before the build


@glibc_only
def test_the_command_line_build_keeps_freed_memory_in_its_process():
    # the build's final malloc_trim hands its memory back: the first batch faults in, the 39 others reuse it
    assert _faults_after_build("command") < 3 * 6 * 256


def test_heap_tuning_is_off_until_allowed_and_can_be_turned_off_again():
    before = heap_tuning_allowed()  # the in-process CLI tests of this session may have allowed it
    try:
        allow_heap_tuning(False)
        with kept_heap({}) as kept:
            assert kept is False
        allow_heap_tuning()
        with kept_heap({}) as kept:
            assert kept is (glibc_malloc() is not None)
    finally:
        allow_heap_tuning(before)
