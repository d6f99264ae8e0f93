"""Load a vision-language model and its processor through the registry, ready for the chosen method."""

from __future__ import annotations

import importlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from finetune.errors import ModelError, SettingsError
from finetune.models.families import FAMILIES, ModelFamily
from schemas.finetune import ModelSettings

ADAPTER_CONFIG = "adapter_config.json"
DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}


@dataclass
class LoadedModel:
    model: Any  # a transformers PreTrainedModel, or a peft PeftModel around one
    processor: Any
    family: ModelFamily
    dtype: torch.dtype


def family_for(model_type: str, requested: str | None = None) -> ModelFamily:
    """The registry family for a config's model_type (or the one asked for)."""
    if requested is not None:
        if requested not in FAMILIES:
            raise SettingsError(f"unknown model family {requested!r}; known: {', '.join(sorted(FAMILIES))}")
        return FAMILIES[requested]
    for family in FAMILIES.values():
        if model_type in family.model_types:
            return family
    known = ", ".join(f"{f.name} ({', '.join(f.model_types)})" for f in FAMILIES.values())
    raise ModelError(f"model type {model_type!r} is not in the registry; supported families: {known}")


def master_weights_dtype(method: str, compute: torch.dtype) -> torch.dtype:
    """The dtype the model's weights are loaded in for training with `compute` precision.

    Full fine-tuning keeps float32 master weights and computes in bf16/fp16 under autocast (the Trainer's
    mixed precision): updates too small for a bf16 weight's 8-bit mantissa are not lost, and fp16 gradients
    can be unscaled. It costs 4 bytes a weight instead of 2 (plus the optimizer's 8 either way). LoRA and
    QLoRA load the frozen base in the compute dtype; peft keeps the trained adapter weights in float32.
    """
    return torch.float32 if method == "full" else compute


def check_requirements(family: ModelFamily) -> None:
    """One line naming what to install when a package the family's processor needs does not import."""
    missing = []
    for module, package in family.requires:
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001 - absent, or present but built for another torch: unusable either way
            missing.append(package)
    if missing:
        raise SettingsError(
            f"{family.name} models need {', '.join(missing)}, which do not import here: "
            f"pip install {' '.join(missing)} (a build matching your torch)"
        )


def pick_dtype(setting: str) -> torch.dtype:
    """bf16 on GPUs that have it, fp16 on other GPUs, fp32 on the CPU; unless set explicitly."""
    if setting != "auto":
        return DTYPES[setting]
    if torch.cuda.is_available():
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return torch.float32


def _module_prefixes(family: ModelFamily, include_vision: bool) -> tuple[str, ...]:
    return (family.language_model, *(family.vision + family.projector if include_vision else ()))


def lora_target_regex(model: torch.nn.Module, family: ModelFamily, include_vision: bool) -> str:
    """A peft `target_modules` regex naming every Linear under the language model (and vision side)."""
    prefixes = _module_prefixes(family, include_vision)
    leaves: dict[str, set[str]] = {prefix: set() for prefix in prefixes}
    for name, module in model.named_modules():
        if isinstance(module, torch.nn.Linear):
            for prefix in prefixes:
                if name.startswith(prefix + "."):
                    leaves[prefix].add(name.rsplit(".", 1)[-1])
    if not leaves[family.language_model]:
        raise ModelError(f"found no Linear layers under {family.language_model}; is the family right?")
    parts = [rf"{re.escape(prefix)}\.(.*\.)?({'|'.join(sorted(names))})" for prefix, names in leaves.items() if names]
    return rf"^({'|'.join(parts)})$"


def freeze_vision(model: torch.nn.Module, family: ModelFamily) -> int:
    """Stop gradients into the vision tower; returns how many parameters were frozen."""
    frozen = 0
    for name, parameter in model.named_parameters():
        if any(name.startswith(prefix + ".") for prefix in family.vision):
            parameter.requires_grad_(False)
            frozen += parameter.numel()
    return frozen


def enable_checkpointing(model: Any) -> None:
    """Non-reentrant activation checkpointing, under the method name the installed transformers has
    (`activation_checkpointing_enable` from 5.2x on, `gradient_checkpointing_enable` before)."""
    enable = getattr(model, "activation_checkpointing_enable", None)
    if enable is not None:
        enable(activation_checkpointing_kwargs={"use_reentrant": False})
    else:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})


def _check_method(settings: ModelSettings) -> None:
    if settings.method == "qlora":
        if not torch.cuda.is_available():
            raise SettingsError(
                "QLoRA needs a CUDA GPU (4-bit bitsandbytes kernels); use --method lora on this machine"
            )
        try:
            import bitsandbytes  # noqa: F401, PLC0415
        except ImportError:
            raise SettingsError("QLoRA needs bitsandbytes: pip install bitsandbytes (or use --method lora)") from None
    if settings.attn_implementation == "flash_attention_2":
        try:
            import flash_attn  # noqa: F401, PLC0415
        except ImportError:
            raise SettingsError("attention flash_attention_2 needs flash-attn installed; use sdpa") from None


def _quantization(settings: ModelSettings, dtype: torch.dtype) -> Any:
    if settings.method != "qlora":
        return None
    from transformers import BitsAndBytesConfig  # noqa: PLC0415

    return BitsAndBytesConfig(
        load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True, bnb_4bit_compute_dtype=dtype
    )


def model_source(name: str) -> str:
    """A local model folder as an absolute path (so adapters record it usable from anywhere), or the Hub id."""
    path = Path(name).expanduser()
    looks_local = name.startswith((".", "/", "~")) or path.exists() or name.count("/") != 1
    if looks_local and not path.is_dir():
        raise ModelError(f"model folder {name} does not exist; pass a Hub id (owner/name) or an existing folder")
    return os.path.abspath(path) if looks_local else name


def _load_processor(name: str, *, trust_remote_code: bool, fix: str) -> Any:
    """AutoProcessor for `name`, or a one-line ModelError when it has no image processor (never a bare tokenizer)."""
    from transformers import AutoProcessor  # noqa: PLC0415

    missing = f"{name} has no image processor (preprocessor_config.json / processor_config.json)"
    try:
        processor = AutoProcessor.from_pretrained(name, trust_remote_code=trust_remote_code)
    except OSError as error:
        if "image processor" in str(error) or "preprocessor_config" in str(error):
            raise ModelError(f"{missing}: {fix}") from None
        raise
    if getattr(processor, "image_processor", None) is None:
        raise ModelError(f"{missing}, so it loads only a {type(processor).__name__}: {fix}")
    return processor


def adapter_base_model(folder: str | Path) -> str:
    """The base model a LoRA adapter folder records: a Hub id or an existing absolute folder, else a ModelError."""
    config = Path(folder) / ADAPTER_CONFIG
    try:
        base = json.loads(config.read_text(encoding="utf-8")).get("base_model_name_or_path")
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot read {config}: {str(error).splitlines()[0]}") from None
    fix = f"set base_model_name_or_path in {config} to the base model's absolute folder or Hub id"
    if not base:
        raise ModelError(f"{config} names no base model: {fix}")
    path = Path(base).expanduser()
    if path.is_absolute():
        if not path.is_dir():
            raise ModelError(f"the base model folder {base} recorded in {config} does not exist: {fix}")
        return str(path)
    if path.is_dir():
        return os.path.abspath(path)
    if base.startswith((".", "~")) or base.count("/") > 1:
        raise ModelError(f"{config} records the base model as the relative path {base}, not found from here: {fix}")
    return base


def check_model_settings(settings: ModelSettings) -> None:
    """What can be refused before any data or weights are read: the method's needs and a missing folder."""
    _check_method(settings)
    model_source(settings.name)


def load_for_training(settings: ModelSettings) -> LoadedModel:
    """Base model + processor, with the vision tower frozen and LoRA/QLoRA applied as the settings say."""
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training  # noqa: PLC0415
    from transformers import AutoConfig, AutoModelForImageTextToText  # noqa: PLC0415

    import finetune.models.phi3_v  # noqa: F401, PLC0415 - registers model_type "phi3_v" with the Auto classes

    _check_method(settings)
    name = model_source(settings.name)
    dtype = pick_dtype(settings.dtype)
    weights_dtype = master_weights_dtype(settings.method, dtype)
    try:
        config = AutoConfig.from_pretrained(name, trust_remote_code=settings.trust_remote_code)
        family = family_for(config.model_type, settings.family)
        check_requirements(family)
        model = AutoModelForImageTextToText.from_pretrained(
            name,
            dtype=weights_dtype,
            attn_implementation=settings.attn_implementation,
            trust_remote_code=settings.trust_remote_code,
            quantization_config=_quantization(settings, dtype),
            use_kernels=settings.hub_kernels,  # transformers 5.25 turns Hub kernels (downloaded code) on by default
        )
        processor = _load_processor(
            name,
            trust_remote_code=settings.trust_remote_code,
            fix="save the processor into that folder (processor.save_pretrained) "
            "or copy its files from the original model",
        )
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot load {settings.name}: {str(error).splitlines()[0]}") from None
    if settings.freeze_vision:
        freeze_vision(model, family)
    if settings.gradient_checkpointing:
        enable_checkpointing(model)
        model.config.use_cache = False
    if settings.method in ("lora", "qlora"):
        if settings.method == "qlora":
            model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=settings.gradient_checkpointing)
        lora = LoraConfig(
            r=settings.lora_r,
            lora_alpha=settings.lora_alpha,
            lora_dropout=settings.lora_dropout,
            target_modules=lora_target_regex(model, family, include_vision=not settings.freeze_vision),
            bias="none",
        )
        model = get_peft_model(model, lora)
    return LoadedModel(model=model, processor=processor, family=family, dtype=dtype)


def load_trained(folder: str | Path, *, dtype: str = "auto", trust_remote_code: bool = False) -> LoadedModel:
    """A model saved by `finetune train` (full model or LoRA adapter) or `finetune merge`, for inference."""
    from transformers import AutoConfig, AutoModelForImageTextToText  # noqa: PLC0415

    import finetune.models.phi3_v  # noqa: F401, PLC0415 - registers model_type "phi3_v" with the Auto classes

    path = Path(folder)
    if not path.is_dir():
        raise ModelError(f"model folder {folder} does not exist; pass the output folder of `finetune train`")
    torch_dtype = pick_dtype(dtype)
    is_adapter = (path / ADAPTER_CONFIG).is_file()
    try:
        base_name = adapter_base_model(path) if is_adapter else str(path)
        config = AutoConfig.from_pretrained(base_name, trust_remote_code=trust_remote_code)
        family = family_for(config.model_type)
        check_requirements(family)
        processor = _load_processor(
            str(path),
            trust_remote_code=trust_remote_code,
            fix="copy the processor files of the base model into it, next to the weights",
        )
        model = AutoModelForImageTextToText.from_pretrained(
            base_name, dtype=torch_dtype, trust_remote_code=trust_remote_code, use_kernels=False
        )
        if is_adapter:
            from peft import PeftModel  # noqa: PLC0415

            model = PeftModel.from_pretrained(model, str(path))
    except (OSError, ValueError, KeyError) as error:
        raise ModelError(f"cannot load the trained model in {folder}: {str(error).splitlines()[0]}") from None
    model.eval()
    return LoadedModel(model=model, processor=processor, family=family, dtype=torch_dtype)
