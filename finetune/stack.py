"""The training stack: the packages `pip install 'samplegen[finetune]'` adds, and the one line that says so."""

from __future__ import annotations

from samplegen.extras import missing_modules, require

STACK = ("torch", "transformers", "peft", "accelerate", "safetensors", "tokenizers")


def missing_stack() -> list[str]:
    """The training stack's modules that are not installed here (none of them is imported)."""
    return missing_modules(STACK)


def require_training_stack(purpose: str = "finetune") -> None:
    """Raise one MissingExtraError naming the missing packages and `pip install 'samplegen[finetune]'`."""
    require(STACK, "finetune", purpose)
