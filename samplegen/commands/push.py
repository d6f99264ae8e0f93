"""`samplegen push`: publish a built data set folder to the Hugging Face Hub."""

from __future__ import annotations

import argparse
import os
from typing import Any

from samplegen.command_line import add_hub_arguments
from samplegen.hub import push
from samplegen.hub_upload import quiet_hub


def add_command(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("push", help="publish a built data set folder as a Hub dataset repo")
    parser.add_argument("folder", metavar="DIR", help="folder written by `samplegen build --out DIR`")
    add_hub_arguments(parser, "dataset")
    parser.add_argument("--create-pr", action="store_true", help="open a pull request against main instead")
    parser.set_defaults(handler=run)


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
