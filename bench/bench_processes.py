"""Processes benchmark: 1-process against 2-process builds of the default 3,040 rows, in alternating pairs
(the order swaps from pair to pair), each in a fresh process as a user's build runs. Prints the wall-clock
speed-up of each pair and the CPU time the two processes used in all against the one process: the
speed-up can be no more than 2 divided by that CPU ratio.

    python bench/bench_processes.py            # 10 pairs (about 2 minutes on 2 cores)
    python bench/bench_processes.py --pairs 4  # a quick look
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile

_TIMED_BUILD = """
import resource, sys, tempfile, time
from pathlib import Path
from samplegen.builder import write_dataset
from samplegen.heap import allow_heap_tuning
from schemas import BuildConfig
allow_heap_tuning()  # as `samplegen build` does
config = BuildConfig(n=int(sys.argv[1]), seed=0, image_size=512, image_quality=90, num_proc=int(sys.argv[2]))
with tempfile.TemporaryDirectory() as folder:
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    write_dataset(config, Path(folder) / "ds", progress=False)
    wall = time.perf_counter() - start
    after, helpers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime + helpers.ru_utime + helpers.ru_stime
print(wall, cpu)
"""


def _build(n: int, num_proc: int, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of all its processes) of one build in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", _TIMED_BUILD, str(n), str(num_proc)], capture_output=True, text=True, check=True, env=env
    )
    wall, cpu = map(float, result.stdout.split())
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10, help="pairs of builds")
    parser.add_argument("--n", type=int, default=3040, help="rows per build")
    args = parser.parse_args()
    machine = f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"# 1 process vs 2 — {machine}, {args.n} rows")
    with tempfile.TemporaryDirectory() as pycache:
        # bytecode cached, as in an installed package (see bench_generator.py)
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = pycache
        subprocess.run([sys.executable, "-c", "import samplegen.builder, samplegen.render.shots"], env=env, check=True)
        speedups, cpu_ratios = [], []
        for number in range(args.pairs):
            builds = {}
            for num_proc in (1, 2) if number % 2 == 0 else (2, 1):
                builds[num_proc] = _build(args.n, num_proc, env)
            (one_wall, one_cpu), (two_wall, two_cpu) = builds[1], builds[2]
            speedups.append(one_wall / two_wall)
            cpu_ratios.append(two_cpu / one_cpu)
            print(
                f"pair {number + 1}: 1 process {one_wall:.2f} s (CPU {one_cpu:.2f} s), 2 processes {two_wall:.2f} s "
                f"(CPU {two_cpu:.2f} s) -> speed-up {speedups[-1]:.3f}, CPU 2/1 {cpu_ratios[-1]:.3f}"
            )
    cpu_ratio = statistics.median(cpu_ratios)
    print(
        f"median speed-up {statistics.median(speedups):.3f} (target >= 1.8); median CPU ratio {cpu_ratio:.3f}, "
        f"so at most {2 / cpu_ratio:.3f}"
    )


if __name__ == "__main__":
    main()
