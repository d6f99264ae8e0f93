"""Generator benchmark: image rows/s against JPEG encoding alone, metadata rows/s against Mimesis and
Faker, and peak memory at two sizes. Everything is measured side by side in one run; quote the ratios.
The image figures come from five interleaved rounds (encoding alone, a 1-process build, a 2-process
build) and the ratios printed are the medians of the rounds' ratios, which a noisy machine moves less.

    python bench/bench_generator.py            # full run (several minutes on 2 cores)
    python bench/bench_generator.py --quick    # smaller counts, for a smoke run
    python bench/bench_generator.py --images-only  # the image figures alone

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
from pathlib import Path

import psutil

from samplegen.builder import write_dataset
from samplegen.heap import kept_heap
from samplegen.plan import iter_plan
from samplegen.profiles import load_profile
from samplegen.rows import row_of
from samplegen.spec import ProfileTables, SpecMaker, plan_specs
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
    with kept_heap(allowed=True):  # the heap setting a build runs with, so that neither side gets page faults the other is spared
        for spec in plan_specs(config, profile):
            start = time.perf_counter()
            image = shots.render(spec)
            middle = time.perf_counter()
            image.save(io.BytesIO(), "JPEG", quality=90)
            encode_seconds += time.perf_counter() - middle
            render_seconds += middle - start
    return n / encode_seconds, n / render_seconds


def samplegen_metadata_rows_per_second(n: int) -> float:
    """Rows/s of the 17 columns; loading the profile is setup, as building Mimesis' Fieldset is."""
    config = BuildConfig(n=n, seed=0, with_images=False)
    profile = load_profile("us")
    tables = ProfileTables.of(profile)

    def run() -> None:
        maker = SpecMaker(0, tables)
        for planned in iter_plan(config, profile):
            row_of(maker.spec(planned), profile, tables.titles)

    return n / timed(run)


def samplegen_metadata_build_per_second(n: int) -> float:
    config = BuildConfig(n=n, seed=0, with_images=False)
    with tempfile.TemporaryDirectory() as folder:
        return n / timed(lambda: write_dataset(config, Path(folder) / "ds", progress=False))


def mimesis_rows_per_second(n: int) -> float:
    """Mimesis' fastest path: one Fieldset call per column, `i=n` values at once, zipped into rows."""
    from mimesis import Fieldset, Locale  # noqa: PLC0415

    fields = Fieldset(locale=Locale.EN, seed=0, i=n)

    def run() -> None:
        columns = [
            ["Burberry"] * n,
            fields("date", i=n),
            fields("country_code", i=n),
            fields("currency_iso_code", i=n),
            fields("company", i=n),
            fields("choice", items=["WOMAN", "MAN", "KIDS"], i=n),
            fields("word", i=n),
            fields("word", i=n),
            fields("integer_number", start=10_000_000, end=99_999_999, i=n),
            fields("title", i=n),
            fields("url", i=n),
            fields("uri", i=n),
            fields("price", minimum=32, maximum=70_000, i=n),
            fields("price", minimum=32, maximum=70_000, i=n),
            fields("price", minimum=30, maximum=65_000, i=n),
            fields("price", minimum=30, maximum=65_000, i=n),
            [0] * n,
        ]
        names = [f"c{i}" for i in range(17)]
        [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]

    return n / timed(run)


def faker_rows_per_second(n: int) -> float:
    from faker import Faker  # noqa: PLC0415

    fake = Faker("en_US")
    fake.seed_instance(0)

    def run() -> None:
        for _ in range(n):
            {
                "website_name": "Burberry",
                "competence_date": fake.date(),
                "country_code": fake.country_code(),
                "currency_code": fake.currency_code(),
                "brand": fake.company(),
                "category1_code": fake.random_element(("WOMAN", "MAN", "KIDS")),
                "category2_code": fake.word(),
                "category3_code": fake.word(),
                "product_code": fake.random_int(10_000_000, 99_999_999),
                "title": fake.catch_phrase(),
                "itemurl": fake.url(),
                "imageurl": fake.image_url(),
                "full_price": fake.pyfloat(min_value=32, max_value=70_000, right_digits=0),
                "price": 0.0,
                "full_price_eur": fake.pyfloat(min_value=30, max_value=65_000, right_digits=2),
                "price_eur": 0.0,
                "flg_discount": 0,
            }

    return n / timed(run)


def peak_rss_mib(args: list[str]) -> tuple[float, float]:
    """Peak RSS of a `samplegen build` process tree (main, all processes summed), sampled every 50 ms."""
    process = psutil.Popen([sys.executable, "-m", "samplegen.cli", "build", "--quiet", *args], stdout=subprocess.DEVNULL)
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
    args = parser.parse_args()
    image_n = 120 if args.quick else 3040  # the default build
    meta_n = 5_000 if args.quick else 30_000
    rss_sizes = (2_000, 20_000) if args.quick else (20_000, 200_000)

    print(f"# samplegen generator benchmark — {platform.node()}, {psutil.cpu_count()} cores, Python {platform.python_version()}")
    image_rounds = 1 if args.quick else 5
    print(f"\n## Images: 512x512 JPEG q90, {image_n} rows, {image_rounds} interleaved round(s), median ratios")
    figures = []
    with tempfile.TemporaryDirectory() as pycache:
        env = _installed_like_env(pycache)
        for number in range(1, image_rounds + 1):
            encode_rate, render_rate = encode_only_per_second(image_n)
            one = image_rows_per_second(image_n, 1, env)
            two = image_rows_per_second(image_n, 2, env)
            figures.append((one / encode_rate, two / one))
            print(
                f"round {number}: JPEG encoding alone {1000 / encode_rate:.3f} ms/image, rendering alone "
                f"{1000 / render_rate:.3f} ms/image, build 1 process {one:.1f} rows/s, 2 processes {two:.1f} rows/s"
                f" -> ratios {one / encode_rate:.3f}, {two / one:.3f}"
            )
    print(f"ratio build(1 proc) / encode-only = {statistics.median(f[0] for f in figures):.3f}   (target >= 0.5)")
    print(f"ratio 2 processes / 1 process     = {statistics.median(f[1] for f in figures):.3f}   (target >= 1.8)")
    if args.images_only:
        return

    print(f"\n## Metadata only (17 columns), {meta_n} rows, best of 3 interleaved rounds")
    rounds = [(samplegen_metadata_rows_per_second(meta_n), mimesis_rows_per_second(meta_n)) for _ in range(3)]
    ours, mimesis = max(r[0] for r in rounds), max(r[1] for r in rounds)  # best of 3, interleaved
    ours_build = samplegen_metadata_build_per_second(meta_n)
    faker = faker_rows_per_second(meta_n)
    print(f"samplegen rows (in memory)   {ours:10.0f} rows/s")
    print(f"samplegen build (to parquet) {ours_build:10.0f} rows/s")
    print(f"Mimesis Fieldset             {mimesis:10.0f} rows/s")
    print(f"Faker                        {faker:10.0f} rows/s")
    print(f"ratio samplegen / Mimesis = {ours / mimesis:.2f} in memory, {ours_build / mimesis:.2f} to parquet   (target >= 2)")
    print(f"ratio samplegen / Faker   = {ours / faker:.2f}")

    print("\n## Peak RSS (process tree), images 128x128, 2 processes")
    with tempfile.TemporaryDirectory() as folder:
        results = {}
        for n in rss_sizes:
            results[n] = peak_rss_mib(["--n", str(n), "--image-size", "128", "--num-proc", "2", "--out", f"{folder}/r{n}"])
            print(f"n={n:>7}: main {results[n][0]:7.1f} MiB, tree {results[n][1]:7.1f} MiB")
        small, large = rss_sizes
        print(f"ratio tree RSS {large} / {small} = {results[large][1] / results[small][1]:.2f}   (target <= 1.2, both < 1024 MiB)")


if __name__ == "__main__":
    main()
