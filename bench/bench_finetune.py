"""Learnability on CPU: a small model trained from scratch through `finetune` on samplegen rows, against
the majority/mean baseline; and the data path's samples/s against a training step.

    python bench/bench_finetune.py [--n 3000] [--minutes 12]
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path

import torch

import finetune
import samplegen
from finetune.collate import TrainingCollator
from finetune.data import load_training_data
from finetune.models.loading import load_for_training
from schemas import BuildConfig
from schemas.finetune import DataSettings, ModelSettings, TrainSettings

IMAGE_SIZE = 64


def vocabulary(folder: Path) -> tuple[str, ...]:
    """Whole-word tokens for the answer text: categories and title words (keeps answers ~15 tokens)."""
    import datasets  # noqa: PLC0415

    train = datasets.load_dataset(str(folder))["train"]
    words = {word for title in train["title"] for word in title.split()}
    words |= set(train["category3_code"])
    words |= {"Product:", "Category:", "Full", "Price:"}
    return tuple(sorted(words, key=len, reverse=True))


def data_path_rate(data_folder: Path, model_folder: Path, batch_size: int, batches: int) -> tuple[float, float]:
    """(samples/s of load + process + collate, samples/s of forward + backward + step) on the same batches."""
    data = load_training_data(str(data_folder), validation_fraction=0.1, seed=0)
    loaded = load_for_training(ModelSettings(name=str(model_folder), method="full", freeze_vision=False))
    collate = TrainingCollator(loaded.processor, loaded.family, "What is shown in this image?")
    optimizer = torch.optim.AdamW(loaded.model.parameters(), lr=1e-3)
    start = time.perf_counter()
    prepared = [collate([data.train[i] for i in range(b * batch_size, (b + 1) * batch_size)]) for b in range(batches)]
    data_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for batch in prepared:
        loss = loaded.model(**batch).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    step_seconds = time.perf_counter() - start
    return batches * batch_size / data_seconds, batches * batch_size / step_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="samplegen rows")
    parser.add_argument("--steps", type=int, default=700, help="training steps")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--eval-samples", type=int, default=300)
    args = parser.parse_args()
    torch.set_num_threads(2)
    print(f"# finetune learnability — {platform.node()}, torch {torch.__version__}, {torch.get_num_threads()} threads")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        start = time.perf_counter()
        data_folder = samplegen.write_dataset(
            BuildConfig(n=args.n, seed=0, image_size=IMAGE_SIZE), root / "data", progress=False
        )
        print(f"samplegen build: {args.n} rows at {IMAGE_SIZE}px in {time.perf_counter() - start:.1f} s")
        shape = finetune.ScratchShape(
            image_size=IMAGE_SIZE,
            patch_size=8,
            vision_hidden=128,
            vision_layers=3,
            vision_heads=4,
            text_hidden=192,
            text_layers=3,
            text_heads=6,
            max_positions=256,
            words=vocabulary(data_folder),
        )
        model_folder = finetune.create_scratch_model(root / "scratch", shape, seed=0)

        data_rate, step_rate = data_path_rate(data_folder, model_folder, args.batch_size, batches=4)
        print(f"data path (load + process + collate): {data_rate:8.1f} samples/s")
        ratio = data_rate / step_rate
        print(f"training step (forward + backward):   {step_rate:8.1f} samples/s   ratio data/step = {ratio:.1f}")

        settings = TrainSettings(
            data=DataSettings(source=str(data_folder), validation_fraction=0.1),
            model=ModelSettings(name=str(model_folder), method="full", freeze_vision=False),
            output_dir=str(root / "run"),
            batch_size=args.batch_size,
            learning_rate=1e-3,
            max_steps=args.steps,
            warmup_ratio=0.05,
            lr_scheduler="cosine",
            logging_steps=50,
            save_steps=10_000,
            eval_samples=args.eval_samples,
            eval_batch_size=64,
            max_new_tokens=24,
        )
        start = time.perf_counter()
        result = finetune.train(settings)
        wall = time.perf_counter() - start
        metrics = result.metrics
        after, baseline = metrics["after"], metrics["baseline"]
        print(f"\ntrain + 2 evaluations: {wall / 60:.1f} min wall, {args.steps} steps of {args.batch_size}")
        print("| metric | majority/mean baseline | trained | ratio |\n|---|---|---|---|")
        for name in ("category3_accuracy", "price_mape", "price_within_10pct", "parse_rate", "title_token_f1"):
            base, got = baseline.get(name), after.get(name)
            ratio = f"{got / base:.2f}" if base and got is not None else "n/a"
            cells = [value if value is None else f"{value:.3f}" for value in (base, got)]
            print(f"| {name} | {cells[0]} | {cells[1]} | {ratio} |")
        print(json.dumps({"train": metrics["train"]}, default=str))


if __name__ == "__main__":
    main()
