"""Compare a synthetic DBQ table with a real one: `compare(synth, real)` -> FidelityReport."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from samplegen.dbq import RealDataError, RealTable, read_dbq
from samplegen.extras import require
from samplegen.fidelity.columns import CATEGORICAL_COLUMNS, CONTINGENCY_PAIRS, GROUPED_PRICE, PRICE_COLUMNS
from samplegen.fidelity.metrics import (
    category_triples,
    contingency_similarity,
    coverage,
    item_noun,
    ks_complement,
    tv_complement,
    weighted_mean,
)
from samplegen.fidelity.model import (
    FORMULA,
    CoverageResult,
    FidelityReport,
    Frequency,
    GroupKS,
    PriceSummary,
    Score,
)
from samplegen.fidelity.schema import SchemaCheck, schema_conformance

__all__ = ["FORMULA", "FidelityReport", "compare", "score_frames"]

COLUMN_SHAPE, PAIR_TREND, COVERAGE = "column shape", "pair trend", "coverage"
QUANTILES = {"min": 0.0, "p10": 0.1, "p25": 0.25, "median": 0.5, "p75": 0.75, "p90": 0.9, "max": 1.0}


def _read(role: str, source: str | os.PathLike, country: str | None, flag: str) -> RealTable:
    """read_dbq, with errors that say which input is wrong and name the flag that picks its country."""
    try:
        return read_dbq(source, country=country)
    except RealDataError as error:
        raise RealDataError(f"{role} input: {str(error).replace('--country', flag)}") from None


def _column_shapes(synth: pd.DataFrame, real: pd.DataFrame) -> list[Score]:
    scores = [
        Score(group=COLUMN_SHAPE, metric="TVComplement", target=c, score=tv_complement(synth[c], real[c]))
        for c in CATEGORICAL_COLUMNS
    ]
    scores += [
        Score(group=COLUMN_SHAPE, metric="KSComplement", target=c, score=ks_complement(synth[c], real[c]))
        for c in PRICE_COLUMNS
    ]
    return scores


def _price_by_group(synth: pd.DataFrame, real: pd.DataFrame) -> list[GroupKS]:
    price, group = GROUPED_PRICE
    synth_groups = dict(tuple(synth.groupby(group, sort=True)[price]))
    real_groups = dict(tuple(real.groupby(group, sort=True)[price]))
    return [
        GroupKS(
            category2=str(value),
            synth_rows=len(synth_groups[value]),
            real_rows=len(real_groups[value]),
            score=ks_complement(synth_groups[value], real_groups[value]),
        )
        for value in sorted(synth_groups.keys() & real_groups.keys())
    ]


def _pair_trends(synth: pd.DataFrame, real: pd.DataFrame, groups: list[GroupKS]) -> list[Score]:
    scores = [
        Score(
            group=PAIR_TREND,
            metric="ContingencySimilarity",
            target=f"{first} x {second}",
            score=contingency_similarity(synth, real, (first, second)),
        )
        for first, second in CONTINGENCY_PAIRS
    ]
    price, group = GROUPED_PRICE
    shared = len(groups)
    scores.append(
        Score(
            group=PAIR_TREND,
            metric="KSComplement",
            target=f"{price} per {group}",
            score=weighted_mean([g.score for g in groups], [g.real_rows for g in groups]) if groups else None,
            detail=f"{shared} {group} value{'s' if shared != 1 else ''} in both, weighted by real rows",
        )
    )
    return scores


def _coverages(synth: pd.DataFrame, real: pd.DataFrame) -> list[CoverageResult]:
    pairs = {
        "category triples": (category_triples(synth), category_triples(real)),
        "title item nouns": ([item_noun(t) for t in synth["title"]], [item_noun(t) for t in real["title"]]),
    }
    results = []
    for target, (synth_values, real_values) in pairs.items():
        count = coverage(synth_values, real_values)
        results.append(
            CoverageResult(
                target=target, covered=count.covered, total=count.total, score=count.score, missing=count.missing
            )
        )
    return results


def _frequencies(synth: pd.Series, real: pd.Series) -> tuple[Frequency, ...]:
    """Counts and shares of every value in either set, most common (over both shares) first."""
    synth_counts, real_counts = synth.astype(str).value_counts(), real.astype(str).value_counts()
    values = set(synth_counts.index) | set(real_counts.index)
    shares = {v: (synth_counts.get(v, 0) / len(synth), real_counts.get(v, 0) / len(real)) for v in values}
    ordered = sorted(values, key=lambda v: (-sum(shares[v]), v))
    return tuple(
        Frequency(
            value=v,
            synth_count=int(synth_counts.get(v, 0)),
            real_count=int(real_counts.get(v, 0)),
            synth_share=float(shares[v][0]),
            real_share=float(shares[v][1]),
        )
        for v in ordered
    )


def _price_summaries(synth: pd.DataFrame, real: pd.DataFrame) -> tuple[PriceSummary, ...]:
    return tuple(
        PriceSummary(
            column=column,
            side=side,
            rows=len(frame),
            quantiles={name: float(np.quantile(frame[column], q)) for name, q in QUANTILES.items()},
        )
        for column in PRICE_COLUMNS
        for side, frame in (("synthetic", synth), ("real", real))
    )


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def score_frames(
    synth: pd.DataFrame,
    real: pd.DataFrame,
    schema_check: SchemaCheck,
    *,
    synth_source: str = "synthetic",
    real_source: str = "real",
) -> FidelityReport:
    """Score two frames holding the 17 DBQ columns (as read_dbq returns them); see FORMULA."""
    if synth.empty or real.empty:
        raise ValueError("both frames need rows")
    groups = _price_by_group(synth, real)
    coverages = _coverages(synth, real)
    scores = [
        *_column_shapes(synth, real),
        *_pair_trends(synth, real, groups),
        *(
            Score(group=COVERAGE, metric="Coverage", target=c.target, score=c.score, detail=f"{c.covered} of {c.total}")
            for c in coverages
        ),
    ]
    means = {name: _mean([s.score for s in scores if s.group == name]) for name in (COLUMN_SHAPE, PAIR_TREND, COVERAGE)}
    overall = schema_check.score * (_mean(list(means.values())) or 0.0)
    worst = min((s for s in scores if s.score is not None), key=lambda s: s.score)
    return FidelityReport(
        synth_source=synth_source,
        real_source=real_source,
        synth_rows=len(synth),
        real_rows=len(real),
        synth_country=", ".join(sorted(synth["country_code"].unique())),
        real_country=", ".join(sorted(real["country_code"].unique())),
        schema_check=schema_check,
        scores=tuple(scores),
        price_by_category2=tuple(groups),
        coverage=tuple(coverages),
        frequencies={c: _frequencies(synth[c], real[c]) for c in CATEGORICAL_COLUMNS},
        prices=_price_summaries(synth, real),
        column_shapes=means[COLUMN_SHAPE],
        pair_trends=means[PAIR_TREND],
        coverage_score=means[COVERAGE],
        overall=overall,
        worst=worst,
    )


def compare(
    synth: str | os.PathLike,
    real: str | os.PathLike,
    *,
    synth_country: str | None = None,
    real_country: str | None = None,
    report_dir: str | os.PathLike | None = None,
) -> FidelityReport:
    """Score a synthetic DBQ source against a real one; with `report_dir`, also write report.md and plots.

    Both sources are read with `read_dbq` (CSV, parquet, JSON lines, a dataset folder or a Hub id); the
    synthetic source's schema is checked as stored. overall = schema conformance x mean(column shapes,
    pair trends, coverage); `FidelityReport.FORMULA` spells out each group.
    """
    if report_dir is not None:
        require(["matplotlib"], "report", "writing a report folder (its plots)")
        from samplegen.fidelity.writer import check_replaceable, write_report  # noqa: PLC0415 - matplotlib when asked

        check_replaceable(Path(report_dir))  # fail before the work, not after it
    synth_table = _read("synthetic", synth, synth_country, "--synth-country")
    real_table = _read("real", real, real_country, "--country")
    report = score_frames(
        synth_table.frame,
        real_table.frame,
        schema_conformance(synth),
        synth_source=str(synth),
        real_source=str(real),
    )
    if report_dir is not None:
        write_report(report, synth_table.frame, real_table.frame, Path(report_dir))
    return report
