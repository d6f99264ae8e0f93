"""What the `samplegen` and `finetune` command lines share.

A parser whose usage mistakes are one line, the options of every Hub push command, and `run_handler`,
which runs a command so that a user's mistake is one line (`<program>: error: ...`, exit code 2) and
Ctrl-C is one line (exit code 130); the program's debug variable brings tracebacks back.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from samplegen.hub_upload import DEFAULT_TIMEOUT

__all__ = ["EXIT_INTERRUPTED", "EXIT_USAGE", "OneLineParser", "add_hub_arguments", "run_handler"]

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        program, _, command = self.prog.partition(" ")  # a subcommand's parser is "samplegen build"
        where = f"{command}: " if command else ""
        self.exit(EXIT_USAGE, f"{program}: error: {where}{message} (see {self.prog} --help)\n")


def add_hub_arguments(parser: argparse.ArgumentParser, repo_kind: str) -> None:
    """The options every push command shares: repo id, privacy, branch, token, timeout."""
    parser.add_argument("--repo-id", required=True, help=f"{repo_kind} repo, e.g. user/name (created if missing)")
    parser.add_argument("--private", action="store_true", help="create the repo private")
    parser.add_argument("--revision", metavar="BRANCH", help="push to this branch (created from main if missing)")
    parser.add_argument("--token", help="Hub token (default: HF_TOKEN, then the saved `hf auth login`)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"how long to wait on the Hub (default {DEFAULT_TIMEOUT:g})",
    )


def run_handler(
    program: str,
    handler: Callable[[], int],
    errors: tuple[type[BaseException], ...],
    debug_variable: str,
) -> int:
    """`handler()`'s exit code; an exception of `errors` is one line on stderr and exit code 2, unless
    `debug_variable` is set in the environment (then it propagates, traceback and all)."""
    try:
        return handler()
    except errors as error:
        if os.environ.get(debug_variable):
            raise
        print(f"{program}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{program}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
