"""How the local engine cuts the plan into chunks and shares them with its helper processes: pure arithmetic."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

Item = TypeVar("Item")


def chunk_sizes(n: int, size: int, tail_size: int | None = None, tail_rows: int = 0) -> Iterator[int]:
    """Rows per chunk for `n` rows: `size` while at least `tail_rows` rows would be left after the chunk,
    then `tail_size` (the build's last chunks are small, so its processes run out of work together)."""
    if size < 1 or (tail_size is not None and tail_size < 1):
        raise ValueError("chunks need at least one row")
    remaining = n
    while remaining > 0:
        take = min(remaining, size if remaining - size >= tail_rows or tail_size is None else tail_size)
        yield take
        remaining -= take


def chunks(rows: Iterable[Item], sizes: Iterable[int]) -> Iterator[list[Item]]:
    """`rows` in consecutive lists of the given sizes (the last may be shorter)."""
    iterator = iter(rows)
    for size in sizes:
        if not (chunk := list(islice(iterator, size))):
            return
        yield chunk


def helpers_below_share(queued: int, chunk: int, unsent: int, helper_count: int) -> bool:
    """Whether the helpers, given a chunk of `chunk` more rows, would still hold no more than their share of
    the rows left (`queued` at the helpers and `unsent`, the chunk's included). Near the end of a build this
    keeps the last chunks here, so that this process does not sit waiting for helper rows after making its
    own last ones."""
    return (queued + chunk) * (helper_count + 1) <= helper_count * (queued + unsent)
