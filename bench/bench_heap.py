"""Heap benchmark: 1-process image builds with freed memory kept in the process (`samplegen.heap.kept_heap`,
as every `samplegen build` runs) against glibc's default, which hands the heap top back to the OS and faults it
in again.

The two run at the same time, each pinned to its own core, so a noisy neighbour on a shared machine slows
both alike; they swap cores from one round to the next. Each prints ms/row and page faults/row per build.

    python bench/bench_heap.py              # 3 rounds of 3 builds each (default 3,040 rows)
    python bench/bench_heap.py --rounds 1   # a quick look

Linux with glibc and at least 2 cores only.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import subprocess
import sys

_CHILD = """
import os, resource, sys, tempfile, time
from pathlib import Path
import samplegen.builder, samplegen.heap
from schemas import BuildConfig
core, kept, builds, n = int(sys.argv[1]), sys.argv[2] == "kept", int(sys.argv[3]), int(sys.argv[4])
os.sched_setaffinity(0, {core})
samplegen.heap.allow_heap_tuning(kept)  # kept: as `samplegen build` runs; else glibc's default
config = BuildConfig(n=n, seed=0, image_size=512, image_quality=90, num_proc=1)
for _ in range(builds):
    with tempfile.TemporaryDirectory() as folder:
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        start = time.perf_counter()
        samplegen.builder.write_dataset(config, Path(folder) / "ds", progress=False)
        seconds = time.perf_counter() - start
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
    print(f"{1000 * seconds / n:.4f} {faults / n:.2f}", flush=True)
"""


def _round(kept_core: int, builds: int, n: int) -> dict[str, list[tuple[float, float]]]:
    """Both children at once: the kept-heap one on `kept_core`, the default one on the other core."""
    children = {
        name: subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(core), name, str(builds), str(n)], stdout=subprocess.PIPE, text=True
        )
        for name, core in (("kept", kept_core), ("default", 1 - kept_core))
    }
    figures = {}
    for name, child in children.items():
        out, _ = child.communicate()
        if child.returncode != 0:
            raise SystemExit(f"the {name} build failed (exit {child.returncode})")
        figures[name] = [tuple(map(float, line.split())) for line in out.splitlines()]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds (the cores swap between rounds)")
    parser.add_argument("--builds", type=int, default=3, help="builds per child per round")
    parser.add_argument("--n", type=int, default=3040, help="rows per build")
    args = parser.parse_args()
    if not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2:
        raise SystemExit("bench_heap needs Linux and at least 2 cores")
    machine = f"{platform.node()}, Python {platform.python_version()}"
    print(f"# kept heap vs glibc default — {machine}, {args.n} rows a build")
    ratios = []
    for number in range(args.rounds):
        figures = _round(number % 2, args.builds, args.n)
        for build, (kept, default) in enumerate(zip(figures["kept"], figures["default"], strict=True)):
            ratios.append(kept[0] / default[0])
            print(
                f"round {number + 1} build {build + 1}: kept {kept[0]:.3f} ms/row {kept[1]:.1f} faults/row, "
                f"default {default[0]:.3f} ms/row {default[1]:.1f} faults/row -> time ratio {ratios[-1]:.3f}"
            )
    print(f"median time ratio kept / default = {statistics.median(ratios):.3f} over {len(ratios)} pairs of builds")


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
