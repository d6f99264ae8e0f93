"""GPU benchmark: LoRA fine-tuning of a randomly initialised Phi-3-vision of the real shape (4.2B, bf16) on
samplegen product photos, with the native implementation's settings against the Microsoft cookbook recipe's.

    python bench/bench_phi3v_gpu.py [--n 128] [--steps 10] [--warmup 3] [--batch-size 8 4] [--out results.json]
    python bench/bench_phi3v_gpu.py --tiny      # the same path on CPU with the tiny model (a smoke run)

Three recipes, each at num_crops 4 and 16, in the same run on the same rows (the cookbook's batches of one are
the first rows of the native runs' batches):

- native:   the finetune package's settings. Batch `--batch-size` (one value, or one per --crops entry; by
            default 8 up to num_crops 4 and 4 above, the most that fits 80 GB at 16 without checkpointing), SDPA
            (flash-attention 2 when flash-attn is installed; SDPA's cuDNN kernel is left out, see below),
            CLIP on the real crops of the batch only, no gradient checkpointing (the finetune default), LoRA
            inputs kept in bf16 (see `Recipe.cast_lora_inputs`).
- native+compile: the same with `torch.compile` on each decoder and CLIP layer (regional compilation, dynamic
            shapes), which fuses the norms, rotary embedding, LoRA dropout/scale/add and SwiGLU. GPU only;
            `--no-compile` leaves it out.
- cookbook: batch 1 (the cookbook recipe trains with batch size 1 only), eager attention, CLIP on every crop
            including the zero padding up to num_crops + 1 (`encode_padding_crops`, as the remote code does),
            gradient checkpointing, peft's default float32 cast of the LoRA inputs.

All: LoRA r 16 / alpha 32 / dropout 0.05 on the language model's qkv_proj, o_proj, gate_up_proj, down_proj,
vision tower frozen (the finetune default), fused AdamW, bf16 weights with bf16 autocast, batches pinned in
host memory (as the Trainer's dataloader does) and copied without blocking.

SDPA backends: on the H100 SDPA picks cuDNN's attention, which builds an execution plan for every new
(batch, length) shape: ~0.1 s each (measured at 866 and 2,620 tokens), paid on nearly every step of a short
run because the padded length changes from batch to batch. The native recipes therefore allow SDPA's
flash, memory-efficient and math kernels only; cuDNN's kernel is faster once its plans exist (~0.7 ms against
~1.1 ms for forward + backward at batch 8 x 866 tokens), which a long training run would amortise.

Reported per recipe: samples/s, tokens/s (text + image positions that the attention mask keeps), peak GPU
memory, achieved TFLOP/s and MFU. FLOPs are a trainable-aware version of the usual 6·N·T (see
`step_flops`): a weight costs 2 FLOPs per token it is applied to in the forward pass, 2 more for the input
gradient when the gradient flows through it, and 2 more for its own gradient only when it is trained. Only
useful work counts: the recompute of gradient checkpointing and the padding crops of the cookbook recipe
are not in the numerator, so MFU shows what they cost.

For scale, the cookbook's published LoRA figures (DocVQA, num_crops 16, ~2,443 tokens a sample) are about
0.7 images/s per A100 without flash-attention and 1.5 with it (~3.7k tokens/s per GPU).

Batches go through the finetune collator, so the registry must hold the phi3_v family.

The model is random and the tokenizer byte-level (made on the spot: nothing is downloaded), so losses mean
nothing; shapes, token counts and therefore speed and memory are those of the real model. Text takes more
tokens than with the real sentencepiece tokenizer (~100 instead of ~35 a sample), small beside the 757 or
2,509 image positions of a square photo at num_crops 4 or 16.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import dataclasses
import gc
import json
import platform
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

import samplegen
from finetune.collate import TrainingCollator
from finetune.data import load_training_data
from finetune.models.loading import enable_checkpointing, family_for
from finetune.models.phi3_v import (
    Phi3VConfig,
    Phi3VForCausalLM,
    Phi3VImageProcessor,
    Phi3VProcessor,
    TinyPhi3VShape,
    tiny_phi3v_config,
)
from finetune.models.phi3_v.tiny import tiny_phi3v_tokenizer

QUESTION = "What is shown in this image?"
LORA_TARGETS = ["qkv_proj", "o_proj", "gate_up_proj", "down_proj"]
# Dense bf16 peak FLOP/s by device name (no sparsity); --peak-tflops overrides.
PEAK_BF16_TFLOPS = {"H100 PCIe": 756.0, "H100": 989.0, "H200": 989.0, "A100": 312.0, "L40S": 362.0}


@dataclass(frozen=True)
class Recipe:
    name: str
    batch_size: int
    attn_implementation: str
    encode_padding_crops: bool
    gradient_checkpointing: bool
    # peft keeps the adapters in float32 and by default casts each adapter's input to float32 before the
    # dropout; under bf16 autocast the adapter matmuls run in bf16 either way (autocast casts the float32
    # input back), so the cast only adds a float32 copy of every adapted layer's input, forward and backward.
    cast_lora_inputs: bool
    compile_layers: bool = False  # torch.compile each decoder and CLIP layer (fuses the elementwise work)
    exclude_cudnn_attention: bool = False  # SDPA without its cuDNN kernel (see the module docstring)


@dataclass
class StepCounts:
    """What one optimiser step processed, summed over its batch."""

    samples: int = 0
    tokens: int = 0  # sequence positions kept by the attention mask (text + image)
    image_positions: int = 0  # of which image positions
    attention_pairs: int = 0  # sum over sequences of length**2 / 2 (causal)
    real_crops: int = 0  # CLIP inputs that carry image (global view + sub-crops)

    @classmethod
    def of(cls, batch: dict[str, torch.Tensor], crop_size: int, image_token_id: int) -> StepCounts:
        lengths = batch["attention_mask"].sum(1)
        return cls(
            samples=len(lengths),
            tokens=int(lengths.sum()),
            image_positions=int((batch["input_ids"] == image_token_id).sum()),
            attention_pairs=int((lengths.double() ** 2 / 2).sum()),
            real_crops=sum(1 + (h // crop_size) * (w // crop_size) for h, w in batch["image_sizes"].tolist()),
        )

    def __add__(self, other: StepCounts) -> StepCounts:
        return StepCounts(*(a + b for a, b in zip(vars(self).values(), vars(other).values(), strict=True)))


@dataclass(frozen=True)
class ParameterCounts:
    """Matmul weights (embedding lookups cost no FLOPs) by role in a LoRA step with the vision tower frozen."""

    language: int  # decoder layers' Linear weights + lm_head: forward, input gradient
    lora: int  # adapters: forward, input gradient, weight gradient
    vision: int  # CLIP encoder layers that run, per crop position: forward only
    projection: int  # img_projection, per image position: forward only (nothing before it is trained)


def parameter_counts(model: torch.nn.Module, config: Phi3VConfig) -> ParameterCounts:
    base = model.get_base_model()
    lora = sum(p.numel() for name, p in model.named_parameters() if "lora_" in name)
    decoder = sum(
        m.weight.numel()
        for name, m in base.model.layers.named_modules()
        if isinstance(m, torch.nn.Linear) and "lora_" not in name
    )
    clip_layers = base.model.vision_embed_tokens.img_processor.vision_model.encoder.layers[
        : config.vision_feature_layers
    ]
    vision = sum(m.weight.numel() for m in clip_layers.modules() if isinstance(m, torch.nn.Linear))
    projection = sum(
        m.weight.numel() for m in base.model.vision_embed_tokens.img_projection if isinstance(m, torch.nn.Linear)
    )
    return ParameterCounts(
        language=decoder + base.lm_head.weight.numel(), lora=lora, vision=vision, projection=projection
    )


def step_flops(counts: StepCounts, params: ParameterCounts, config: Phi3VConfig) -> float:
    """Useful FLOPs of one training step.

    Language model, T tokens: 4·N_lm·T (forward 2, input gradient 2; frozen weights get no weight gradient)
    + 6·N_lora·T (adapters are trained) + attention: QK^T and AV cost 2·2·d per (query, key) pair in the
    forward pass, causal pairs only, times 3 for forward + backward, in every layer.
    Vision, C real crops of P = (c/patch)^2 + 1 positions: 2·N_clip·C·P + attention 4·d_v·P^2 per layer and
    crop, forward only (frozen, nothing trained before it). Projection: 2·N_proj per image position.
    """
    text_hidden = config.hidden_size
    language = (4 * params.language + 6 * params.lora) * counts.tokens
    attention = 3 * 4 * text_hidden * counts.attention_pairs * config.num_hidden_layers
    vision_config = config.vision_config
    positions = (vision_config.image_size // vision_config.patch_size) ** 2 + 1
    vision = counts.real_crops * (
        2 * params.vision * positions + 4 * vision_config.hidden_size * positions**2 * config.vision_feature_layers
    )
    projection = 2 * params.projection * counts.image_positions
    return float(language + attention + vision + projection)


def peak_flops(device: torch.device, override: float | None) -> float | None:
    if override is not None:
        return override * 1e12
    if device.type != "cuda":
        return None
    name = torch.cuda.get_device_name(device)
    for key, tflops in PEAK_BF16_TFLOPS.items():  # "H100 PCIe" before "H100"
        if key in name:
            return tflops * 1e12
    return None


def build_model(config: Phi3VConfig, recipe: Recipe, device: torch.device, dtype: torch.dtype, seed: int):
    from peft import LoraConfig, get_peft_model  # noqa: PLC0415

    config = copy.deepcopy(config)
    config.encode_padding_crops = recipe.encode_padding_crops
    torch.manual_seed(seed)
    with device:
        model = Phi3VForCausalLM._from_config(config, dtype=dtype, attn_implementation=recipe.attn_implementation)
    if recipe.gradient_checkpointing:
        enable_checkpointing(model)
    model.config.use_cache = False
    lora = LoraConfig(r=16, lora_alpha=32, lora_dropout=0.05, target_modules=LORA_TARGETS, bias="none")
    model = get_peft_model(model, lora)
    if not recipe.cast_lora_inputs:
        for module in model.modules():
            if hasattr(module, "cast_input_dtype_enabled"):
                module.cast_input_dtype_enabled = False
    if recipe.compile_layers:
        # One compiled graph serves all 32 decoder layers (and one all CLIP layers); dynamic shapes from the
        # start, so a new padded length or batch size does not recompile in the timed steps.
        torch._dynamo.config.recompile_limit = max(torch._dynamo.config.recompile_limit, 64)
        base = model.get_base_model().model
        for layer in [*base.layers, *base.vision_embed_tokens.img_processor.vision_model.encoder.layers]:
            layer.compile(dynamic=True)
    model.train()
    return model


def batches(
    rows: list[dict], collate: TrainingCollator, batch_size: int, config: Phi3VConfig, pin: bool = False
) -> Iterator[tuple[dict, StepCounts]]:
    for start in range(0, len(rows) - batch_size + 1, batch_size):
        batch = collate(rows[start : start + batch_size])
        counts = StepCounts.of(batch, config.vision_config.image_size, config.image_token_id)
        yield ({key: value.pin_memory() for key, value in batch.items()} if pin else batch), counts


def attention_backends(recipe: Recipe, device: torch.device) -> contextlib.AbstractContextManager:
    if not (recipe.exclude_cudnn_attention and device.type == "cuda"):
        return contextlib.nullcontext()
    from torch.nn.attention import SDPBackend, sdpa_kernel  # noqa: PLC0415

    return sdpa_kernel([SDPBackend.FLASH_ATTENTION, SDPBackend.EFFICIENT_ATTENTION, SDPBackend.MATH])


def measure(model, rows, collate, recipe: Recipe, args, config: Phi3VConfig, device: torch.device) -> dict[str, Any]:
    needed = (args.warmup + args.steps) * recipe.batch_size
    if len(rows) < needed:
        raise SystemExit(
            f"{recipe.name} needs {needed} training rows for {args.warmup}+{args.steps} steps; pass a larger --n"
        )
    cuda = device.type == "cuda"
    prepared = list(batches(rows[:needed], collate, recipe.batch_size, config, pin=cuda))  # outside the timing
    optimizer = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad], lr=1e-4, fused=device.type == "cuda"
    )
    autocast = torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda")
    total, losses = StepCounts(), []
    with attention_backends(recipe, device):
        for step, (batch, counts) in enumerate(prepared):
            if step == args.warmup:
                synchronize(device)
                if cuda:
                    torch.cuda.reset_peak_memory_stats(device)
                start = time.perf_counter()
            with autocast:
                loss = model(**{key: value.to(device, non_blocking=True) for key, value in batch.items()}).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            if step >= args.warmup:
                total = total + counts
                losses.append(loss.detach())
    synchronize(device)
    seconds = time.perf_counter() - start
    flops = step_flops(total, parameter_counts(model, config), config)
    peak = peak_flops(device, args.peak_tflops)
    return {
        "recipe": recipe.name,
        "batch_size": recipe.batch_size,
        "attention": recipe.attn_implementation,
        "clip_on_padding_crops": recipe.encode_padding_crops,
        "gradient_checkpointing": recipe.gradient_checkpointing,
        "cast_lora_inputs": recipe.cast_lora_inputs,
        "compiled": recipe.compile_layers,
        "steps": args.steps,
        "samples_per_s": total.samples / seconds,
        "tokens_per_s": total.tokens / seconds,
        "tokens_per_sample": total.tokens / total.samples,
        "peak_memory_gb": torch.cuda.max_memory_allocated(device) / 2**30 if device.type == "cuda" else None,
        "tflops_per_s": flops / seconds / 1e12,
        "mfu": flops / seconds / peak if peak else None,
        "final_loss": losses[-1].item(),
    }


def synchronize(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def release() -> None:
    """Free the last recipe's model: compiled code holds references to the modules it ran, so drop it too."""
    torch._dynamo.reset()
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def recipes(batch_size: int, compile_native: bool) -> list[Recipe]:
    try:
        import flash_attn  # noqa: F401, PLC0415

        native_attention = "flash_attention_2"
    except ImportError:
        native_attention = "sdpa"
    native = Recipe(
        "native",
        batch_size,
        native_attention,
        encode_padding_crops=False,
        gradient_checkpointing=False,
        cast_lora_inputs=False,
        exclude_cudnn_attention=True,
    )
    cookbook = Recipe(
        "cookbook", 1, "eager", encode_padding_crops=True, gradient_checkpointing=True, cast_lora_inputs=True
    )
    compiled = [dataclasses.replace(native, name="native+compile", compile_layers=True)] if compile_native else []
    return [native, *compiled, cookbook]


def model_setup(tiny: bool, tokenizer) -> tuple[Phi3VConfig, int, int]:
    """(config, crop size, tokens per crop side) for the real shape or the tiny one."""
    if tiny:
        shape = TinyPhi3VShape()
        return tiny_phi3v_config(tokenizer, shape), shape.crop_size, shape.crop_size // shape.patch_size // 2
    config = Phi3VConfig(  # the real shape; the byte-level tokenizer's ids all fit in the 32064-token vocabulary
        image_token_id=tokenizer.convert_tokens_to_ids("<|image|>"),
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.convert_tokens_to_ids("<|end|>"),
        sliding_window=None,
    )
    return config, 336, 12


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=128, help="samplegen rows (square photos)")
    parser.add_argument("--image-size", type=int, default=512, help="samplegen photo size in pixels")
    parser.add_argument("--steps", type=int, default=10, help="timed optimiser steps per recipe")
    parser.add_argument("--warmup", type=int, default=3, help="untimed steps first")
    parser.add_argument(
        "--batch-size",
        type=int,
        nargs="+",
        default=None,
        help="the native recipes' batch size: one, or one per --crops entry (default 8 up to num_crops 4, else 4)",
    )
    parser.add_argument("--no-compile", action="store_true", help="leave out the native+compile recipe")
    parser.add_argument("--crops", type=int, nargs="+", default=[4, 16], help="num_crops settings to run")
    parser.add_argument("--peak-tflops", type=float, default=None, help="device peak bf16 TFLOP/s for MFU")
    parser.add_argument("--tiny", action="store_true", help="tiny model on CPU: check the script runs")
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    args = parser.parse_args()
    if args.batch_size is None:
        args.batch_size = [8 if num_crops <= 4 else 4 for num_crops in args.crops]
    if len(args.batch_size) == 1:
        args.batch_size = args.batch_size * len(args.crops)
    if len(args.batch_size) != len(args.crops):
        raise SystemExit(f"give one --batch-size, or one per --crops entry ({len(args.crops)})")
    if args.steps < 1 or args.warmup < 0 or min(args.batch_size) < 1:
        raise SystemExit("--steps and --batch-size must be at least 1, --warmup at least 0")

    device = torch.device("cpu" if args.tiny or not torch.cuda.is_available() else "cuda")
    if device.type == "cpu" and not args.tiny:
        raise SystemExit("no CUDA GPU here: run with --tiny for the CPU smoke path")
    dtype = torch.float32 if args.tiny else torch.bfloat16
    tokenizer = tiny_phi3v_tokenizer()
    config, crop_size, tokens_per_side = model_setup(args.tiny, tokenizer)
    family = family_for(config.model_type)
    device_name = torch.cuda.get_device_name(device) if device.type == "cuda" else platform.processor() or "cpu"
    shape = "tiny" if args.tiny else "real"
    print(f"# Phi-3-vision LoRA benchmark — {device_name}, torch {torch.__version__}, {shape} shape")

    results = []
    with tempfile.TemporaryDirectory() as folder:
        build = samplegen.make_config(n=args.n, seed=0, image_size=args.image_size)
        data_folder = samplegen.write_dataset(build, Path(folder) / "data", progress=False)
        rows = [row for row in load_training_data(str(data_folder), validation_fraction=0.05, seed=0).train]
        for num_crops, batch_size in zip(args.crops, args.batch_size, strict=True):
            image_processor = Phi3VImageProcessor(
                num_crops=num_crops, num_img_tokens=tokens_per_side**2, crop_size=crop_size
            )
            processor = Phi3VProcessor(image_processor=image_processor, tokenizer=tokenizer)
            collate = TrainingCollator(processor, family, QUESTION)
            for recipe in recipes(batch_size, compile_native=device.type == "cuda" and not args.no_compile):
                # what earlier recipes left allocated (should be ~0: it would count in this one's peak memory)
                left = torch.cuda.memory_allocated(device) / 2**30 if device.type == "cuda" else None
                model = build_model(config, recipe, device, dtype, seed=0)
                result = {"num_crops": num_crops, **measure(model, rows, collate, recipe, args, config, device)}
                result["allocated_before_build_gb"] = left
                del model
                release()
                results.append(result)
                print(json.dumps(result))

    print(
        "\n| num_crops | recipe | batch | attention | checkpointing | samples/s | tokens/s | tokens/sample | peak GB "
        "| TFLOP/s | MFU |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        peak = "n/a" if r["peak_memory_gb"] is None else f"{r['peak_memory_gb']:.1f}"
        mfu = "n/a" if r["mfu"] is None else f"{100 * r['mfu']:.1f}%"
        print(
            f"| {r['num_crops']} | {r['recipe']} | {r['batch_size']} | {r['attention']} | "
            f"{'yes' if r['gradient_checkpointing'] else 'no'} | {r['samples_per_s']:.2f} | "
            f"{r['tokens_per_s']:.0f} | {r['tokens_per_sample']:.0f} | {peak} | {r['tflops_per_s']:.1f} | {mfu} |"
        )
    for num_crops in args.crops:
        here = {r["recipe"]: r for r in results if r["num_crops"] == num_crops}
        cookbook = here.pop("cookbook")
        for name, r in here.items():
            speedup = r["samples_per_s"] / cookbook["samples_per_s"]
            print(f"num_crops {num_crops}: {name} / cookbook = {speedup:.2f}x samples/s")
    if args.out is not None:
        settings = {key: str(value) if isinstance(value, Path) else value for key, value in vars(args).items()}
        args.out.write_text(json.dumps({"device": device_name, "settings": settings, "results": results}, indent=2))


if __name__ == "__main__":
    main()
