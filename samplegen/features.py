"""Old import path of `samplegen.dbq.features`, kept for code that imports it from here
(the build itself uses `samplegen.hf_features`)."""

from samplegen.dbq.features import IMAGE_COLUMN, arrow_schema, dataset_features

__all__ = ["IMAGE_COLUMN", "arrow_schema", "dataset_features"]
