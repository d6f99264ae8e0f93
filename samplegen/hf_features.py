"""The Hugging Face features of a build as plain data: the card's `features` list and the parquet schema
with its `huggingface` metadata, derived from the ProductRow schema without importing `datasets` (whose
import is most of a build's start-up). `tests/samplegen/test_features.py` checks both equal what
`datasets.Features` writes."""

from __future__ import annotations

import json

import pyarrow as pa

from schemas import DBQ_COLUMNS, DBQ_DTYPES

IMAGE_COLUMN = "image"  # the rendered product shot
SPEC_COLUMN = "spec"  # the latent ProductSpec as JSON, only with --with-spec
ARROW_TYPES = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}  # a `Value` dtype's Arrow type
IMAGE_TYPE = pa.struct([("bytes", pa.binary()), ("path", pa.string())])  # how `datasets.Image` stores an image


def feature_dtypes(with_images: bool = True, with_spec: bool = False) -> list[tuple[str, str]]:
    """(column, dtype) for the 17 DBQ columns in order, then ("image", "image") when there is one, then
    ("spec", "string") with `with_spec`."""
    columns = [(name, DBQ_DTYPES[name]) for name in DBQ_COLUMNS]
    if with_images:
        columns.append((IMAGE_COLUMN, "image"))
    if with_spec:
        columns.append((SPEC_COLUMN, "string"))
    return columns


def features_yaml(with_images: bool = True, with_spec: bool = False) -> list[dict]:
    """The card's `dataset_info.features`: what `datasets.Features._to_yaml_list()` gives."""
    return [{"name": name, "dtype": dtype} for name, dtype in feature_dtypes(with_images, with_spec)]


def arrow_schema(with_images: bool = True, with_spec: bool = False) -> pa.Schema:
    """The parquet schema, carrying the `huggingface` features metadata that `load_dataset` reads."""
    fields, features = [], {}
    for name, dtype in feature_dtypes(with_images, with_spec):
        if dtype == "image":
            fields.append(pa.field(name, IMAGE_TYPE))
            features[name] = {"_type": "Image"}
        else:
            fields.append(pa.field(name, ARROW_TYPES[dtype]))
            features[name] = {"dtype": dtype, "_type": "Value"}
    return pa.schema(fields, metadata={"huggingface": json.dumps({"info": {"features": features}})})
