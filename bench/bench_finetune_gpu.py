"""GPU benchmark of `finetune train` itself against `bench_phi3v_gpu.py`'s native+compile recipe.

    python bench/bench_finetune_gpu.py prepare DIR [--n 320]       # real-shape random model + samplegen rows
    python bench/bench_finetune_gpu.py train DIR --compile on|off  # finetune.train through the Trainer
    python bench/bench_finetune_gpu.py reference DIR               # the benchmark's native+compile loop
    python bench/bench_finetune_gpu.py all DIR                     # the three above, one process each
    add --tiny to any of them for the CPU smoke path (tiny model, a few steps)

The model is a randomly initialised Phi-3-vision of the real shape (4.2B, bf16) with the byte-level tokenizer
and the HD processor at num_crops 4, saved as an ordinary model folder, so `finetune.train` loads it as it
would load the checkpoint. `train` runs LoRA (r 16, vision frozen) at batch 8 with the product's defaults on
CUDA (bf16 autocast, SDPA without its cuDNN kernel, loader workers, and per-layer torch.compile unless
`--compile off`), one generation evaluation in the middle and one at each end. It times the intervals
between optimiser steps after `--warmup` steps, the step that follows an evaluation left out, so data loading
is in the figure; `reference` times the benchmark's own loop on the same rows, batches collated beforehand.
Each mode prints one JSON line; `all` prints them and the ratio train / reference.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

NUM_CROPS = 4
BATCH_SIZE = 8
MODEL, DATA = "model", "data"


def _device_and_dtype(tiny: bool) -> tuple[torch.device, torch.dtype]:
    if tiny:
        return torch.device("cpu"), torch.float32
    if not torch.cuda.is_available():
        raise SystemExit("no CUDA GPU here: pass --tiny for the CPU smoke path")
    return torch.device("cuda"), torch.bfloat16


def prepare(folder: Path, n: int, tiny: bool) -> None:
    """Save the random model with its processor, and a samplegen set of `n` rows, under `folder`."""
    from bench_phi3v_gpu import model_setup

    import samplegen
    from finetune.models.phi3_v import Phi3VForCausalLM, Phi3VImageProcessor, Phi3VProcessor
    from finetune.models.phi3_v.tiny import tiny_phi3v_tokenizer

    device, dtype = _device_and_dtype(tiny)
    tokenizer = tiny_phi3v_tokenizer()
    config, crop_size, tokens_per_side = model_setup(tiny, tokenizer)
    torch.manual_seed(0)
    with device:
        model = Phi3VForCausalLM._from_config(config, dtype=dtype)
    model.save_pretrained(folder / MODEL)
    image_processor = Phi3VImageProcessor(num_crops=NUM_CROPS, num_img_tokens=tokens_per_side**2, crop_size=crop_size)
    Phi3VProcessor(image_processor=image_processor, tokenizer=tokenizer).save_pretrained(folder / MODEL)
    build = samplegen.make_config(n=n, seed=0, image_size=64 if tiny else 512, num_proc=1 if tiny else 8)
    samplegen.write_dataset(build, folder / DATA, progress=False)


def _step_timer():
    """A TrainerCallback recording the wall-clock time of every optimiser step's end (after a GPU sync)."""
    from transformers import TrainerCallback

    class StepTimer(TrainerCallback):
        def __init__(self) -> None:
            self.ends: list[tuple[int, float]] = []

        def on_step_end(self, args, state, control, **kwargs):
            if torch.cuda.is_available():
                torch.cuda.synchronize()
            self.ends.append((state.global_step, time.perf_counter()))

    return StepTimer()


def train(folder: Path, compile_setting: str, steps: int, warmup: int, tiny: bool) -> dict:
    """finetune.train on the prepared model and rows; samples/s from the steady-state step intervals."""
    import transformers

    import finetune
    from schemas.finetune import DataSettings, ModelSettings, TrainSettings

    _device_and_dtype(tiny)
    timer = _step_timer()
    original_init = transformers.Trainer.__init__

    def init_with_timer(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.add_callback(timer)

    eval_every = warmup  # one evaluation in the middle of the run, with the compiled layers in eval mode
    transformers.Trainer.__init__ = init_with_timer
    try:
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            result = finetune.train(
                TrainSettings(
                    data=DataSettings(source=str(folder / DATA), validation_fraction=0.05),
                    model=ModelSettings(name=str(folder / MODEL), method="lora", dtype="fp32" if tiny else "bf16"),
                    output_dir=str(Path(out) / "run"),
                    batch_size=2 if tiny else BATCH_SIZE,
                    max_steps=warmup + steps,
                    logging_steps=1,
                    save_steps=10**6,
                    eval_steps=eval_every,
                    eval_samples=2,
                    eval_batch_size=2,
                    max_new_tokens=4,
                    compile=compile_setting,
                )
            )
            wall = time.perf_counter() - start
    finally:
        transformers.Trainer.__init__ = original_init
    intervals = [
        (step, end - previous_end)
        for (_, previous_end), (step, end) in zip(timer.ends, timer.ends[1:], strict=False)
        if step > warmup and step - 1 != eval_every  # the step after an evaluation carries its time
    ]
    seconds = [interval for _, interval in intervals]
    batch = 2 if tiny else BATCH_SIZE
    return {
        "mode": f"finetune train --compile {compile_setting}",
        "device": torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu",
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "batch_size": batch,
        "timed_steps": len(seconds),
        "samples_per_s": batch / statistics.median(seconds),
        "samples_per_s_mean": batch * len(seconds) / sum(seconds),
        "step_s_min_median_max": [min(seconds), statistics.median(seconds), max(seconds)],
        "peak_memory_gb": torch.cuda.max_memory_allocated() / 2**30 if torch.cuda.is_available() else None,
        "wall_s": wall,
        "losses": [round(entry["loss"], 4) for entry in result.metrics["losses"]],
        "validation_loss_after": result.metrics["after"].get("validation_loss"),
    }


def reference(folder: Path, steps: int, warmup: int, tiny: bool) -> dict:
    """The benchmark's native+compile recipe on the same model shape and rows."""
    import dataclasses

    from bench_phi3v_gpu import build_model, measure, model_setup, recipes

    from finetune.collate import TrainingCollator
    from finetune.data import load_training_data
    from finetune.models.loading import family_for
    from finetune.models.phi3_v import Phi3VProcessor
    from schemas.finetune import DEFAULT_QUESTION

    device, dtype = _device_and_dtype(tiny)
    processor = Phi3VProcessor.from_pretrained(folder / MODEL)
    config, _, _ = model_setup(tiny, processor.tokenizer)
    rows = list(load_training_data(str(folder / DATA), validation_fraction=0.05, seed=0).train)
    batch = 2 if tiny else BATCH_SIZE
    native, *_ = recipes(batch, compile_native=False)
    recipe = dataclasses.replace(native, name="native+compile", compile_layers=not tiny)
    model = build_model(config, recipe, device, dtype, seed=0)
    collate = TrainingCollator(processor, family_for(config.model_type), DEFAULT_QUESTION)
    settings = argparse.Namespace(steps=steps, warmup=warmup, peak_tflops=None)
    measured = measure(model, rows, collate, recipe, settings, config, device)
    return {"mode": "bench_phi3v_gpu native+compile", **measured}


def run_all(folder: Path, args: argparse.Namespace) -> None:
    """prepare, reference, train --compile on, train --compile off: each in its own process."""
    common = ["--steps", str(args.steps), "--warmup", str(args.warmup), *(["--tiny"] if args.tiny else [])]
    here = [sys.executable, str(Path(__file__).resolve())]
    subprocess.run([*here, "prepare", str(folder), "--n", str(args.n), *(["--tiny"] if args.tiny else [])], check=True)
    results = []
    modes = [
        ["reference"],
        ["train", "--compile", "on"],
        *([] if args.skip_uncompiled else [["train", "--compile", "off"]]),
    ]
    for mode in modes:
        done = subprocess.run([*here, *mode, str(folder), *common], check=True, stdout=subprocess.PIPE, text=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    reference_speed = results[0]["samples_per_s"]  # the mean over its timed steps, recompilations included
    for result in results[1:]:
        print(
            f"{result['mode']}: mean {result['samples_per_s_mean']:.2f} samples/s "
            f"({result['samples_per_s_mean'] / reference_speed:.2f}x the benchmark's native+compile mean of "
            f"{reference_speed:.2f}); median step {result['samples_per_s']:.2f} samples/s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["prepare", "train", "reference", "all"])
    parser.add_argument("folder", type=Path, help="where prepare writes the model and rows (and the others read them)")
    parser.add_argument("--n", type=int, default=320, help="samplegen rows to prepare")
    parser.add_argument("--steps", type=int, default=15, help="timed optimiser steps")
    parser.add_argument("--warmup", type=int, default=5, help="untimed steps first (compilation)")
    parser.add_argument("--compile", choices=["on", "off"], default="on")
    parser.add_argument("--tiny", action="store_true", help="tiny model on the CPU: check the script runs")
    parser.add_argument("--skip-uncompiled", action="store_true", help="all: leave out train --compile off")
    args = parser.parse_args()
    if args.mode == "prepare":
        prepare(args.folder, args.n, args.tiny)
    elif args.mode == "train":
        print(json.dumps(train(args.folder, args.compile, args.steps, args.warmup, args.tiny)))
    elif args.mode == "reference":
        print(json.dumps(reference(args.folder, args.steps, args.warmup, args.tiny)))
    else:
        run_all(args.folder, args)


if __name__ == "__main__":
    main()
