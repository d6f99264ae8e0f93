"""The learnability oracle: answers category3, title and full price from exactly what a shot draws.

It sees each row's `DrawnCues` and nothing else; it is fitted on the train split's rows (cues with their
answers) and scored on the test split. Its scores are what a perfect reader of the images could reach:
the learnability ceiling of a build.

- category3 and the whole title: the most common train answer among train rows with the same relevant
  cues (`oracle_keys`), backing off along a chain of coarser keys when a combination is new.
- a title whose drawing train never showed: each slot word read from its own cue the same way (the most
  common word train shows for that look), joined by the title grammar.
- full price: a log-linear model fitted on train log prices, one weight per value of each cue group
  (`oracle_keys.PRICE_GROUPS`), so that new combinations of known cues still get a price, with each kind's
  spread around it. Each price figure gets the answer that is best for it: the median for "within 10%",
  the median shrunk by the spread for the mean absolute percentage error, the third of the train prices
  holding most of the predicted distribution for the tercile accuracy.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple, cast

import numpy as np

from samplegen import oracle_keys
from samplegen.oracle_keys import Chain
from samplegen.render.cues import DrawnCues, drawn_cues
from samplegen.titles import TitleWriter
from schemas import ProductSpec

WITHIN = 0.10  # "within 10%" of the true full price


class TitleWords(NamedTuple):
    """The title's slot words, named as in ProductSpec (so that `TitleWriter.title` composes them)."""

    size: str | None
    bag_family: str | None
    pattern: str | None
    material: str | None
    detail: str | None
    noun: str | None
    beauty_line: str | None
    shade: str | None


class Observation(NamedTuple):
    """One row as the oracle learns from it: what its shot draws, and its answers."""

    cues: DrawnCues
    words: TitleWords
    category3: str
    title: str
    full_price: float


def observe(spec: ProductSpec, row: dict) -> Observation:
    """A built row's observation: its spec's cues and title words, its row's answers."""
    words = TitleWords(*(getattr(spec, slot) for slot in TitleWords._fields))
    return Observation(drawn_cues(spec), words, row["category3_code"], row["title"], float(row["full_price"]))


class _Keys:
    """Cue keys: a row's cues are viewed once (accent dropped, colour None except for kinds whose titles
    name a shade), then each key is a C-level itemgetter over that view."""

    FIELDS = tuple(name for name in DrawnCues._fields if name not in oracle_keys.IGNORED)

    def __init__(self, shade_kinds: frozenset) -> None:
        self.shade_kinds = shade_kinds
        self._kept = itemgetter(*(DrawnCues._fields.index(name) for name in self.FIELDS))
        self._colour = self.FIELDS.index("colour")
        self._getters: dict[tuple[str, ...], Callable[[tuple], object]] = {}

    def view(self, cues: DrawnCues) -> tuple:
        kept = self._kept(cues)
        if cues.kind in self.shade_kinds:
            return kept
        return (*kept[: self._colour], None, *kept[self._colour + 1 :])

    def getter(self, fields: tuple[str, ...]) -> Callable[[tuple], object]:
        """A function of a view giving the key (a tuple, or one value for a one-field key)."""
        if fields not in self._getters:
            positions = [self.FIELDS.index(name) for name in fields]
            self._getters[fields] = itemgetter(*positions) if positions else _no_key
        return self._getters[fields]


def _no_key(view: tuple) -> tuple:
    return ()


class _Vote:
    """The most common train answer among rows sharing a key; the first key of the chain seen in train."""

    def __init__(self, chain: Chain, keys: _Keys, views: Sequence[tuple], answers: Sequence[object]) -> None:
        self.getters = [keys.getter(fields) for fields in chain]
        self.winners: list[dict] = []
        for key in self.getters:
            counts = Counter(zip(map(key, views), answers, strict=True))  # in first-seen order
            best: dict[object, tuple[int, object]] = {}
            for (value, answer), count in counts.items():
                if value not in best or count > best[value][0]:  # ties: the answer train showed first
                    best[value] = (count, answer)
            self.winners.append({value: answer for value, (_, answer) in best.items()})

    def answer(self, view: tuple) -> tuple[bool, object]:
        """(found, answer) from the first key of the chain that train has seen."""
        for key, winners in zip(self.getters, self.winners, strict=True):
            value = key(view)
            if value in winners:
                return True, winners[value]
        return False, None


class _LogPrice:
    """Ridge regression of log full price on one-hot cue groups (one weight per value of each group),
    solved by conjugate gradients on the normal equations with the design kept as index arrays.

    It also keeps each kind's residual variance: for a log-normal spread s², the price that minimises the
    expected absolute percentage error is the median times exp(-s²).
    """

    MAX_STEPS = 500
    TOLERANCE = 1e-10  # on the squared, preconditioned residual of the normal equations, relative

    def __init__(self, groups: Sequence[tuple[str, ...]], keys: _Keys, ridge: float) -> None:
        self.getters = [keys.getter(fields) for fields in groups]
        self.kind = keys.getter(("kind",))
        self.ridge = ridge
        self.index: dict[tuple[int, object], int] = {}
        self.weights = np.zeros(0)
        self.intercept = 0.0
        self.spread: dict[object, float] = {}
        self.default_spread = 0.0

    def _active(self, view: tuple) -> list[int]:
        """Positions of the view's features; features train never saw are left out (weight 0)."""
        found = (self.index.get((number, key(view))) for number, key in enumerate(self.getters))
        return [position for position in found if position is not None]

    def fit(self, views: Sequence[tuple], prices: Sequence[float]) -> None:
        target = np.log(np.array(prices, dtype=np.float64))
        self.intercept = float(target.mean())
        columns = []  # per group, each row's feature position
        for number, key in enumerate(self.getters):
            values = list(map(key, views))
            start = len(self.index)
            self.index.update(((number, value), start + i) for i, value in enumerate(dict.fromkeys(values)))
            columns.append(np.array([self.index[number, value] for value in values], dtype=np.int64))
        active = np.stack(columns, axis=1) if columns else np.zeros((len(views), 0), dtype=np.int64)
        flat, width, size = active.ravel(), active.shape[1], len(self.index)

        def normal(vector: np.ndarray) -> np.ndarray:  # (X'X + ridge I) vector
            return np.bincount(flat, np.repeat(vector[active].sum(axis=1), width), size) + self.ridge * vector

        moment = np.bincount(flat, np.repeat(target - self.intercept, width), size)
        diagonal = np.bincount(flat, minlength=size) + self.ridge
        weights, residual = np.zeros(size), np.array(moment, dtype=np.float64)
        scaled = residual / diagonal
        direction, product = scaled.copy(), float(residual @ scaled)
        first_product = product
        for _ in range(self.MAX_STEPS):
            if product <= self.TOLERANCE * first_product:
                break
            step = normal(direction)
            alpha = product / float(direction @ step)
            weights += alpha * direction
            residual -= alpha * step
            scaled = residual / diagonal
            product, previous = float(residual @ scaled), product
            direction = scaled + (product / previous) * direction
        self.weights = weights
        errors = target - self.intercept - weights[active].sum(axis=1)
        kinds: dict[object, int] = {}
        kind_of = np.array([kinds.setdefault(self.kind(view), len(kinds)) for view in views], dtype=np.int64)
        spreads = np.bincount(kind_of, errors**2) / np.bincount(kind_of)
        self.spread = dict(zip(kinds, spreads.tolist(), strict=True))
        self.default_spread = float(np.mean(errors**2))

    def log_median(self, view: tuple) -> float:
        return self.intercept + float(sum(self.weights[position] for position in self._active(view)))

    def median(self, view: tuple) -> float:
        return math.exp(self.log_median(view))

    def least_percentage_error(self, view: tuple) -> float:
        return math.exp(self.log_median(view) - self.spread.get(self.kind(view), self.default_spread))

    def likeliest_tercile(self, view: tuple, bounds: tuple[float, float]) -> int:
        """The third of the train prices that holds most of the row's price distribution (log-normal around
        the median with its kind's spread)."""
        centre = self.log_median(view)
        spread = math.sqrt(self.spread.get(self.kind(view), self.default_spread)) or 1e-9
        below = [0.5 * (1 + math.erf((math.log(bound) - centre) / (spread * math.sqrt(2)))) for bound in bounds]
        masses = [below[0], below[1] - below[0], 1 - below[1]]
        return masses.index(max(masses))


@dataclass(frozen=True)
class Scores:
    """The oracle's scores on the test split."""

    rows: int
    category3_accuracy: float
    title_exact: float
    price_mape: float
    price_within_10pct: float
    price_tercile_accuracy: float


class Oracle:
    """Fitted on train observations; answers `category3`, `title` and `full_price` from a row's cues."""

    def __init__(self, train: Sequence[Observation], titles: TitleWriter) -> None:
        """`titles`: the profile's title writer, to compose a title word by word for cues train never showed."""
        if not train:
            raise ValueError("the oracle needs at least one train row")
        self.titles = titles
        self.keys = _Keys(frozenset(row.cues.kind for row in train if row.words.shade is not None))
        views = [self.keys.view(row.cues) for row in train]
        self._category3 = _Vote(oracle_keys.CATEGORY3, self.keys, views, [row.category3 for row in train])
        self._title = _Vote(oracle_keys.TITLE, self.keys, views, [row.title for row in train])
        self._words = [
            (slot, _Vote(chain, self.keys, views, [getattr(row.words, slot) for row in train]))
            for slot, chain in oracle_keys.WORDS.items()
        ]
        self._price = _LogPrice(oracle_keys.PRICE_GROUPS, self.keys, oracle_keys.PRICE_RIDGE)
        self._price.fit(views, [row.full_price for row in train])
        self.terciles = _terciles([row.full_price for row in train])

    def category3(self, cues: DrawnCues) -> str | None:
        return cast("str | None", self._category3.answer(self.keys.view(cues))[1])

    def title(self, cues: DrawnCues) -> str:
        return self._title_of(self.keys.view(cues))

    def full_price(self, cues: DrawnCues) -> float:
        """The median full price of what the cues show (the answer for "within 10%" and terciles)."""
        return self._price.median(self.keys.view(cues))

    def _title_of(self, view: tuple) -> str:
        found, title = self._title.answer(view)
        if found:
            return cast(str, title)
        words = dict.fromkeys(TitleWords._fields)
        words.update((slot, vote.answer(view)[1]) for slot, vote in self._words)
        if words["noun"] is None:  # no cue seen in train names a noun: the title is the other words alone
            words["noun"] = ""
        title = self.titles.title(TitleWords(**words))  # type: ignore[arg-type]  # the fields title() reads
        return title.strip()

    def score(self, test: Iterable[Observation]) -> Scores:
        rows = hits3 = titles = within = terciles = 0
        error = 0.0
        for row in test:
            view = self.keys.view(row.cues)
            price = self._price.median(view)
            rows += 1
            hits3 += self._category3.answer(view)[1] == row.category3
            titles += self._title_of(view) == row.title
            error += abs(self._price.least_percentage_error(view) - row.full_price) / row.full_price
            within += abs(price - row.full_price) <= WITHIN * row.full_price
            terciles += self._price.likeliest_tercile(view, self.terciles) == tercile(row.full_price, self.terciles)
        if not rows:
            raise ValueError("the oracle needs at least one test row to score")
        return Scores(rows, hits3 / rows, titles / rows, error / rows, within / rows, terciles / rows)


def _terciles(prices: Sequence[float]) -> tuple[float, float]:
    low, high = np.quantile(np.array(prices, dtype=np.float64), [1 / 3, 2 / 3])
    return float(low), float(high)


def tercile(price: float, bounds: tuple[float, float]) -> int:
    """0, 1 or 2: the price's third of the train prices (a price on a bound goes to the lower third)."""
    return int(price > bounds[0]) + int(price > bounds[1])
