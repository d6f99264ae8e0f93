"""The columns a data file stores, read from its header or schema without reading its rows.

Parquet and Arrow files carry dtypes; CSV and JSON-lines files store text only, so their dtype is None.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from samplegen.errors import RealDataError

Column = tuple[str, str | None]  # (column name, dtype; None where the format stores no dtypes)
TEXT_FORMATS = {".csv": "csv", ".jsonl": "json", ".json": "json"}
TABLE_FORMATS = {".parquet": "parquet", ".arrow": "arrow"}


def _arrow_dtype(kind) -> str:
    import pyarrow as pa  # noqa: PLC0415

    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind):
        return "string"
    if pa.types.is_int64(kind):
        return "int64"
    if pa.types.is_float64(kind):
        return "float64"
    return str(kind)


def schema_columns(schema) -> list[Column]:
    """(name, DBQ-style dtype) for each field of a pyarrow schema."""
    return [(field.name, _arrow_dtype(field.type)) for field in schema]


def _text_columns(path: Path, kind: str) -> list[Column]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:  # -sig: as pandas, skip a byte-order mark
            if kind == "csv":
                header = next(csv.reader(handle), [])
            else:
                first = json.loads(next((line for line in handle if line.strip()), "{}"))
                if not isinstance(first, dict):
                    raise ValueError("the first line is not a JSON object")
                header = list(first)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise RealDataError(f"cannot read the columns of {path}: {error}") from None
    return [(name, None) for name in header]


def stored_columns(path: str | Path) -> tuple[str, list[Column]]:
    """(format, columns) of a .parquet, .arrow, .csv, .jsonl or .json file; a RealDataError if unreadable."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TABLE_FORMATS:
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.parquet as pq  # noqa: PLC0415

        try:
            if suffix == ".parquet":
                return "parquet", schema_columns(pq.read_schema(path))
            with pa.ipc.open_stream(path) as reader:
                return "arrow", schema_columns(reader.schema)
        except (OSError, pa.ArrowInvalid) as error:
            raise RealDataError(f"cannot read the schema of {path}: {str(error).splitlines()[0]}") from None
    if suffix in TEXT_FORMATS:
        return TEXT_FORMATS[suffix], _text_columns(path, TEXT_FORMATS[suffix])
    raise RealDataError(f"{path}: unknown file type {suffix!r}; use .parquet, .arrow, .csv or .jsonl")
