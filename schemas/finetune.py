"""Fine-tuning settings and the parsed model answer: every default in one place, validated when built."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

DEFAULT_QUESTION = "What is shown in this image?"

# How the answer writes the price: "float" as the seed script did (1350.0, 46.5), "compact" (1350, 46.50).
PriceFormat = Literal["float", "compact"]


class ProductPrediction(BaseModel):
    """What a model said about a product photo; a field it did not say (or said unreadably) is None."""

    model_config = ConfigDict(frozen=True)

    title: str | None = None
    category3: str | None = None
    price: float | None = None

    @property
    def complete(self) -> bool:
        return self.title is not None and self.category3 is not None and self.price is not None


class DataSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(min_length=1, description="samplegen folder or Hub id, or a real DBQ file or Hub id")
    country: str | None = Field(default=None, description="country_code to keep when a real file mixes countries")
    validation_fraction: float = Field(default=0.1, gt=0, lt=1)
    limit: int | None = Field(default=None, gt=0, description="use at most this many rows (quick runs)")
    image_cache: str | None = Field(default=None, description="where downloaded images are kept")
    download_workers: int = Field(default=8, ge=1, le=64)


class ModelSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(default="microsoft/Phi-3-vision-128k-instruct", min_length=1, description="Hub id or folder")
    family: str | None = Field(default=None, description="registry family; detected from the config when None")
    method: Literal["full", "lora", "qlora"] = "lora"
    lora_r: int = Field(default=16, ge=1, le=1024)
    lora_alpha: int = Field(default=32, ge=1)
    lora_dropout: float = Field(default=0.05, ge=0, lt=1)
    freeze_vision: bool = True
    gradient_checkpointing: bool = False
    dtype: Literal["auto", "bf16", "fp16", "fp32"] = "auto"
    attn_implementation: Literal["sdpa", "eager", "flash_attention_2"] = "sdpa"
    trust_remote_code: bool = False
    hub_kernels: bool = Field(
        default=False,
        description="let transformers swap in kernels downloaded from the Hub (remote code; off by default)",
    )

    @field_validator("name")
    @classmethod
    def _local_folder_made_absolute(cls, name: str) -> str:
        """An existing local folder is recorded as an absolute path, so the run's outputs work from any folder."""
        path = Path(name).expanduser()
        return os.path.abspath(path) if path.is_dir() else name


class TrainSettings(BaseModel):
    """Everything `finetune train` needs; saved as training_config.json beside the outputs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    data: DataSettings
    model: ModelSettings = Field(default_factory=ModelSettings)
    question: str = Field(default=DEFAULT_QUESTION, min_length=1)
    price_format: PriceFormat = Field(
        default="float",
        description="answer's price text: float as the seed wrote it (1350.0, 46.5) or compact (1350, 46.50)",
    )
    output_dir: str = "out/finetune"
    seed: int = Field(default=0, ge=0)
    batch_size: int = Field(default=8, ge=1)
    gradient_accumulation: int = Field(default=1, ge=1)
    learning_rate: float = Field(default=2e-4, gt=0)
    weight_decay: float = Field(default=0.0, ge=0)
    epochs: float = Field(default=1.0, gt=0)
    max_steps: int = Field(default=-1, description="overrides epochs when positive")
    warmup_ratio: float = Field(default=0.03, ge=0, lt=1)
    lr_scheduler: Literal["linear", "cosine", "constant", "constant_with_warmup"] = "cosine"
    logging_steps: int = Field(default=10, ge=1)
    save_steps: int = Field(default=500, ge=1)
    save_total_limit: int = Field(default=2, ge=1)
    eval_steps: int | None = Field(default=None, ge=1, description="generation eval every N steps")
    eval_samples: int = Field(default=64, ge=1, description="validation rows used by the generation eval")
    eval_batch_size: int = Field(default=8, ge=1)
    max_new_tokens: int = Field(default=64, ge=1)
    dataloader_workers: int | None = Field(
        default=None, ge=0, description="data loader processes; None: 4 on CUDA (at most the CPU count), 0 on the CPU"
    )
    compile: Literal["auto", "on", "off"] = Field(
        default="auto", description="torch.compile each decoder and vision layer; auto: on with CUDA"
    )
    resume: bool = False
    report_to: Literal["none", "wandb", "tensorboard"] = "none"
    push_to: str | None = None

    @model_validator(mode="after")
    def _positive_steps(self) -> TrainSettings:
        if self.max_steps == 0 or self.max_steps < -1:
            raise ValueError(f"max_steps must be positive or -1 (use epochs), got {self.max_steps}")
        return self
