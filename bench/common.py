"""Small helpers the benchmarks share: percentiles, timed HTTP round trips, tables."""

from __future__ import annotations

import statistics
import time
from typing import Callable, Sequence

import requests


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def summarise_ms(samples_s: Sequence[float]) -> dict[str, float]:
    milliseconds = [sample * 1000 for sample in samples_s]
    return {
        "n": len(milliseconds),
        "median_ms": statistics.median(milliseconds),
        "p95_ms": percentile(milliseconds, 0.95),
        "max_ms": max(milliseconds),
    }


def time_round_trips(url: str, make_body: Callable[[int], dict], count: int, warmup: int = 5) -> list[float]:
    """POST ``count`` bodies one after another (single user) and return each round trip in s."""
    session = requests.Session()
    timings = []
    for index in range(warmup + count):
        started = time.perf_counter()
        reply = session.post(url, json=make_body(index), timeout=30)
        elapsed = time.perf_counter() - started
        reply.raise_for_status()
        if index >= warmup:
            timings.append(elapsed)
        if (index + 1) % 25 == 0:
            print(f"    {index + 1}/{warmup + count} requests", flush=True)
    return timings


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured markdown table (readable in a terminal too)."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(str(header)), *(len(row[i]) for row in cells)) for i, header in enumerate(headers)]
    lines = [
        "| " + " | ".join(str(header).ljust(width) for header, width in zip(headers, widths)) + " |",
        "|" + "|".join("-" * (width + 2) for width in widths) + "|",
    ]
    lines += ["| " + " | ".join(value.ljust(width) for value, width in zip(row, widths)) + " |" for row in cells]
    return "\n".join(lines)


def _cell(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)
