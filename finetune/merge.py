"""Fold a LoRA adapter into its base model and save a stand-alone model folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pydantic import ValidationError

from finetune.errors import ModelError, SettingsError
from finetune.models.loading import ADAPTER_CONFIG, adapter_base_model, load_trained
from finetune.outputs import CONFIG_FILE, METRICS_FILE, write_merged_card
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


def merge(adapter: str | Path, out: str | Path, *, dtype: str = "auto", overwrite: bool = False) -> Path:
    """Merge the adapter saved in `adapter` into its base and write model, processor, records and card to `out`."""
    source, target = Path(adapter), Path(out)
    if not (source / ADAPTER_CONFIG).is_file():
        raise ModelError(f"{source} holds no LoRA adapter ({ADAPTER_CONFIG}); only LoRA runs need merging")
    if target.exists() and any(target.iterdir()) and not overwrite:
        raise SettingsError(f"output folder {target} is not empty; pass --overwrite or choose another folder")
    loaded = load_trained(source, dtype=dtype)
    merged = loaded.model.merge_and_unload()
    staging = target.with_name(f".{target.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    merged.save_pretrained(staging)
    loaded.processor.save_pretrained(staging)
    for name in (CONFIG_FILE, METRICS_FILE):
        if (source / name).is_file():
            shutil.copy2(source / name, staging / name)
    settings, metrics = _run_records(source)
    write_merged_card(staging, adapter_base_model(source), source.absolute(), settings, metrics)
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return target
