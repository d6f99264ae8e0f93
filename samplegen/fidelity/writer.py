"""Write a report folder (report.md, report.json, PNG plots) whole: staged beside the target, then renamed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from samplegen.errors import FidelityError
from samplegen.fidelity.markdown import render
from samplegen.fidelity.model import FidelityReport
from samplegen.fidelity.plots import CATEGORY_PLOTS, PRICE_PLOT, write_plots
from samplegen.output import staged_folder

REPORT_FILES = frozenset({"report.md", "report.json", PRICE_PLOT, *CATEGORY_PLOTS})


def check_replaceable(folder: Path) -> None:
    """A folder is replaced only when it is empty or holds nothing but an earlier report's files."""
    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise FidelityError(f"report path {folder} exists and is not a folder; choose a folder path")
    if folder.is_dir():
        others = sorted(p.name for p in folder.iterdir() if p.name not in REPORT_FILES)
        if others:
            raise FidelityError(
                f"report folder {folder} holds files that are not a fidelity report ({', '.join(others[:3])}); "
                "choose a new or empty folder"
            )


def write_report(report: FidelityReport, synth: pd.DataFrame, real: pd.DataFrame, folder: Path) -> Path:
    """Write the report folder and return its path; an earlier report there is replaced, nothing half-written."""
    folder = Path(folder).expanduser().absolute()
    check_replaceable(folder)
    with staged_folder(folder, overwrite=True) as staging:
        keys = write_plots(report, synth, real, staging)
        (staging / "report.md").write_text(render(report, keys), encoding="utf-8")
        (staging / "report.json").write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return folder
