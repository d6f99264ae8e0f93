"""Installs that say what is missing: without an optional part's packages, one line names the pip command.

Each case runs in a fresh interpreter where importing the package fails as if it were not installed
(its sys.modules entry set to None), so nothing else in the suite's process changes.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REFERENCE_CSV

ROOT = Path(__file__).resolve().parents[1]


def run_without(modules: list[str], code: str, *args: str) -> subprocess.CompletedProcess:
    blocked = "".join(f"sys.modules[{name!r}] = None; " for name in modules)
    stub = f"import sys; {blocked}{code}"
    return subprocess.run(
        [sys.executable, "-c", stub, *args], cwd=ROOT, check=False, capture_output=True, text=True, timeout=120
    )


FINETUNE_CLI = "from finetune.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.mark.parametrize("args", [["--help"], ["train", "--data", "some/set"], ["push", "run", "--repo-id", "a/b"]])
def test_finetune_without_torch_is_one_line_naming_the_extra(args):
    result = run_without(["torch"], FINETUNE_CLI, *args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "finetune: error: the finetune command needs torch, which is not installed: pip install 'samplegen[finetune]'\n"
    )


def test_finetune_names_every_missing_part_of_the_training_stack():
    result = run_without(["torch", "peft"], FINETUNE_CLI, "--help")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "finetune: error: the finetune command needs torch, peft, which are not installed: "
        "pip install 'samplegen[finetune]'"
    ]


def test_the_finetune_api_without_torch_raises_one_error_naming_the_extra():
    code = (
        "import finetune, samplegen\n"
        "try:\n    finetune.train\nexcept samplegen.MissingExtraError as error:\n    print(error)\n"
    )
    result = run_without(["torch"], code)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "finetune.train needs torch, which is not installed: pip install 'samplegen[finetune]'\n"


def test_finetune_help_works_with_the_training_stack():
    result = subprocess.run(
        [sys.executable, "-m", "finetune", "--help"], cwd=ROOT, check=False, capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("usage: finetune")


def test_a_report_folder_without_matplotlib_is_one_line_naming_the_extra(tmp_path):
    report = tmp_path / "report"
    cli = "from samplegen.cli import main; sys.exit(main(sys.argv[1:]))"
    result = run_without(
        ["matplotlib"], cli, "compare", str(REFERENCE_CSV), str(REFERENCE_CSV), "--report", str(report)
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "samplegen: error: writing a report folder (its plots) needs matplotlib, which is not installed: "
        "pip install 'samplegen[report]'\n"
    )
    assert not report.exists()


def test_the_core_install_does_not_import_matplotlib_to_compare():
    code = "import samplegen.cli, samplegen.fidelity, samplegen.builder\nprint('matplotlib' in sys.modules)"
    result = run_without([], code)
    assert result.stdout == "False\n", result.stderr
