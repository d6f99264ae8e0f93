"""Built-in generator profiles, stored as JSON data beside this file, and the loader for any profile."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from samplegen.errors import ProfileError, describe_validation_error
from schemas import Profile

_HERE = Path(__file__).parent


def builtin_profiles() -> list[str]:
    """Names accepted by `load_profile` without a path."""
    return sorted(path.stem for path in _HERE.glob("*.json"))


def load_profile(name_or_path: str | Path) -> Profile:
    """A built-in profile by name ("us") or a profile JSON file by path."""
    text = str(name_or_path)
    if text in builtin_profiles():
        return _load_file(str(_HERE / f"{text}.json"))
    path = Path(text)
    if not path.is_file():
        raise ProfileError(
            f"profile {text!r} is neither a built-in profile ({', '.join(builtin_profiles())}) nor a file; "
            "pass a built-in name or the path of a profile JSON (see `samplegen profile`)"
        )
    return _load_file(str(path.resolve()))


@lru_cache(maxsize=16)
def _load_file(path: str) -> Profile:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ProfileError(f"cannot read profile {path}: {error}; pass a valid profile JSON file") from None
    try:
        profile = Profile.model_validate(data)
    except ValidationError as error:
        raise ProfileError(f"profile {path} is invalid: {describe_validation_error(error)}") from None
    from samplegen.render.silhouettes import unknown_shapes  # noqa: PLC0415 (the drawings' names)

    problems = unknown_shapes(profile)
    if problems:
        raise ProfileError(f"profile {path} is invalid: {'; '.join(problems)}; use a shape the kind draws")
    return profile
