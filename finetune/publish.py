"""Publish a finished `finetune train` or `finetune merge` folder as a Hub model repo.

The Hub side is samplegen's (samplegen.hub_upload): the token is `token`, else HF_TOKEN, else the saved
`hf auth login`, and appears in no message or file; every Hub failure is one line (a PushError).
"""

from __future__ import annotations

import os
from pathlib import Path

from finetune.outputs import CARD_FILE, CONFIG_FILE
from samplegen.errors import PushError
from samplegen.hub_upload import DEFAULT_TIMEOUT, PushResult, check_write_access, has_front_matter, upload

ADAPTER_FILES = ("adapter_config.json", "adapter_model.safetensors")
# What a model repo gets: weights (full or adapter), processor and tokenizer files, our records.
MODEL_PATTERNS = ["*.json", "*.safetensors", "*.jinja", "*.txt", "*.model", CARD_FILE]
IGNORE_PATTERNS = ["checkpoint-*", "checkpoint-*/*", "runs/*", ".*"]
# Weights of an earlier push this folder does not have (an adapter replaced by its merge, or back): deleted.
STALE_PATTERNS = ["*.safetensors", "model.safetensors.index.json", "adapter_config.json", "config.json"]
COMMIT_MESSAGE = "Upload fine-tuned model (finetune)"
OUTPUT_HINT = "pass the --out folder of `finetune train` or `finetune merge`"


def _has_weights(path: Path) -> bool:
    adapter = all((path / name).is_file() for name in ADAPTER_FILES)
    full = (path / "config.json").is_file() and any(path.glob("model*.safetensors"))
    return adapter or full


def check_output_folder(folder: str | os.PathLike) -> Path:
    """The folder as an absolute path if it is a finished finetune output, else a one-line PushError."""
    path = Path(folder).expanduser().absolute()
    if not path.exists():
        raise PushError(f"{path} does not exist: {OUTPUT_HINT}")
    if not path.is_dir():
        raise PushError(f"{path} is not a folder: {OUTPUT_HINT}")
    if not _has_weights(path):
        if any(path.glob("checkpoint-*")):
            raise PushError(f"{path} holds only checkpoints, so training did not finish: continue it with --resume")
        raise PushError(f"{path} holds no trained model (adapter or model weights): {OUTPUT_HINT}")
    if not (path / CONFIG_FILE).is_file():
        raise PushError(f"{path} has no {CONFIG_FILE}, so it is not a finetune output: {OUTPUT_HINT}")
    if not (path / CARD_FILE).is_file() or not has_front_matter(path / CARD_FILE):
        raise PushError(f"{path} has no model card ({CARD_FILE} with front matter), so it is unfinished: {OUTPUT_HINT}")
    return path


def check_push_access(repo_id: str, *, token: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> str:
    """Repo id format and the token's write access, asked of the Hub before training; returns the account."""
    return check_write_access(repo_id, repo_type="model", token=token, timeout=timeout)


def push(
    folder: str | os.PathLike,
    repo_id: str,
    *,
    private: bool = False,
    revision: str | None = None,
    token: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> PushResult:
    """Publish a trained (adapter or full) or merged folder to the model repo `repo_id`, created if missing.

    Uploads the weights, processor files, training_config.json, metrics.json and the card, never checkpoints;
    removes weights of an earlier push that this folder does not have. `revision` is a branch, created from
    main if missing; `private` applies to a new repo. Raises PushError (one line) on any failure.
    """
    return upload(
        check_output_folder(folder),
        repo_id,
        repo_type="model",
        allow_patterns=MODEL_PATTERNS,
        delete_patterns=STALE_PATTERNS,
        ignore_patterns=IGNORE_PATTERNS,
        private=private,
        revision=revision,
        token=token,
        commit_message=COMMIT_MESSAGE,
        timeout=timeout,
    )
