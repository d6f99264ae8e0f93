"""`samplegen push`: publish a built data set folder to the Hugging Face Hub."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from samplegen.hub import DEFAULT_TIMEOUT, push


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


def add_command(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("push", help="publish a built data set folder as a Hub dataset repo")
    parser.add_argument("folder", metavar="DIR", help="folder written by `samplegen build --out DIR`")
    add_hub_arguments(parser, "dataset")
    parser.add_argument("--create-pr", action="store_true", help="open a pull request against main instead")
    parser.set_defaults(handler=run)


@contextmanager
def quiet_hub() -> Iterator[None]:
    """Only our one-line result or error: no huggingface_hub warnings, progress bars only on a terminal."""
    from huggingface_hub.utils import (  # noqa: PLC0415
        are_progress_bars_disabled,
        disable_progress_bars,
        enable_progress_bars,
        logging,
    )

    verbosity, bars_were_off = logging.get_verbosity(), are_progress_bars_disabled()
    logging.set_verbosity_error()
    if not sys.stderr.isatty():
        disable_progress_bars()
    try:
        yield
    finally:
        logging.set_verbosity(verbosity)
        if not bars_were_off:
            enable_progress_bars()


def run(args: argparse.Namespace) -> int:
    return publish(
        args.folder,
        args.repo_id,
        private=args.private,
        revision=args.revision,
        create_pr=args.create_pr,
        token=args.token,
        timeout=args.timeout,
    )


def publish(folder: str | os.PathLike, repo_id: str, **options: Any) -> int:
    """Push `folder` (options as for `samplegen.hub.push`), print the commit or PR URL, or that nothing changed."""
    with quiet_hub():
        result = push(folder, repo_id, **options)
    if result.changed:
        print(result.pr_url or result.commit_url)
    else:
        print(f"nothing changed: {result.repo_id}@{result.revision} already has these files")
    return 0
