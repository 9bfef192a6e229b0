#!/usr/bin/env python
"""Which spans a change to the PII engine moved: save every span before, compare after.

Why: a recognizer change tuned on one shape can move spans anywhere else. This runs our
engine on every line we may read freely, as written and lower-cased, and lists the lines
whose spans differ from a saved run:
- presidio_synth's tuning half (never a held-out sentence; split as in ``run.py``);
- the retail chat lines (``retail_chat.jsonl``) and the typical chat messages
  (``bench/nlu_dev.yml``);
- the banking77 and clinc150 test lines (``shared/datasets``, read in place): real
  customer questions with almost no personal data, so a new span there is a false alarm.

Usage: .venv/bin/python bench/pii/span_diff.py --save bench/out/spans-before.json
       (change the engine)
       .venv/bin/python bench/pii/span_diff.py --against bench/out/spans-before.json
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ROOT, candor_engine, load_retail, load_synth, load_typical, lower_case, split_templates  # noqa: E402

DATASETS = ROOT.parent / "shared" / "datasets"


def tuning_half() -> list[str]:
    records = load_synth()
    tuning, _ = split_templates(records)
    return [r.text for r in records if r.template in tuning]


def banking77_test() -> list[str]:
    with open(DATASETS / "banking77" / "test.csv", encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle)]


def clinc150_test() -> list[str]:
    data = json.loads((DATASETS / "clinc150" / "data_full.json").read_text(encoding="utf-8"))
    return [text for text, _ in data["test"]]


SETS = {
    "tuning half": tuning_half,
    "retail": lambda: [r.text for r in load_retail()],
    "typical": load_typical,
    "banking77 test": banking77_test,
    "clinc150 test": clinc150_test,
}


def all_spans() -> dict[str, list[list]]:
    """Per set and casing, for each line: its text and our spans as [start, end, type]."""
    run = candor_engine()
    out = {}
    for name, load in SETS.items():
        texts = load()
        for casing, typed in (("as written", lambda t: t), ("lower-cased", lower_case)):
            key = f"{name}, {casing}"
            print(f"  {key}: {len(texts)} lines", file=sys.stderr, flush=True)
            out[key] = [[typed(text), [list(span) for span in run(typed(text))]] for text in texts]
    return out


def spans_text(text: str, spans: list[list]) -> str:
    return ", ".join(f"{text[start:end]!r} {label}" for start, end, label in spans) or "-"


def compare(before: dict[str, list[list]], after: dict[str, list[list]], show: int) -> int:
    """Print a table of changed lines per set and the first ``show`` changes; return the count."""
    changed_total = 0
    rows, examples = [], []
    for key, lines in after.items():
        old_lines = before.get(key)
        if old_lines is None or len(old_lines) != len(lines):
            rows.append(f"| {key} | {len(lines)} | not comparable (set changed) |")
            continue
        changed = [(text, old, new) for (text, new), (_, old) in zip(lines, old_lines) if old != new]
        changed_total += len(changed)
        rows.append(f"| {key} | {len(lines)} | {len(changed)} |")
        examples += [(key, *change) for change in changed]
    print("| set | lines | lines whose spans changed |\n|---|---:|---:|")
    print("\n".join(rows))
    for key, text, old, new in examples[:show]:
        print(f"\n[{key}] {text!r}\n  before: {spans_text(text, old)}\n  after:  {spans_text(text, new)}")
    if len(examples) > show:
        print(f"\n... and {len(examples) - show} more")
    return changed_total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write every span to this file")
    action.add_argument("--against", type=Path, help="compare with spans saved earlier")
    parser.add_argument("--show", type=int, default=40, help="changed lines to print (default 40)")
    args = parser.parse_args(argv)
    spans = all_spans()
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(json.dumps(spans, ensure_ascii=False), encoding="utf-8")
        print(f"saved {sum(len(lines) for lines in spans.values())} lines' spans to {args.save}")
        return 0
    compare(json.loads(args.against.read_text(encoding="utf-8")), spans, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
