"""Places a customer names: spaCy's GPE/LOC entities, country names and "I live in X"."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer
from guardrails.pii.recognizers.first_names import is_first_name
from guardrails.pii.recognizers.lexicon import COUNTRIES, MONTHS, NOT_A_NAME, STOPWORDS, WEEKDAYS

_CAP = r"(?-i:\p{Lu}[\p{L}'’.]*(?:-\p{L}[\p{L}'’.]*)*)"
_JOIN = r"(?:de|del|della|la|le|les|du|das|do|dos|am|an|im|upon|on|sur|y|van|von|der)"
_PLACE = rf"{_CAP}(?:[ \t]+(?:{_JOIN}[ \t]+)?{_CAP}){{0,3}}"
_LOWER_PLACE = r"(?-i:\p{Ll}[\p{Ll}'’-]+)"
_RESIDENCE_CUES = (
    r"live in|lives in|living in|lived in|moved to|moved here from|moved from|moving to|relocated to|"
    r"relocating to|based in|born in|grew up in|resident of|native of|reside in|resides in|staying in"
)
_TRAVEL_CUES = (
    r"i'm from|i am from|we're from|we are from|originally from|comes? from|visiting|visit|trip to|"
    r"travel(?:l)?ing to|flying to|fly to|holiday in|vacation in|i'm in|i am in|we're in|we are in|"
    r"located in|near|coming to|returned to|been to|going to|flew to|drove to|arrived in|arrive in"
)
_NEVER_PLACES = STOPWORDS | NOT_A_NAME | WEEKDAYS | MONTHS
_ABBREVIATIONS = {"USA", "UK", "U.K.", "U.S.", "U.S.A.", "UAE"}


def _country_pattern() -> str:
    names = sorted((c for c in COUNTRIES if c not in _ABBREVIATIONS), key=len, reverse=True)
    spelled = "|".join(re.escape(c) for c in names)
    short = "|".join(re.escape(c) for c in sorted(_ABBREVIATIONS, key=len, reverse=True))
    return rf"\b(?:{spelled})\b|(?-i:(?<!\w)(?:{short})(?!\w))"


class LocationRecognizer(CandorRecognizer):
    """LOCATION: cities, regions and countries."""

    ENTITY = "LOCATION"
    NER_LABELS = ("LOCATION",)
    PATTERNS = [
        Pattern("country name", _country_pattern(), 0.7),
        Pattern(
            "place after a residence cue",
            rf"\b(?:{_RESIDENCE_CUES})[ \t]+(?:the[ \t]+)?(?P<value>{_PLACE})",
            0.7,
        ),
        Pattern(
            "lower-case place after a residence cue",
            rf"\b(?:{_RESIDENCE_CUES})[ \t]+(?P<value>{_LOWER_PLACE})\b",
            0.5,
        ),
        Pattern(
            "place after a travel cue", rf"\b(?:{_TRAVEL_CUES})[ \t]+(?:the[ \t]+)?(?P<value>{_PLACE})", 0.5
        ),
    ]
    CONTEXT = [
        "live",
        "lives",
        "living",
        "city",
        "town",
        "country",
        "from",
        "visit",
        "trip",
        "moved",
        "based",
        "located",
    ]
    NEGATIVE_CONTEXT = ["colour", "color", "size", "brand", "model", "order"]

    def adjust_span(self, text: str, start: int, end: int, pattern: Pattern) -> tuple[int, int] | None:
        value = text[start:end].rstrip(".")
        if value.lower() in _NEVER_PLACES:
            return None
        return start, start + len(value)

    def accept_entity(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        value = text[start:end]
        if value.lower().strip(".") in _NEVER_PLACES or not any(ch.isalpha() for ch in value):
            return None
        if is_first_name(value.split()[0]):
            return None  # the small model calls many given names GPE; PersonRecognizer takes them
        return start, end
