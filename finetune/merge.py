"""Fold a LoRA adapter into its base model and save a stand-alone model folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pydantic import ValidationError

from finetune.errors import FinetuneError, ModelError, SettingsError
from finetune.models.loading import ADAPTER_CONFIG, adapter_base_model, load_trained
from finetune.outputs import CONFIG_FILE, METRICS_FILE, write_merged_card
from samplegen.atomic import partial_path, replace_folder
from schemas.finetune import TrainSettings


def _run_records(source: Path) -> tuple[TrainSettings | None, dict]:
    """The LoRA run's settings (None if missing or unreadable) and metrics ({} if missing)."""
    try:
        settings = TrainSettings.model_validate_json((source / CONFIG_FILE).read_text(encoding="utf-8"))
    except (OSError, ValidationError):
        settings = None
    try:
        metrics = json.loads((source / METRICS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        metrics = {}
    return settings, metrics


def _check_target(target: Path, overwrite: bool) -> None:
    """Refuse an --out that is a file, or a non-empty folder without `overwrite`, before any model loads."""
    if target.exists() and not target.is_dir():
        raise SettingsError(f"output {target} is a file, not a folder; choose a folder for the merged model")
    if target.exists() and any(target.iterdir()) and not overwrite:
        raise SettingsError(f"output folder {target} is not empty; pass --overwrite or choose another folder")
    if target.parent.exists() and not target.parent.is_dir():
        raise SettingsError(f"output {target}: {target.parent} is a file, not a folder")


def _write_staging(staging: Path, source: Path, loaded, merged) -> None:
    """Model, processor, run records and card into `staging`."""
    merged.save_pretrained(staging)
    loaded.processor.save_pretrained(staging)
    for name in (CONFIG_FILE, METRICS_FILE):
        if (source / name).is_file():
            shutil.copy2(source / name, staging / name)
    settings, metrics = _run_records(source)
    write_merged_card(staging, adapter_base_model(source), source.absolute(), settings, metrics)


def merge(adapter: str | Path, out: str | Path, *, dtype: str = "auto", overwrite: bool = False) -> Path:
    """Merge the adapter saved in `adapter` into its base and write model, processor, records and card to `out`.

    Everything is written to a hidden staging folder beside `out` first and moved into place at the end;
    a write that fails (read-only or full filesystem) removes the staging folder and says so in one line.
    """
    source, target = Path(adapter), Path(out)
    if not (source / ADAPTER_CONFIG).is_file():
        raise ModelError(f"{source} holds no LoRA adapter ({ADAPTER_CONFIG}); only LoRA runs need merging")
    _check_target(target, overwrite)
    loaded = load_trained(source, dtype=dtype)
    merged = loaded.model.merge_and_unload()
    staging = partial_path(target)
    try:
        shutil.rmtree(staging, ignore_errors=True)
        _write_staging(staging, source, loaded, merged)
        replace_folder(staging, target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        reason = error.strerror or str(error).splitlines()[0]
        raise FinetuneError(f"cannot write the merged model to {target}: {reason}") from None
    return target
