"""The learnability ceiling of a build: the oracle's scores, gathered from rows as a build makes them.

A build feeds every row's observation to a `CeilingTally`; its `result()` fits the oracle on the train
split and scores it on the test split. Only the first `CEILING_ROWS` rows of the plan are observed, so a
build of any size holds a bounded number of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from samplegen.oracle import Observation, Oracle
from samplegen.titles import TitleWriter

TRAIN_SPLIT, TEST_SPLIT = "train", "test"
CEILING_ROWS = 20_000  # the ceiling is fitted and scored on the build's first rows (plan order)
DIGITS = 4  # figures are rounded so that the card and the command print the same numbers


@dataclass(frozen=True)
class Ceiling:
    """What an oracle that sees exactly what each image draws scores on the test split."""

    train_rows: int  # rows the oracle was fitted on
    test_rows: int  # rows it was scored on
    category3_accuracy: float
    title_exact: float  # share of titles right to the letter
    price_mape: float  # mean of |predicted - true| / true full price
    price_within_10pct: float  # share of full prices predicted within 10%
    price_tercile_accuracy: float  # share of rows whose full-price third (cut at train terciles) is right
    shared_noun_rows: int  # observed rows whose noun shares its drawing with another noun of its kind
    observed_rows: int  # train and test rows observed (the first CEILING_ROWS of the plan)

    def as_dict(self) -> dict:
        return asdict(self)


class CeilingTally:
    """Collects the train and test observations of a build, in plan order."""

    def __init__(self, split_names: Sequence[str], titles: TitleWriter) -> None:
        names = list(split_names)
        self.titles = titles
        self._train = names.index(TRAIN_SPLIT) if TRAIN_SPLIT in names else None
        self._test = names.index(TEST_SPLIT) if TEST_SPLIT in names else None
        self.train: list[Observation] = []
        self.test: list[Observation] = []

    def add(self, split: int, observed: Observation | None) -> None:
        if observed is None:
            return
        if split == self._train:
            self.train.append(observed)
        elif split == self._test:
            self.test.append(observed)

    def result(self) -> Ceiling | None:
        """The ceiling, or None when the build has no train or no test rows to fit and score on."""
        if not self.train or not self.test:
            return None
        scores = Oracle(self.train, self.titles).score(self.test)
        rows = [*self.train, *self.test]
        return Ceiling(
            train_rows=len(self.train),
            test_rows=len(self.test),
            category3_accuracy=round(scores.category3_accuracy, DIGITS),
            title_exact=round(scores.title_exact, DIGITS),
            price_mape=round(scores.price_mape, DIGITS),
            price_within_10pct=round(scores.price_within_10pct, DIGITS),
            price_tercile_accuracy=round(scores.price_tercile_accuracy, DIGITS),
            shared_noun_rows=shared_noun_rows(rows),
            observed_rows=len(rows),
        )


def shared_noun_rows(rows: Sequence[Observation]) -> int:
    """Rows whose noun has no drawing of its own: another noun of the same kind is drawn the same way
    (same `noun_shape`) somewhere in `rows`."""
    nouns: dict[tuple, set[str | None]] = {}
    for row in rows:
        nouns.setdefault((row.cues.kind, row.cues.noun_shape), set()).add(row.words.noun)
    return sum(len(nouns[(row.cues.kind, row.cues.noun_shape)]) > 1 for row in rows)
