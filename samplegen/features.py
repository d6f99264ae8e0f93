"""Old import path of `samplegen.dbq.features`, kept while samplegen/builder.py and card.py import it from here
(delete this file once they import `samplegen.dbq`)."""

from samplegen.dbq.features import IMAGE_COLUMN, arrow_schema, dataset_features

__all__ = ["IMAGE_COLUMN", "arrow_schema", "dataset_features"]
