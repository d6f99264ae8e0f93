"""`samplegen preview`: a contact sheet of sample images with their title, category and price."""

from __future__ import annotations

import argparse


def add_command(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "preview", help="contact sheet (PNG or JPEG) of sample images with title, category, price"
    )
    parser.add_argument("folder", help="a built data set folder")
    parser.add_argument("-o", "--out", required=True, help="sheet to write: .png, or .jpg/.jpeg for JPEG")
    parser.add_argument("--n", type=int, default=24, help="images on the sheet (default 24)")
    parser.add_argument("--split", help="split to sample (default: the first)")
    parser.add_argument("--seed", type=int, default=0, help="which rows are sampled")
    parser.add_argument("--columns", type=int, default=6, help="images per row of the sheet")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import datasets  # noqa: PLC0415

    from samplegen.sheet import preview  # noqa: PLC0415

    datasets.disable_progress_bars()  # the command prints only the sheet's path

    print(preview(args.folder, args.out, n=args.n, split=args.split, seed=args.seed, columns=args.columns))
    return 0
