"""Deterministic row order, limit and train/validation split; colour variants (same title) stay together."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence


def seeded_order(count: int, seed: int, limit: int | None = None) -> list[int]:
    """Row indices in a seeded shuffled order, cut to the first `limit` (all when None)."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return order if limit is None else order[:limit]


def title_position(title: str, seed: int) -> float:
    """Where a title falls in [0, 1) for this seed: the same title always lands in the same place."""
    digest = hashlib.sha256(f"{seed}\x00{title}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def validation_mask(titles: Sequence[str], fraction: float, seed: int) -> list[bool]:
    """True for rows whose title goes to validation: titles placed below `fraction`.

    The share is of titles, not rows. When that leaves one side empty and there are at least two titles,
    the title placed nearest the boundary moves across, so both sides have rows (unless `fraction` is 0).
    """
    positions = {title: title_position(title, seed) for title in titles}
    in_validation = {title for title, position in positions.items() if position < fraction}
    if fraction > 0 and len(positions) >= 2:
        if not in_validation:
            in_validation = {min(positions, key=positions.__getitem__)}
        elif len(in_validation) == len(positions):
            in_validation -= {max(positions, key=positions.__getitem__)}
    return [title in in_validation for title in titles]
