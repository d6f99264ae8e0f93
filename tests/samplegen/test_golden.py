"""The golden digest: a small default build's files are byte for byte the ones this version made before.

Same seed and version give the same bytes; an output change on purpose raises the version and rewrites the
digests (see tests/samplegen/golden.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.samplegen import golden

ROOT = Path(__file__).resolve().parents[2]
PINNED = golden.pinned()
ON_PURPOSE = (
    f"if the change is on purpose, raise the version in pyproject.toml, reinstall (pip install -e .) and run "
    f"`{golden.UPDATE_COMMAND}`; if not, the build's output changed by accident"
)


def test_the_digests_are_pinned_for_the_tested_pyarrow_and_pillow():
    """The digests hold for constraints/tested.txt, the set CI installs, so CI always checks them."""
    text = (ROOT / "constraints" / "tested.txt").read_text(encoding="utf-8")
    tested = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", text, flags=re.MULTILINE))
    assert {name: PINNED["encoders"][name] for name in ("pyarrow", "pillow")} == {
        "pyarrow": tested["pyarrow"],
        "pillow": tested["pillow"],
    }, f"constraints/tested.txt changed: rewrite the digests with `{golden.UPDATE_COMMAND}`"


def test_the_digests_are_for_this_version():
    installed = golden.encoders()["samplegen"]
    assert PINNED["encoders"]["samplegen"] == installed, (
        f"the golden digests are for samplegen {PINNED['encoders']['samplegen']}, this is {installed}: "
        f"run `{golden.UPDATE_COMMAND}`"
    )


@pytest.mark.parametrize("name", sorted(golden.BUILDS))
def test_a_small_default_build_has_the_pinned_bytes(name, tmp_path):
    installed = golden.encoders()
    others = {key: value for key, value in PINNED["encoders"].items() if key != "samplegen"}
    if any(installed[key] != value for key, value in others.items()):
        pytest.skip(f"the digests hold for {others} (constraints/tested.txt); installed: {installed}")
    made = golden.build_digests(name, tmp_path)
    expected = PINNED["builds"][name]
    changed = sorted(path for path in made.keys() | expected.keys() if made.get(path) != expected.get(path))
    assert changed == [], f"golden build {name}: these files' bytes changed: {', '.join(changed)}; {ON_PURPOSE}"
