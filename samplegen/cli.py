"""`samplegen` command line: a thin layer over the Python API.

User mistakes print one line (`samplegen: error: ...`) and exit with code 2; set SAMPLEGEN_DEBUG=1 for
tracebacks.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import warnings
from collections.abc import Callable, Sequence

from samplegen.command_line import OneLineParser, run_handler
from samplegen.commands import build, ceiling, compare, preview, profile, push
from samplegen.errors import SamplegenError
from samplegen.version import samplegen_version

DEBUG_VARIABLE = "SAMPLEGEN_DEBUG"

COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    build.add_command,
    profile.add_command,
    compare.add_command,
    preview.add_command,
    ceiling.add_command,
    push.add_command,
]


def make_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="samplegen", description="Synthetic DBQ-shaped product data sets with images.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {samplegen_version()}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    for add in COMMANDS:
        add(commands)
    return parser


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _terminate)  # clean up staged output on `kill` as on Ctrl-C
    args = make_parser().parse_args(argv)

    def run() -> int:
        with warnings.catch_warnings():
            if not os.environ.get(DEBUG_VARIABLE):  # numeric warnings of the libraries are not for the user
                warnings.simplefilter("ignore", RuntimeWarning)
            return args.handler(args)

    return run_handler("samplegen", run, (SamplegenError,), DEBUG_VARIABLE)


if __name__ == "__main__":
    sys.exit(main())
