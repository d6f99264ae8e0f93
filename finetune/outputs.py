"""What a training run or a merge leaves behind besides the weights: config, metrics, samples, model cards."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from samplegen.atomic import write_text
from schemas.finetune import TrainSettings

CONFIG_FILE = "training_config.json"
METRICS_FILE = "metrics.json"
SAMPLES_FILE = "samples.json"
CARD_FILE = "README.md"
TASK = "`Product: <title>, Category: <category3>, Full Price: <price>`"


def write_json(path: Path, data: object) -> None:
    """Write JSON atomically: a half-written file never carries the final name."""
    write_text(path, json.dumps(data, indent=1, ensure_ascii=False, default=str) + "\n")


def _metric_lines(metrics: dict) -> str:
    names = (
        "category3_accuracy",
        "price_mape",
        "price_within_10pct",
        "title_exact_match",
        "title_token_f1",
        "parse_rate",
    )
    rows = ["| metric | baseline | before | after |", "|---|---|---|---|"]
    for name in names:
        cells = [metrics.get(stage, {}).get(name) for stage in ("baseline", "before", "after")]
        rows.append(f"| {name} | " + " | ".join("n/a" if c is None else f"{c:.3f}" for c in cells) + " |")
    return "\n".join(rows)


def _row_counts(metrics: dict) -> str:
    data = metrics.get("data", {})
    return f"{data.get('train_rows', '?')} training rows, {data.get('validation_rows', '?')} validation rows"


def _batch(settings: TrainSettings) -> str:
    return f"batch {settings.batch_size} × accumulation {settings.gradient_accumulation}"


def write_model_card(output: Path, settings: TrainSettings, metrics: dict) -> None:
    """README.md for the model repo: base model, data, settings and the evaluation by generation."""
    header = yaml.safe_dump(
        {
            **_base_model_field(settings.model.name),
            "library_name": "peft" if settings.model.method in ("lora", "qlora") else "transformers",
            "pipeline_tag": "image-text-to-text",
            "tags": ["finetune", "samplegen", "product-pricing", settings.model.method],
        },
        sort_keys=False,
    )
    vision = "frozen" if settings.model.freeze_vision else "trained"
    length = f"max steps {settings.max_steps}" if settings.max_steps > 0 else f"{settings.epochs:g} epochs"
    text = f"""---
{header}---

# {settings.model.name} fine-tuned to read product photos

Answers "{settings.question}" about a product photo with
`Product: <title>, Category: <category3>, Full Price: <price>`.

- Base model: `{settings.model.name}` ({settings.model.method}, vision tower {vision})
- Data: `{settings.data.source}` — {_row_counts(metrics)}
- Settings: {_batch(settings)}, learning rate {settings.learning_rate},
  {settings.lr_scheduler} schedule, {length}, seed {settings.seed}.
  Full settings: `{CONFIG_FILE}`.

## Evaluation by generation ({metrics.get("after", {}).get("samples", 0)} validation samples)

Baseline: the majority category and the mean training price for every sample.

{_metric_lines(metrics)}

All numbers: `{METRICS_FILE}`; sample answers: `{SAMPLES_FILE}`.
"""
    write_text(output / CARD_FILE, text)


def hub_model_id(name: str) -> str | None:
    """`name` if it is a Hub model id (owner/name, not a folder here), else None: cards name local bases in prose
    only."""
    path = Path(name).expanduser()
    if path.is_absolute() or path.exists() or name.startswith((".", "~")) or name.count("/") > 1:
        return None
    return name


def _base_model_field(name: str) -> dict:
    """The card's `base_model` metadata: only a Hub id, since a folder path there names no model on the Hub."""
    hub_id = hub_model_id(name)
    return {"base_model": hub_id} if hub_id else {}


def write_merged_card(output: Path, base: str, adapter: Path, settings: TrainSettings | None, metrics: dict) -> None:
    """README.md for a merged model: the LoRA adapter of `adapter` folded into `base`, a plain transformers model."""
    header = yaml.safe_dump(
        {
            **_base_model_field(base),
            "library_name": "transformers",
            "pipeline_tag": "image-text-to-text",
            "tags": ["finetune", "samplegen", "product-pricing", "merged-lora"],
        },
        sort_keys=False,
    )
    question = settings.question if settings else "the trained question"
    if settings is not None:
        vision = "frozen" if settings.model.freeze_vision else "trained"
        training = f"""## Training

- Data: `{settings.data.source}` — {_row_counts(metrics)}
- LoRA r {settings.model.lora_r}, alpha {settings.model.lora_alpha}, vision tower {vision};
  {_batch(settings)}, learning rate {settings.learning_rate}, seed {settings.seed}.
  Full settings of the run: `{CONFIG_FILE}`.
"""
    else:
        training = "## Training\n\nThe run's settings were not found beside the adapter.\n"
    evaluation = ""
    if metrics.get("after"):
        evaluation = f"""
## Evaluation by generation ({metrics["after"].get("samples", 0)} validation samples, before the merge)

Merging changes no answer beyond rounding. Baseline: the majority category and the mean training price.

{_metric_lines(metrics)}

All numbers: `{METRICS_FILE}`.
"""
    text = f"""---
{header}---

# {base} fine-tuned to read product photos (LoRA merged)

The LoRA adapter trained by `finetune train` in `{adapter.name}` merged into the base model `{base}`:
full weights, one stand-alone model; loading it needs neither the adapter nor peft.

Answers "{question}" about a product photo with {TASK}.

```python
import finetune  # registers the native Phi-3-vision with the Auto classes
from transformers import AutoModelForImageTextToText, AutoProcessor

model = AutoModelForImageTextToText.from_pretrained("<this repo or folder>")
processor = AutoProcessor.from_pretrained("<this repo or folder>")
```

or `finetune predict --model <this folder> photo.jpg`.

{training}{evaluation}"""
    write_text(output / CARD_FILE, text)
