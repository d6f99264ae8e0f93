"""Fidelity metrics as pure functions; every score is in [0, 1] and 1 means the two samples agree.

In the spirit of SDMetrics' quality report (TVComplement, KSComplement, ContingencySimilarity), computed
here with numpy and pandas only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from samplegen.fidelity.columns import GRAMMAR_WORDS
from samplegen.titles import BEAUTY_SEPARATOR


def _shares(values: Iterable[Hashable]) -> dict[Hashable, float]:
    counts = Counter(values)
    total = sum(counts.values())
    if total == 0:
        raise ValueError("cannot compare an empty sample")
    return {value: count / total for value, count in counts.items()}


def tv_complement(synth: Iterable[Hashable], real: Iterable[Hashable]) -> float:
    """1 - total variation distance between two category frequency distributions.

    TVD = 1/2 * sum over all categories of |share in synth - share in real|.
    """
    p, q = _shares(synth), _shares(real)
    distance = 0.5 * sum(abs(p.get(value, 0.0) - q.get(value, 0.0)) for value in p.keys() | q.keys())
    return min(1.0, max(0.0, 1.0 - distance))


def ks_complement(synth: Sequence[float] | np.ndarray, real: Sequence[float] | np.ndarray) -> float:
    """1 - the two-sample Kolmogorov-Smirnov statistic (largest gap between the two empirical CDFs)."""
    a = np.sort(np.asarray(synth, dtype=float))
    b = np.sort(np.asarray(real, dtype=float))
    if a.size == 0 or b.size == 0:
        raise ValueError("cannot compare an empty sample")
    if np.isnan(a).any() or np.isnan(b).any():
        raise ValueError("KSComplement needs numbers, got NaN")
    points = np.concatenate([a, b])
    cdf_a = np.searchsorted(a, points, side="right") / a.size
    cdf_b = np.searchsorted(b, points, side="right") / b.size
    return float(1.0 - np.max(np.abs(cdf_a - cdf_b)))


def contingency_similarity(synth: pd.DataFrame, real: pd.DataFrame, columns: tuple[str, str]) -> float:
    """1 - TVD between the joint frequency tables of two categorical columns."""
    first, second = columns
    return tv_complement(zip(synth[first], synth[second], strict=True), zip(real[first], real[second], strict=True))


@dataclass(frozen=True)
class CoverageCount:
    """How many of the real set's distinct values the synthetic set also produces."""

    covered: int
    total: int
    missing: tuple[str, ...]

    @property
    def score(self) -> float | None:
        return self.covered / self.total if self.total else None


def coverage(synth: Iterable[Hashable], real: Iterable[Hashable]) -> CoverageCount:
    """Share of the real set's distinct values that appear in the synthetic set (None values are skipped)."""
    produced = {value for value in synth if value is not None}
    wanted = {value for value in real if value is not None}
    missing = sorted(str(value) for value in wanted - produced)
    return CoverageCount(covered=len(wanted) - len(missing), total=len(wanted), missing=tuple(missing))


def is_beauty_title(title: str) -> bool:
    return BEAUTY_SEPARATOR in title


def item_noun(title: str) -> str | None:
    """The item noun ending a non-beauty title: the words after the last grammar word; None for beauty.

    "Micro Shield Sling Bag" -> "Sling Bag", "Check Cashmere Scarf" -> "Scarf", "Wool Pea Coat" ->
    "Pea Coat". A title that ends in a grammar word keeps its last word.
    """
    if is_beauty_title(title):
        return None
    words = title.split()
    if not words:
        return None
    last_grammar = max((i for i, word in enumerate(words) if word in GRAMMAR_WORDS), default=-1)
    return " ".join(words[last_grammar + 1 :]) or words[-1]


TRIPLE_JOINER = " / "


def category_triples(frame: pd.DataFrame) -> list[str]:
    """Each row's `category1 / category2 / category3`."""
    return [
        TRIPLE_JOINER.join(triple)
        for triple in zip(frame["category1_code"], frame["category2_code"], frame["category3_code"], strict=True)
    ]


def weighted_mean(scores: Sequence[float], weights: Sequence[float]) -> float:
    total = float(sum(weights))
    if total <= 0:
        raise ValueError("weights must add up to more than 0")
    return float(sum(s * w for s, w in zip(scores, weights, strict=True)) / total)
