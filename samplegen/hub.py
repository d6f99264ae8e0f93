"""Publish a built data set folder (README.md + data/*.parquet) as a Hugging Face Hub dataset repo."""

from __future__ import annotations

import os
from pathlib import Path

from samplegen.errors import PushError
from samplegen.hub_upload import DEFAULT_TIMEOUT, PushResult, has_front_matter, upload

__all__ = ["PushError", "PushResult", "check_folder", "push"]

ALLOW_PATTERNS = ["README.md", "data/*.parquet"]
DELETE_PATTERNS = ["data/*.parquet"]  # shards of an earlier build that this folder no longer has
DEFAULT_COMMIT_MESSAGE = "Upload data set with samplegen"


def check_folder(folder: str | os.PathLike) -> Path:
    """The folder as an absolute path if it looks like a `samplegen build` output, else a one-line PushError."""
    path = Path(folder).expanduser().absolute()
    build_hint = f"build it with `samplegen build --out {path}`"
    if not path.exists():
        raise PushError(f"{path} does not exist: {build_hint}")
    if not path.is_dir():
        raise PushError(f"{path} is not a folder: push the folder `samplegen build --out DIR` wrote")
    card = path / "README.md"
    if not card.is_file():
        raise PushError(f"{path} has no README.md, so it is not a built data set: {build_hint}")
    if not has_front_matter(card):
        raise PushError(f"{card} has no YAML front matter (a --- block of metadata on top): rebuild the folder")
    if not any((path / "data").glob("*.parquet")):
        raise PushError(f"{path / 'data'} holds no .parquet shards: rebuild the folder")
    return path


def push(
    folder: str | os.PathLike,
    repo_id: str,
    *,
    private: bool = False,
    revision: str | None = None,
    create_pr: bool = False,
    token: str | None = None,
    commit_message: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> PushResult:
    """Publish `folder` to the dataset repo `repo_id` (created if missing) and say what changed.

    Uploads README.md and data/*.parquet only, and deletes remote data/*.parquet shards the folder no
    longer has. `revision` is a branch, created from the default branch if missing. `create_pr` opens a pull
    request against the default branch (a new one each time the folder differs from it). `private` applies
    to a new repo; an existing public repo is refused rather than silently published. The token is `token`,
    else HF_TOKEN, else the saved `hf auth login`, and appears in no message; the endpoint is HF_ENDPOINT.
    `timeout` bounds each wait on the Hub, in seconds.
    """
    return upload(
        check_folder(folder),
        repo_id,
        repo_type="dataset",
        allow_patterns=ALLOW_PATTERNS,
        delete_patterns=DELETE_PATTERNS,
        private=private,
        revision=revision,
        create_pr=create_pr,
        token=token,
        commit_message=commit_message or DEFAULT_COMMIT_MESSAGE,
        timeout=timeout,
    )
