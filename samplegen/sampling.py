"""Seeded randomness: one independent stream per (seed, purpose, index), never global state."""

from __future__ import annotations

import random

import numpy as np

# Stream purposes for numpy generators (the renderer); keep numbers stable across versions.
RENDER_STREAM = 2


def stream(seed: int, purpose: str, *index: int) -> random.Random:
    """A `random.Random` that depends only on its arguments (string seeds are hashed with SHA-512)."""
    return random.Random(f"samplegen:{seed}:{purpose}:{':'.join(map(str, index))}")


def numpy_stream(seed: int, purpose: int, *index: int) -> np.random.Generator:
    """The same idea as a numpy Generator, for the vectorised renderer."""
    return np.random.default_rng([seed, purpose, *index])
