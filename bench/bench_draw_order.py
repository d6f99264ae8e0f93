"""Drawing order benchmark: a chunk's rows drawn and encoded one row at a time (`ProductShots.draw`), against
its index images drawn back to back first (`ProductShots.draw_many`), as a 1-process build makes them.

The two orders alternate chunk by chunk within each pass (and swap places from one pass to the next), so a
shared, noisy machine slows both alike; the figure is the median over pairs of passes of the time ratio.

    python bench/bench_draw_order.py             # 8 passes over the default 3,040 rows, chunks of 16
    python bench/bench_draw_order.py --passes 2  # a quick look
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

from samplegen.plan import iter_plan
from samplegen.profiles import load_profile
from samplegen.render.shots import ProductShots
from samplegen.spec import ProfileTables, SpecMaker
from samplegen.work import CHUNK_ROWS, encode_image
from schemas import BuildConfig


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=8, help="passes over the rows (an even number)")
    parser.add_argument("--chunk", type=int, default=CHUNK_ROWS[True], help="rows per chunk")
    args = parser.parse_args()
    config = BuildConfig(n=3040, seed=0)
    profile = load_profile(config.profile)
    plan = list(iter_plan(config, profile))
    tables = ProfileTables.of(profile)
    maker = SpecMaker(config.seed, tables)
    shots = ProductShots(config.seed, config.image_size)
    machine = f"{platform.node()}, Python {platform.python_version()}"
    print(f"# drawing order — {machine}, {len(plan)} rows, chunks of {args.chunk}")
    totals: list[dict[str, float]] = []
    for number in range(max(2, args.passes)):
        seconds = {"one row at a time": 0.0, "draw_many": 0.0}
        for index, start in enumerate(range(0, len(plan), args.chunk)):
            order = ("one row at a time", "draw_many")[(index + number) % 2]
            chunk = plan[start : start + args.chunk]
            specs = [maker.spec(planned) for planned in chunk]
            prepared = shots.prepare(specs)
            begin = time.perf_counter()
            images = (
                (shots.draw(shot) for shot in prepared) if order == "one row at a time" else shots.draw_many(prepared)
            )
            for image in images:
                encode_image(image, config.image_format, config.image_quality)
            seconds[order] += time.perf_counter() - begin
        totals.append(seconds)
        print(
            f"pass {number + 1}: "
            + ", ".join(f"{name} {1e6 * s / (len(plan) / 2):.0f} us/row" for name, s in seconds.items())
        )
    ratios = [
        (first["draw_many"] + second["draw_many"]) / (first["one row at a time"] + second["one row at a time"])
        for first, second in zip(totals[::2], totals[1::2], strict=False)
    ]
    print(f"time draw_many / one row at a time, per pair of passes: {', '.join(f'{r:.3f}' for r in ratios)}")
    print(f"median {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
