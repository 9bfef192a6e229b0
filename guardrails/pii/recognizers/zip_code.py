"""Postcodes and ZIP codes: UK, US, Canadian and common European forms.

UK postcodes, ZIP+4 and a ZIP after a US state code or a known place name ("Kiel 24103",
"Denmark 56905", "Göteborg 411 05", "Wrocław 53-320") or before one, as most of Europe
writes it ("10115 Berlin", "75001 Paris"; not a year: "the 2024 Paris Olympics") stand on
their own. Bare numbers
("10007" is an order number in this shop) count only after "zip", "postcode" and the like.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer, written_in_lower_case
from guardrails.pii.recognizers.gazetteer import MAX_PLACE_WORDS, is_place
from guardrails.pii.recognizers.lexicon import US_STATE_CODES

_STATES = "|".join(US_STATE_CODES)
_WORDS_BEFORE = re.compile(r"(\p{L}[\p{L}'’.-]*)[ \t]*,?[ \t]*$")
WEAK_SCORE = 0.15  # only with a word like "zip": "postcode 2019", "zip: 7412 sl"
# A bare number (a postcode only with a word like "zip" or beside a town): not part of a
# longer number, a decimal or a price.
_BARE_START = r"(?<![\d.,$£€-])"
_BARE_END = r"(?![\d%-]|[.,]\d|[ ]?(?:\$|£|€|usd|eur|gbp))"
_WORD_AFTER = re.compile(r"[ \t]*(\p{L}[\p{L}'’.-]*)")


class ZipCodeRecognizer(CandorRecognizer):
    """ZIP_CODE in the forms a retailer ships to."""

    ENTITY = "ZIP_CODE"
    PATTERNS = [
        Pattern("uk postcode", r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", 0.6),
        Pattern("us zip+4", r"(?<![\d-])\d{5}-\d{4}(?![\d-])", 0.55),
        Pattern(
            "us zip after state", rf"(?<=(?-i:\b(?:{_STATES}))\.?,?[ \t]{{1,3}})\d{{5}}(?:-\d{{4}})?\b", 0.6
        ),
        Pattern(
            "number after a place name",
            # six digits (India, Romania), a country letter before the digits (Hungary's "H-8664")
            r"(?<=\p{L}\.?,?[ \t]{1,3})(?P<value>\d{4,6}(?:-\d{3,4})?|\d{3} \d{2}|\d{2}-\d{3}|[A-Z]{1,2}-\d{4,5})"
            r"(?![\d%-]|[.,]\d)",
            0.55,
        ),
        Pattern(
            "number before a place name", r"(?<![\w.,$£€#/-])\d{4,6}(?=[ \t]{1,3}\p{L})", 0.55
        ),
        Pattern(
            "canadian postcode", r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b", 0.5
        ),
        Pattern("dutch postcode", r"\b\d{4} ?(?-i:[A-Z]{2})\b", 0.2),
        Pattern("dutch postcode in a lower-case text", r"\b\d{4} ?(?-i:[a-z]{2})\b", WEAK_SCORE),  # "6091 in"
        Pattern(
            "numeric with dash (PL, PT, BR)",
            r"(?<![\d-])(?:\d{2}-\d{3}|\d{4}-\d{3}|\d{5}-\d{3})(?![\d-])",
            0.2,
        ),
        Pattern("numeric with space (SE, CZ, GR)", r"(?<!\d[ ]?)\d{3} \d{2}(?![ ]?\d)", 0.2),
        Pattern("bare 4 to 6 digits, no year", rf"{_BARE_START}(?!(?:19|20)\d\d(?!\d))\d{{4,6}}{_BARE_END}", 0.2),
        # below postcode_town.py's floor: "Paris 2024" and "via roma 131" hold no postcode,
        # "postcode 2019" still counts
        Pattern("bare year or 3 digits", rf"{_BARE_START}(?:(?:19|20)\d\d|\d{{3}}){_BARE_END}", WEAK_SCORE),
    ]

    def adjust_span(self, text: str, start: int, end: int, pattern: Pattern) -> tuple[int, int] | None:
        if pattern.name == "number after a place name" and (_year(text[start:end]) or not _after_place(text, start)):
            return None
        if pattern.name == "number before a place name" and (_year(text[start:end]) or not _before_place(text, end)):
            return None
        if pattern.name == "dutch postcode in a lower-case text" and not written_in_lower_case(text):
            return None
        return start, end


def _after_place(text: str, start: int) -> bool:
    """Whether the one to four words right before ``start`` name a known place."""
    words: list[str] = []
    end = start
    for _ in range(MAX_PLACE_WORDS):
        match = _WORDS_BEFORE.search(text, max(0, end - 40), end)
        if not match:
            break
        words.insert(0, match.group(1).rstrip("."))
        if is_place(" ".join(words)):
            return True
        end = match.start()
    return False


def _before_place(text: str, end: int) -> bool:
    """Whether the one to four words right after ``end`` name a known place."""
    words: list[str] = []
    for _ in range(MAX_PLACE_WORDS):
        match = _WORD_AFTER.match(text, end)
        if not match:
            break
        words.append(match.group(1).rstrip("."))
        if is_place(" ".join(words)):
            return True
        end = match.end()
    return False


def _year(value: str) -> bool:
    """A four-digit year ("2024 Paris Olympics"), not a postcode."""
    return len(value) == 4 and 1900 <= int(value) <= 2099
