"""The model registry: per family, where its parts live and how it takes images. Data, not logic."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ModelFamily:
    """How one family of vision-language models is laid out.

    `language_model`, `vision` and `projector` are module paths inside the model; LoRA targets are the
    Linear layers found under them (the language model always; vision and projector unless frozen).
    `requires` names the packages its processor imports beyond finetune's own, as (module, pip name).
    """

    name: str
    model_types: tuple[str, ...]  # config.model_type values this family covers
    language_model: str
    vision: tuple[str, ...]
    projector: tuple[str, ...]
    nested_images: bool  # the processor wants images as one list per text
    example: str  # a Hub id of this family, for messages and docs
    requires: tuple[tuple[str, str], ...] = ()


FAMILIES: dict[str, ModelFamily] = {
    family.name: family
    for family in (
        ModelFamily(
            name="phi3_v",
            model_types=("phi3_v",),
            language_model="model.layers",
            vision=("model.vision_embed_tokens.img_processor",),
            projector=("model.vision_embed_tokens.img_projection",),
            nested_images=False,
            example="microsoft/Phi-3-vision-128k-instruct",
        ),
        ModelFamily(
            name="llava",
            model_types=("llava", "llava_next", "llava_onevision"),
            language_model="model.language_model",
            vision=("model.vision_tower",),
            projector=("model.multi_modal_projector",),
            nested_images=False,
            example="llava-hf/llava-1.5-7b-hf",
        ),
        ModelFamily(
            name="idefics3",
            model_types=("idefics3",),
            language_model="model.text_model",
            vision=("model.vision_model",),
            projector=("model.connector",),
            nested_images=True,
            example="HuggingFaceTB/SmolVLM-256M-Instruct",
        ),
        ModelFamily(  # SmolVLM2: Idefics3's layout, and a processor with a video half
            name="smolvlm",
            model_types=("smolvlm",),
            language_model="model.text_model",
            vision=("model.vision_model",),
            projector=("model.connector",),
            nested_images=True,
            example="HuggingFaceTB/SmolVLM2-256M-Video-Instruct",
            requires=(("torchvision", "torchvision"), ("num2words", "num2words")),
        ),
        ModelFamily(
            name="qwen2_vl",
            model_types=("qwen2_vl", "qwen2_5_vl"),
            language_model="model.language_model",
            vision=("model.visual",),
            projector=(),
            nested_images=False,
            example="Qwen/Qwen2-VL-2B-Instruct",
            requires=(("torchvision", "torchvision"),),  # its processor's video half is torchvision-only
        ),
    )
}
