"""Schema conformance of a source as stored: column names, order and dtypes read from the raw schema.

Parquet and arrow files carry dtypes; so does a Hub dataset's `features`. CSV and JSON-lines files store
text only, so for them only names and order are checked (read_dbq checks that the values convert).
"""

from __future__ import annotations

import bisect
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from samplegen.dbq import HUB_ID, Column, RealDataError, stored_columns
from samplegen.dbq.columns import TABLE_FORMATS, TEXT_FORMATS
from samplegen.errors import FidelityError
from samplegen.fidelity.columns import ALLOWED_EXTRA_COLUMNS
from schemas import DBQ_COLUMNS, DBQ_DTYPES

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


def _file_fields(path: Path) -> tuple[str, list[Column]]:
    try:
        return stored_columns(path)
    except RealDataError as error:
        raise FidelityError(str(error)) from None


def _folder_files(folder: Path) -> list[Path]:
    visible = [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and p.name not in METADATA_FILES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    for suffixes in ({".parquet"}, {".arrow"}, set(TEXT_FORMATS)):
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


def check_fields(fields: list[Column], *, source: str, format: str) -> SchemaCheck:  # noqa: A002 - as SchemaCheck.format
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
    if HUB_ID.match(text) and path.suffix.lower() not in {*TABLE_FORMATS, *TEXT_FORMATS}:
        return check_fields(_hub_fields(text), source=text, format="features")
    raise FidelityError(f"{text}: no such file or folder")
