"""Phi-3-vision configuration: transformers' `Phi3Config` for the language model plus the vision settings.

The official `config.json` (model_type "phi3_v") is flat: the language model's keys (hidden_size 3072,
num_hidden_layers 32, rope_scaling, ...) sit at the top level next to `img_processor` and `embd_layer`. So
`Phi3VConfig` *is* a `Phi3Config` (the text part, read from the same keys) with three additions:

- `vision_config`: the CLIP vision tower. The official file has none (its remote code hard-codes CLIP
  ViT-L/14 at 336 px), so the default is exactly that; tests pass tiny sizes.
- `img_processor` / `embd_layer`: the official dicts, kept as they are and checked against what this
  implementation does (second-to-last CLIP layer, 2x2 merge, "sub_glb" HD layout with learnable separators,
  MLP projection).
- `image_token_id`: the id the processor writes at image positions (`<|image|>`, 32044 in the real vocab).
  The remote code used negative ids instead; the number and order of positions are the same.

Loading fixes three things in the official file: `rope_scaling` of type "su" becomes transformers' "longrope"
dict with `original_max_position_embeddings` (without it transformers' Phi3Config rejects the file); the
`auto_map` pointing at the remote code and `_attn_implementation: flash_attention_2` are dropped, so a saved
folder loads with these classes and SDPA unless `attn_implementation` is passed.
"""

from __future__ import annotations

from typing import Any

from transformers import CLIPVisionConfig, Phi3Config
from transformers.configuration_utils import SubConfigSpec

# CLIP ViT-L/14 at 336 px, as the remote code builds it (openai/clip-vit-large-patch14-336's vision tower).
CLIP_VIT_L14_336: dict[str, Any] = {
    "hidden_size": 1024,
    "intermediate_size": 4096,
    "num_hidden_layers": 24,
    "num_attention_heads": 16,
    "image_size": 336,
    "patch_size": 14,
    "projection_dim": 768,
    "hidden_act": "quick_gelu",
    "layer_norm_eps": 1e-5,
    "attention_dropout": 0.0,
    "dropout": 0.0,
    "initializer_range": 0.02,
    "initializer_factor": 1.0,
}

# What this implementation computes; the official `embd_layer` holds exactly these values.
SUPPORTED_EMBD_LAYER: dict[str, Any] = {
    "embedding_cls": "image",
    "hd_transform_order": "sub_glb",
    "projection_cls": "mlp",
    "use_hd_transform": True,
    "with_learnable_separator": True,
}

PHI3V_IMAGE_TOKEN_ID = 32044  # `<|image|>` in the Phi-3 / Phi-3.5 vision vocabulary


def longrope_parameters(
    rope_scaling: dict[str, Any], max_position_embeddings: int, original_max_position_embeddings: int
) -> dict[str, Any]:
    """The official `rope_scaling` ({"type": "su" or "longrope", "short_factor", "long_factor"}) as the rope dict
    transformers' Phi3Config expects: rope_type "longrope" with `original_max_position_embeddings` inside it, and
    `factor` = max / original positions (32 for 131072 / 4096), which gives the attention factor
    sqrt(1 + ln(factor) / ln(original)) exactly as the remote code computes it."""
    parameters = {key: value for key, value in rope_scaling.items() if key != "type"}
    rope_type = rope_scaling.get("rope_type", rope_scaling.get("type", "default"))
    if rope_type in ("su", "longrope"):
        parameters["rope_type"] = "longrope"
        original = parameters.setdefault("original_max_position_embeddings", original_max_position_embeddings)
        parameters.setdefault("factor", max_position_embeddings / original)
    else:
        parameters["rope_type"] = rope_type
    return parameters


def vision_grid(vision_config: CLIPVisionConfig) -> int:
    """Patches per side of one crop (24 for ViT-L/14 at 336 px)."""
    return vision_config.image_size // vision_config.patch_size


class Phi3VConfig(Phi3Config):
    r"""Configuration of [`Phi3VForCausalLM`]; defaults give the real Phi-3-vision shapes.

    Besides every [`Phi3Config`] argument (the language model):

    vision_config (`dict` or `CLIPVisionConfig`, *optional*):
        The CLIP vision tower; defaults to ViT-L/14 at 336 px. Its `image_size` is the crop size.
    img_processor (`dict`, *optional*):
        The official dict: `image_dim_out` (CLIP width), `num_img_tokens` (tokens per crop after the 2x2 merge),
        optional `layer_idx` (CLIP hidden states used, default -2: the second-to-last layer's output) and
        `type_feature` ("patch": CLS dropped). Derived from `vision_config` when left out; checked against it.
    embd_layer (`dict`, *optional*):
        The official dict; only the Phi-3-vision values (`SUPPORTED_EMBD_LAYER`) are implemented.
    image_token_id (`int`, *optional*, defaults to 32044):
        The token id the processor puts at each image position.
    encode_padding_crops (`bool`, *optional*, defaults to `False`):
        Run CLIP on the zero padding crops too, as the remote code does. Only for benchmarking against it:
        the features of padding crops are thrown away either way.
    """

    model_type = "phi3_v"
    sub_configs_defaults = {
        "vision_config": SubConfigSpec(config_class=CLIPVisionConfig, init_kwargs=CLIP_VIT_L14_336),
    }

    vision_config: dict | CLIPVisionConfig | None = None
    img_processor: dict | None = None
    embd_layer: dict | None = None
    image_token_id: int = PHI3V_IMAGE_TOKEN_ID
    encode_padding_crops: bool = False
    max_position_embeddings: int = 131072  # Phi-3-vision-128k; the rope factors come from the checkpoint's file

    def __post_init__(self, **kwargs):
        # The official file points at its remote code and asks for flash-attention 2; neither applies here.
        kwargs.pop("auto_map", None)
        kwargs.pop("_attn_implementation", None)
        if kwargs.get("rope_scaling") is not None:
            kwargs["rope_scaling"] = longrope_parameters(
                kwargs["rope_scaling"], self.max_position_embeddings, self.original_max_position_embeddings
            )
        elif isinstance(self.rope_parameters, dict) and "type" in self.rope_parameters:
            self.rope_parameters = longrope_parameters(
                self.rope_parameters, self.max_position_embeddings, self.original_max_position_embeddings
            )
        super().__post_init__(**kwargs)
        self.embd_layer = {**SUPPORTED_EMBD_LAYER, **(self.embd_layer or {})}
        self.img_processor = self._checked_img_processor(self.img_processor or {})
        self._check_vision_settings()

    def _checked_img_processor(self, given: dict[str, Any]) -> dict[str, Any]:
        grid = vision_grid(self.vision_config)
        derived = {
            "name": "clip_vision_model",
            "model_name": "openai/clip-vit-large-patch14-336",
            "image_dim_out": self.vision_config.hidden_size,
            "num_img_tokens": (grid // 2) ** 2,
        }
        for key in ("image_dim_out", "num_img_tokens"):
            if key in given and given[key] != derived[key]:
                raise ValueError(
                    f"img_processor[{key!r}] is {given[key]} but the vision_config gives {derived[key]}; "
                    "make vision_config match the checkpoint (hidden_size, image_size, patch_size) or drop the key"
                )
        return {**derived, **given}

    def _check_vision_settings(self) -> None:
        unsupported = {
            key: value
            for key, value in self.embd_layer.items()
            if key in SUPPORTED_EMBD_LAYER and value != SUPPORTED_EMBD_LAYER[key]
        }
        if unsupported:
            raise ValueError(
                f"embd_layer {unsupported} is not implemented; Phi3VForCausalLM implements {SUPPORTED_EMBD_LAYER}"
            )
        size, patch = self.vision_config.image_size, self.vision_config.patch_size
        if size % patch or (size // patch) % 2:
            raise ValueError(
                f"vision_config image_size {size} / patch_size {patch} must give an even number of patches per side "
                "(the 2x2 merge); e.g. 336/14 = 24 or 28/7 = 4"
            )
        if self.img_processor.get("type_feature", "patch") != "patch":
            raise ValueError(
                f"img_processor type_feature {self.img_processor['type_feature']!r} is not implemented; only 'patch' "
                "(CLIP patch features without CLS), which Phi-3-vision uses"
            )
        layer_idx = self.img_processor.get("layer_idx", -2)
        layers = self.vision_config.num_hidden_layers
        if not -layers - 1 <= layer_idx <= layers:
            raise ValueError(f"img_processor layer_idx {layer_idx} is outside the CLIP tower's {layers} layers")
        if not 0 <= self.image_token_id < self.vocab_size:
            raise ValueError(
                f"image_token_id {self.image_token_id} is not in the vocabulary of {self.vocab_size} tokens"
            )

    @property
    def vision_feature_layers(self) -> int:
        """How many CLIP encoder layers produce the features used (23 of 24 for layer_idx -2)."""
        layer_idx = self.img_processor.get("layer_idx", -2)
        return layer_idx if layer_idx >= 0 else self.vision_config.num_hidden_layers + 1 + layer_idx


__all__ = ["CLIP_VIT_L14_336", "PHI3V_IMAGE_TOKEN_ID", "Phi3VConfig", "longrope_parameters"]
