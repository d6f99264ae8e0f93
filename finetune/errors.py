"""One exceptions module: every user mistake is a FinetuneError whose message is one line.

Hub pushes raise samplegen's PushError (the upload is samplegen's), re-exported here.
"""

from __future__ import annotations

from samplegen.errors import PushError

__all__ = ["DataError", "FinetuneError", "ModelError", "PushError", "RefusedImage", "SettingsError"]


class FinetuneError(Exception):
    """Root of finetune's errors; `str(error)` says what is wrong and what to do."""


class DataError(FinetuneError):
    """The training data is missing, malformed or empty after filtering."""


class ModelError(FinetuneError):
    """The model or processor cannot be loaded or used as asked."""


class SettingsError(FinetuneError):
    """A training, evaluation or prediction setting is out of range or unsupported here."""


class RefusedImage(DataError):
    """An untrusted image that cannot be used; `kind` says why (one of finetune.untrusted_image's reasons)."""

    def __init__(self, name: str, kind: str, detail: str) -> None:
        super().__init__(f"cannot read image {name}: {detail}")
        self.kind = kind
