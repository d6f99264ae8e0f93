"""Schema conformance of a source as stored: column names, order and dtypes read from the raw schema.

Parquet and arrow files carry dtypes; so does a Hub dataset's `features`. CSV and JSON-lines files store
text only, so for them only names and order are checked (read_dbq checks that the values convert).
"""

from __future__ import annotations

import bisect
import csv
import json
from pathlib import Path

import pyarrow as pa
from pydantic import BaseModel, ConfigDict

from samplegen.fidelity.columns import ALLOWED_EXTRA_COLUMNS
from samplegen.fidelity.errors import FidelityError
from samplegen.real import HUB_ID
from schemas import DBQ_COLUMNS, DBQ_DTYPES

Column = tuple[str, str | None]  # (column name, dtype; None where the format stores no dtypes)
TEXT_SUFFIXES = {".csv": "csv", ".jsonl": "json", ".json": "json"}
METADATA_FILES = {"state.json", "dataset_info.json", "dataset_dict.json"}  # `save_to_disk` bookkeeping


class SchemaCheck(BaseModel):
    """Conformance of one source to the 17 DBQ columns.

    score = present x order x dtypes x extras, each a share in [0, 1]:
    present = DBQ columns found / 17; order = longest run of found DBQ columns already in DBQ order / found;
    dtypes = found DBQ columns with the DBQ dtype / found (1 when the format stores no dtypes);
    extras = 17 / (17 + columns that are neither DBQ columns nor allowed extras such as `image`).
    A folder of several files scores as its worst file.
    """

    model_config = ConfigDict(frozen=True)

    source: str
    format: str
    columns: tuple[str, ...]
    present: float
    order: float
    dtypes: float
    dtypes_recorded: bool
    extras: float
    score: float
    issues: tuple[str, ...]


def _arrow_dtype(kind: pa.DataType) -> str:
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind):
        return "string"
    if pa.types.is_int64(kind):
        return "int64"
    if pa.types.is_float64(kind):
        return "float64"
    return str(kind)


def _schema_fields(schema: pa.Schema) -> list[Column]:
    return [(field.name, _arrow_dtype(field.type)) for field in schema]


def _text_fields(path: Path, kind: str) -> list[Column]:
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
        raise FidelityError(f"cannot read the columns of {path}: {error}") from None
    return [(name, None) for name in header]


def _file_fields(path: Path) -> tuple[str, list[Column]]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            import pyarrow.parquet as pq  # noqa: PLC0415

            return "parquet", _schema_fields(pq.read_schema(path))
        if suffix == ".arrow":
            with pa.ipc.open_stream(path) as reader:
                return "arrow", _schema_fields(reader.schema)
    except (OSError, pa.ArrowInvalid) as error:
        raise FidelityError(f"cannot read the schema of {path}: {str(error).splitlines()[0]}") from None
    if suffix in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[suffix], _text_fields(path, TEXT_SUFFIXES[suffix])
    raise FidelityError(f"{path}: unknown file type {suffix!r}; use .parquet, .arrow, .csv or .jsonl")


def _folder_files(folder: Path) -> list[Path]:
    visible = [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and p.name not in METADATA_FILES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    for suffixes in ({".parquet"}, {".arrow"}, set(TEXT_SUFFIXES)):
        found = [p for p in visible if p.suffix.lower() in suffixes]
        if found:
            return found
    raise FidelityError(f"{folder} holds no parquet, arrow, CSV or JSON-lines files")


def _hub_fields(source: str) -> list[Column]:
    import datasets  # noqa: PLC0415

    try:
        features = datasets.load_dataset_builder(source).info.features
    except Exception as error:  # noqa: BLE001 - the Hub client raises many types; the user needs one line
        raise FidelityError(f"cannot read the features of {source}: {type(error).__name__}") from None
    if features is None:
        raise FidelityError(f"{source} publishes no features; download it and compare the files")
    fields: list[Column] = []
    for name, feature in features.items():
        dtype = getattr(feature, "dtype", type(feature).__name__)
        fields.append((name, "string" if dtype == "large_string" else dtype))
    return fields


def _longest_ordered_run(positions: list[int]) -> set[int]:
    """Indexes into `positions` of a longest increasing run: the columns already in the right relative order."""
    tails: list[int] = []  # tails[k]: index of the smallest last value of an increasing run of length k + 1
    before: list[int | None] = []
    for index, position in enumerate(positions):
        at = bisect.bisect_left([positions[t] for t in tails], position)
        before.append(tails[at - 1] if at else None)
        tails[at : at + 1] = [index]
    kept: set[int] = set()
    index = tails[-1] if tails else None
    while index is not None:
        kept.add(index)
        index = before[index]
    return kept


def check_fields(fields: list[Column], *, source: str, format: str) -> SchemaCheck:  # noqa: A002
    """Score a list of (column, dtype) against DBQ_COLUMNS and DBQ_DTYPES."""
    names = [name for name, _ in fields]
    found = [(name, dtype) for name, dtype in fields if name in DBQ_DTYPES]
    missing = [c for c in DBQ_COLUMNS if c not in names]
    extras = [n for n in names if n not in DBQ_DTYPES and n not in ALLOWED_EXTRA_COLUMNS]
    issues = []
    if missing:
        issues.append(f"missing {', '.join(missing)}")
    in_order = _longest_ordered_run([DBQ_COLUMNS.index(name) for name, _ in found])
    if len(in_order) < len(found):
        moved = [name for index, (name, _) in enumerate(found) if index not in in_order]
        issues.append(f"out of DBQ order: {', '.join(moved)}")
    recorded = all(dtype is not None for _, dtype in fields)
    wrong = [(n, d) for n, d in found if recorded and d != DBQ_DTYPES[n]]
    issues.extend(f"{name} is {dtype}, DBQ has {DBQ_DTYPES[name]}" for name, dtype in wrong)
    if extras:
        issues.append(f"unexpected columns {', '.join(extras)}")
    if len(set(names)) < len(names):
        issues.append("duplicate column names")
    present = len({name for name, _ in found}) / len(DBQ_COLUMNS)
    order = len(in_order) / len(found) if found else 0.0
    dtypes = 1.0 - len(wrong) / len(found) if found else 0.0
    extra_share = len(DBQ_COLUMNS) / (len(DBQ_COLUMNS) + len(extras))
    return SchemaCheck(
        source=source,
        format=format,
        columns=tuple(names),
        present=present,
        order=order,
        dtypes=dtypes,
        dtypes_recorded=recorded,
        extras=extra_share,
        score=present * order * dtypes * extra_share,
        issues=tuple(issues),
    )


def _merge_issues(checks: list[SchemaCheck]) -> tuple[str, ...]:
    """Each distinct issue once, naming the files it occurs in unless it occurs in all of them."""
    files: dict[str, list[str]] = {}
    for check in checks:
        for issue in check.issues:
            files.setdefault(issue, []).append(check.source)
    return tuple(
        issue if len(names) == len(checks) else f"{issue} (in {', '.join(names)})" for issue, names in files.items()
    )


def schema_conformance(source: str | Path) -> SchemaCheck:
    """Check a file, a folder (every data file; the worst one counts) or a Hub dataset id as stored."""
    text = str(source)
    path = Path(text).expanduser()
    if path.is_file():
        kind, fields = _file_fields(path)
        return check_fields(fields, source=text, format=kind)
    if path.is_dir():
        checks = []
        for file in _folder_files(path):
            kind, fields = _file_fields(file)
            checks.append(check_fields(fields, source=str(file.relative_to(path)), format=kind))
        worst = min(checks, key=lambda check: check.score)
        return worst.model_copy(update={"source": text, "issues": _merge_issues(checks)})
    if HUB_ID.match(text) and path.suffix.lower() not in {".parquet", ".arrow", *TEXT_SUFFIXES}:
        return check_fields(_hub_fields(text), source=text, format="features")
    raise FidelityError(f"{text}: no such file or folder")
