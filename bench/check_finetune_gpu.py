"""GPU check: `finetune.train` with LoRA in bf16 on a CUDA device, on the tiny Phi-3-vision and samplegen rows.

    python bench/check_finetune_gpu.py

Runs four training steps with two generation evaluations and prints the dtype that the first decoder
layer's LoRA A projection receives while training (bf16: peft's float32 copy of the input is left out under
mixed precision) and while evaluating. Exits with a message where no CUDA device is present.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import torch

import finetune
import samplegen
from finetune.models.phi3_v import create_tiny_phi3v
from schemas.finetune import DataSettings, ModelSettings, TrainSettings


def main() -> None:
    if not torch.cuda.is_available():
        raise SystemExit("no CUDA device: this check needs a GPU (mixed precision runs only there)")
    train_module = sys.modules["finetune.train"]
    load = train_module.load_for_training
    seen: list[tuple[bool, torch.dtype]] = []

    def load_and_watch(settings):
        loaded = load(settings)
        lora_a = loaded.model.base_model.model.model.layers[0].self_attn.qkv_proj.lora_A["default"]
        lora_a.register_forward_pre_hook(lambda module, args: seen.append((module.training, args[0].dtype)))
        return loaded

    train_module.load_for_training = load_and_watch
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        tiny = create_tiny_phi3v(root / "tiny", seed=1)
        data = samplegen.write_dataset(samplegen.make_config(n=24, seed=2, image_size=64), root / "data")
        start = time.perf_counter()
        result = finetune.train(
            TrainSettings(
                data=DataSettings(source=str(data), validation_fraction=0.25),
                model=ModelSettings(name=str(tiny), method="lora", dtype="bf16"),
                output_dir=str(root / "run"),
                batch_size=4,
                max_steps=4,
                logging_steps=1,
                save_steps=4,
                eval_samples=2,
                eval_batch_size=2,
                eval_steps=2,
                max_new_tokens=3,
            )
        )
    training = sorted({str(dtype) for is_training, dtype in seen if is_training})
    evaluating = sorted({str(dtype) for is_training, dtype in seen if not is_training})
    print(f"{torch.cuda.get_device_name(0)}: {time.perf_counter() - start:.1f} s")
    print(f"LoRA A input dtypes while training: {training}; while evaluating: {evaluating}")
    print("losses:", [round(entry["loss"], 3) for entry in result.metrics["losses"]])
    if training != ["torch.bfloat16"]:
        raise SystemExit(f"expected bf16 adapter inputs while training, got {training}")
    print("ok")


if __name__ == "__main__":
    main()
