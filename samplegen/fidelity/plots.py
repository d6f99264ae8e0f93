"""PNG plots for the fidelity report, drawn with matplotlib's Agg canvas (no pyplot, no global backend).

Category labels in scripts that no installed font can draw (e.g. Chinese on a machine without CJK fonts)
are drawn as numbered keys (`#1 (see report.md)`); `write_plots` returns the keys so report.md lists them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from samplegen.fidelity.model import FidelityReport, Frequency, fmt

SYNTH_COLOUR, REAL_COLOUR = "#1f6fb4", "#d9822b"
BASE_FONT = "DejaVu Sans"  # bundled with matplotlib
PLACEHOLDER_FONTS = {"Last Resort High-Efficiency"}  # draws a box for every character: no use for labels
TOP_CATEGORY3 = 20
PRICE_BINS = 40
DPI = 110

CATEGORY_PLOTS: dict[str, tuple[str, int | None]] = {  # file -> (column, most values shown; None = all)
    "category1.png": ("category1_code", None),
    "category2.png": ("category2_code", None),
    "category3.png": ("category3_code", TOP_CATEGORY3),
}
PRICE_PLOT = "prices.png"
PRICE_PANELS = (("full_price", "local currency"), ("full_price_eur", "EUR"))


@functools.cache
def _charmaps() -> tuple[tuple[str, frozenset[int]], ...]:
    """(font name, code points it draws) for the installed fonts, the base font first."""
    from matplotlib import font_manager, ft2font  # noqa: PLC0415

    fonts = []
    for entry in font_manager.fontManager.ttflist:
        if entry.name in PLACEHOLDER_FONTS:
            continue
        try:
            fonts.append((entry.name, frozenset(ft2font.FT2Font(entry.fname).get_charmap())))
        except (OSError, RuntimeError):
            continue
    fonts.sort(key=lambda font: font[0] != BASE_FONT)
    return tuple(fonts)


def _font_for(text: str) -> str | None:
    """The first installed font that draws every character of `text`, or None."""
    needed = {ord(char) for char in text if not char.isspace()}
    return next((name for name, chars in _charmaps() if needed <= chars), None)


def plot_labels(values: list[str]) -> tuple[list[str], dict[str, str], list[str]]:
    """Labels to draw, {value: key} for values no font can draw, and the fonts needed (base font first)."""
    shown, keys, fonts = [], {}, [BASE_FONT]
    for value in values:
        font = _font_for(value) if not value.isascii() else BASE_FONT
        if font is None:
            keys[value] = f"#{len(keys) + 1}"
            shown.append(f"{keys[value]} (see report.md)")
        else:
            shown.append(value)
            fonts += [font] if font not in fonts else []
    return shown, keys, fonts


def _draw(path: Path, fonts: list[str], make: Callable[[], Figure]) -> None:
    """Make and save a figure with `fonts` as the font fallback list (text takes its font when created)."""
    with matplotlib.rc_context({"font.family": fonts}):
        figure = make()
        FigureCanvasAgg(figure)
        figure.savefig(path, dpi=DPI, format="png")


def _category_figure(
    freqs: tuple[Frequency, ...], shown: list[str], column: str, limit: int | None, report: FidelityReport
) -> Figure:
    rows = list(freqs[: len(shown)])
    height = 1.6 + 0.42 * len(rows)
    figure = Figure(figsize=(9.5, height), layout="constrained")
    axes = figure.add_subplot()
    positions = np.arange(len(rows))
    bar = 0.4
    axes.barh(positions - bar / 2, [100 * f.synth_share for f in rows], bar, color=SYNTH_COLOUR, label="synthetic")
    axes.barh(positions + bar / 2, [100 * f.real_share for f in rows], bar, color=REAL_COLOUR, label="real")
    axes.set_yticks(positions, shown)
    axes.invert_yaxis()
    axes.set_ylim(len(rows) - 0.4, -0.6)
    axes.set_xlabel("share of rows (%)")
    axes.grid(axis="x", alpha=0.3)
    axes.legend(loc="lower right")
    scope = f"top {len(rows)} of {len(freqs)} values" if limit and len(freqs) > limit else f"{len(freqs)} values"
    axes.set_title(
        f"{column}: {scope}; TVComplement {fmt(report.score('TVComplement', column))}\n"
        f"synthetic n={report.synth_rows} ({report.synth_country}), real n={report.real_rows} ({report.real_country})",
        fontsize=10,
    )
    return figure


def _price_figure(synth: pd.DataFrame, real: pd.DataFrame, report: FidelityReport) -> Figure:
    figure = Figure(figsize=(11, 4.2), layout="constrained")
    currencies = (", ".join(sorted(synth["currency_code"].unique())), ", ".join(sorted(real["currency_code"].unique())))
    for index, (column, unit) in enumerate(PRICE_PANELS):
        axes = figure.add_subplot(1, len(PRICE_PANELS), index + 1)
        a, b = synth[column].to_numpy(float), real[column].to_numpy(float)
        low, high = min(a.min(), b.min()), max(a.max(), b.max())
        edges = np.geomspace(max(low, 1e-2) * 0.95, max(high, low) * 1.05, PRICE_BINS + 1)
        labels = [f"synthetic (n={len(a)})", f"real (n={len(b)})"]
        if unit == "local currency":
            labels = [f"{label[:-1]}, {currency})" for label, currency in zip(labels, currencies, strict=True)]
        sides = ((a, SYNTH_COLOUR, labels[0], "-", 2.0), (b, REAL_COLOUR, labels[1], "--", 1.6))
        for values, colour, label, style, width in sides:  # dashed real line stays visible over identical data
            weights = np.full(len(values), 100 / len(values))
            axes.hist(values, bins=edges, weights=weights, histtype="stepfilled", alpha=0.3, color=colour)
            axes.hist(
                values,
                bins=edges,
                weights=weights,
                histtype="step",
                color=colour,
                linewidth=width,
                linestyle=style,
                label=label,
            )
        axes.set_xscale("log")
        axes.set_xlabel(f"{column} ({unit}, log scale)")
        axes.set_ylabel("share of rows per bin (%)")
        axes.set_title(f"{column}: KSComplement {fmt(report.score('KSComplement', column))}", fontsize=10)
        axes.grid(alpha=0.3)
        axes.legend(fontsize=8)
    return figure


def write_plots(
    report: FidelityReport, synth: pd.DataFrame, real: pd.DataFrame, folder: Path
) -> dict[str, dict[str, str]]:
    """Write prices.png and category1/2/3.png into `folder`; return {column: {value: key}} for undrawable labels."""
    _draw(folder / PRICE_PLOT, [BASE_FONT], lambda: _price_figure(synth, real, report))
    keys: dict[str, dict[str, str]] = {}
    for file, (column, limit) in CATEGORY_PLOTS.items():
        freqs = report.frequencies[column]
        shown, column_keys, fonts = plot_labels([f.value for f in freqs[:limit]])
        _draw(folder / file, fonts, functools.partial(_category_figure, freqs, shown, column, limit, report))
        if column_keys:
            keys[column] = column_keys
    return keys
