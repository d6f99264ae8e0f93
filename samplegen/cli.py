"""`samplegen` command line: a thin layer over the Python API.

User mistakes print one line (`samplegen: error: ...`) and exit with code 2; set SAMPLEGEN_DEBUG=1 for
tracebacks.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence

from samplegen.errors import ConfigError, SamplegenError

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class _OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _parse_splits(text: str) -> dict[str, float]:
    splits: dict[str, float] = {}
    for part in text.split(","):
        name, _, share = part.partition("=")
        try:
            splits[name.strip()] = float(share)
        except ValueError:
            raise ConfigError(f"--splits must look like train=0.9,test=0.1, got {text!r}") from None
    return splits


def _add_build(commands: argparse._SubParsersAction) -> None:
    from schemas import BuildConfig  # noqa: PLC0415

    defaults = BuildConfig()
    parser = commands.add_parser("build", help="generate a data set folder (parquet shards + dataset card)")
    parser.add_argument("--n", type=int, default=defaults.n, help=f"rows over all splits (default {defaults.n})")
    parser.add_argument("--seed", type=int, default=defaults.seed, help="seed; same seed and version, same bytes")
    parser.add_argument("--out", default="out/samplegen-us", help="output folder (default out/samplegen-us)")
    parser.add_argument("--profile", default=defaults.profile, help="built-in profile name or profile JSON path")
    parser.add_argument("--image-size", type=int, default=defaults.image_size, help="image side in pixels")
    parser.add_argument("--image-format", default=defaults.image_format.value, help="JPEG, PNG or WEBP")
    parser.add_argument("--quality", type=int, default=defaults.image_quality, help="JPEG/WEBP quality 1-100")
    parser.add_argument(
        "--splits", default=",".join(f"{k}={v:g}" for k, v in defaults.splits.items()), help="e.g. train=0.9,test=0.1"
    )
    parser.add_argument("--num-proc", type=int, default=defaults.num_proc, help="worker processes")
    parser.add_argument("--shard-size", type=int, default=defaults.shard_size, help="rows per parquet shard")
    parser.add_argument("--no-images", action="store_true", help="only the 17 DBQ columns")
    parser.add_argument("--overwrite", action="store_true", help="replace a non-empty output folder")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(handler=_run_build)


def _run_build(args: argparse.Namespace) -> int:
    from samplegen.build import make_config, write_dataset  # noqa: PLC0415

    config = make_config(
        n=args.n,
        seed=args.seed,
        profile=args.profile,
        image_size=args.image_size,
        image_format=args.image_format,
        image_quality=args.quality,
        splits=_parse_splits(args.splits),
        num_proc=args.num_proc,
        shard_size=args.shard_size,
        with_images=not args.no_images,
    )
    folder = write_dataset(config, args.out, overwrite=args.overwrite, progress=False if args.quiet else None)
    print(folder)
    return 0


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [_add_build]


def make_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="samplegen", description="Synthetic DBQ-shaped product data sets with images.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_OneLineParser)
    for add in COMMANDS:
        add(commands)
    return parser


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _terminate)  # clean up staged output on `kill` as on Ctrl-C
    args = make_parser().parse_args(argv)
    try:
        return args.handler(args)
    except SamplegenError as error:
        if os.environ.get("SAMPLEGEN_DEBUG"):
            raise
        print(f"samplegen: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("samplegen: interrupted; no output folder was left behind", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
