"""`samplegen ceiling`: the learnability ceiling of a built folder (what a perfect reader of its images scores)."""

from __future__ import annotations

import argparse
import json

FIGURES = (  # (label, field, format) in the order printed
    ("category3 accuracy", "category3_accuracy", "{:.3f}"),
    ("exact title", "title_exact", "{:.3f}"),
    ("full price MAPE", "price_mape", "{:.1%}"),
    ("full price within 10%", "price_within_10pct", "{:.1%}"),
    ("full price tercile accuracy", "price_tercile_accuracy", "{:.3f}"),
)


def add_command(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "ceiling", help="learnability ceiling of a built folder: an oracle that sees exactly what each image draws"
    )
    parser.add_argument("folder", help="a folder `samplegen build` wrote")
    parser.add_argument("--profile", help="the profile the folder was built with, when its recorded path is gone")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from samplegen.learnability import ceiling  # noqa: PLC0415

    result = ceiling(args.folder, profile=args.profile)
    if args.json:
        print(json.dumps(result.as_dict()))
        return 0
    print(
        f"learnability ceiling of {args.folder}: an oracle that sees exactly what each image draws, fitted on "
        f"{result.train_rows:,} train rows, scored on {result.test_rows:,} test rows"
    )
    for label, field, shape in FIGURES:
        print(f"  {label:<28} {shape.format(getattr(result, field))}")
    shared = f"{result.shared_noun_rows:,} of {result.observed_rows:,}"
    print(f"  rows whose noun is drawn like another noun of its kind: {shared}")
    return 0
