"""samplegen.dbq: reading and checking data in the DBQ format, shared by samplegen and finetune.

- `read_dbq`: a CSV, parquet or JSON-lines file, a data set folder or a Hub id, as a checked `RealTable`.
- `check_frame`, `country_mask`: the dtype and one-country checks `read_dbq` applies, for frames read elsewhere.
- `stored_columns`: the (name, dtype) columns a file stores, read from its header or schema only.
- `check_parquet_files`, `find_damaged_parquet`: a damaged shard becomes one `DamagedDataError` naming it.
- `dataset_features`, `arrow_schema`: the `datasets` features and parquet schema of a samplegen build.
- `quiet_datasets`: no `datasets` progress bars or log lines while a block runs.
- `load_folder`: a local folder's splits, read from its shards as they are (no stale cache copy).
"""

from samplegen.dbq.columns import Column, schema_columns, stored_columns
from samplegen.dbq.features import IMAGE_COLUMN, SPEC_COLUMN, arrow_schema, dataset_features
from samplegen.dbq.folders import load_folder
from samplegen.dbq.parquet import check_parquet_files, find_damaged_parquet
from samplegen.dbq.quiet import quiet_datasets
from samplegen.dbq.reading import FILE_READERS, HUB_ID, RealTable, check_frame, country_mask, read_dbq
from samplegen.errors import DamagedDataError, RealDataError

__all__ = [
    "FILE_READERS",
    "HUB_ID",
    "IMAGE_COLUMN",
    "SPEC_COLUMN",
    "Column",
    "DamagedDataError",
    "RealDataError",
    "RealTable",
    "arrow_schema",
    "check_frame",
    "check_parquet_files",
    "country_mask",
    "dataset_features",
    "find_damaged_parquet",
    "load_folder",
    "quiet_datasets",
    "read_dbq",
    "schema_columns",
    "stored_columns",
]
