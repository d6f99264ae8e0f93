"""GPU speed settings of `finetune train`: per-layer torch.compile, SDPA kernels for varying shapes, loader workers.

What `bench/bench_phi3v_gpu.py` measured as the fast recipe ("native+compile"), applied to the product:

- `torch.compile` on each repeated layer (decoder layers, vision encoder layers) with dynamic shapes: one
  compiled graph serves every layer of a stack and every padded length, and fuses the element-wise work
  (norms, rotary embedding, LoRA scale/add, SwiGLU) that otherwise costs more GPU time than the matmuls.
- SDPA without its cuDNN kernel while training: cuDNN builds an execution plan for every new (batch, length)
  shape, and padded training batches change shape nearly every step.
- Data loader workers, so collation (image transform, tokenising) runs beside the GPU instead of before it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

import torch

from finetune.models.families import ModelFamily

CUDA_LOADER_WORKERS = 4  # enough to keep the HD transform of batch 8 ahead of a GPU step
RECOMPILE_LIMIT = 64  # dynamic shapes from the start; room for the few specialisations training needs


def loader_workers(setting: int | None, cuda: bool) -> int:
    """Data loader processes: the setting when given, else a few on CUDA (bounded by the CPUs) and none on the CPU."""
    if setting is not None:
        return setting
    return min(CUDA_LOADER_WORKERS, os.cpu_count() or 1) if cuda else 0


def compile_wanted(setting: str, cuda: bool) -> bool:
    """ "on" and "off" as said; "auto" compiles on CUDA only (on the CPU the compile time outweighs the gain)."""
    return setting == "on" or (setting == "auto" and cuda)


def _base_model(model: Any) -> torch.nn.Module:
    get_base = getattr(model, "get_base_model", None)  # a peft PeftModel wraps the transformers model
    return get_base() if callable(get_base) else model


def repeated_layers(model: Any, family: ModelFamily) -> list[torch.nn.Module]:
    """The layers of every stack (a ModuleList of two or more modules of one class) under the family's language
    model and vision tower, in model order."""
    base = _base_model(model)
    layers: list[torch.nn.Module] = []
    for prefix in (family.language_model, *family.vision):
        try:
            root = base.get_submodule(prefix)
        except AttributeError:
            continue
        for module in root.modules():
            if isinstance(module, torch.nn.ModuleList) and len(module) >= 2 and len({type(m) for m in module}) == 1:
                layers.extend(module)
    return layers


def compile_layers(model: Any, family: ModelFamily) -> int:
    """torch.compile each repeated layer in place (dynamic shapes); returns how many were compiled."""
    import torch._dynamo  # noqa: PLC0415

    torch._dynamo.config.recompile_limit = max(torch._dynamo.config.recompile_limit, RECOMPILE_LIMIT)
    layers = repeated_layers(model, family)
    for layer in layers:
        layer.compile(dynamic=True)
    return len(layers)


@contextlib.contextmanager
def attention_for_varying_shapes(cuda: bool) -> Iterator[None]:
    """SDPA without its cuDNN kernel inside the block on CUDA (flash, memory-efficient and math remain);
    the previous setting is restored after it."""
    if not cuda:
        yield
        return
    was_enabled = torch.backends.cuda.cudnn_sdp_enabled()
    torch.backends.cuda.enable_cudnn_sdp(False)
    try:
        yield
    finally:
        torch.backends.cuda.enable_cudnn_sdp(was_enabled)


@contextlib.contextmanager
def training_forwards_without_cache(model: Any) -> Iterator[None]:
    """Training and validation-loss forwards build no KV cache (nothing reads it, and compiled layers would
    guard on it); generation asks for one explicitly. The saved config keeps the model's own setting."""
    config = model.config
    use_cache = getattr(config, "use_cache", None)
    config.use_cache = False
    try:
        yield
    finally:
        config.use_cache = use_cache
