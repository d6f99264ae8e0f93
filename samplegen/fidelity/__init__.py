"""Fidelity report: how closely a synthetic DBQ table matches a real one, in the spirit of SDMetrics.

`compare(synth, real)` returns a FidelityReport (schema conformance, column shapes, pair trends, coverage
and an overall score); with `report_dir` it also writes report.md and PNG plots.
"""

from samplegen.errors import FidelityError
from samplegen.fidelity.metrics import contingency_similarity, coverage, item_noun, ks_complement, tv_complement
from samplegen.fidelity.model import FORMULA, FidelityReport
from samplegen.fidelity.report import compare, score_frames
from samplegen.fidelity.schema import SchemaCheck, schema_conformance

__all__ = [
    "FORMULA",
    "FidelityError",
    "FidelityReport",
    "SchemaCheck",
    "compare",
    "contingency_similarity",
    "coverage",
    "item_noun",
    "ks_complement",
    "schema_conformance",
    "score_frames",
    "tv_complement",
]
