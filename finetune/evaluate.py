"""Evaluate a trained model by generation on rows its training never saw, beside the majority/mean baseline.

The rows: a samplegen set's `test` split when it has one (never read for training), else the run's own
validation rows, chosen with the seed, validation fraction, limit and country in the run's
`training_config.json`. The baseline is computed from the run's training rows, as `train` does.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from finetune.errors import SettingsError
from finetune.generation import check_generation_options, evaluate_rows
from finetune.metrics import baseline_predictions, score
from finetune.models.loading import load_trained
from finetune.outputs import CONFIG_FILE
from finetune.run_record import RunRecord, read_run_record

log = logging.getLogger("finetune")

SPLITS = ("auto", "test", "validation")  # auto: test when the source has it, else validation


def _with_overrides(record: RunRecord, model: str | Path, **given) -> RunRecord:
    """The record with the values given; a value that contradicts a recorded run is an error."""
    given = {name: value for name, value in given.items() if value is not None}
    if record.recorded:
        for name, value in given.items():
            if value != getattr(record, name):
                flag = "--" + name.replace("_", "-")
                raise SettingsError(
                    f"the run in {model} used {name} {getattr(record, name)!r}, not {value!r}; another value would "
                    f"evaluate on rows the model trained on: leave {flag} out"
                )
        return record
    return replace(record, **given)


def _truths(rows: list[dict]) -> list[dict]:
    return [
        {"title": r["title"], "category3_code": r["category3_code"], "full_price": float(r["full_price"])} for r in rows
    ]


def evaluate(
    model: str | Path,
    data: str | None = None,
    *,
    samples: int = 256,
    split: str = "auto",
    validation_fraction: float | None = None,
    seed: int | None = None,
    limit: int | None = None,
    country: str | None = None,
    max_new_tokens: int | None = None,
    batch_size: int = 8,
    dtype: str = "auto",
) -> tuple[dict, list[dict]]:
    """Metrics on up to `samples` held-out rows, with `split` and `baseline`; and one record per sample.

    `data` defaults to the run's source. `seed`, `validation_fraction`, `limit` and `country` are read
    from the run; give them only for a model folder without training_config.json (a foreign model).
    """
    from finetune.data import DownloadSettings, load_held_out_data, load_training_data  # noqa: PLC0415

    if split not in SPLITS:
        raise SettingsError(f"split must be one of {', '.join(SPLITS)} (got {split!r})")
    if samples < 1:
        raise SettingsError(f"samples must be at least 1 (got {samples})")
    check_generation_options(batch_size=batch_size, max_new_tokens=max_new_tokens)
    record = _with_overrides(
        read_run_record(model), model, seed=seed, validation_fraction=validation_fraction, limit=limit, country=country
    )
    source = data or record.source
    if source is None:
        raise SettingsError(f"{model} has no {CONFIG_FILE} naming the run's data; pass --data")
    if not record.recorded:
        log.warning(
            "%s has no %s (a merged or foreign model?): validation rows are chosen with seed %d and validation "
            "fraction %g, which may include rows the model was trained on; a test split is unaffected",
            model,
            CONFIG_FILE,
            record.seed,
            record.validation_fraction,
        )
    options = {
        "seed": record.seed,
        "country": record.country,
        "cache_dir": record.image_cache,
        "download": DownloadSettings(workers=record.download_workers),
    }
    run_data = load_training_data(source, validation_fraction=record.validation_fraction, limit=record.limit, **options)
    log.info("data (the run's split): %s", run_data.report.summary())
    has_test = bool(run_data.report.splits_held_out)
    if split == "auto":
        split = "test" if has_test else "validation"
    if split == "test":
        held_out = load_held_out_data(source, limit=samples, **options)
        log.info("data (held out): %s", held_out.report.summary())
        rows = [held_out.rows[i] for i in range(held_out.rows.num_rows)]
    else:
        rows = [run_data.validation[i] for i in range(min(samples, run_data.validation.num_rows))]
    if not rows:
        raise SettingsError(f"{source} has no {split} rows to evaluate on with this run's split")

    loaded = load_trained(model, dtype=dtype)
    metrics, records = evaluate_rows(
        loaded.model,
        loaded.processor,
        loaded.family,
        rows,
        question=record.question,
        max_new_tokens=max_new_tokens if max_new_tokens is not None else record.max_new_tokens,
        batch_size=batch_size,
    )
    train_rows = run_data.train.select_columns(["title", "category3_code", "full_price"]).to_list()
    baseline = score(baseline_predictions(train_rows, len(rows)), _truths(rows)) if train_rows else {"samples": 0}
    return {"split": split, **metrics, "baseline": baseline}, records
