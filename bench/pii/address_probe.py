#!/usr/bin/env python
"""Street-address and postcode probe: Faker addresses of many locales in chat and form frames.

Why: presidio_synth's tuning half holds a few hundred addresses of a handful of formats;
customers type the addresses of every country a shop ships to. This probe is tuned on
freely (it reads no held-out data): Faker's ``street_address()``, ``address()`` (street,
town and postcode, one or more lines) and ``postcode()`` of each locale, each placed in a
frame with a word like "address" or "ship to" and in one without, on one line (lines
joined with ", ") and, for whole addresses, on their own lines.

A value counts as caught when >= 80% of its characters are masked by a span of any type
(``run.py``'s rule, imported from there).

Usage: .venv/bin/python bench/pii/address_probe.py [--per-locale N] [--seed S] [--misses N] [--lower]
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import candor_engine, is_caught, lower_case, masked_chars  # noqa: E402  (bench/pii/run.py)

LOCALES = (
    "en_US", "en_GB", "en_AU", "en_CA", "en_NZ", "en_IN", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CH",
    "es_ES", "es_MX", "es_AR", "es_CO", "it_IT", "nl_NL", "nl_BE", "pt_PT", "pt_BR", "pl_PL", "sv_SE",
    "da_DK", "no_NO", "fi_FI", "cs_CZ", "sk_SK", "ro_RO", "hu_HU", "tr_TR",
)  # fmt: skip

# Frames by value kind; "{}" is the value. "word" frames name what it is, "bare" ones do not.
FRAMES = {
    "street": {
        "word": ("My address is {}.", "Please ship it to {} instead", "Delivery address: {}"),
        "bare": ("Jane Example, {}", "It's {}, the blue door", "{}\nThanks!"),
    },
    "address": {
        "word": ("Ship to:\nJane Example\n{}", "Billing address: {}", "I moved, my new address is {}"),
        "bare": ("Jane Example\n{}", "Jane Example, {}, tel 0161 496 0017", "{}"),
    },
    "postcode": {
        "word": ("postcode {}", "My zip code is {}", "Postal code: {}"),
        # {town}: a town of the same locale, as a postcode is typed beside its town
        "bare": ("Jane Example, {town} {}", "{} {town}", "Deliver to {town}, {}"),
    },
}


@dataclass
class Case:
    locale: str
    kind: str
    frame_kind: str
    value: str
    text: str


def one_line(value: str) -> str:
    return ", ".join(line.strip() for line in value.splitlines() if line.strip())


def values(locale: str, count: int, seed: int) -> dict[str, list[str]]:
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(seed)
    return {
        "street": [" ".join(fake.street_address().split()) for _ in range(count)],
        "address": [fake.address() for _ in range(count)],
        "postcode": [fake.postcode() for _ in range(count)],
        "town": [fake.city() for _ in range(count)],
    }


def cases(per_locale: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    out = []
    for locale in LOCALES:
        made = values(locale, per_locale, seed)
        towns = made.pop("town")
        for kind, items in made.items():
            for value, town in zip(items, towns):
                for frame_kind, frames in FRAMES[kind].items():
                    frame = rng.choice(frames)
                    # a whole address keeps its lines when its frame puts it on lines of its own
                    typed = value if kind == "address" and "\n" in frame and frame.endswith("{}") else one_line(value)
                    out.append(Case(locale, kind, frame_kind, typed, frame.format(typed, town=town)))
    return out


def judge(run, case: Case, lower: bool) -> tuple[bool, list[tuple[str, str]]]:
    text = lower_case(case.text) if lower else case.text
    start = case.text.index(case.value)
    spans = run(text)
    caught = is_caught(masked_chars(len(text), spans), start, start + len(case.value))
    return caught, [(text[s:e], label) for s, e, label in spans]


def share(hits: int, total: int) -> str:
    return f"{hits}/{total} = {hits / total:.3f}" if total else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-locale", type=int, default=20, help="values of each kind per locale (default 20)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--misses", type=int, default=40, help="misses to list")
    parser.add_argument("--lower", action="store_true", help="lower-case every case (as typed in a hurry)")
    parser.add_argument("--locale", action="append", help="only these locales (repeatable)")
    args = parser.parse_args(argv)

    run = candor_engine()
    all_cases = [c for c in cases(args.per_locale, args.seed) if not args.locale or c.locale in args.locale]
    hits, totals = collections.Counter(), collections.Counter()
    misses = []
    for index, case in enumerate(all_cases, 1):
        caught, spans = judge(run, case, args.lower)
        for key in ((case.kind, case.frame_kind), (case.kind, case.locale), (case.kind, "all")):
            totals[key] += 1
            hits[key] += caught
        if not caught:
            misses.append((case, spans))
        if index % 1000 == 0:
            print(f"  {index}/{len(all_cases)}", file=sys.stderr, flush=True)

    casing = "lower-cased" if args.lower else "as written"
    print(f"{len(all_cases)} cases, {casing}\n")
    print("| kind | all | with a word | bare |\n|---|---:|---:|---:|")
    for kind in FRAMES:
        print(f"| {kind} | {share(hits[(kind, 'all')], totals[(kind, 'all')])} | "
              f"{share(hits[(kind, 'word')], totals[(kind, 'word')])} | {share(hits[(kind, 'bare')], totals[(kind, 'bare')])} |")
    print("\n| locale | " + " | ".join(FRAMES) + " |\n|---|" + "---:|" * len(FRAMES))
    weakest = sorted(LOCALES, key=lambda loc: sum(hits[(k, loc)] / max(1, totals[(k, loc)]) for k in FRAMES))
    for locale in weakest:
        if totals[("street", locale)]:
            print(f"| {locale} | " + " | ".join(share(hits[(k, locale)], totals[(k, locale)]) for k in FRAMES) + " |")
    print(f"\n### misses (first {args.misses} of {len(misses)})\n")
    for case, spans in misses[: args.misses]:
        print(f"MISS {case.locale} {case.kind} {case.frame_kind} {case.value!r} got={spans} | {case.text!r}")
    return 0


if __name__ == "__main__":
    # Some Faker lists (it_IT's towns) are built from a set: a fixed hash seed keeps the cases,
    # so that runs before and after a change compare.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    raise SystemExit(main())
