"""How a training run chose its rows, read back from its `training_config.json` (or defaults without one)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from finetune.errors import SettingsError
from finetune.outputs import CONFIG_FILE
from schemas.finetune import DataSettings, TrainSettings


def _default(model: type, field: str):
    return model.model_fields[field].get_default(call_default_factory=True)


@dataclass(frozen=True)
class RunRecord:
    """The data side of a run: what `finetune evaluate` needs to keep away from the training rows."""

    source: str | None  # the run's --data (None without a record)
    seed: int
    validation_fraction: float
    limit: int | None
    country: str | None
    question: str
    max_new_tokens: int
    image_cache: str | None
    download_workers: int
    recorded: bool  # False: no training_config.json (a foreign model), these are the defaults


def read_run_record(model: str | Path) -> RunRecord:
    """The record in `model`/training_config.json; the schema's defaults when there is none."""
    path = Path(model) / CONFIG_FILE
    config: dict = {}
    if path.is_file():
        try:
            config = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise SettingsError(f"cannot read {path}: {str(error).splitlines()[0]}") from None
        if not isinstance(config, dict) or not isinstance(config.get("data", {}), dict):
            raise SettingsError(f"{path} is not a finetune training config; remove it or retrain")
    data = config.get("data", {})
    return RunRecord(
        source=data.get("source"),
        seed=config.get("seed", _default(TrainSettings, "seed")),
        validation_fraction=data.get("validation_fraction", _default(DataSettings, "validation_fraction")),
        limit=data.get("limit", _default(DataSettings, "limit")),
        country=data.get("country", _default(DataSettings, "country")),
        question=config.get("question", _default(TrainSettings, "question")),
        max_new_tokens=config.get("max_new_tokens", _default(TrainSettings, "max_new_tokens")),
        image_cache=data.get("image_cache", _default(DataSettings, "image_cache")),
        download_workers=data.get("download_workers", _default(DataSettings, "download_workers")),
        recorded=bool(config),
    )
