"""The README's test command (`python -m pytest`, with pyproject's options) ends with the pass/fail count."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_pytest_with_the_projects_options_prints_the_pass_fail_line():
    command = [sys.executable, "-m", "pytest", "tests/schemas/test_currency.py", "-p", "no:cacheprovider"]
    result = subprocess.run(command, cwd=ROOT, check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout
    assert re.fullmatch(r"\d+ passed in [\d.]+s( \([\d:]+\))?", result.stdout.strip().splitlines()[-1]), result.stdout
