"""Places a customer names: spaCy's GPE/LOC entities, country names, "I live in X" and
known place names (``gazetteer.py``: cities of 15,000+ people, countries, US states)."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.pii.recognizers.base import CandorRecognizer
from guardrails.pii.recognizers.first_names import is_first_name
from guardrails.pii.recognizers.gazetteer import MAX_PLACE_WORDS, is_place
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
# A word of a place name: capitalised ("Kiel", "Saint-Étienne"), all capitals ("ARENDAL",
# "ΛΕΥΚΩΣΙΑ"), or a lower-case joining word inside a name ("Castel di Sangro").
_GAZETTEER_WORD = re.compile(r"\p{L}[\p{L}'’.-]*")
_JOINERS = frozenset("de del della di da das do dos du la le les am an im upon on sur y van von der den".split())
_GAZETTEER_SCORE = 0.55
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

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        results += [self.result(s, e, _GAZETTEER_SCORE, "known place") for s, e in known_places(text)]
        return results

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


def _name_cased(word: str) -> bool:
    """Capitalised, or all capitals if long enough not to be an acronym ("ATM", "DOB")."""
    return word[:1].isupper() and (not word.isupper() or len(word) >= 5)


def known_places(text: str) -> list[tuple[int, int]]:
    """Longest runs of up to four words that name a known place, capitalised as a name is
    (or all lower case in a text written all in lower case)."""
    lower_text = not any(ch.isupper() for ch in text)
    words = [(m.start(), m.end(), m.group().rstrip(".")) for m in _GAZETTEER_WORD.finditer(text)]
    found = []
    i = 0
    while i < len(words):
        hit = None
        if lower_text or _name_cased(words[i][2]):
            for n in range(min(MAX_PLACE_WORDS, len(words) - i), 0, -1):
                run = words[i : i + n]
                last = run[-1][2]
                gaps_ok = all(text[a[1] : b[0]] in (" ", "-") for a, b in zip(run, run[1:]))
                if not gaps_ok or not (lower_text or _name_cased(last)):
                    continue
                if any(not (_name_cased(w) or w in _JOINERS or lower_text) for _, _, w in run):
                    continue
                phrase = " ".join(w for _, _, w in run)
                if lower_text and len(phrase) < 4:
                    continue  # "pii", "ups": in lower-case chat short words are rarely places
                if is_place(phrase):
                    hit = (run[0][0], run[0][0] + len(text[run[0][0] : run[-1][1]].rstrip(".")), n)
                    break
        if hit:
            found.append(hit[:2])
            i += hit[2]
        else:
            i += 1
    return found
