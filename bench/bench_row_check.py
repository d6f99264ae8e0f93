"""What checking every row as a ProductRow costs a build: per row, and side by side on a metadata build.

python bench/bench_row_check.py [--n 30400] [--repeats 3] [--image-rows 608]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from samplegen.builder import write_dataset
from samplegen.plan import iter_plan
from samplegen.profiles import load_profile
from samplegen.rows import RowCheck, row_of
from samplegen.spec import ProfileTables, SpecMaker
from schemas import BuildConfig


def per_row_microseconds(n: int) -> dict[str, float]:
    """Spec sampling, row making and the check, each timed alone over the same n rows."""
    profile = load_profile("us")
    config = BuildConfig(n=n, seed=0, with_images=False)
    tables = ProfileTables.of(profile)
    plan = list(iter_plan(config, profile))
    start = time.perf_counter()
    maker = SpecMaker(0, tables)
    specs = [maker.spec(planned) for planned in plan]
    sampled = time.perf_counter()
    rows = [row_of(spec, profile, tables.titles) for spec in specs]
    made = time.perf_counter()
    check = RowCheck(profile)
    for row in rows:
        check(row)
    checked = time.perf_counter()
    return {
        "spec": 1e6 * (sampled - start) / n,
        "row_of": 1e6 * (made - sampled) / n,
        "ProductRow check": 1e6 * (checked - made) / n,
    }


def build_seconds(n: int, checked: bool, with_images: bool = False) -> float:
    original = RowCheck.__call__
    if not checked:
        RowCheck.__call__ = lambda self, row: row  # the same build without the check
    try:
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            write_dataset(BuildConfig(n=n, seed=0, with_images=with_images), Path(folder) / "ds", progress=False)
            return time.perf_counter() - start
    finally:
        RowCheck.__call__ = original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=30400)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--image-rows", type=int, default=608, help="rows of the image build (0: skip it)")
    args = parser.parse_args()
    costs = per_row_microseconds(args.n)
    print("| step | µs per row |\n|---|---|")
    for step, micro in costs.items():
        print(f"| {step} | {micro:.1f} |")
    builds = [("metadata", args.n, False)] + ([("512 px JPEG", args.image_rows, True)] if args.image_rows else [])
    for name, n, with_images in builds:
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.repeats):  # interleaved, so both see the same machine load
            for checked in (False, True):
                times[checked].append(build_seconds(n, checked, with_images))
        without, with_check = statistics.median(times[False]), statistics.median(times[True])
        print(
            f"\n{name} build of {n:,} rows (median of {args.repeats}): without the check {without:.2f} s, "
            f"with it {with_check:.2f} s ({100 * (with_check / without - 1):+.1f}%)"
        )


if __name__ == "__main__":
    main()
