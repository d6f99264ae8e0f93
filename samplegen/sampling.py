"""Seeded randomness: one independent stream per (seed, purpose, index), never global state, and the
draws made from a stream (weighted and uniform picks)."""

from __future__ import annotations

import bisect
import hashlib
import random
import struct
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Any, Generic, TypeVar

import numpy as np

T = TypeVar("T")

# Stream purposes for numpy generators (the renderer); keep numbers stable across versions.
RENDER_STREAM = 2  # per row (seed, group, variant): a shot's tones
RENDER_SETUP_STREAM = 3  # per product (seed, group): a shot's set-up, shared by its colour variants

_PLACEHOLDER_SEED = np.random.SeedSequence(0)  # any fixed seed: the state is overwritten right away


def stream(seed: int, purpose: str, *index: int) -> random.Random:
    """A `random.Random` that depends only on its arguments (string seeds are hashed with SHA-512)."""
    return random.Random(f"samplegen:{seed}:{purpose}:{':'.join(map(str, index))}")


def restart(rng: random.Random, seed: int, purpose: str, *index: int) -> random.Random:
    """Put `rng` at the start of `stream(seed, purpose, *index)` and return it: the same draws without
    making a new generator (for loops that use one stream at a time)."""
    rng.seed(f"samplegen:{seed}:{purpose}:{':'.join(map(str, index))}")
    return rng


def _pcg64_state(seed: int, purpose: int, index: tuple[int, ...]) -> Any:
    """A PCG64 state (128-bit state, odd 128-bit increment) hashed from the stream's arguments.

    Setting a state directly is several times cheaper than numpy's SeedSequence seeding, which matters
    when every rendered row gets its own stream.
    """
    key = f"samplegen:{seed}:{purpose}:{':'.join(map(str, index))}".encode()
    digest = hashlib.blake2b(key, digest_size=32).digest()
    return {
        "bit_generator": "PCG64",
        "state": {"state": int.from_bytes(digest[:16], "little"), "inc": int.from_bytes(digest[16:], "little") | 1},
        "has_uint32": 0,
        "uinteger": 0,
    }


def uniform_draws(seed: int, purpose: int, *index: int, count: int) -> list[float]:
    """`count` (at most 16) numbers in [0, 1) that depend only on the arguments: 32-bit slices of a
    BLAKE2b digest of them. Far cheaper than seeding a generator when a few numbers are all that is needed.
    """
    if not 0 < count <= 16:
        raise ValueError(f"count must be between 1 and 16, got {count}")
    key = f"samplegen:{seed}:{purpose}:{':'.join(map(str, index))}".encode()
    digest = hashlib.blake2b(key, digest_size=4 * count).digest()
    return [value / 2**32 for value in struct.unpack(f"<{count}I", digest)]


def numpy_stream(seed: int, purpose: int, *index: int) -> np.random.Generator:
    """The same idea as a numpy Generator, for the vectorised renderer."""
    bits = np.random.PCG64(_PLACEHOLDER_SEED)
    bits.state = _pcg64_state(seed, purpose, index)
    return np.random.Generator(bits)


def reseed(generator: np.random.Generator, seed: int, purpose: int, *index: int) -> np.random.Generator:
    """Put a PCG64 `generator` at the start of `numpy_stream(seed, purpose, *index)` and return it.

    The same stream as a new `numpy_stream`, without building a new generator (for hot loops that use
    one stream at a time).
    """
    generator.bit_generator.state = _pcg64_state(seed, purpose, index)
    return generator


def weighted_index(rng: random.Random, cumulative: Sequence[float]) -> int:
    """An index drawn by cumulative weights with one `rng.random()`.

    The same index as `rng.choices(range(len(cumulative)), cum_weights=cumulative)[0]` (the same bisection
    of the same draw), without its per-call checks: several times faster in the build's hot loops.
    """
    return bisect.bisect(cumulative, rng.random() * cumulative[-1], 0, len(cumulative) - 1)


def uniform_index(rng: random.Random, count: int) -> int:
    """An index below `count`, each equally likely, from one `rng.random()` (`rng.randrange` draws
    differently, so the two are not interchangeable in a seeded stream)."""
    return int(rng.random() * count)


class Weighted(Generic[T]):
    """Items with weights, indexed once for O(log n) draws: `draw(rng)` is `rng.choices(items, weights)[0]`."""

    __slots__ = ("cumulative", "items")

    def __init__(self, items: Sequence[T], weights: Iterable[float]) -> None:
        self.items = list(items)
        self.cumulative = list(accumulate(weights))
        if len(self.cumulative) != len(self.items):
            raise ValueError(f"{len(self.items)} items but {len(self.cumulative)} weights")
        if not self.cumulative or not self.cumulative[-1] > 0:
            raise ValueError(f"weights must add up to more than 0, got {self.cumulative[-1:] or 'none'}")

    def index(self, rng: random.Random) -> int:
        """The index of a drawn item."""
        return weighted_index(rng, self.cumulative)

    def draw(self, rng: random.Random) -> T:
        """A drawn item."""
        return self.items[weighted_index(rng, self.cumulative)]
