"""Native Phi-3-vision / Phi-3.5-vision for transformers 5: config, model, image processor and processor.

Importing this package registers the classes with transformers' Auto classes for model_type "phi3_v", so
`AutoConfig`, `AutoModelForImageTextToText` (and `AutoModelForCausalLM`) and `AutoProcessor` load the official
checkpoints (`microsoft/Phi-3-vision-128k-instruct`, `microsoft/Phi-3.5-vision-instruct`) with these classes
and without `trust_remote_code`. Registered local classes take precedence over the checkpoints' `auto_map`.
"""

from transformers import (
    AutoConfig,
    AutoImageProcessor,
    AutoModel,
    AutoModelForCausalLM,
    AutoModelForImageTextToText,
    AutoProcessor,
)

from .configuration_phi3_v import CLIP_VIT_L14_336, PHI3V_IMAGE_TOKEN_ID, Phi3VConfig, longrope_parameters
from .image_processing_phi3_v import Phi3VImageProcessor, hd_size, hd_transform, image_token_count
from .modeling_phi3_v import Phi3VForCausalLM, Phi3VImageEmbedding, Phi3VModel, Phi3VPreTrainedModel
from .processing_phi3_v import PHI3V_CHAT_TEMPLATE, Phi3VProcessor
from .tiny import TinyPhi3VShape, create_tiny_phi3v, tiny_phi3v_config, tiny_phi3v_processor

AutoConfig.register(Phi3VConfig.model_type, Phi3VConfig, exist_ok=True)
AutoModel.register(Phi3VConfig, Phi3VModel, exist_ok=True)
AutoModelForCausalLM.register(Phi3VConfig, Phi3VForCausalLM, exist_ok=True)
AutoModelForImageTextToText.register(Phi3VConfig, Phi3VForCausalLM, exist_ok=True)
AutoImageProcessor.register(
    Phi3VConfig, image_processor_classes={"pil": Phi3VImageProcessor, "torchvision": Phi3VImageProcessor}, exist_ok=True
)
AutoProcessor.register(Phi3VConfig, Phi3VProcessor, exist_ok=True)

__all__ = [
    "CLIP_VIT_L14_336",
    "PHI3V_CHAT_TEMPLATE",
    "PHI3V_IMAGE_TOKEN_ID",
    "Phi3VConfig",
    "Phi3VForCausalLM",
    "Phi3VImageEmbedding",
    "Phi3VImageProcessor",
    "Phi3VModel",
    "Phi3VPreTrainedModel",
    "Phi3VProcessor",
    "TinyPhi3VShape",
    "create_tiny_phi3v",
    "hd_size",
    "hd_transform",
    "image_token_count",
    "longrope_parameters",
    "tiny_phi3v_config",
    "tiny_phi3v_processor",
]
