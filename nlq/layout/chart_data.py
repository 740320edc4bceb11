"""A native chart's data (a slide's bar or pie chart) as the lines of the table it draws.

A deck's field breakdowns are often drawn as charts whose data lives in the chart, not in a
text box: categories ("Transport", "Measurement") and a series of values (31, 9). The chart
is read as its title, then one tab-separated line per category and its value, a header of the
series' names first when the chart has several series. A value is written as its data labels
show it: with a percent sign when their number format prints one (`0"%"` after the number,
or `0%`, which shows a fraction times 100), else as the number.
"""

from __future__ import annotations


def chart_lines(chart) -> list[str]:  # noqa: ANN001  (a python-pptx chart)
    """The lines of `chart`'s title and data, or [] for a chart without categories."""
    lines: list[str] = []
    if chart.has_title and chart.chart_title.has_text_frame:
        title = " ".join(chart.chart_title.text_frame.text.split())
        if title:
            lines.append(title)
    for plot in chart.plots:
        categories = [" ".join(str(c).split()) for c in plot.categories]
        series = list(plot.series)
        if not categories or not series:
            continue
        fmt = _label_format(plot)
        if len(series) > 1:
            lines.append("\t".join(["", *(s.name or "" for s in series)]))
        for k, category in enumerate(categories):
            values = [_shown(s.values[k], fmt) if k < len(s.values) else "" for s in series]
            lines.append("\t".join([category, *values]))
    return [*lines, ""] if len(lines) > 1 else []


def _label_format(plot) -> str:  # noqa: ANN001
    try:
        return plot.data_labels.number_format if plot.has_data_labels else ""
    except (AttributeError, KeyError, ValueError):
        return ""


def _shown(value: float | None, fmt: str) -> str:
    """A value as a label in number format `fmt` shows it."""
    if value is None:
        return ""
    literal = '"%"' in fmt or "\\%" in fmt
    if "%" in fmt and not literal:
        value = round(value * 100, 1)
    text = f"{value:g}"
    return f"{text}%" if "%" in fmt else text
