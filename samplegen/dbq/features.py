"""Dataset features derived from the ProductRow schema: the 17 DBQ columns in order, then the image, then
(only with --with-spec) the latent spec as JSON.

`arrow_schema` is written without `datasets` (`samplegen.hf_features`); `dataset_features` imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from samplegen.hf_features import IMAGE_COLUMN, SPEC_COLUMN, arrow_schema, feature_dtypes

if TYPE_CHECKING:
    import datasets

__all__ = ["IMAGE_COLUMN", "SPEC_COLUMN", "arrow_schema", "dataset_features"]


def dataset_features(with_images: bool = True, with_spec: bool = False) -> datasets.Features:
    """The `datasets` features of a samplegen build: the 17 DBQ columns, then the image when there is one,
    then the spec column with `with_spec`."""
    import datasets  # noqa: PLC0415 - a heavy import, only for callers that want datasets' own object

    columns = feature_dtypes(with_images, with_spec)
    return datasets.Features(
        {name: datasets.Image() if dtype == "image" else datasets.Value(dtype) for name, dtype in columns}
    )
