#!/usr/bin/env python
"""Write guardrails/pii/recognizers/data/common_words.txt: the lower-case English words
(from a system word list, e.g. Debian's ``wamerican``: /usr/share/dict/american-english)
that also occur in the name and place gazetteers, so that "Will", "Mark" or "Reading"
are never masked as names or places.

Usage: .venv/bin/python bench/pii/make_common_words.py [WORDLIST]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from guardrails.pii.recognizers import gazetteer  # noqa: E402
from guardrails.pii.recognizers.first_names import FIRST_NAMES, fold  # noqa: E402
from guardrails.pii.recognizers.lexicon import CHAT_WORDS  # noqa: E402


def main(argv: list[str]) -> int:
    source = Path(argv[0] if argv else "/usr/share/dict/american-english")
    if not source.is_file():
        print(f"word list {source} not found (apt-get install wamerican)", file=sys.stderr)
        return 2
    words = {fold(w) for w in source.read_text(encoding="utf-8").split() if w.islower() and w.isalpha()}
    words |= CHAT_WORDS  # chat words, acronyms and apostrophe-less contractions
    entries = set(map(fold, FIRST_NAMES)) | set(map(fold, gazetteer.faker_first_names()))
    entries |= set(map(fold, gazetteer.faker_last_names()))
    for file_name in ("dist.male.first", "dist.female.first", "dist.all.last"):
        entries |= set(map(fold, gazetteer.census_names(file_name)))
    entries |= {" ".join(fold(e).split()) for e in gazetteer._place_entries()}
    common = sorted(words & entries)
    gazetteer.COMMON_WORDS_FILE.write_text("\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(common)} words -> {gazetteer.COMMON_WORDS_FILE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
