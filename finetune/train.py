"""The training recipe: set up data and model, evaluate, train on HF Trainer, evaluate, save.

Runs unchanged under `accelerate launch` or `torchrun` for several GPUs: Trainer spreads the batches;
the generation evaluation runs on the main process.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from finetune.collate import TrainingCollator
from finetune.errors import SettingsError
from finetune.generation import evaluate_rows
from finetune.metrics import baseline_predictions, score
from finetune.models.loading import LoadedModel, load_for_training
from finetune.outputs import CONFIG_FILE, METRICS_FILE, SAMPLES_FILE, write_json, write_model_card
from schemas.finetune import TrainSettings

log = logging.getLogger("finetune")


@dataclass
class TrainResult:
    output_dir: Path
    metrics: dict


REPORTER_PACKAGES = {"wandb": "wandb", "tensorboard": "tensorboard"}


def _check_reporter(report_to: str) -> None:
    """--report-to needs its package; say so before any work rather than deep inside Trainer."""
    package = REPORTER_PACKAGES.get(report_to)
    if package is not None and importlib.util.find_spec(package) is None:
        raise SettingsError(f"--report-to {report_to} needs the {package} package: pip install {package} (or --report-to none)")


def _check_output(settings: TrainSettings) -> Path:
    output = Path(settings.output_dir)
    if output.exists() and not output.is_dir():
        raise SettingsError(f"output {output} exists and is not a folder; choose a folder path")
    has_checkpoints = output.is_dir() and any(output.glob("checkpoint-*"))
    if settings.resume and not has_checkpoints:
        raise SettingsError(f"--resume given but {output} holds no checkpoint-*; train without --resume first")
    if not settings.resume and output.is_dir() and any(output.iterdir()):
        raise SettingsError(f"output folder {output} is not empty; pass --resume to continue it, or choose another folder")
    return output


def _training_arguments(settings: TrainSettings, loaded: LoadedModel, output: Path):
    import torch  # noqa: PLC0415
    from transformers import TrainingArguments  # noqa: PLC0415

    return TrainingArguments(
        output_dir=str(output),
        per_device_train_batch_size=settings.batch_size,
        gradient_accumulation_steps=settings.gradient_accumulation,
        learning_rate=settings.learning_rate,
        weight_decay=settings.weight_decay,
        num_train_epochs=settings.epochs,
        max_steps=settings.max_steps,
        warmup_steps=settings.warmup_ratio,
        lr_scheduler_type=settings.lr_scheduler,
        logging_steps=settings.logging_steps,
        save_strategy="steps",
        save_steps=settings.save_steps,
        save_total_limit=settings.save_total_limit,
        eval_strategy="no",  # evaluation is by generation, in GenerationEvaluation
        report_to=[] if settings.report_to == "none" else [settings.report_to],
        bf16=loaded.dtype == torch.bfloat16 and torch.cuda.is_available(),
        fp16=loaded.dtype == torch.float16 and torch.cuda.is_available(),
        remove_unused_columns=False,  # the collator needs the image and the DBQ fields
        dataloader_num_workers=settings.dataloader_workers,
        seed=settings.seed,
        disable_tqdm=not os.isatty(2),
        use_cpu=not torch.cuda.is_available(),
    )


class GenerationEvaluation:
    """Evaluates by generation on a fixed validation sample and logs through the Trainer's reporters."""

    def __init__(self, settings: TrainSettings, loaded: LoadedModel, rows: list[dict], autocast: bool = False) -> None:
        self.settings = settings
        self.loaded = loaded
        self.rows = rows
        self.autocast = autocast  # generate under autocast to the model's dtype, as training runs
        self.history: list[dict] = []
        self.samples: list[dict] = []

    def run(self, step: int, trainer: Any) -> dict:
        import torch  # noqa: PLC0415

        device_type = next(trainer.model.parameters()).device.type
        with torch.autocast(device_type, dtype=self.loaded.dtype, enabled=self.autocast):
            metrics, samples = evaluate_rows(
                trainer.model,
                self.loaded.processor,
                self.loaded.family,
                self.rows,
                question=self.settings.question,
                max_new_tokens=self.settings.max_new_tokens,
                batch_size=self.settings.eval_batch_size,
            )
        self.history.append({"step": step, **metrics})
        self.samples = samples
        trainer.log({f"eval/{key}": value for key, value in metrics.items() if isinstance(value, int | float)})
        _log_samples(self.settings.report_to, trainer, self.rows, samples, step)
        log.info("step %d evaluation: %s", step, json.dumps(metrics))
        return metrics

    def callback(self, trainer: Any):
        from transformers import TrainerCallback  # noqa: PLC0415

        evaluation = self

        class _Every(TrainerCallback):
            def on_step_end(self, args, state, control, **kwargs):
                every = evaluation.settings.eval_steps
                if every and state.global_step % every == 0 and state.is_world_process_zero:
                    evaluation.run(state.global_step, trainer)

        return _Every()


def _log_samples(report_to: str, trainer: Any, rows: list[dict], samples: list[dict], step: int) -> None:
    """A table of (image, truth, prediction) to W&B, or the samples as text to TensorBoard."""
    shown = samples[:16]
    if report_to == "wandb":
        import wandb  # noqa: PLC0415

        if wandb.run is not None:
            table = wandb.Table(columns=["image", "truth", "answer"])
            for row, sample in zip(rows, shown, strict=False):
                table.add_data(wandb.Image(row["image"]), json.dumps(sample["truth"]), sample["answer"])
            wandb.log({"eval/samples": table}, step=step)
    elif report_to == "tensorboard":
        from transformers.integrations import TensorBoardCallback  # noqa: PLC0415

        for callback in trainer.callback_handler.callbacks:
            if isinstance(callback, TensorBoardCallback) and callback.tb_writer is not None:
                text = "\n\n".join(f"truth: {json.dumps(s['truth'])}  \nanswer: {s['answer']}" for s in shown)
                callback.tb_writer.add_text("eval/samples", text, step)


def train(settings: TrainSettings) -> TrainResult:
    """Fine-tune as `settings` say and save adapter or model, processor, config, metrics and card."""
    from peft.helpers import disable_input_dtype_casting  # noqa: PLC0415
    from transformers import Trainer  # noqa: PLC0415

    from finetune.data import DownloadSettings, load_training_data  # noqa: PLC0415

    _check_reporter(settings.report_to)
    output = _check_output(settings)
    log.info("resolved settings: %s", settings.model_dump_json())
    data = load_training_data(
        settings.data.source,
        validation_fraction=settings.data.validation_fraction,
        limit=settings.data.limit,
        seed=settings.seed,
        country=settings.data.country,
        cache_dir=settings.data.image_cache,
        download=DownloadSettings(workers=settings.data.download_workers),
    )
    loaded = load_for_training(settings.model)
    collator = TrainingCollator(loaded.processor, loaded.family, settings.question, settings.price_format)
    eval_rows = [data.validation[i] for i in range(min(settings.eval_samples, data.validation.num_rows))]
    arguments = _training_arguments(settings, loaded, output)
    mixed_precision = arguments.bf16 or arguments.fp16  # the Trainer runs each forward under autocast
    evaluation = GenerationEvaluation(settings, loaded, eval_rows, autocast=mixed_precision)
    trainer = Trainer(model=loaded.model, args=arguments, train_dataset=data.train, data_collator=collator)
    trainer.add_callback(evaluation.callback(trainer))
    before = evaluation.run(0, trainer) if trainer.is_world_process_zero() else {}
    # peft keeps LoRA weights in float32 and copies every adapted layer's input to float32; under autocast
    # the adapter matmuls run in bf16/fp16 all the same, so the copies only cost memory and time
    with disable_input_dtype_casting(loaded.model, active=mixed_precision and settings.model.method == "lora"):
        outcome = trainer.train(resume_from_checkpoint=True if settings.resume else None)
    after = evaluation.run(trainer.state.global_step, trainer) if trainer.is_world_process_zero() else {}
    train_rows = [{"title": t, "category3_code": c, "full_price": p} for t, c, p in zip(
        data.train["title"], data.train["category3_code"], data.train["full_price"], strict=True)]
    truths = [{"title": r["title"], "category3_code": r["category3_code"], "full_price": float(r["full_price"])} for r in eval_rows]
    metrics = {
        "before": before,
        "after": after,
        "baseline": score(baseline_predictions(train_rows, len(truths)), truths),
        "history": evaluation.history,
        "train": {key: value for key, value in outcome.metrics.items()},
        "losses": [{"step": e["step"], "loss": e["loss"]} for e in trainer.state.log_history if "loss" in e],
        "data": data.report.as_dict(),
    }
    if trainer.is_world_process_zero():
        trainer.save_model(str(output))
        loaded.processor.save_pretrained(str(output))
        write_json(output / CONFIG_FILE, settings.model_dump(mode="json"))
        write_json(output / METRICS_FILE, metrics)
        write_json(output / SAMPLES_FILE, evaluation.samples)
        write_model_card(output, settings, metrics)
        if settings.push_to:
            from finetune.outputs import push_model  # noqa: PLC0415

            push_model(output, settings.push_to)
    return TrainResult(output_dir=output, metrics=metrics)
