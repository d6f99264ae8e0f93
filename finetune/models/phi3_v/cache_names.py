"""The KV cache's keyword across transformers 5 releases.

Older releases pass the cache to models, layers and mask builders as `past_key_values` and return it in
`outputs.past_key_values`; newer ones (5.2x on) call it `cache` everywhere and only warn about the old
name. The native Phi-3-vision accepts either name from its callers and hands the cache on under the name
the installed release reads, so one cache object travels through every step of a generation.
"""

from __future__ import annotations

import inspect
from typing import Any

from transformers import GenerationMixin
from transformers.masking_utils import create_causal_mask
from transformers.modeling_outputs import BaseModelOutputWithPast
from transformers.models.phi3.modeling_phi3 import Phi3DecoderLayer

NEW_NAME, OLD_NAME = "cache", "past_key_values"


def _takes(function: Any, name: str) -> bool:
    """Whether `function` (through its deprecation wrappers) has a parameter `name`."""
    return name in inspect.signature(function).parameters


def _name_taken_by(function: Any) -> str:
    return NEW_NAME if _takes(function, NEW_NAME) else OLD_NAME


LAYER_KWARG = _name_taken_by(Phi3DecoderLayer.forward)  # what the decoder layers read
MASK_KWARG = _name_taken_by(create_causal_mask)  # what the causal-mask builders read
GENERATION_KWARG = _name_taken_by(GenerationMixin.prepare_inputs_for_generation)  # what generate() hands on
OUTPUT_FIELD = NEW_NAME if NEW_NAME in BaseModelOutputWithPast.__dataclass_fields__ else OLD_NAME


def given_cache(past_key_values: Any, cache: Any) -> Any:
    """The cache a caller passed under either name (None when neither)."""
    if past_key_values is not None and cache is not None and past_key_values is not cache:
        raise ValueError("two different KV caches were passed (cache= and past_key_values=); pass one")
    return cache if cache is not None else past_key_values


def output_cache(outputs: Any) -> Any:
    """The cache a model output carries, under the installed release's field name."""
    return getattr(outputs, OUTPUT_FIELD)
