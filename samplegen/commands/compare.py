"""`samplegen compare`: score a synthetic data set against a real DBQ file (a fidelity report)."""

from __future__ import annotations

import argparse


def add_command(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "compare",
        help="score a synthetic data set against a real DBQ file (fidelity report)",
        description="Print a fidelity table: schema conformance, column shapes, pair trends, coverage, overall.",
    )
    parser.add_argument("synth", metavar="SYNTH", help="synthetic source: samplegen folder, parquet/CSV/JSONL file")
    parser.add_argument("real", metavar="REAL", help="real DBQ source: parquet/CSV/JSONL file, folder or Hub id")
    parser.add_argument("--report", metavar="DIR", help="also write report.md, report.json and PNG plots here")
    parser.add_argument("--country", metavar="CODE", help="keep only this country_code of REAL (e.g. USA, CHI)")
    parser.add_argument("--synth-country", metavar="CODE", help="keep only this country_code of SYNTH")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import datasets  # noqa: PLC0415

    from samplegen.fidelity import compare  # noqa: PLC0415

    bars_were_on = datasets.is_progress_bar_enabled()
    datasets.disable_progress_bars()  # reading a folder should not draw "Generating split" bars
    try:
        report = compare(
            args.synth,
            args.real,
            synth_country=args.synth_country,
            real_country=args.country,
            report_dir=args.report,
        )
    finally:
        if bars_were_on:
            datasets.enable_progress_bars()
    print(report.table())
    if args.report:
        print(f"report written to {args.report}")
    return 0
