"""Ray benchmark (issue 18): what building on Ray costs against the local engine, and what the driver keeps.

Each measurement runs in a fresh process, as a user's build does (`samplegen build` through its CLI):

- a Ray build (a local cluster of 2 CPUs started for it) against `--num-proc 2` of the same settings
  (10k rows, 128 px by default), in alternating pairs: wall times and their ratio;
- the fixed start-up cost: the same for a 2-row metadata build (cluster start, connection, shutdown);
- the driver's serial part, the plan pass (`plan_shards`) alone, at two sizes;
- the driver's peak memory (max RSS) in a Ray metadata build at two sizes.

The profile's product codes cap n (see samplegen/codes.py: 528,559 rows for `us`), so the large size is
that cap, not 10M.

    python bench/bench_ray.py                 # about 5 minutes on 2 cores
    python bench/bench_ray.py --pairs 1 --rows 2000
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

_PLAN_PASS = """
import resource, sys, time
from samplegen.profiles import load_profile
from samplegen.shard_plan import plan_shards
from schemas import BuildConfig
profile = load_profile("us")
config = BuildConfig(n=int(sys.argv[1]), with_images=False)
start = time.perf_counter()
plan = plan_shards(config, profile)
print(time.perf_counter() - start, len(plan.shards), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

_DRIVER_MEMORY = """
import resource, sys, tempfile
from pathlib import Path
from samplegen.builder import make_config, write_dataset
config = make_config(n=int(sys.argv[1]), with_images=False, num_proc=2)
with tempfile.TemporaryDirectory() as folder:
    write_dataset(config, Path(folder) / "ds", engine="ray", progress=False)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _cli_build(env: dict[str, str], *args: str) -> float:
    """Wall seconds of one `samplegen build` in a fresh process."""
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "samplegen", "build", "--quiet", "--out", f"{folder}/ds", *args],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return time.perf_counter() - start


def _python(env: dict[str, str], code: str, *args: str) -> list[float]:
    result = subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, capture_output=True, text=True)
    return [float(value) for value in result.stdout.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=3, help="pairs of Ray / local builds")
    parser.add_argument("--rows", type=int, default=10_000, help="rows of the compared builds")
    parser.add_argument("--image-size", type=int, default=128)
    parser.add_argument("--plan-rows", default="100000,528559", help="plan pass and driver memory sizes")
    args = parser.parse_args()
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    machine = f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    settings = ["--n", str(args.rows), "--image-size", str(args.image_size)]
    print(f"# Ray engine vs local --num-proc 2 — {machine}, {args.rows} rows, {args.image_size} px")
    ray_times, local_times = [], []
    for pair in range(args.pairs):
        order = ["ray", "local"] if pair % 2 == 0 else ["local", "ray"]
        for engine in order:
            wall = _cli_build(env, *settings, "--num-proc", "2", "--engine", engine)
            (ray_times if engine == "ray" else local_times).append(wall)
            print(f"pair {pair + 1}: {engine:5s} {wall:6.1f} s")
    ray_median, local_median = statistics.median(ray_times), statistics.median(local_times)
    print(f"median: ray {ray_median:.1f} s, local {local_median:.1f} s, ray/local {ray_median / local_median:.2f}")
    tiny = ["--n", "2", "--no-images", "--num-proc", "2"]
    ray_fixed = statistics.median(_cli_build(env, *tiny, "--engine", "ray") for _ in range(3))
    local_fixed = statistics.median(_cli_build(env, *tiny) for _ in range(3))
    added = ray_fixed - local_fixed
    print(f"fixed cost (2-row build): ray {ray_fixed:.1f} s, local {local_fixed:.1f} s, Ray adds {added:.1f} s")
    print("\n# the driver's serial part and memory")
    for rows in map(int, args.plan_rows.split(",")):
        seconds, shards, maxrss = _python(env, _PLAN_PASS, str(rows))
        per_million = seconds / rows * 1e6
        print(
            f"plan pass {rows:>9,} rows: {seconds:5.2f} s ({per_million:.1f} s per 1M rows), {int(shards)} shards, "
            f"peak RSS {maxrss / 1024:.0f} MiB"
        )
    for rows in map(int, args.plan_rows.split(",")):
        (maxrss,) = _python(env, _DRIVER_MEMORY, str(rows))
        print(f"Ray metadata build {rows:>9,} rows: driver peak RSS {maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
