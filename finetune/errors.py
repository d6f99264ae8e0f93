"""One exceptions module: every user mistake is a FinetuneError whose message is one line."""

from __future__ import annotations


class FinetuneError(Exception):
    """Root of finetune's errors; `str(error)` says what is wrong and what to do."""


class DataError(FinetuneError):
    """The training data is missing, malformed or empty after filtering."""


class ModelError(FinetuneError):
    """The model or processor cannot be loaded or used as asked."""


class SettingsError(FinetuneError):
    """A training, evaluation or prediction setting is out of range or unsupported here."""
