"""The golden builds: small default builds whose every file's sha256 is pinned in golden_digests.json.

Rewrite the digests, after a change of the output made on purpose (raise the version in pyproject.toml too):

    .venv/bin/python -m tests.samplegen.golden
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from PIL import features

from samplegen.builder import make_config, write_dataset

DIGESTS = Path(__file__).with_name("golden_digests.json")
UPDATE_COMMAND = ".venv/bin/python -m tests.samplegen.golden"

# Build name -> BuildConfig settings; the rest are BuildConfig's defaults.
BUILDS: dict[str, dict] = {
    "images-n60-64px-seed0": {"n": 60, "seed": 0, "image_size": 64},
    "metadata-n60-seed0": {"n": 60, "seed": 0, "with_images": False},
}


def encoders() -> dict[str, str]:
    """The installed libraries that decide the bytes of a file besides samplegen (the digests hold for these)."""
    return {
        "samplegen": version("samplegen"),
        "pyarrow": version("pyarrow"),
        "pillow": version("pillow"),
        "zlib": str(features.version("zlib")),
    }


def file_digests(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by its POSIX path relative to it, in sorted order."""
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def build_digests(name: str, workspace: Path) -> dict[str, str]:
    """The digests of the golden build `name`, written under `workspace`."""
    folder = write_dataset(make_config(**BUILDS[name]), workspace / name, progress=False)
    return file_digests(Path(folder))


def pinned() -> dict:
    return json.loads(DIGESTS.read_text(encoding="utf-8"))


def main() -> None:
    """Rebuild every golden build and rewrite golden_digests.json."""
    with tempfile.TemporaryDirectory(prefix="samplegen-golden-") as workspace:
        builds = {name: build_digests(name, Path(workspace)) for name in BUILDS}
    DIGESTS.write_text(json.dumps({"encoders": encoders(), "builds": builds}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {DIGESTS} for samplegen {encoders()['samplegen']}", file=sys.stderr)


if __name__ == "__main__":
    main()
