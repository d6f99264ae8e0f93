"""Where TensorBoard and W&B write (inside the run's output folder) and how evaluation samples reach them.

Scalars go through `Trainer.log`, so every reporter sees them at the Trainer's global step. The sample
table goes to W&B the way transformers' WandbCallback logs: no explicit `step=`, with
`train/global_step` in the same call (the run's x-axis), so W&B never sees a step out of order.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from finetune.collate import open_image

RUNS_FOLDER = "runs"  # TensorBoard event files: <output>/runs
SHOWN_SAMPLES = 16


@contextlib.contextmanager
def reporter_folders(report_to: str, output: Path) -> Iterator[None]:
    """Point W&B at `output` (WANDB_DIR, unless the user set it) and finish a W&B run started inside."""
    if report_to != "wandb":
        yield
        return
    import wandb  # noqa: PLC0415

    had_run = wandb.run is not None
    previous = os.environ.get("WANDB_DIR")
    if previous is None:
        output.mkdir(parents=True, exist_ok=True)
        os.environ["WANDB_DIR"] = str(output.resolve())
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("WANDB_DIR", None)
        if not had_run and wandb.run is not None:
            wandb.finish()


def tensorboard_folder(trainer: Any, output: Path) -> Path | None:
    """Make the Trainer's TensorBoard callback write to <output>/runs (TENSORBOARD_LOGGING_DIR still wins).

    Without this the callback writes to ./runs when anything is logged before training starts.
    """
    from transformers.integrations import TensorBoardCallback  # noqa: PLC0415

    for callback in trainer.callback_handler.callbacks:
        if isinstance(callback, TensorBoardCallback):
            if callback.logging_dir is None:
                callback.logging_dir = str(output / RUNS_FOLDER)
            return Path(callback.logging_dir)
    return None


def _sample_text(sample: dict) -> str:
    return f"truth: {json.dumps(sample['truth'], ensure_ascii=False)}  \nanswer: {sample['answer']}"


def _tensorboard_writer(trainer: Any):
    from transformers.integrations import TensorBoardCallback  # noqa: PLC0415

    for callback in trainer.callback_handler.callbacks:
        if isinstance(callback, TensorBoardCallback):
            return callback.tb_writer  # opened by the scalars logged just before
    return None


def _image_array(image: Any):
    import numpy as np  # noqa: PLC0415

    return np.asarray(open_image(image))


def log_samples(report_to: str, trainer: Any, rows: Sequence[dict], samples: Sequence[dict], step: int) -> None:
    """The first samples with their images: a W&B table of Image cells, or TensorBoard images and text."""
    shown = list(zip(rows, samples, strict=False))[:SHOWN_SAMPLES]
    if not shown:
        return
    if report_to == "wandb":
        import wandb  # noqa: PLC0415

        if wandb.run is not None:
            table = wandb.Table(columns=["image", "truth", "answer"])
            for row, sample in shown:
                table.add_data(
                    wandb.Image(open_image(row["image"])),
                    json.dumps(sample["truth"], ensure_ascii=False),
                    sample["answer"],
                )
            wandb.log({"eval/answers": table, "train/global_step": step})
    elif report_to == "tensorboard":
        writer = _tensorboard_writer(trainer)
        if writer is None:
            return
        writer.add_text("eval/answers", "\n\n".join(_sample_text(sample) for _, sample in shown), step)
        for index, (row, sample) in enumerate(shown):
            writer.add_image(f"eval/sample_{index}", _image_array(row["image"]), step, dataformats="HWC")
            writer.add_text(f"eval/sample_{index}", _sample_text(sample), step)
        writer.flush()
