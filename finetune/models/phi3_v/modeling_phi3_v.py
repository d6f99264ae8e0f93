"""Phi-3-vision (and Phi-3.5-vision) on transformers' Phi3 building blocks and CLIPVisionModel.

Read top to bottom:

- `Phi3VImageEmbedding` (`model.vision_embed_tokens`): CLIP on every real crop of the batch at once, the
  second-to-last layer's patch features (CLS dropped), 2x2 merge, the HD layout with learnable separators,
  the MLP projection. One row of output per image position of the prompts.
- `Phi3VModel` (`model`): token embeddings with the image features written at the `<|image|>` positions,
  then transformers' Phi3 decoder layers, RMSNorm and longrope rotary embedding.
- `Phi3VForCausalLM`: `lm_head` (not tied), the loss, and generation with a KV cache.

Parameter names are the official checkpoint's, so its safetensors load as they are:
`model.embed_tokens`, `model.layers.N.{self_attn.{qkv_proj,o_proj},mlp.{gate_up_proj,down_proj},...}`,
`model.norm`, `lm_head`, `model.vision_embed_tokens.{img_processor.vision_model.*,glb_GN,sub_GN,img_projection.{0,2}}`.
"""

from __future__ import annotations

import torch
from torch import nn
from transformers import CLIPVisionModel, GenerationMixin, PreTrainedModel
from transformers import initialization as init
from transformers.cache_utils import Cache, DynamicCache
from transformers.masking_utils import create_causal_mask, create_sliding_window_causal_mask
from transformers.modeling_outputs import BaseModelOutputWithPast, CausalLMOutputWithPast
from transformers.models.phi3.modeling_phi3 import Phi3Attention, Phi3DecoderLayer, Phi3RMSNorm, Phi3RotaryEmbedding
from transformers.utils.generic import merge_with_config_defaults
from transformers.utils.output_capturing import capture_outputs

from .cache_names import GENERATION_KWARG, LAYER_KWARG, MASK_KWARG, OUTPUT_FIELD, given_cache, output_cache
from .configuration_phi3_v import Phi3VConfig, vision_grid


class Phi3VCLIPTower(nn.Module):
    """`img_processor` in the checkpoint: holds transformers' CLIPVisionModel as `vision_model`, so the
    parameter names are the checkpoint's `img_processor.vision_model.*`."""

    def __init__(self, config: Phi3VConfig) -> None:
        super().__init__()
        self.vision_model = CLIPVisionModel(config.vision_config)
        self.feature_layers = config.vision_feature_layers  # 23 of 24: the last layer and post_layernorm are unused

    def forward(self, crops: torch.Tensor) -> torch.Tensor:
        """crops (n, 3, c, c) -> patch features (n, g*g, d) of the chosen layer, CLS dropped (g = c / patch)."""
        clip = self.vision_model
        hidden = clip.pre_layrnorm(clip.embeddings(crops))  # (n, 1 + g*g, d)
        for layer in clip.encoder.layers[: self.feature_layers]:  # stop early: later layers are not used
            hidden = layer(hidden, None)
        return hidden[:, 1:]


class Phi3VImageEmbedding(nn.Module):
    """Images -> one embedding per image position, in prompt order (`model.vision_embed_tokens`)."""

    def __init__(self, config: Phi3VConfig) -> None:
        super().__init__()
        vision_width = config.vision_config.hidden_size  # d = 1024
        merged_width = 4 * vision_width  # D = 4096: a 2x2 block of patches side by side
        self.crop_size = config.vision_config.image_size  # c = 336
        self.tokens_per_side = vision_grid(config.vision_config) // 2  # t = 12
        self.encode_padding_crops = config.encode_padding_crops
        self.img_processor = Phi3VCLIPTower(config)
        self.glb_GN = nn.Parameter(torch.zeros(1, 1, merged_width))  # separator between crop grid and global view
        self.sub_GN = nn.Parameter(torch.zeros(1, 1, 1, merged_width))  # separator after every row of tokens
        self.img_projection = nn.Sequential(
            nn.Linear(merged_width, config.hidden_size), nn.GELU(), nn.Linear(config.hidden_size, config.hidden_size)
        )

    def crop_grids(self, image_sizes: torch.Tensor) -> list[tuple[int, int]]:
        """(rows, cols) of sub-crops per image, from the padded sizes (n, 2)."""
        return [(height // self.crop_size, width // self.crop_size) for height, width in image_sizes.tolist()]

    def encode_crops(self, pixel_values: torch.Tensor, grids: list[tuple[int, int]]) -> list[torch.Tensor]:
        """Per image, the merged features of its 1 + rows*cols real crops: (1 + rows*cols, t, t, D)."""
        counts = [1 + rows * cols for rows, cols in grids]
        if max(counts) > pixel_values.shape[1]:
            raise ValueError(
                f"image_sizes ask for {max(counts)} crops but pixel_values hold {pixel_values.shape[1]} per image; "
                "pass the image_sizes the processor returned with these pixel_values"
            )
        dtype = self.img_processor.vision_model.embeddings.patch_embedding.weight.dtype  # a conv: never quantised
        if self.encode_padding_crops:  # the remote code's way: padding crops too, their features thrown away
            features = self.img_processor(pixel_values.flatten(0, 1).to(dtype))
            features = features.unflatten(0, pixel_values.shape[:2])
            features = torch.cat([features[index, :count] for index, count in enumerate(counts)])
        else:
            crops = torch.cat([pixel_values[index, :count] for index, count in enumerate(counts)])  # (sum, 3, c, c)
            features = self.img_processor(crops.to(dtype))  # one CLIP batch for every real crop of the batch
        return list(self.merge_2x2(features).split(counts))

    def merge_2x2(self, features: torch.Tensor) -> torch.Tensor:
        """(n, g*g, d) -> (n, t, t, 4d): each 2x2 block of patches concatenated (row-major within the block)."""
        n, _, width = features.shape
        t = self.tokens_per_side
        return (
            features.reshape(n, t, 2, t, 2, width)
            .permute(0, 1, 3, 2, 4, 5)  # n, t, t, 2, 2, d
            .reshape(n, t, t, 4 * width)
        )

    def with_row_separators(self, grid: torch.Tensor) -> torch.Tensor:
        """(rows, cols, D) -> (rows * (cols + 1), D): `sub_GN` after every row."""
        separators = self.sub_GN[0].to(grid.dtype).expand(grid.shape[0], 1, -1)
        return torch.cat([grid, separators], dim=1).flatten(0, 1)

    def hd_layout(self, crops: torch.Tensor, rows: int, cols: int) -> torch.Tensor:
        """(1 + rows*cols, t, t, D) -> the image's token sequence in "sub_glb" order:
        crop grid (rows*t x cols*t, each row + sub_GN), glb_GN, global view (t x t, each row + sub_GN)."""
        t, width = self.tokens_per_side, crops.shape[-1]
        global_view, sub_crops = crops[0], crops[1:]
        grid = sub_crops.reshape(rows, cols, t, t, width).permute(0, 2, 1, 3, 4).reshape(rows * t, cols * t, width)
        separator = self.glb_GN[0].to(grid.dtype)
        return torch.cat([self.with_row_separators(grid), separator, self.with_row_separators(global_view)])

    def forward(self, pixel_values: torch.Tensor, image_sizes: torch.Tensor) -> torch.Tensor:
        """pixel_values (n, max_crops, 3, c, c), image_sizes (n, 2) -> (total image positions, hidden)."""
        grids = self.crop_grids(image_sizes)
        per_image = self.encode_crops(pixel_values, grids)
        sequences = [self.hd_layout(crops, rows, cols) for crops, (rows, cols) in zip(per_image, grids, strict=True)]
        return self.img_projection(torch.cat(sequences))


class Phi3VPreTrainedModel(PreTrainedModel):
    config: Phi3VConfig
    config_class = Phi3VConfig
    base_model_prefix = "model"
    input_modalities = ("image", "text")
    supports_gradient_checkpointing = True
    _no_split_modules = ["Phi3DecoderLayer", "CLIPEncoderLayer"]
    _skip_keys_device_placement = ["past_key_values", "cache"]
    _supports_sdpa = True
    _supports_flash_attn = True
    _can_record_outputs = {"hidden_states": Phi3DecoderLayer, "attentions": Phi3Attention}

    @torch.no_grad()
    def _init_weights(self, module: nn.Module) -> None:
        super()._init_weights(module)
        if isinstance(module, Phi3VImageEmbedding):  # zeros in the remote code; random so tests see their order
            init.normal_(module.glb_GN, std=self.config.initializer_range)
            init.normal_(module.sub_GN, std=self.config.initializer_range)


class Phi3VModel(Phi3VPreTrainedModel):
    """Phi-3 decoder over token embeddings with image features written at the image positions."""

    def __init__(self, config: Phi3VConfig) -> None:
        super().__init__(config)
        self.padding_idx = config.pad_token_id
        self.embed_tokens = nn.Embedding(config.vocab_size, config.hidden_size, self.padding_idx)
        self.vision_embed_tokens = Phi3VImageEmbedding(config)
        self.layers = nn.ModuleList([Phi3DecoderLayer(config, index) for index in range(config.num_hidden_layers)])
        self.norm = Phi3RMSNorm(config.hidden_size, eps=config.rms_norm_eps)
        self.rotary_emb = Phi3RotaryEmbedding(config=config)
        self.gradient_checkpointing = False
        self.post_init()

    def embed(
        self,
        input_ids: torch.LongTensor,
        pixel_values: torch.Tensor | None,
        image_sizes: torch.Tensor | None,
        prefill: bool,
    ) -> torch.Tensor:
        """(batch, seq) ids -> (batch, seq, hidden) embeddings, image positions replaced by image features.
        `prefill`: nothing is cached yet, so image positions in input_ids need their pixel_values."""
        embeddings = self.embed_tokens(input_ids)
        image_positions = input_ids == self.config.image_token_id
        if pixel_values is None:
            if prefill and image_positions.any():
                raise ValueError(
                    f"the prompts have {int(image_positions.sum())} image positions (token "
                    f"{self.config.image_token_id}) but no pixel_values were given (0 image features); "
                    "pass the processor's pixel_values and image_sizes"
                )
            return embeddings
        if image_sizes is None:
            raise ValueError("pixel_values came without image_sizes; pass both, as the processor returns them")
        features = self.vision_embed_tokens(pixel_values, image_sizes)
        positions = int(image_positions.sum())
        if positions != features.shape[0]:
            raise ValueError(
                f"the prompts have {positions} image positions (token {self.config.image_token_id}) but the images "
                f"give {features.shape[0]} features; build input_ids and pixel_values with the same Phi3VProcessor call"
            )
        return embeddings.masked_scatter(image_positions.unsqueeze(-1), features.to(embeddings.dtype))

    def forward(
        self,
        input_ids: torch.LongTensor | None = None,
        pixel_values: torch.Tensor | None = None,
        image_sizes: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        position_ids: torch.LongTensor | None = None,
        past_key_values: Cache | None = None,
        inputs_embeds: torch.Tensor | None = None,
        use_cache: bool | None = None,
        cache: Cache | None = None,
        **kwargs,
    ) -> BaseModelOutputWithPast:
        """input_ids (batch, seq); pixel_values (n_images, max_crops, 3, c, c) and image_sizes (n_images, 2)
        for the images of the whole batch in prompt order. Without position_ids, positions count only the
        tokens the attention mask keeps, so a left-padded row sees the positions it would see alone.
        The KV cache comes as `cache` or `past_key_values`; the one given is filled and returned."""
        if (input_ids is None) == (inputs_embeds is None):
            raise ValueError("pass exactly one of input_ids and inputs_embeds")
        cache = given_cache(past_key_values, cache)
        if inputs_embeds is None:
            prefill = cache is None or cache.get_seq_length() == 0
            inputs_embeds = self.embed(input_ids, pixel_values, image_sizes, prefill=prefill)
        elif pixel_values is not None:
            raise ValueError("pixel_values need input_ids (to find the image positions), not inputs_embeds")
        return self.decode(
            inputs_embeds,
            attention_mask=attention_mask,
            position_ids=position_ids,
            cache=cache,
            use_cache=use_cache,
            **kwargs,
        )

    # The images are embedded before this, outside the output capture: `output_hidden_states` gives the
    # decoder's hidden states only, not CLIP's (whose layers run without CLIPVisionModel.forward).
    @merge_with_config_defaults
    @capture_outputs
    def decode(
        self,
        inputs_embeds: torch.Tensor,
        attention_mask: torch.Tensor | None = None,
        position_ids: torch.LongTensor | None = None,
        cache: Cache | None = None,
        use_cache: bool | None = None,
        **kwargs,
    ) -> BaseModelOutputWithPast:
        """The Phi-3 decoder over (batch, seq, hidden) embeddings -> normed hidden states and the cache.
        A cache given is filled in place and returned; with use_cache and none given, a new one is."""
        if use_cache and cache is None:
            cache = DynamicCache(config=self.config)
        if position_ids is None:
            position_ids = self.positions(inputs_embeds, attention_mask, cache)

        mask_attention, mask_positions = attention_mask, position_ids
        if self.right_padded_without_past(attention_mask, cache):
            # Every row is real tokens then padding: causal attention alone already keeps each real position
            # from the padding after it, so the padding mask changes nothing there (only the outputs at the
            # padding, which nothing reads). Without it, SDPA runs a causal flash kernel over half the
            # (query, key) pairs instead of a masked kernel over all of them. The position ids stay out of
            # the mask too: with no 2D mask transformers would read the repeated positions of the padding
            # as the starts of packed sequences and build a block mask again.
            mask_attention = mask_positions = None
        mask_function = create_causal_mask if self.config.sliding_window is None else create_sliding_window_causal_mask
        causal_mask = mask_function(
            config=self.config,
            inputs_embeds=inputs_embeds,
            attention_mask=mask_attention,
            position_ids=mask_positions,
            **{MASK_KWARG: cache},
        )
        hidden_states = inputs_embeds  # (batch, seq, hidden)
        position_embeddings = self.rotary_emb(hidden_states, position_ids=position_ids)  # longrope cos, sin
        for decoder_layer in self.layers:
            hidden_states = decoder_layer(
                hidden_states,
                attention_mask=causal_mask,
                position_ids=position_ids,
                use_cache=use_cache,
                position_embeddings=position_embeddings,
                **{LAYER_KWARG: cache},
                **kwargs,
            )
        return BaseModelOutputWithPast(
            last_hidden_state=self.norm(hidden_states), **{OUTPUT_FIELD: cache if use_cache else None}
        )

    @staticmethod
    def right_padded_without_past(attention_mask: torch.Tensor | None, past_key_values: Cache | None) -> bool:
        """A 2D mask of ones then zeros in every row, with nothing cached (training, or a first forward)."""
        if attention_mask is None or attention_mask.ndim != 2:
            return False
        if past_key_values is not None and past_key_values.get_seq_length() > 0:
            return False
        keep = attention_mask.bool()
        prefix = torch.arange(keep.shape[1], device=keep.device) < keep.sum(-1, keepdim=True)
        return bool(torch.equal(keep, prefix))

    @staticmethod
    def positions(
        inputs_embeds: torch.Tensor, attention_mask: torch.Tensor | None, past_key_values: Cache | None
    ) -> torch.LongTensor:
        """(batch, seq) positions: from a 2D attention mask over past + current tokens, else counted on."""
        seq_len = inputs_embeds.shape[1]
        past_seen = past_key_values.get_seq_length() if past_key_values is not None else 0
        if attention_mask is not None and attention_mask.ndim == 2 and attention_mask.shape[1] == past_seen + seq_len:
            return (attention_mask.long().cumsum(-1) - 1).clamp(min=0)[:, -seq_len:]
        return (torch.arange(seq_len, device=inputs_embeds.device) + past_seen).unsqueeze(0)


class Phi3VForCausalLM(Phi3VPreTrainedModel, GenerationMixin):
    """Phi-3-vision with its language-model head; `generate()` takes pixel_values and image_sizes."""

    # transformers 5 form: what would be tied if `tie_word_embeddings` were set. Phi-3-vision sets it False:
    # lm_head has its own weights in the checkpoint.
    _tied_weights_keys = {"lm_head.weight": "model.embed_tokens.weight"}

    def __init__(self, config: Phi3VConfig) -> None:
        super().__init__(config)
        self.model = Phi3VModel(config)
        self.vocab_size = config.vocab_size
        self.lm_head = nn.Linear(config.hidden_size, config.vocab_size, bias=False)
        self.post_init()

    def get_input_embeddings(self) -> nn.Embedding:
        return self.model.embed_tokens

    def set_input_embeddings(self, value: nn.Embedding) -> None:
        self.model.embed_tokens = value

    def get_output_embeddings(self) -> nn.Linear:
        return self.lm_head

    def set_output_embeddings(self, value: nn.Linear) -> None:
        self.lm_head = value

    def get_image_features(self, pixel_values: torch.Tensor, image_sizes: torch.Tensor) -> torch.Tensor:
        """(total image positions, hidden): what the image positions of the prompts receive."""
        return self.model.vision_embed_tokens(pixel_values, image_sizes)

    def forward(
        self,
        input_ids: torch.LongTensor | None = None,
        pixel_values: torch.Tensor | None = None,
        image_sizes: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        position_ids: torch.LongTensor | None = None,
        past_key_values: Cache | None = None,
        inputs_embeds: torch.Tensor | None = None,
        labels: torch.LongTensor | None = None,
        use_cache: bool | None = None,
        logits_to_keep: int | torch.Tensor = 0,
        cache: Cache | None = None,
        **kwargs,
    ) -> CausalLMOutputWithPast:
        """Logits (batch, seq, vocab); with labels (batch, seq; -100 where not trained) the shifted
        cross-entropy loss too."""
        outputs = self.model(
            input_ids=input_ids,
            pixel_values=pixel_values,
            image_sizes=image_sizes,
            attention_mask=attention_mask,
            position_ids=position_ids,
            cache=given_cache(past_key_values, cache),
            inputs_embeds=inputs_embeds,
            use_cache=use_cache,
            **kwargs,
        )
        hidden_states = outputs.last_hidden_state
        keep = slice(-logits_to_keep, None) if isinstance(logits_to_keep, int) else logits_to_keep
        logits = self.lm_head(hidden_states[:, keep, :])
        loss = None
        if labels is not None:
            loss = self.loss_function(logits=logits, labels=labels, vocab_size=self.config.vocab_size, **kwargs)
        return CausalLMOutputWithPast(
            loss=loss,
            logits=logits,
            hidden_states=outputs.hidden_states,
            attentions=outputs.attentions,
            **{OUTPUT_FIELD: output_cache(outputs)},
        )

    def prepare_inputs_for_generation(
        self,
        input_ids: torch.LongTensor,
        past_key_values: Cache | None = None,
        pixel_values: torch.Tensor | None = None,
        image_sizes: torch.Tensor | None = None,
        is_first_iteration: bool | None = False,
        cache: Cache | None = None,
        **kwargs,
    ) -> dict:
        """The images go in on the first step only (later steps read them from the cache), or on every step
        without a cache. When the sequence first grows past longrope's original length (4096), the cache,
        built with the short factors, is dropped and the whole sequence recomputed with the long ones (as
        transformers' Phi3ForCausalLM does), images included: the model then returns a new cache, which
        generate() carries on with. The cache comes as `cache` or `past_key_values`, whichever the installed
        transformers uses, and goes on under that name."""
        cache = given_cache(past_key_values, cache)
        restart = self._rope_switches_to_long(input_ids, cache, kwargs.get("position_ids"))
        if restart:
            cache = None
            kwargs["next_sequence_length"] = None
        model_inputs = super().prepare_inputs_for_generation(
            input_ids, is_first_iteration=is_first_iteration, **{GENERATION_KWARG: cache}, **kwargs
        )
        if is_first_iteration or restart or not kwargs.get("use_cache", True):
            model_inputs["pixel_values"] = pixel_values
            model_inputs["image_sizes"] = image_sizes
        return model_inputs

    def _rope_switches_to_long(
        self, input_ids: torch.LongTensor, past_key_values: Cache | None, position_ids: torch.LongTensor | None
    ) -> bool:
        rope = self.config.rope_parameters
        if past_key_values is None or rope.get("rope_type") != "longrope":
            return False
        past_length = past_key_values.get_seq_length()
        if past_length == 0:
            return False
        if position_ids is None:
            position_ids = torch.arange(input_ids.shape[1], device=input_ids.device)[None]
        original = rope["original_max_position_embeddings"]
        cached_max = int(position_ids[..., :past_length].max()) + 1
        current_max = int(position_ids.max()) + 1
        return cached_max <= original < current_max


__all__ = ["Phi3VForCausalLM", "Phi3VImageEmbedding", "Phi3VModel", "Phi3VPreTrainedModel"]
