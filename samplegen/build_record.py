"""The settings a build records in its card's front matter (key `samplegen`), and reading them back.

With them, anything the generator knows about a built folder (its latent specs, its learnability
ceiling) can be made again without its images: same settings, same profile, same version, same rows.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from samplegen.errors import NotABuildError, describe_validation_error
from schemas import BuildConfig, Profile

RECORD_KEY = "samplegen"
CARD_NAME = "README.md"
CARD_READ_LIMIT = 1 << 20
UNRECORDED = frozenset({"num_proc"})  # settings that never change a build's bytes


@dataclass(frozen=True)
class BuildRecord:
    config: BuildConfig
    profile_sha256: str
    version: str


def profile_digest(profile: Profile) -> str:
    """SHA-256 of the profile's canonical JSON: tells whether a profile file is the one a build used."""
    return hashlib.sha256(profile.model_dump_json().encode("utf-8")).hexdigest()


def record_metadata(config: BuildConfig, profile: Profile, version: str, ceiling: dict | None) -> dict:
    """The front-matter value under RECORD_KEY."""
    record = {
        "version": version,
        "profile_sha256": profile_digest(profile),
        "config": config.model_dump(mode="json", exclude=UNRECORDED),
    }
    if ceiling is not None:
        record["learnability_ceiling"] = ceiling
    return record


def card_front_matter(folder: Path) -> dict:
    """The YAML front matter of a folder's README.md; NotABuildError when there is none to read."""
    card = folder / CARD_NAME
    if not folder.is_dir():
        raise NotABuildError(f"{folder} is not a folder; give the folder a `samplegen build` wrote")
    try:
        with card.open(encoding="utf-8", errors="replace") as handle:
            text = handle.read(CARD_READ_LIMIT)
    except OSError:
        raise NotABuildError(f"{folder} has no readable {CARD_NAME}, so it is not a samplegen build") from None
    header, found, _ = text.removeprefix("---\n").partition("\n---\n")
    if not text.startswith("---\n") or not found:
        raise NotABuildError(f"{card} has no YAML front matter, so {folder} is not a samplegen build")
    try:
        metadata = yaml.safe_load(header)
    except yaml.YAMLError:
        raise NotABuildError(f"{card} has malformed YAML front matter; rebuild the folder") from None
    if not isinstance(metadata, dict):
        raise NotABuildError(f"{card} has no metadata mapping in its front matter; rebuild the folder")
    return metadata


def read_record(folder: Path) -> BuildRecord:
    """The settings a build recorded in its card; NotABuildError when they are missing or malformed."""
    card = folder / CARD_NAME
    record = card_front_matter(folder).get(RECORD_KEY)
    if not isinstance(record, dict) or not isinstance(record.get("config"), dict):
        raise NotABuildError(
            f"{card} records no samplegen build settings (key {RECORD_KEY!r}), so {folder} is not a samplegen "
            "build, or one made before builds recorded them: rebuild it"
        )
    try:
        config = BuildConfig.model_validate(record["config"])
    except ValidationError as error:
        raise NotABuildError(
            f"{card} records build settings this samplegen cannot read ({describe_validation_error(error)})"
        ) from None
    return BuildRecord(config, str(record.get("profile_sha256", "")), str(record.get("version", "unknown")))
