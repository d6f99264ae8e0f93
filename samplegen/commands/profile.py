"""`samplegen profile`: fit a generator profile from a real DBQ file."""

from __future__ import annotations

import argparse


def add_command(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("profile", help="fit a generator profile from a real DBQ file, folder or Hub id")
    parser.add_argument("real", help="CSV, parquet or JSON-lines file, data set folder, or Hub id (owner/name)")
    parser.add_argument("-o", "--out", required=True, help="where to write the profile JSON")
    parser.add_argument("--country", help="keep only this country_code (needed when the file mixes countries)")
    parser.add_argument("--name", help="profile name (default fitted-<country>)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from samplegen.dbq import read_dbq  # noqa: PLC0415
    from samplegen.fit import fit_profile, save_profile  # noqa: PLC0415

    real = read_dbq(args.real, country=args.country)
    fitted, summary = fit_profile(real, name=args.name)
    path = save_profile(fitted, args.out)
    print(
        f"fitted {summary.rows} rows ({fitted.country_code}, {fitted.currency_code}, EUR rate {summary.eur_rate}): "
        f"{summary.leaves} category leaves, {len(summary.kinds)} item kinds -> {path}"
    )
    if real.dropped_columns:
        print(f"ignored columns not in the DBQ format: {', '.join(real.dropped_columns)}")
    if summary.unread_titles:
        shown = "; ".join(summary.unread_titles[:5])
        print(
            f"{len(summary.unread_titles)} titles end in no known item noun (drawn as their category's kind): {shown}"
        )
    return 0
