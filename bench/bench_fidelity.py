"""Fidelity benchmark: the default US build against the published facts of the real US file, and
profile-fitted builds against each country's real rows in tests/fixtures.

    python bench/bench_fidelity.py
"""

from __future__ import annotations

import re
import statistics
import tempfile
from collections import Counter
from pathlib import Path

import samplegen
from samplegen.dbq import read_dbq
from schemas import BuildConfig, to_eur

REFERENCE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "dbq_burberry_rows.csv"
COUNTRIES = ["ARE", "CHI", "FRA", "ITA", "JPN", "SGP"]
GUID_URL = re.compile(r"^https://assets\.burberry\.com/is/image/Burberryltd/[0-9A-F-]{36}$")


def us_fact_checks(frame) -> list[tuple[str, str, str, bool]]:
    """(fact, real value from docs/dbq-burberry.md, measured, holds) for the default US build."""
    prices = frame["full_price"]
    titles = frame["title"]
    codes = frame["product_code"]
    words = Counter(word for title in titles for word in title.split())
    beauty_eyewear = frame[frame["category2_code"].isin(["BEAUTY", "EYEWEAR", "FRAGRANCE"])]
    median_words = statistics.median(len(t.split()) for t in titles)
    share_core = float(((prices >= 270) & (prices <= 4350)).mean())
    checks = [
        ("rows", "3,040", f"{len(frame):,}", len(frame) == 3040),
        (
            "category1 values",
            "WOMAN, MAN, KIDS",
            ", ".join(sorted(frame["category1_code"].unique())),
            set(frame["category1_code"]) == {"WOMAN", "MAN", "KIDS"},
        ),
        ("distinct category2", "26", str(frame["category2_code"].nunique()), frame["category2_code"].nunique() == 26),
        (
            "category3 length",
            "3-28",
            f"{frame['category3_code'].str.len().min()}-{frame['category3_code'].str.len().max()}",
            frame["category3_code"].str.len().between(3, 28).all(),
        ),
        (
            "product_code range",
            "26M-80.9M, 8 digits",
            f"{codes.min():,}-{codes.max():,}",
            codes.between(26_000_000, 80_900_000).all(),
        ),
        ("codes end in 1", "all", f"{(codes % 10 == 1).mean():.0%}", (codes % 10 == 1).all()),
        (
            "beauty/eyewear codes start 40",
            "all",
            f"{beauty_eyewear['product_code'].astype(str).str.startswith('40').mean():.0%}",
            beauty_eyewear["product_code"].astype(str).str.startswith("40").all(),
        ),
        (
            "title length",
            "8-71",
            f"{titles.str.len().min()}-{titles.str.len().max()}",
            titles.str.len().between(8, 71).all(),
        ),
        ("median title words", "about 4", f"{median_words:g}", 3 <= median_words <= 5),
        (
            "most common title words",
            "Check, Cotton",
            ", ".join(w for w, _ in words.most_common(3)),
            words.most_common(1)[0][0] == "Check" and "Cotton" in dict(words.most_common(3)),
        ),
        (
            "itemurl length",
            "42-105",
            f"{frame['itemurl'].str.len().min()}-{frame['itemurl'].str.len().max()}",
            frame["itemurl"].str.len().between(42, 105).all(),
        ),
        (
            "imageurl",
            "85 chars GUID, few placeholders",
            f"{frame['imageurl'].map(lambda u: bool(GUID_URL.match(u))).mean():.1%} GUID",
            frame["imageurl"].map(lambda u: bool(GUID_URL.match(u)) or u == "N.A.").all(),
        ),
        (
            "price range",
            "32-70,000",
            f"{prices.min():,.0f}-{prices.max():,.0f}",
            prices.min() >= 32 and prices.max() <= 70_000,
        ),
        ("median price", "about 1,200", f"{prices.median():,.0f}", 1_000 <= prices.median() <= 1_400),
        ("share 270-4,350", "most", f"{share_core:.0%}", share_core >= 0.7),
        ("long tail", "tens of thousands", f"max {prices.max():,.0f}", prices.max() >= 10_000),
        (
            "prices >= 100 are multiples of 10",
            "sampled ones are",
            f"{(prices[prices >= 100] % 10 == 0).mean():.0%}",
            (prices[prices >= 100] % 10 == 0).all(),
        ),
        (
            "EUR = price / 1.084 truncated",
            "all rows",
            f"{(frame['full_price_eur'] == prices.map(lambda p: to_eur(p, '1.084'))).mean():.0%}",
            (frame["full_price_eur"] == prices.map(lambda p: to_eur(p, "1.084"))).all(),
        ),
        (
            "flg_discount",
            "0 everywhere",
            ", ".join(str(int(v)) for v in sorted(frame["flg_discount"].unique())),
            set(frame["flg_discount"]) == {0},
        ),
    ]
    return checks


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        us = samplegen.write_dataset(BuildConfig(n=3040, seed=0, with_images=False), root / "us", progress=False)
        frame = read_dbq(us).frame
        checks = us_fact_checks(frame)
        print("## Default US build (3,040 rows, seed 0) against the facts of the real US file\n")
        print("| fact | real | synthetic | holds |\n|---|---|---|---|")
        for fact, real, measured, holds in checks:
            print(f"| {fact} | {real} | {measured} | {'yes' if holds else 'NO'} |")
        print(f"\n{sum(c[3] for c in checks)} of {len(checks)} facts hold.\n")

        print("## Profile-fitted builds (3,040 rows, seed 0) against each country's real rows\n")
        print("| country | real rows | overall | column shapes | pair trends | coverage | worst |")
        print("|---|---|---|---|---|---|---|")
        for country in COUNTRIES:
            profile_path = root / f"{country}.json"
            samplegen.profile(REFERENCE, country=country, out=profile_path)
            built = samplegen.write_dataset(
                BuildConfig(n=3040, seed=0, profile=str(profile_path), with_images=False),
                root / country,
                progress=False,
            )
            report = samplegen.compare(built, REFERENCE, real_country=country)
            print(
                f"| {country} | {report.real_rows} | {report.overall:.3f} | {report.column_shapes:.3f} | "
                f"{report.pair_trends:.3f} | {report.coverage_score:.3f} | {report.worst_text()} |"
            )


if __name__ == "__main__":
    main()
