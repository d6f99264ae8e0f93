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
from finetune.models.loading import LoadedModel, check_model_settings, load_for_training
from finetune.outputs import CONFIG_FILE, METRICS_FILE, SAMPLES_FILE, write_json, write_model_card
from finetune.reporting import log_samples, reporter_folders, tensorboard_folder
from finetune.speed import (
    attention_for_varying_shapes,
    compile_layers,
    compile_wanted,
    loader_workers,
    training_forwards_without_cache,
)
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
        raise SettingsError(
            f"--report-to {report_to} needs the {package} package: pip install {package} (or --report-to none)"
        )


def _check_output(settings: TrainSettings) -> Path:
    output = Path(settings.output_dir)
    if output.exists() and not output.is_dir():
        raise SettingsError(f"output {output} exists and is not a folder; choose a folder path")
    has_checkpoints = output.is_dir() and any(output.glob("checkpoint-*"))
    if settings.resume and not has_checkpoints:
        raise SettingsError(f"--resume given but {output} holds no checkpoint-*; train without --resume first")
    if not settings.resume and output.is_dir() and any(output.iterdir()):
        raise SettingsError(
            f"output folder {output} is not empty; pass --resume to continue it, or choose another folder"
        )
    return output


def _training_arguments(settings: TrainSettings, loaded: LoadedModel, output: Path, has_validation: bool = True):
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
        # validation loss at every --eval-steps; generation runs after it, in GenerationEvaluation
        eval_strategy="steps" if settings.eval_steps and has_validation else "no",
        eval_steps=settings.eval_steps if has_validation else None,
        per_device_eval_batch_size=settings.eval_batch_size,
        prediction_loss_only=True,
        label_names=["labels"],
        report_to=[] if settings.report_to == "none" else [settings.report_to],
        bf16=loaded.dtype == torch.bfloat16 and torch.cuda.is_available(),
        fp16=loaded.dtype == torch.float16 and torch.cuda.is_available(),
        remove_unused_columns=False,  # the collator needs the image and the DBQ fields
        dataloader_num_workers=loader_workers(settings.dataloader_workers, torch.cuda.is_available()),
        seed=settings.seed,
        disable_tqdm=not os.isatty(2),
        use_cpu=not torch.cuda.is_available(),
    )


class GenerationEvaluation:
    """Evaluates by generation on a fixed validation sample, with the validation loss, and logs both.

    Runs inside `Trainer.evaluate` (its `on_evaluate` event), after the Trainer has logged the training
    loss of that step and the validation loss (`eval_loss`), so no logged value is lost.
    """

    def __init__(self, settings: TrainSettings, loaded: LoadedModel, rows: list[dict], autocast: bool = False) -> None:
        self.settings = settings
        self.loaded = loaded
        self.rows = rows
        self.autocast = autocast  # generate under autocast to the model's dtype, as training runs
        self.history: list[dict] = []
        self.samples: list[dict] = []
        self.evaluated_step: int | None = None  # on every process, so all agree whether to evaluate again

    def run(self, step: int, trainer: Any, validation_loss: float | None = None) -> dict:
        """Generate, score, log the scores at `step` (as eval_*), log the samples; one history entry."""
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
        if validation_loss is not None:
            metrics = {"validation_loss": validation_loss, **metrics}
        self.history.append({"step": step, **metrics})
        self.samples = samples
        scores = {key: value for key, value in metrics.items() if key != "validation_loss"}
        trainer.log({f"eval_{key}": value for key, value in scores.items() if isinstance(value, int | float)})
        log_samples(self.settings.report_to, trainer, self.rows, samples, step)
        log.info("step %d evaluation: %s", step, json.dumps(metrics))
        return metrics

    def evaluate_now(self, trainer: Any) -> dict:
        """Validation loss (Trainer.evaluate, which calls back into `run`), or generation alone without one."""
        if trainer.eval_dataset is not None:
            trainer.evaluate()
        else:
            self.evaluated_step = trainer.state.global_step
            if trainer.is_world_process_zero():
                self.run(trainer.state.global_step, trainer)
        return self.latest(trainer.state.global_step)

    def latest(self, step: int) -> dict:
        """The evaluation at `step` without its step number, or {} if there was none (other processes)."""
        if self.history and self.history[-1]["step"] == step:
            return {key: value for key, value in self.history[-1].items() if key != "step"}
        return {}

    def callback(self, trainer: Any):
        """Runs `run` after each Trainer evaluation, and asks for one at the last step."""
        from transformers import TrainerCallback  # noqa: PLC0415

        evaluation = self

        class _AfterEvaluate(TrainerCallback):
            def on_step_end(self, args, state, control, **kwargs):
                if trainer.eval_dataset is not None and state.global_step >= state.max_steps:
                    control.should_evaluate = True  # the "after" evaluation, while the reporters are open

            def on_evaluate(self, args, state, control, metrics=None, **kwargs):
                evaluation.evaluated_step = state.global_step
                if state.is_world_process_zero:
                    evaluation.run(state.global_step, trainer, (metrics or {}).get("eval_loss"))

        return _AfterEvaluate()


def train(settings: TrainSettings) -> TrainResult:
    """Fine-tune as `settings` say and save adapter or model, processor, config, metrics and card."""
    _check_reporter(settings.report_to)
    check_model_settings(settings.model)  # a missing model folder fails before the data is read
    if settings.push_to:  # a bad repo id or token fails now, not after the training
        from finetune.publish import check_push_access  # noqa: PLC0415

        check_push_access(settings.push_to)
    output = _check_output(settings)
    with reporter_folders(settings.report_to, output):
        return _train(settings, output)


def _train(settings: TrainSettings, output: Path) -> TrainResult:
    import torch  # noqa: PLC0415
    from peft.helpers import disable_input_dtype_casting  # noqa: PLC0415
    from transformers import Trainer, set_seed  # noqa: PLC0415

    from finetune.data import DownloadSettings, load_training_data  # noqa: PLC0415

    log.debug("resolved settings: %s", settings.model_dump_json())  # training_config.json keeps them
    data = load_training_data(
        settings.data.source,
        validation_fraction=settings.data.validation_fraction,
        limit=settings.data.limit,
        seed=settings.seed,
        country=settings.data.country,
        cache_dir=settings.data.image_cache,
        download=DownloadSettings(workers=settings.data.download_workers),
    )
    log.info("data: %s", data.report.summary())
    set_seed(settings.seed)  # LoRA adapters (and any fresh head) are initialised from the seeded generator
    loaded = load_for_training(settings.model)
    cuda = torch.cuda.is_available()
    if compile_wanted(settings.compile, cuda):
        log.info("torch.compile: %d layers", compile_layers(loaded.model, loaded.family))
    collator = TrainingCollator(loaded.processor, loaded.family, settings.question, settings.price_format)
    eval_rows = [data.validation[i] for i in range(min(settings.eval_samples, data.validation.num_rows))]
    has_validation = data.validation.num_rows > 0
    arguments = _training_arguments(settings, loaded, output, has_validation)
    mixed_precision = arguments.bf16 or arguments.fp16  # the Trainer runs each forward under autocast
    evaluation = GenerationEvaluation(settings, loaded, eval_rows, autocast=mixed_precision)
    trainer = Trainer(
        model=loaded.model,
        args=arguments,
        train_dataset=data.train,
        eval_dataset=data.validation if has_validation else None,
        data_collator=collator,
    )
    trainer.add_callback(evaluation.callback(trainer))
    tensorboard_folder(trainer, output)
    with training_forwards_without_cache(loaded.model):
        before = evaluation.evaluate_now(trainer)
    # peft keeps LoRA weights in float32 and copies every adapted layer's input to float32; under autocast
    # the adapter matmuls run in bf16/fp16 all the same, so the copies only cost memory and time
    with (
        attention_for_varying_shapes(cuda),
        disable_input_dtype_casting(loaded.model, active=mixed_precision and settings.model.method == "lora"),
        training_forwards_without_cache(loaded.model),
    ):
        outcome = trainer.train(resume_from_checkpoint=True if settings.resume else None)
    step = trainer.state.global_step
    with training_forwards_without_cache(loaded.model):
        after = evaluation.latest(step) if evaluation.evaluated_step == step else evaluation.evaluate_now(trainer)
    train_rows = [
        {"title": t, "category3_code": c, "full_price": p}
        for t, c, p in zip(data.train["title"], data.train["category3_code"], data.train["full_price"], strict=True)
    ]
    truths = [
        {"title": r["title"], "category3_code": r["category3_code"], "full_price": float(r["full_price"])}
        for r in eval_rows
    ]
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
            from finetune.publish import push  # noqa: PLC0415

            push(output, settings.push_to)
    return TrainResult(output_dir=output, metrics=metrics)
