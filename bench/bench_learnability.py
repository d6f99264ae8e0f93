"""Learnability of a default build (issue 17): the oracle ceiling, a small CNN on 64 px images, and the
rows whose noun has no drawing of its own; plus a contact sheet of 24 test images to look at.

    python bench/bench_learnability.py [--n 3040] [--seed 0] [--epochs 24] [--out out/bench-learnability]

Targets: oracle category3 >= 0.97 and exact title >= 0.8; CNN category3 >= 0.90 and price tercile >= 0.75;
rows whose noun has no drawing of its own: 0.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import torch
from PIL import Image
from torch import nn

import samplegen
from samplegen.build_record import RECORD_KEY, card_front_matter
from samplegen.learnability import build_ceiling
from samplegen.oracle import tercile
from samplegen.profiles import load_profile
from schemas import BuildConfig

PIXELS = 64  # the CNN's input side
TARGETS = {
    "oracle category3": 0.97,
    "oracle exact title": 0.8,
    "CNN category3": 0.90,
    "CNN price tercile": 0.75,
}


@dataclass
class Split:
    images: torch.Tensor  # (rows, 3, PIXELS, PIXELS) float in [0, 1]
    category3: list[str]
    full_price: np.ndarray


def load_split(folder: Path, split: str) -> Split:
    """A split's images downsized to PIXELS (JPEG draft decoding, then a box filter) with its answers."""
    images, categories, prices = [], [], []
    for shard in sorted((folder / "data").glob(f"{split}-*.parquet")):
        table = pq.read_table(shard, columns=["image", "category3_code", "full_price"]).to_pydict()
        for cell in table["image"]:
            with Image.open(io.BytesIO(cell["bytes"])) as image:
                image.draft("RGB", (PIXELS, PIXELS))
                small = image.convert("RGB").resize((PIXELS, PIXELS), Image.Resampling.BOX)
            images.append(np.asarray(small))
        categories += table["category3_code"]
        prices += table["full_price"]
    pixels = torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).float() / 255.0
    return Split(pixels, categories, np.array(prices, dtype=np.float64))


class SmallCNN(nn.Module):
    """A strided stem and three conv blocks (64 -> 32 -> 16 -> 8 px), global average pooling, two heads."""

    def __init__(self, classes: int, width: int = 24) -> None:
        super().__init__()

        def block(inputs: int, outputs: int, pool: bool, stride: int = 1) -> list[nn.Module]:
            convolution = nn.Conv2d(inputs, outputs, 3, stride=stride, padding=1, bias=False)
            layers = [convolution, nn.BatchNorm2d(outputs), nn.ReLU()]
            return layers + ([nn.MaxPool2d(2)] if pool else [])

        self.features = nn.Sequential(
            *block(3, width, False, stride=2),  # (B, w, 32, 32)
            *block(width, 2 * width, True),  # (B, 2w, 16, 16)
            *block(2 * width, 4 * width, True),  # (B, 4w, 8, 8)
            *block(4 * width, 4 * width, False),  # (B, 4w, 8, 8)
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),  # (B, 4w)
        )
        self.category3 = nn.Linear(4 * width, classes)
        self.tercile = nn.Linear(4 * width, 3)

    def forward(self, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        features = self.features(images)
        return self.category3(features), self.tercile(features)


def train_cnn(train: Split, classes: list[str], bounds: tuple[float, float], epochs: int, seed: int) -> SmallCNN:
    """Both heads trained together (summed cross-entropy), AdamW with a cosine schedule, flips as augmentation."""
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    model = SmallCNN(len(classes))
    labels = torch.tensor([classes.index(name) for name in train.category3])
    thirds = torch.tensor([tercile(price, bounds) for price in train.full_price])
    batch = 64
    steps = epochs * -(-len(labels) // batch)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=3e-3, total_steps=steps)
    loss_of = nn.CrossEntropyLoss()
    model.train()
    for epoch in range(epochs):
        order = torch.randperm(len(labels), generator=generator)
        total = 0.0
        for start in range(0, len(order), batch):
            picked = order[start : start + batch]
            images = train.images[picked]
            flip = torch.rand(len(picked), generator=generator) < 0.5
            images = torch.where(flip[:, None, None, None], images.flip(3), images)
            category_logits, tercile_logits = model(images)
            loss = loss_of(category_logits, labels[picked]) + loss_of(tercile_logits, thirds[picked])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item() * len(picked)
        print(f"  epoch {epoch + 1:2d}/{epochs}: train loss {total / len(labels):.3f}", flush=True)
    return model


@torch.no_grad()
def evaluate(model: SmallCNN, test: Split, classes: list[str], bounds: tuple[float, float]) -> tuple[float, float]:
    """(category3 accuracy, price tercile accuracy) on the test split."""
    model.eval()
    category_logits, tercile_logits = zip(
        *(model(test.images[i : i + 256]) for i in range(0, len(test.images), 256)), strict=True
    )
    guessed = torch.cat(category_logits).argmax(1).tolist()
    thirds = torch.cat(tercile_logits).argmax(1).tolist()
    category3 = np.mean([classes[g] == truth for g, truth in zip(guessed, test.category3, strict=True)])
    price = np.mean([g == tercile(p, bounds) for g, p in zip(thirds, test.full_price, strict=True)])
    return float(category3), float(price)


def build_time_cost(config: BuildConfig) -> float:
    """Seconds the ceiling adds to an image build: its first rows' specs made again (no pixels), observed,
    and the oracle fitted and scored, as the build does for its card."""
    profile = load_profile(config.profile)
    start = time.perf_counter()
    build_ceiling(config, profile)
    return time.perf_counter() - start


def verdict(name: str, value: float) -> str:
    return f"{value:.3f}   (target >= {TARGETS[name]}: {'met' if value >= TARGETS[name] else 'NOT met'})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3040)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1 trains fastest on a busy 2-core host)")
    parser.add_argument("--out", default="out/bench-learnability", help="folder for the contact sheet and figures")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    config = BuildConfig(n=args.n, seed=args.seed)
    print(
        f"# learnability — {platform.node()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"torch {torch.__version__} ({torch.get_num_threads()} threads), samplegen {samplegen.__version__}"
    )
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "build"
        start = time.perf_counter()
        samplegen.write_dataset(config, folder, progress=False)
        build_seconds = time.perf_counter() - start
        shots = f"{config.image_size} px {config.image_format.value}"
        print(f"build: {args.n} rows, seed {args.seed}, {shots}: {build_seconds:.1f} s")
        recorded = card_front_matter(folder)[RECORD_KEY]["learnability_ceiling"]
        start = time.perf_counter()
        ceiling = samplegen.ceiling(folder)
        assert ceiling.as_dict() == recorded, "the card and `samplegen ceiling` disagree"
        print(f"samplegen ceiling DIR: {time.perf_counter() - start:.2f} s (same figures as the card)")
        cost = build_time_cost(config)
        print(
            f"ceiling cost inside the build: {cost * 1000:.0f} ms = {cost / build_seconds:.1%} of it "
            "(a build without images skips it)"
        )
        sheet = samplegen.preview(folder, out / "sheet.png", n=24, split="test", seed=args.seed)
        print(f"contact sheet: {sheet}")

        print("\n## Oracle ceiling (sees exactly what each image draws), test split")
        print(f"category3 accuracy         {verdict('oracle category3', ceiling.category3_accuracy)}")
        print(f"exact title                {verdict('oracle exact title', ceiling.title_exact)}")
        print(f"full price MAPE            {ceiling.price_mape:.1%}")
        print(f"full price within 10%      {ceiling.price_within_10pct:.1%}")
        print(f"price tercile accuracy     {ceiling.price_tercile_accuracy:.3f}")
        print(
            f"rows whose noun has no drawing of its own: {ceiling.shared_noun_rows} of {ceiling.observed_rows} "
            "(target 0)"
        )

        start = time.perf_counter()
        train, test = load_split(folder, "train"), load_split(folder, "test")
        print(
            f"\n## Small CNN on {PIXELS} px images ({len(train.category3)} train, {len(test.category3)} test rows; "
            f"images read in {time.perf_counter() - start:.1f} s)"
        )
    classes = sorted(set(train.category3))
    low, high = np.quantile(train.full_price, [1 / 3, 2 / 3])
    bounds = (float(low), float(high))
    start, cpu_start = time.perf_counter(), time.process_time()
    model = train_cnn(train, classes, bounds, args.epochs, args.seed)
    train_seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    category3, price_tercile = evaluate(model, test, classes, bounds)
    majority = max(test.category3.count(name) for name in classes) / len(test.category3)
    print(f"trained {args.epochs} epochs in {train_seconds / 60:.1f} min ({cpu_seconds / 60:.1f} min of CPU)")
    print(
        f"category3 accuracy         {verdict('CNN category3', category3)}   "
        f"(majority class {majority:.3f}; {category3 / ceiling.category3_accuracy:.2f} of the ceiling)"
    )
    print(
        f"price tercile accuracy     {verdict('CNN price tercile', price_tercile)}   "
        f"({price_tercile / ceiling.price_tercile_accuracy:.2f} of the ceiling)"
    )
    figures = {
        "n": args.n,
        "seed": args.seed,
        "ceiling": ceiling.as_dict(),
        "cnn": {
            "category3_accuracy": category3,
            "price_tercile_accuracy": price_tercile,
            "epochs": args.epochs,
            "train_minutes": round(train_seconds / 60, 2),
            "train_cpu_minutes": round(cpu_seconds / 60, 2),
        },
        "build_seconds": round(build_seconds, 2),
        "ceiling_cost_seconds": round(cost, 4),
    }
    (out / "figures.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"figures: {out / 'figures.json'}")


if __name__ == "__main__":
    main()
