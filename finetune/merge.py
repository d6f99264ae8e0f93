"""Fold a LoRA adapter into its base model and save a stand-alone model folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from finetune.errors import ModelError, SettingsError
from finetune.models.loading import ADAPTER_CONFIG, load_trained
from finetune.outputs import CARD_FILE, CONFIG_FILE, METRICS_FILE


def merge(adapter: str | Path, out: str | Path, *, dtype: str = "auto", overwrite: bool = False) -> Path:
    """Merge the adapter saved in `adapter` into its base and write model + processor to `out`."""
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
    for name in (CONFIG_FILE, METRICS_FILE, CARD_FILE):
        if (source / name).is_file():
            shutil.copy2(source / name, staging / name)
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return target
