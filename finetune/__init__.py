"""finetune: train a vision-language model to read a product photo and answer
"Product: <title>, Category: <category3>, Full Price: <price>" — on samplegen data or the real DBQ set.

Importing the package registers the native Phi-3-vision with transformers' Auto classes (when transformers
loads), so saved and merged Phi-3-vision folders load with `AutoModelForImageTextToText` / `AutoProcessor`.
Without the training stack (torch, transformers, ...) the package still imports, and each public name below
raises one MissingExtraError naming `pip install 'samplegen[finetune]'`.
"""

from typing import Any

from finetune.errors import DataError, FinetuneError, ModelError, SettingsError
from finetune.models.registration import register_when_transformers_loads
from finetune.stack import missing_stack, require_training_stack

__all__ = [
    "FAMILIES",
    "DataError",
    "DataSettings",
    "FinetuneError",
    "ModelError",
    "ModelFamily",
    "ModelSettings",
    "ProductPrediction",
    "ScratchShape",
    "SettingsError",
    "TrainResult",
    "TrainSettings",
    "answer_for",
    "create_scratch_model",
    "evaluate",
    "merge",
    "parse_answer",
    "predict",
    "push",
    "train",
]

if missing_stack():

    def __getattr__(name: str) -> Any:
        if name in __all__:
            require_training_stack(f"finetune.{name}")
        raise AttributeError(f"module 'finetune' has no attribute {name!r}")

else:
    from finetune.evaluate import evaluate
    from finetune.merge import merge
    from finetune.models.families import FAMILIES, ModelFamily
    from finetune.models.scratch import ScratchShape, create_scratch_model
    from finetune.predict import predict
    from finetune.prompts import answer_for, parse_answer
    from finetune.publish import push
    from finetune.train import TrainResult, train
    from schemas.finetune import DataSettings, ModelSettings, ProductPrediction, TrainSettings

register_when_transformers_loads()
