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

from samplegen.commands import build, ceiling, compare, preview, profile, push
from samplegen.errors import SamplegenError
from samplegen.version import samplegen_version

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        program, _, command = self.prog.partition(" ")  # a subcommand's parser is "samplegen build"
        where = f"{command}: " if command else ""
        self.exit(EXIT_USAGE, f"{program}: error: {where}{message} (see {self.prog} --help)\n")


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
    debug = bool(os.environ.get("SAMPLEGEN_DEBUG"))
    try:
        with warnings.catch_warnings():
            if not debug:  # numeric warnings of the libraries are not for the user; errors are one line
                warnings.simplefilter("ignore", RuntimeWarning)
            return args.handler(args)
    except SamplegenError as error:
        if debug:
            raise
        print(f"samplegen: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("samplegen: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
