"""Dataset features derived from the ProductRow schema: the 17 DBQ columns in order, then the image."""

from __future__ import annotations

import datasets
import pyarrow as pa

from schemas import DBQ_COLUMNS, DBQ_DTYPES

IMAGE_COLUMN = "image"


def dataset_features(with_images: bool = True) -> datasets.Features:
    """The `datasets` features of a samplegen build: the 17 DBQ columns, then the image when there is one."""
    columns = {name: datasets.Value(DBQ_DTYPES[name]) for name in DBQ_COLUMNS}
    if with_images:
        columns[IMAGE_COLUMN] = datasets.Image()
    return datasets.Features(columns)


def arrow_schema(with_images: bool = True) -> pa.Schema:
    """The parquet schema, carrying the `huggingface` features metadata that `load_dataset` reads."""
    return dataset_features(with_images).arrow_schema
