"""finetune.data: training data from samplegen sets and real DBQ files, with a safe image cache."""

from finetune.data.cache import ImageCache
from finetune.data.download import Fetched
from finetune.data.guards import image_problem
from finetune.data.images import fetch_images
from finetune.data.reading import ImageKind, image_kind, read_source
from finetune.data.reasons import DropReason
from finetune.data.report import DataReport
from finetune.data.settings import DownloadSettings, default_cache_dir
from finetune.data.sources import HeldOutData, TrainingData, load_held_out_data, load_training_data
from finetune.data.split import seeded_order, validation_mask

__all__ = [
    "DataReport",
    "DownloadSettings",
    "DropReason",
    "Fetched",
    "HeldOutData",
    "ImageCache",
    "ImageKind",
    "TrainingData",
    "default_cache_dir",
    "fetch_images",
    "image_kind",
    "image_problem",
    "load_held_out_data",
    "load_training_data",
    "read_source",
    "seeded_order",
    "validation_mask",
]
