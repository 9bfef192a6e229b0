#!/usr/bin/env python
"""How masking time grows with message length: Candor against presidio's defaults.

Why: the widget accepts messages of up to 5,000 characters (``bot/channels.py``) and the
log filter masks whatever a log record holds, so a rule that rescans the whole text once
per candidate turns a long message into seconds of CPU. Each shape below is repeated to
1,000, 5,000 and 15,000 characters; time grows about linearly when nothing is quadratic.

Usage: .venv/bin/python bench/pii/long_messages.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import candor_engine, presidio_engine  # noqa: E402  (bench/pii/run.py)

# Repeated units: plain chat, a run of commas (list-like), verbs of a person, lower-case
# names, and personal data on every line.
SHAPES = {
    "plain words": "where is my order please ",
    "comma run": "abc, ",
    "verbs of a person": "add gift wrap and says ",
    "lower-case names": "jane example and john sample ",
    "personal data": "Jane Example lives at 12 Main St, call 555 0142. ",
}
LENGTHS = (1_000, 5_000, 15_000)


def seconds(engine, text: str, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        engine(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per message; the median is shown")
    args = parser.parse_args(argv)
    engines = {"Candor": candor_engine(), "presidio defaults": presidio_engine()}
    for engine in engines.values():  # load gazetteers and models before timing
        engine("Jane Example lives at 12 Main St, call 555 0142. where is my order, says jane")
    print("| shape | characters | Candor s | presidio defaults s | Candor / presidio |")
    print("|---|---:|---:|---:|---:|")
    for name, unit in SHAPES.items():
        for length in LENGTHS:
            text = (unit * (length // len(unit) + 1))[:length]
            ours, theirs = (seconds(engine, text, args.rounds) for engine in engines.values())
            print(f"| {name} | {length:,} | {ours:.3f} | {theirs:.3f} | {ours / theirs:.2f}x |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
