#!/usr/bin/env python
"""Phone recall on a blind set: lines written without sight of the recognizer, scored only.

Why: presidio_synth's held-out templates hold 62 phone numbers and every probe of ours was
written by the people who tune the recognizer. ``phone_blind/lines.jsonl`` was written by a
separate session that was told not to open the detector's code, its tests, these probes or
presidio_synth: customer chats, e-mails, signatures, forms, CSV and JSON snippets, notes,
in several languages and 35+ countries' formats, a third of them without a phone word, and
lines with phone-like numbers that are no phones (order numbers, dates, prices, postcodes).

It is a held-out set: this script prints aggregates only (recall per genre and in all,
look-alike lines masked as phone), never a line, so nobody tunes on it by accident. Both
engines run in the same process, as written and lower-cased. A number counts as caught when
>= 80% of its characters are masked by a span of any type (``run.py``'s rule).

Usage: .venv/bin/python bench/pii/phone_blind.py
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import candor_engine, is_caught, lower_case, masked_chars, presidio_engine  # noqa: E402

LINES = Path(__file__).resolve().parent / "phone_blind" / "lines.jsonl"


def load() -> list[dict]:
    return [json.loads(line) for line in LINES.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(run, lines: list[dict], lower: bool) -> dict:
    """Caught phones per genre, and how many phone-free lines got a PHONE_NUMBER span."""
    caught, total = collections.Counter(), collections.Counter()
    clean_lines = clean_masked = 0
    for line in lines:
        text = lower_case(line["text"]) if lower else line["text"]
        spans = run(text)
        masked = masked_chars(len(text), spans)
        for start, end in line["phones"]:
            total[line["kind"]] += 1
            caught[line["kind"]] += is_caught(masked, start, end)
        if not line["phones"]:
            clean_lines += 1
            clean_masked += any(label == "PHONE_NUMBER" for _, _, label in spans)
    return {"caught": caught, "total": total, "clean": clean_lines, "clean_masked": clean_masked}


def share(caught: int, total: int) -> str:
    return f"{caught}/{total} = {caught / total:.3f}" if total else "-"


def main() -> int:
    lines = load()
    engines = {"Candor": candor_engine(), "presidio defaults": presidio_engine()}
    results = {
        (name, lower): score(run, lines, lower) for name, run in engines.items() for lower in (False, True)
    }
    print(f"{len(lines)} lines, {sum(len(line['phones']) for line in lines)} phone numbers\n")
    print("| engine | phones caught, as written | lower-cased | phone-free lines given a PHONE_NUMBER span |")
    print("|---|---:|---:|---:|")
    for name in engines:
        written, lowered = results[(name, False)], results[(name, True)]
        print(
            f"| {name} | {share(sum(written['caught'].values()), sum(written['total'].values()))} "
            f"| {share(sum(lowered['caught'].values()), sum(lowered['total'].values()))} "
            f"| {share(written['clean_masked'], written['clean'])} |"
        )
    print("\n| genre | phones | Candor | presidio defaults |")
    print("|---|---:|---:|---:|")
    ours, theirs = results[("Candor", False)], results[("presidio defaults", False)]
    for kind, count in sorted(ours["total"].items(), key=lambda item: -item[1]):
        print(f"| {kind} | {count} | {share(ours['caught'][kind], count)} | {share(theirs['caught'][kind], count)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
