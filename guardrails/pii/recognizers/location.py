"""Places a customer names: spaCy's GPE/LOC entities, country names, "I live in X",
known place names (``gazetteer.py``: cities and towns, regions, countries, US states) and
names shaped like places that no list holds: a known name plus a settlement ending
("Andreaborough"), a compass or settlement word before a name ("Port Taylorside", "Lake
Mary"), names joined by "nad", "ob", "-sur-" ("Zagorje ob Savi"), a name and a region word
("Jönköpings län"), an unknown capitalised name before a postcode after "in" or before a
comma and a known place ("Melliste, Estonia"). Ordinary English words never count."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from guardrails.pii.recognizers.base import CandorRecognizer, written_in_lower_case
from guardrails.pii.recognizers.first_names import is_first_name
from guardrails.pii.recognizers.gazetteer import MAX_PLACE_WORDS, common_words, is_given_name, is_place, is_surname
from guardrails.pii.recognizers.lexicon import COUNTRIES, MONTHS, NOT_A_NAME, STOPWORDS, US_STATE_CODES, WEEKDAYS

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


# How place names are built, for towns no gazetteer lists:
# a person's name plus a settlement ending ("Jacksonville", "Andreaborough", "Kristianvik");
_SUFFIXES = tuple(
    sorted(
        """ville borough burgh burg berg bury town ton view port mouth stad furt chester fort haven side shire
        land field ford dale wood ham ley stead vik dorf heim hausen ingen""".split(),
        key=len,
        reverse=True,
    )
)
_ONE_WORD = re.compile(r"(?<![\p{L}'’.-])(?-i:\p{Lu}\p{Ll}{4,})(?![\p{L}'’-])")
# a compass or settlement word before a name ("Port Taylorside", "Lake Mary", "New Peeter");
_PREFIXES = (
    r"North|South|East|West|New|Lake|Port|Fort|Mount|Saint|St\.|Sainte|San|Santa|Santo|São|Porto|Puerto|Bad|"
    r"Villa|Vila|Ciudad|Castel|Monte|Isla|Glen|Upper|Lower|Quinta|Praia|Ribeira|Vale|Valle"
)
_CAP_WORD = r"(?-i:\p{Lu}[\p{L}'’]+(?:-\p{L}[\p{L}'’]+)*)"
# The same two shapes in a text written all in lower case ("new amy", "andreaborough").
_LOWER_ONE_WORD = re.compile(r"(?<![\p{L}'’.-])\p{Ll}{5,}(?![\p{L}'’-])")
# An unknown word right after a travel cue, all in lower case ("i'm in flateyri", "originally
# from mavčiče"): a place, when the word list says it is no English word ("i'm in trouble").
_LOWER_AFTER_TRAVEL = re.compile(rf"\b(?:{_TRAVEL_CUES})[ \t]+(?P<name>\p{{Ll}}[\p{{Ll}}'’-]{{3,}})(?![\p{{L}}'’-])")
# ... and after someone introducing themselves ("hi, i'm torbjørn example from helgebø").
_LOWER_AFTER_INTRODUCTION = re.compile(
    rf"\b(?:i'm|i am)[ \t]+(?:\p{{Ll}}[\p{{Ll}}'’.-]*[ \t]+){{1,4}}from[ \t]+(?P<name>\p{{Ll}}[\p{{Ll}}'’-]{{3,}})(?![\p{{L}}'’-])"
)
_LOWER_PREFIXED = re.compile(
    rf"(?<![\p{{L}}'’-])(?:{_PREFIXES.lower()})[ \t]+(?P<name>\p{{Ll}}[\p{{Ll}}'’-]+)(?![\p{{L}}'’-])"
)
_PREFIXED = re.compile(
    rf"(?<![\p{{L}}'’-])(?-i:{_PREFIXES})[ \t]+(?:(?:de|do|da|dos|das|del|di)[ \t]+)?(?P<name>{_CAP_WORD}(?:[ \t]+{_CAP_WORD})?)"
    r"(?![\p{L}'’-])"
)
# two names joined by a word only place names use ("Jablonné nad Orlicí", "Zagorje ob Savi",
# "Stratford-upon-Avon", "Reynaud-sur-Toussaint");
_JOINED = re.compile(
    rf"(?<![\p{{L}}'’-]){_CAP_WORD}(?:[ \t]+(?:nad|pod|ob|upon|sur|sous|am|an der|bei|im|lès)[ \t]+|-(?:upon|sur|sous|en|lès|le|la|am|an)-)"
    rf"{_CAP_WORD}(?![\p{{L}}'’-])"
)
# or a name and a word for a region ("Plzeňský kraj", "Jönköpings län", "Hidalgo County").
_REGION = re.compile(
    rf"(?<![\p{{L}}'’-]){_CAP_WORD}(?:[ \t]+{_CAP_WORD})?[ \t]+(?:kraj|län|megye|maakond|oblast|"
    r"(?-i:County|Province|Region|District|Prefecture|Oblast|Canton|Department|Municipality|Parish|Township))(?![\p{L}'’-])"
)
# A capitalised name before a postcode after "in"/"from"/"to" ("in Bjert 6091"), or before a
# comma and a known place ("Melliste, Estonia").
_BEFORE_POSTCODE = re.compile(
    rf"\b(?i:in|from|to|at|near)[ \t]+(?P<name>{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,2}})[ \t]+\d{{4,5}}(?![\d%.,-]|[.,]\d)"
)
# A capitalised name after someone introducing themselves ("Hi, I'm Dr. Adrian Example from
# Sampleby."), when the word list knows none of its words ("I'm Jane from Support" is no place).
_AFTER_INTRODUCTION = re.compile(
    rf"\b(?i:i'm|i am)[ \t]+(?:{_CAP}[ \t]+){{1,4}}(?i:from)[ \t]+(?P<name>{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,2}})"
    r"(?![\p{L}'’-])"
)
_BEFORE_PLACE = re.compile(
    rf"(?<![\p{{L}}'’-])(?P<name>{_CAP_WORD}(?:[ \t]+{_CAP_WORD})?),[ \t]+(?P<place>{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,2}})"
)
_QUALIFIER = re.compile(r"[ \t]+\((?-i:\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,2})\)")
_STATE_AFTER = re.compile(r",[ \t]*(?-i:([A-Z]{2}))(?![\p{L}\d])")
_SHAPE_SCORE = 0.55


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

    def extra_results(self, text: str) -> list[RecognizerResult]:
        return ([self.result(s, e, _GAZETTEER_SCORE, "known place") for s, e in known_places(text)]
                + [self.result(s, e, _SHAPE_SCORE, "shaped like a place name") for s, e in shaped_places(text)])

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
    lower_text = written_in_lower_case(text)
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
            # "Cyprus (Greek)", "Congo (Kinshasa)"; "Austin, TX"
            qualifier = _QUALIFIER.match(text, hit[1])
            state = _STATE_AFTER.match(text, hit[1])
            if state and state.group(1) not in US_STATE_CODES:
                state = None
            found.append((hit[0], (qualifier or state).end() if qualifier or state else hit[1]))
            i += hit[2]
        else:
            i += 1
    return found


def _name_word(word: str) -> bool:
    return (is_given_name(word) or is_surname(word) or is_place(word)) and word.lower() not in common_words()


def _suffixed_place(word: str) -> bool:
    """"Jacksonville", "Andreaborough": a known name and a settlement ending."""
    lower = word.lower()
    if lower in common_words() or is_place(word):
        return False
    for suffix in _SUFFIXES:
        stem = lower[: -len(suffix)]
        if lower.endswith(suffix) and len(stem) >= 3 and (is_given_name(stem) or is_surname(stem)):
            return True
    return False


def _no_english_word(word: str) -> bool:
    """Not in the dictionary word list (nor a common or never-place word); False without the list."""
    from guardrails.pii.plain_words import is_unknown_word  # plain_words imports this package

    return is_unknown_word(word) and word not in _NEVER_PLACES


def _unknown_name(phrase: str) -> bool:
    """No word of ``phrase`` is an ordinary word, and it does not start with a never-place."""
    words = [w.lower() for w in phrase.split()]
    return not any(w in common_words() or w in _NEVER_PLACES for w in words)


def shaped_places(text: str) -> list[tuple[int, int]]:
    """Places that no gazetteer lists but whose shape says "place" (see the patterns above)."""
    if written_in_lower_case(text):
        found = [m.span() for m in _LOWER_ONE_WORD.finditer(text) if _suffixed_place(m.group())]
        for match in _LOWER_PREFIXED.finditer(text):
            word = match.group("name")
            if _name_word(word) or _suffixed_place(word):
                found.append(match.span())
        for cue in (_LOWER_AFTER_TRAVEL, _LOWER_AFTER_INTRODUCTION):
            for match in cue.finditer(text):
                if _no_english_word(match.group("name")):
                    found.append(match.span("name"))
        return found
    found = [m.span() for m in _ONE_WORD.finditer(text) if _suffixed_place(m.group())]
    for match in _PREFIXED.finditer(text):
        words = match.group("name").split()
        if all(_name_word(w) or _suffixed_place(w) for w in words):
            found.append(match.span())
    for match in _BEFORE_POSTCODE.finditer(text):
        if _unknown_name(match.group("name")):
            found.append(match.span("name"))
    for match in _AFTER_INTRODUCTION.finditer(text):
        if all(_no_english_word(w.lower()) for w in match.group("name").split()):
            found.append(match.span("name"))
    for match in _BEFORE_PLACE.finditer(text):
        place = match.group("place")
        if (is_place(place) or place in US_STATE_CODES) and _unknown_name(match.group("name")):
            found.append(match.span("name"))
    for regex in (_JOINED, _REGION):
        for match in regex.finditer(text):
            first = match.group().split()[0].split("-")[0]
            if first.lower() not in common_words() and first.lower() not in _NEVER_PLACES:
                found.append(match.span())
    return found
