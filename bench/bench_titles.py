"""Title and price quality of the default build: duplicate titles at different prices, doubled words,
price spread within one title, and the price distribution.

    python bench/bench_titles.py [--n 3040] [--seed 0]
"""

from __future__ import annotations

import argparse
import math
import re
import statistics
import tempfile
from collections import defaultdict
from pathlib import Path

import samplegen
from samplegen.real import read_dbq
from schemas import BuildConfig

BLOCK = 40  # product codes reserved per product group (samplegen.plan.BLOCK): variants share code // 40
_TOKEN = re.compile(r"[\s-]+")


def _stem(token: str) -> str:
    token = token.lower()
    return token[:-1] if len(token) > 3 and token.endswith("s") else token


def doubled(title: str) -> bool:
    """A word written twice (ignoring case, hyphens and a plural s), e.g. "Short Short-sleeve"."""
    if " – " in title:
        return False
    tokens = [_stem(t) for t in _TOKEN.split(title) if t and t.lower() != "and"]
    return len(tokens) != len(set(tokens))


def measure(frame) -> dict[str, float]:
    products: dict[str, dict[int, float]] = defaultdict(dict)  # title -> product -> full price
    for title, code, price in zip(frame["title"], frame["product_code"], frame["full_price"], strict=True):
        products[title][(code - 1) // BLOCK] = price
    shared = {title: prices for title, prices in products.items() if len(prices) > 1}
    differing = [title for title, prices in shared.items() if len(set(prices.values())) > 1]
    spreads = []
    for prices in shared.values():
        logs = [math.log(p) for p in prices.values()]
        mean = statistics.fmean(logs)
        spreads.extend((value - mean) ** 2 for value in logs)
    dof = sum(len(p) - 1 for p in shared.values())
    return {
        "rows": len(frame),
        "distinct titles": len(products),
        "titles shared by >1 product": len(shared),
        "share of titles shared by products with different prices": len(differing) / len(products),
        "rows with a doubled word": int(sum(doubled(t) for t in frame["title"])),
        "within-title log-price sd": math.sqrt(sum(spreads) / dof) if dof else 0.0,
        "median price": float(frame["full_price"].median()),
        "share 270-4,350": float(((frame["full_price"] >= 270) & (frame["full_price"] <= 4350)).mean()),
        "max price": float(frame["full_price"].max()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3040)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        built = samplegen.write_dataset(
            BuildConfig(n=args.n, seed=args.seed, with_images=False), Path(folder) / "us", progress=False
        )
        frame = read_dbq(built).frame
    for name, value in measure(frame).items():
        print(f"| {name} | {value:,.3f} |" if isinstance(value, float) else f"| {name} | {value:,} |")
    doubles = sorted({t for t in frame["title"] if doubled(t)})
    if doubles:
        print("\ndoubled:", "; ".join(doubles[:15]))


if __name__ == "__main__":
    main()
