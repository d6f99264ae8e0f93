"""report.md: every number of a FidelityReport, the formula and the sources, as Markdown."""

from __future__ import annotations

from samplegen.fidelity.model import FidelityReport, Frequency, fmt
from samplegen.fidelity.plots import CATEGORY_PLOTS, PRICE_PLOT


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return [*lines, ""]


def _percent(share: float) -> str:
    return f"{100 * share:.2f}%"


def _frequency_rows(freqs: tuple[Frequency, ...], keys: dict[str, str]) -> list[tuple[object, ...]]:
    rows = []
    for f in freqs:
        label = (keys.get(f.value, ""),) if keys else ()
        rows.append((f.value, *label, f.synth_count, _percent(f.synth_share), f.real_count, _percent(f.real_share)))
    return rows


def render(report: FidelityReport, plot_keys: dict[str, dict[str, str]]) -> str:
    """The report as Markdown; `plot_keys` maps labels the plots had to number ({column: {value: key}})."""
    schema = report.schema_check
    lines = [
        "# samplegen fidelity report",
        "",
        "Every score is in [0, 1]; 1 means the synthetic set is indistinguishable from the real one on that measure.",
        "",
        "## Sources",
        "",
        *_table(
            ("", "source", "rows", "country"),
            [
                ("synthetic", report.synth_source, report.synth_rows, report.synth_country),
                ("real", report.real_source, report.real_rows, report.real_country),
            ],
        ),
        "## Overall",
        "",
        f"**overall = {fmt(report.overall)}** = schema conformance {fmt(schema.score)} x "
        f"mean({report.group_means_text()})",
        "",
        *_table(
            ("group", "average"),
            [
                ("column shapes", fmt(report.column_shapes)),
                ("pair trends", fmt(report.pair_trends)),
                ("coverage", fmt(report.coverage_score)),
            ],
        ),
        f"Worst single score: {report.worst_text()}.",
        "",
        f"Formula: {report.FORMULA}",
        "",
        "## Schema conformance of the synthetic source",
        "",
        f"Read from the stored {schema.format} schema of `{schema.source}`"
        + ("" if schema.dtypes_recorded else " (this format stores no dtypes: names and order only)")
        + ". score = present x order x dtypes x extras.",
        "",
        *_table(
            ("part", "share"),
            [
                ("DBQ columns present", fmt(schema.present)),
                ("in DBQ order", fmt(schema.order)),
                ("DBQ dtypes", fmt(schema.dtypes)),
                ("no unexpected columns", fmt(schema.extras)),
                ("**score**", f"**{fmt(schema.score)}**"),
            ],
        ),
        "Issues: " + ("; ".join(schema.issues) if schema.issues else "none") + ".",
        "",
        f"Columns as stored: {', '.join(f'`{c}`' for c in schema.columns)}.",
        "",
        "## Scores",
        "",
        *_table(
            ("group", "metric", "target", "score", "detail"),
            [(s.group, s.metric, s.target, fmt(s.score), s.detail) for s in report.scores],
        ),
        "## full_price within each category2 (KSComplement)",
        "",
    ]
    if report.price_by_category2:
        lines += _table(
            ("category2_code", "synthetic rows", "real rows", "KSComplement"),
            [(g.category2, g.synth_rows, g.real_rows, fmt(g.score)) for g in report.price_by_category2],
        )
    else:
        lines += ["No category2_code value occurs in both sets, so this score is left out.", ""]
    lines += ["## Coverage", ""]
    for result in report.coverage:
        lines += [
            f"**{result.target}**: {result.covered} of {result.total} real distinct values produced "
            f"(score {fmt(result.score)}).",
            "",
            "Missing: " + (", ".join(f"`{m}`" for m in result.missing) if result.missing else "none") + ".",
            "",
        ]
    lines += ["## Prices", "", f"![price distributions]({PRICE_PLOT})", ""]
    quantile_names = list(report.prices[0].quantiles)
    lines += _table(
        ("column", "set", "rows", *quantile_names),
        [(p.column, p.side, p.rows, *(f"{p.quantiles[q]:,.2f}" for q in quantile_names)) for p in report.prices],
    )
    lines += ["## Category frequencies", ""]
    plotted = {column: file for file, (column, _) in CATEGORY_PLOTS.items()}
    for column, freqs in report.frequencies.items():
        keys = plot_keys.get(column, {})
        lines += [f"### {column}", ""]
        if column in plotted:
            lines += [f"![{column} frequencies]({plotted[column]})", ""]
        label = ("plot label",) if keys else ()
        header = ("value", *label, "synthetic rows", "synthetic share", "real rows", "real share")
        lines += _table(header, _frequency_rows(freqs, keys))
    return "\n".join(lines).rstrip() + "\n"
