"""Engines that make a build's shards: `local` (this machine's processes) and `ray` (a Ray cluster).

Both write the same bytes for the same config; the builder around them stages the output folder and
writes the card.
"""

from __future__ import annotations

from samplegen.errors import ConfigError

ENGINES = ("local", "ray")


def check_engine(engine: str, address: str | None) -> None:
    """ConfigError for an unknown engine, or an address without the Ray engine."""
    if engine not in ENGINES:
        raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if address is not None and engine != "ray":
        raise ConfigError("--address is the Ray cluster to build on: it needs --engine ray")
    if address is not None and not address.strip():
        raise ConfigError("--address is empty; give auto or HOST:PORT of the Ray cluster's head")
