"""What a training run leaves behind besides the weights: config, metrics, samples, model card; and push."""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml

from schemas.finetune import TrainSettings

CONFIG_FILE = "training_config.json"
METRICS_FILE = "metrics.json"
SAMPLES_FILE = "samples.json"
CARD_FILE = "README.md"
# What a model repo gets: weights (full or adapter), processor and tokenizer files, our records.
MODEL_PATTERNS = ["*.json", "*.safetensors", "*.jinja", "*.txt", "*.model", "README.md"]


def write_json(path: Path, data: object) -> None:
    """Write JSON atomically: a half-written file never carries the final name."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(json.dumps(data, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    os.replace(partial, path)


def _metric_lines(metrics: dict) -> str:
    names = ("category3_accuracy", "price_mape", "price_within_10pct", "title_exact_match", "title_token_f1", "parse_rate")
    rows = ["| metric | baseline | before | after |", "|---|---|---|---|"]
    for name in names:
        cells = [metrics.get(stage, {}).get(name) for stage in ("baseline", "before", "after")]
        rows.append(f"| {name} | " + " | ".join("n/a" if c is None else f"{c:.3f}" for c in cells) + " |")
    return "\n".join(rows)


def write_model_card(output: Path, settings: TrainSettings, metrics: dict) -> None:
    """README.md for the model repo: base model, data, settings and the evaluation by generation."""
    header = yaml.safe_dump(
        {
            "base_model": settings.model.name,
            "library_name": "peft" if settings.model.method in ("lora", "qlora") else "transformers",
            "pipeline_tag": "image-text-to-text",
            "tags": ["finetune", "samplegen", "product-pricing", settings.model.method],
        },
        sort_keys=False,
    )
    data = metrics.get("data", {})
    text = f"""---
{header}---

# {settings.model.name} fine-tuned to read product photos

Answers "{settings.question}" about a product photo with
`Product: <title>, Category: <category3>, Full Price: <price>`.

- Base model: `{settings.model.name}` ({settings.model.method}, vision tower {"frozen" if settings.model.freeze_vision else "trained"})
- Data: `{settings.data.source}` — {data.get("train_rows", "?")} training rows, {data.get("validation_rows", "?")} validation rows
- Settings: batch {settings.batch_size} × accumulation {settings.gradient_accumulation}, learning rate {settings.learning_rate},
  {settings.lr_scheduler} schedule, {"max steps " + str(settings.max_steps) if settings.max_steps > 0 else f"{settings.epochs:g} epochs"}, seed {settings.seed}.
  Full settings: `{CONFIG_FILE}`.

## Evaluation by generation ({metrics.get("after", {}).get("samples", 0)} validation samples)

Baseline: the majority category and the mean training price for every sample.

{_metric_lines(metrics)}

All numbers: `{METRICS_FILE}`; sample answers: `{SAMPLES_FILE}`.
"""
    partial = output / f".{CARD_FILE}.partial"
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, output / CARD_FILE)


def push_model(output: Path, repo_id: str, *, private: bool = False, token: str | None = None):
    """Publish the trained model folder (no checkpoints) to a model repo with the Hub client."""
    from samplegen.hub import upload  # noqa: PLC0415

    return upload(
        output,
        repo_id,
        repo_type="model",
        allow_patterns=MODEL_PATTERNS,
        delete_patterns=None,
        ignore_patterns=["checkpoint-*", "checkpoint-*/*", ".*"],
        private=private,
        token=token,
        commit_message="Upload fine-tuned model (finetune)",
    )
