"""Optional dependencies: what an optional part needs, and the one line that says how to install it."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable

from samplegen.errors import MissingExtraError

__all__ = ["missing_modules", "require"]


def missing_modules(modules: Iterable[str]) -> list[str]:
    """The top-level modules of `modules` that cannot be imported here, in the order given (none imported)."""
    return [name for name in modules if importlib.util.find_spec(name) is None]


def require(modules: Iterable[str], extra: str, purpose: str) -> None:
    """Raise one MissingExtraError naming the missing modules and `pip install 'samplegen[<extra>]'`."""
    missing = missing_modules(modules)
    if missing:
        raise MissingExtraError(
            f"{purpose} needs {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} not installed: "
            f"pip install 'samplegen[{extra}]'"
        )
