"""Dataset features derived from the ProductRow schema: the 17 DBQ columns in order, then the image, then
(only with --with-spec) the latent spec as JSON."""

from __future__ import annotations

import datasets
import pyarrow as pa

from samplegen.column_names import IMAGE_COLUMN, SPEC_COLUMN
from schemas import DBQ_COLUMNS, DBQ_DTYPES

__all__ = ["IMAGE_COLUMN", "SPEC_COLUMN", "arrow_schema", "dataset_features"]


def dataset_features(with_images: bool = True, with_spec: bool = False) -> datasets.Features:
    columns = {name: datasets.Value(DBQ_DTYPES[name]) for name in DBQ_COLUMNS}
    if with_images:
        columns[IMAGE_COLUMN] = datasets.Image()
    if with_spec:
        columns[SPEC_COLUMN] = datasets.Value("string")
    return datasets.Features(columns)


def arrow_schema(with_images: bool = True, with_spec: bool = False) -> pa.Schema:
    """The parquet schema, carrying the `huggingface` features metadata that `load_dataset` reads."""
    return dataset_features(with_images, with_spec).arrow_schema
