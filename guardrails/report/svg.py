"""Small inline SVG charts: horizontal bars and daily columns, no library, no external file.

Each chart is an ``<svg role="img">`` with a ``<title>`` and an ``aria-label``; the page
puts a table with the same numbers beside it, so nothing depends on seeing the chart.
Inline SVG in HTML needs no namespace declaration, so the page holds no URL at all.
"""

from __future__ import annotations

from html import escape

_FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def bars(title: str, items: list[tuple[str, float]], colour: str = "#3468b8", unit: str = "") -> str:
    """One horizontal bar per ``(label, value)``, in the given order, the value at its end."""
    if not items:
        return _empty(title)
    label_width, bar_width, row = 200, 320, 24
    biggest = max(value for _, value in items) or 1
    height = row * len(items) + 8
    parts = [_open(title, label_width + bar_width + 70, height)]
    for index, (label, value) in enumerate(items):
        y = 4 + index * row
        width = max(1.0, bar_width * value / biggest) if value else 0
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" {_FONT}>{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{width:.1f}" height="{row - 8}" '
            f'fill="{colour}" rx="2">'
            f"<title>{escape(label)}: {_number(value)}{escape(unit)}</title></rect>"
            f'<text x="{label_width + width + 6:.1f}" y="{y + 16}" {_FONT}>'
            f"{_number(value)}{escape(unit)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def columns(title: str, days: list[str], series: list[tuple[str, str, dict[str, int]]]) -> str:
    """Columns per day, one per series ``(name, colour, {day: value})`` side by side, with a legend."""
    if not days:
        return _empty(title)
    left, bottom, plot_height = 36, 36, 140
    slot = max(8, min(28, 640 // len(days)))
    width = left + slot * len(days) + 40  # room for the last day's label
    biggest = max([value for _, _, values in series for value in values.values()] + [1])
    parts = [_open(title, max(width, 320), plot_height + bottom + 24)]
    top = 20
    parts.append(
        f'<line x1="{left}" y1="{top + plot_height}" x2="{width - 6}" y2="{top + plot_height}" '
        'stroke="#888"/>'
    )
    parts.append(f'<text x="{left - 6}" y="{top + 8}" text-anchor="end" {_FONT}>{biggest}</text>')
    parts.append(f'<text x="{left - 6}" y="{top + plot_height}" text-anchor="end" {_FONT}>0</text>')
    bar = max(2.0, (slot - 4) / max(1, len(series)))
    for index, day in enumerate(days):
        x0 = left + index * slot + 2
        for number, (name, colour, values) in enumerate(series):
            value = values.get(day, 0)
            if value:
                height = plot_height * value / biggest
                parts.append(
                    f'<rect x="{x0 + number * bar:.1f}" y="{top + plot_height - height:.1f}" '
                    f'width="{bar:.1f}" height="{height:.1f}" fill="{colour}">'
                    f"<title>{day} {escape(name)}: {value}</title></rect>"
                )
        if index == 0 or index == len(days) - 1 or (len(days) > 10 and index % 7 == 0):
            parts.append(f'<text x="{x0}" y="{top + plot_height + 16}" {_FONT}>{day[5:]}</text>')
    for number, (name, colour, _) in enumerate(series):
        x = left + number * 130
        parts.append(
            f'<rect x="{x}" y="2" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="11" {_FONT}>{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _open(title: str, width: float, height: float) -> str:
    return (
        f'<svg role="img" aria-label="{escape(title)}" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}"><title>{escape(title)}</title>'
    )


def _empty(title: str) -> str:
    return f'<p class="empty">{escape(title)}: nothing in this period.</p>'


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
