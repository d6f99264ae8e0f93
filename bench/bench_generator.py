"""Generator benchmark: image rows/s against JPEG encoding alone, metadata rows/s against Mimesis and
Faker, and peak memory at two sizes. Everything is measured side by side in one run; quote the ratios.
The image figures come from five interleaved rounds (encoding alone, a 1-process build, a 2-process
build, the whole default `samplegen build` command) and the ratios printed are the medians of the
rounds' ratios, which a noisy machine moves less. The metadata figures are CPU time in five interleaved
rounds against Mimesis row by row (`rivals.py` says which calls stand for which column).

    python bench/bench_generator.py            # full run (several minutes on 2 cores)
    python bench/bench_generator.py --quick    # smaller counts, for a smoke run
    python bench/bench_generator.py --images-only  # the image figures alone
    python bench/bench_generator.py --metadata-only  # the metadata figures alone

Needs the `bench` extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

import psutil
import rivals

from samplegen.builder import write_dataset
from samplegen.heap import kept_heap
from samplegen.plan import iter_plan
from samplegen.profiles import load_profile
from samplegen.rows import row_of
from samplegen.spec import SpecMaker, plan_specs
from samplegen.work import CHUNK_ROWS, RowFactory
from schemas import BuildConfig


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


_TIMED_BUILD = """
import sys, tempfile, time
from pathlib import Path
from samplegen.builder import write_dataset
from samplegen.heap import allow_heap_tuning
from schemas import BuildConfig
allow_heap_tuning()  # as `samplegen build` does
n, num_proc = int(sys.argv[1]), int(sys.argv[2])
config = BuildConfig(n=n, seed=0, image_size=512, image_quality=90, num_proc=num_proc)
with tempfile.TemporaryDirectory() as folder:
    start = time.perf_counter()
    write_dataset(config, Path(folder) / "ds", progress=False)
    print(n / (time.perf_counter() - start))
"""


def _installed_like_env(pycache: str) -> dict[str, str]:
    """The environment of the timed builds: bytecode cached in `pycache`, as an installed package has it
    (pip compiles it at install time). Where PYTHONDONTWRITEBYTECODE is set (some CI and sandbox set-ups),
    every fresh build process would otherwise compile the renderer's modules again inside the timing."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = pycache
    subprocess.run([sys.executable, "-c", "import samplegen.builder, samplegen.render.shots"], env=env, check=True)
    return env


def image_rows_per_second(n: int, num_proc: int, env: dict[str, str]) -> float:
    """Rows/s of a whole build in a fresh process (cold caches, as a user's build starts)."""
    result = subprocess.run(
        [sys.executable, "-c", _TIMED_BUILD, str(n), str(num_proc)], capture_output=True, text=True, check=True, env=env
    )
    return float(result.stdout.strip().splitlines()[-1])


def encode_only_per_second(n: int) -> tuple[float, float]:
    """JPEG q90 encoding alone of the build's images, and rendering alone, in images/s (one image in memory
    at a time: each stage is timed per image and summed). The images are the build's own: made in plan
    order by the build's renderer, so colour variants share their product's drawn set-up as in a build."""
    from samplegen.render.shots import ProductShots  # noqa: PLC0415

    config = BuildConfig(n=n, seed=0)
    profile = load_profile("us")
    shots = ProductShots(0, 512)
    render_seconds = encode_seconds = 0.0
    with kept_heap(
        allowed=True
    ):  # the heap setting a build runs with, so that neither side gets page faults the other is spared
        for spec in plan_specs(config, profile):
            start = time.perf_counter()
            image = shots.render(spec)
            middle = time.perf_counter()
            image.save(io.BytesIO(), "JPEG", quality=90)
            encode_seconds += time.perf_counter() - middle
            render_seconds += middle - start
    return n / encode_seconds, n / render_seconds


def cpu_rate(n: int, function) -> float:
    """n / CPU seconds of `function()` (this process's own time: a busy neighbour moves it less than wall time)."""
    start = time.process_time()
    function()
    return n / (time.process_time() - start)


def samplegen_rows(n: int, checked: bool) -> None:
    """The 17 columns of n rows, made as a build makes them (plan, spec, row); `checked`: each row also
    checked as a ProductRow, as every build does. Loading the profile is setup, as Mimesis' providers are."""
    config = BuildConfig(n=n, seed=0, with_images=False)
    profile = load_profile("us")
    factory = RowFactory(config, profile)
    if checked:
        plan = iter_plan(config, profile)
        while chunk := list(islice(plan, CHUNK_ROWS[False])):
            factory.make_chunk(chunk)
        return
    maker = SpecMaker(0, factory.tables)
    titles = factory.tables.titles
    for planned in iter_plan(config, profile):
        row_of(maker.spec(planned), profile, titles)


def samplegen_metadata_build_per_second(n: int) -> float:
    config = BuildConfig(n=n, seed=0, with_images=False)
    with tempfile.TemporaryDirectory() as folder:
        return n / timed(lambda: write_dataset(config, Path(folder) / "ds", progress=False))


def cli_rows_per_second(n: int, env: dict[str, str]) -> float:
    """Rows/s of a whole default `samplegen build` command: interpreter start, imports, build and exit."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "samplegen.cli", "build", "--quiet", "--n", str(n), "--out", f"{folder}/ds"]
        return n / timed(lambda: subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL))


def metadata_figures(n: int, rounds: int) -> None:
    """samplegen's rows against Mimesis and Faker, in interleaved rounds; medians and ranges of the ratios."""
    profile = load_profile("us")
    contenders = {
        "samplegen rows, checked (as a build)": lambda: samplegen_rows(n, checked=True),
        "samplegen rows, unchecked": lambda: samplegen_rows(n, checked=False),
        "Mimesis like for like, row by row": lambda: rivals.mimesis_like_for_like(n, profile),
        "Mimesis field list, row by row": lambda: rivals.mimesis_field_list(n),
        "Mimesis Fieldset": lambda: rivals.mimesis_fieldset(n),
    }
    rates: dict[str, list[float]] = {name: [] for name in contenders}
    for function in contenders.values():  # a warm-up round, not counted: imports, first-use caches
        function()
    for _ in range(rounds):
        for name, function in contenders.items():
            rates[name].append(cpu_rate(n, function))
    for name, values in rates.items():
        print(f"{name:40s} median {statistics.median(values):8.0f} rows/s (range {min(values):.0f}-{max(values):.0f})")
    print(f"{'Faker':40s} {cpu_rate(n, lambda: rivals.faker_rows(n)):8.0f} rows/s (one round)")
    print(f"{'samplegen build to parquet':40s} {samplegen_metadata_build_per_second(n):8.0f} rows/s (one round, wall)")
    for ours in ("samplegen rows, checked (as a build)", "samplegen rows, unchecked"):
        for rival in ("Mimesis like for like, row by row", "Mimesis field list, row by row", "Mimesis Fieldset"):
            ratios = [a / b for a, b in zip(rates[ours], rates[rival], strict=True)]
            print(
                f"ratio {ours} / {rival}: median {statistics.median(ratios):.2f} "
                f"(range {min(ratios):.2f}-{max(ratios):.2f})   (target >= 2 against like for like)"
            )


def peak_rss_mib(args: list[str]) -> tuple[float, float]:
    """Peak RSS of a `samplegen build` process tree (main, all processes summed), sampled every 50 ms."""
    process = psutil.Popen(
        [sys.executable, "-m", "samplegen.cli", "build", "--quiet", *args], stdout=subprocess.DEVNULL
    )
    peak_main = peak_tree = 0
    while process.poll() is None:
        try:
            main = process.memory_info().rss
            tree = main + sum(child.memory_info().rss for child in process.children(recursive=True))
        except psutil.Error:
            continue
        peak_main, peak_tree = max(peak_main, main), max(peak_tree, tree)
        time.sleep(0.05)
    if process.returncode != 0:
        raise SystemExit(f"build {args} failed with exit code {process.returncode}")
    return peak_main / 2**20, peak_tree / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts for a smoke run")
    parser.add_argument("--images-only", action="store_true", help="only the image figures (about 2 minutes)")
    parser.add_argument("--metadata-only", action="store_true", help="only the metadata figures (about 1 minute)")
    args = parser.parse_args()
    image_n = 120 if args.quick else 3040  # the default build
    meta_n = 5_000 if args.quick else 30_000
    meta_rounds = 1 if args.quick else 5
    rss_sizes = (2_000, 20_000) if args.quick else (20_000, 200_000)

    print(
        f"# samplegen generator benchmark — {platform.node()}, {psutil.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    if args.metadata_only:
        print(f"\n## Metadata only (17 columns), {meta_n} rows, {meta_rounds} interleaved rounds, CPU time")
        metadata_figures(meta_n, meta_rounds)
        return
    image_rounds = 1 if args.quick else 5
    print(f"\n## Images: 512x512 JPEG q90, {image_n} rows, {image_rounds} interleaved round(s), median ratios")
    figures = []
    with tempfile.TemporaryDirectory() as pycache:
        env = _installed_like_env(pycache)
        for number in range(1, image_rounds + 1):
            encode_rate, render_rate = encode_only_per_second(image_n)
            one = image_rows_per_second(image_n, 1, env)
            two = image_rows_per_second(image_n, 2, env)
            cli = cli_rows_per_second(image_n, env)
            figures.append((one / encode_rate, two / one, cli / encode_rate))
            print(
                f"round {number}: JPEG encoding alone {1000 / encode_rate:.3f} ms/image, rendering alone "
                f"{1000 / render_rate:.3f} ms/image, build 1 process {one:.1f} rows/s, 2 processes {two:.1f} rows/s, "
                f"whole CLI command {cli:.1f} rows/s -> ratios {one / encode_rate:.3f}, {two / one:.3f}, "
                f"{cli / encode_rate:.3f}"
            )
    print(f"ratio build(1 proc) / encode-only = {statistics.median(f[0] for f in figures):.3f}   (target >= 0.5)")
    print(f"ratio 2 processes / 1 process     = {statistics.median(f[1] for f in figures):.3f}   (target >= 1.8)")
    cli_ratios = [f[2] for f in figures]
    print(
        f"ratio CLI build / encode-only     = {statistics.median(cli_ratios):.3f}   "
        f"(range {min(cli_ratios):.3f}-{max(cli_ratios):.3f};"
        " the whole `samplegen build` process, start-up included)"
    )
    if args.images_only:
        return

    print(f"\n## Metadata only (17 columns), {meta_n} rows, {meta_rounds} interleaved rounds, CPU time")
    metadata_figures(meta_n, meta_rounds)

    print("\n## Peak RSS (process tree), images 128x128, 2 processes")
    with tempfile.TemporaryDirectory() as folder:
        results = {}
        for n in rss_sizes:
            results[n] = peak_rss_mib(
                ["--n", str(n), "--image-size", "128", "--num-proc", "2", "--out", f"{folder}/r{n}"]
            )
            print(f"n={n:>7}: main {results[n][0]:7.1f} MiB, tree {results[n][1]:7.1f} MiB")
        small, large = rss_sizes
        print(
            f"ratio tree RSS {large} / {small} = {results[large][1] / results[small][1]:.2f}   "
            "(target <= 1.2, both < 1024 MiB)"
        )


if __name__ == "__main__":
    main()
