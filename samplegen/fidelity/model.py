"""The fidelity report's result types and its printable table."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from samplegen.fidelity.schema import SchemaCheck

FORMULA = (
    "overall = schema conformance x mean(column shapes, pair trends, coverage); "
    "column shapes = mean of the TVComplement of 9 categorical columns and the KSComplement of 4 price columns; "
    "pair trends = mean of ContingencySimilarity(category1, category2), ContingencySimilarity(category2, category3) "
    "and the KSComplement of full_price within each category2 found in both sets, weighted by its real rows; "
    "coverage = mean of the shares of the real distinct category triples and title item nouns that the "
    "synthetic set produces. A score that cannot be computed (nothing shared, nothing to cover) is left out "
    "of its mean, and an empty group out of the overall mean."
)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Score(Frozen):
    """One metric on one column, pair or value set; `score` is None when it cannot be computed."""

    group: str
    metric: str
    target: str
    score: float | None
    detail: str = ""


class GroupKS(Frozen):
    """KSComplement of full_price within one category2 value present in both sets."""

    category2: str
    synth_rows: int
    real_rows: int
    score: float


class CoverageResult(Frozen):
    """Real distinct values the synthetic set produces, and the ones it misses."""

    target: str
    covered: int
    total: int
    score: float | None
    missing: tuple[str, ...]


class Frequency(Frozen):
    value: str
    synth_count: int
    real_count: int
    synth_share: float
    real_share: float


class PriceSummary(Frozen):
    column: str
    side: str
    rows: int
    quantiles: dict[str, float]


class FidelityReport(Frozen):
    """How closely a synthetic DBQ table matches a real one; every score is in [0, 1], 1 = indistinguishable."""

    FORMULA: ClassVar[str] = FORMULA

    synth_source: str
    real_source: str
    synth_rows: int
    real_rows: int
    synth_country: str
    real_country: str
    schema_check: SchemaCheck
    scores: tuple[Score, ...]
    price_by_category2: tuple[GroupKS, ...]
    coverage: tuple[CoverageResult, ...]
    frequencies: dict[str, tuple[Frequency, ...]]
    prices: tuple[PriceSummary, ...]
    column_shapes: float | None
    pair_trends: float | None
    coverage_score: float | None
    overall: float
    worst: Score

    def group(self, name: str) -> tuple[Score, ...]:
        return tuple(score for score in self.scores if score.group == name)

    def score(self, metric: str, target: str) -> float | None:
        """The score of one metric on one target, e.g. `score("TVComplement", "category3_code")`."""
        for item in self.scores:
            if item.metric == metric and item.target == target:
                return item.score
        raise KeyError(f"no {metric} on {target}")

    def table(self) -> str:
        """A plain-text table of every score, the group averages and the overall score."""
        schema = self.schema_check
        rows = [
            ("group", "metric", "target", "score", "detail"),
            ("schema", "Conformance", f"17 DBQ columns ({schema.format})", fmt(schema.score), _schema_detail(schema)),
            *((s.group, s.metric, s.target, fmt(s.score), s.detail) for s in self.scores),
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        lines = [
            "samplegen fidelity report (1 = indistinguishable from the real set)",
            f"  synthetic  {self.synth_source}  ({self.synth_rows} rows, {self.synth_country})",
            f"  real       {self.real_source}  ({self.real_rows} rows, {self.real_country})",
            "",
        ]
        for row in rows:
            cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].ljust(widths[2]), row[3].rjust(widths[3])]
            lines.append("  ".join([*cells, row[4]]).rstrip())
        lines += [
            "",
            f"column shapes {fmt(self.column_shapes)}  pair trends {fmt(self.pair_trends)}  "
            f"coverage {fmt(self.coverage_score)}",
            f"overall {fmt(self.overall)} = schema {fmt(schema.score)} x mean({self.group_means_text()})",
            f"worst: {self.worst_text()}",
        ]
        return "\n".join(lines)

    def worst_text(self) -> str:
        if self.worst.score == 1.0:
            return "none, every score is 1.000"
        return f"{self.worst.metric} on {self.worst.target} = {fmt(self.worst.score)}"

    def group_means_text(self) -> str:
        means = (self.column_shapes, self.pair_trends, self.coverage_score)
        return ", ".join(fmt(mean) for mean in means if mean is not None)


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _schema_detail(schema: SchemaCheck) -> str:
    if not schema.issues:
        return "" if schema.dtypes_recorded else "dtypes not stored in this format"
    return "; ".join(schema.issues)
