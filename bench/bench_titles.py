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
from samplegen.dbq import read_dbq
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


def _shared(frame, keys: list[str]) -> tuple[int, int, int, float]:
    """(distinct keys, keys shared by >1 product, of those with different prices, pooled log-price sd)."""
    products: dict[tuple, dict[int, float]] = defaultdict(dict)  # key -> product -> full price
    columns = [frame[key] for key in keys]
    for *key, code, price in zip(*columns, frame["product_code"], frame["full_price"], strict=True):
        products[tuple(key)][(code - 1) // BLOCK] = price
    shared = [prices for prices in products.values() if len(prices) > 1]
    differing = sum(len(set(prices.values())) > 1 for prices in shared)
    squares = 0.0
    for prices in shared:
        logs = [math.log(p) for p in prices.values()]
        mean = statistics.fmean(logs)
        squares += sum((value - mean) ** 2 for value in logs)
    dof = sum(len(p) - 1 for p in shared)
    return len(products), len(shared), differing, math.sqrt(squares / dof) if dof else 0.0


def measure(frame) -> dict[str, float]:
    titles, shared, differing, spread = _shared(frame, ["title"])
    in_leaf = _shared(frame, ["title", "category1_code", "category2_code", "category3_code"])
    return {
        "rows": len(frame),
        "distinct titles": titles,
        "titles shared by >1 product": shared,
        "share of titles shared by products with different prices": differing / titles,
        "same, per title and category leaf": in_leaf[2] / in_leaf[0],
        "rows with a doubled word": int(sum(doubled(t) for t in frame["title"])),
        "within-title log-price sd": spread,
        "within title-and-leaf log-price sd": in_leaf[3],
        "median title words": float(statistics.median(len(t.split()) for t in frame["title"])),
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
