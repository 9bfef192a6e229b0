"""Phone numbers in national and international forms, scored by how phone-like they look.

A run of digit groups is a candidate; its shape decides the score: ``+44 20 7946 0958``
or ``(555) 010-0199`` are phone numbers on their own, ``7946095`` only next to words
like "call" or "mobile", and ``order 1234567`` never. Country codes may be bracketed
(``(+30) 2877 893287``, ``+(370) 87789328``) and followed by a trunk zero (``+33 (0)1 ...``);
one lone digit may stand for an area code (``06-1/555 0142``, ``+880-2-9-5550-0142``).
Six-digit local numbers (``81 77 89``), quantity-shaped ones (``3 000 000``, ``1 234 567``)
and single runs of 7, 8 or 13-15 digits need a context word. Dates, year ranges, IPv4
addresses, SSNs, ZIP+4 codes and Brazilian postcodes that share the digit-group shape are
left to their own recognizers. ``bench/pii/phone_probe.py`` measures all of this on Faker
numbers of every locale.
"""

from __future__ import annotations

import functools

import regex as re
from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer, digits

_GROUPS = re.compile(r"\d+")
_INTERNATIONAL = re.compile(r"\+|00|\(\+")
_LETTERS_BEFORE = re.compile(r"(?<![\p{L}])\p{Lu}{1,3} ?$")
_LETTER_AFTER = re.compile(r" ?\p{L}(?![\p{L}])")
# The North American plan's 3-3-4 digits with the area code bracketed or the same separator
# twice, an optional leading 1 and extension: "(741)354-9909", "883.423.6405", "1-800-555-0199 x12".
_NORTH_AMERICAN = re.compile(
    r"(?:\+?1[ .-]?)?(?:\(\d{3}\) ?\d{3}[ .-]?|\d{3}([.-])\d{3}\1)\d{4}"
    r"(?:[ \t]*(?i:x|ext\.?|extension)[ \t]*\d{1,6})?"
)
# Where a run of digit groups may hold two numbers: "0161 496 0017/0161 496 0018".
_CUT = re.compile(r" ?/ ?| ")
# A small number typed after the phone joins the regex match: "0800 123 456 24/7", "2 times".
_TRAILING_SMALL_NUMBER = re.compile(r"[ \t]+\d{1,2}(?:/\d{1,2})?$")
# A word after the match, as after a count: "467 3395 2 times".
_WORD_AFTER = re.compile(r"[ \t]+\p{L}")
# A 4-5 digit postcode after a word, then a space and the phone ("IL 62704 0961-7596216").
_LEADING_POSTCODE = re.compile(r"(?<=\p{L}[ \t])\d{4,5}[ \t]")
# One or two groups of a postcode, then a space and a phone with a trunk zero or a country
# code, wherever the line starts: "Town, 43 73313 0961-7596216", "\n 76634 0378 3549890".
_POSTCODE_BEFORE_TRUNK = re.compile(r"\d{1,5}(?:[ \t]\d{1,5})?[ \t](?=[0+])")
# A word typed onto the number with a hyphen: "(37) 788-063-Office", "3660170548-Fax".
_LABEL = r"\p{L}{3,}(?![\w-])"
_HYPHENATED_WORD = re.compile(rf"-({_LABEL})")
# A 4-5 digit postcode typed after the phone, then the town: "0961-7596216 10115 Berlin".
_TRAILING_POSTCODE = re.compile(r"[ \t]\d{4,5}$")
_TOWN_AFTER = re.compile(r"[ \t]+\p{L}{2,}")
# A card's four fours has no postcode in front: "card 4111 1111 1111 1111".
_CARD_SHAPE = re.compile(r"\d{4}(?:[ \t-]\d{4}){3}\b")
_DATE_SHAPES = {(4, 2, 2), (2, 2, 4), (1, 2, 4), (2, 1, 4), (1, 1, 4), (4, 1, 1), (4, 1, 2), (4, 2, 1)}


def _thousands(value: str, groups: list[int], separators: set[str]) -> bool:
    """Grouped like a quantity: "3 000 000", "1 234 567"; not "058 218 096" (trunk zero) nor
    eight or nine digits without a 000 group ("72 128 827", "601 809 679": phone numbers)."""
    if len(groups) < 2 or groups[0] > 3 or set(groups[1:]) != {3} or not separators <= {" ", ",", "."}:
        return False
    if value.lstrip("(+").startswith("0"):
        return False
    return sum(groups) <= 7 or " 000" in value or ",000" in value or ".000" in value


def _date_like(groups: list[str]) -> bool:
    """Year 1900-2099, a month and a day: "2024-03-12" is a date, "0800 14 53" a phone number."""
    numbers = [int(g) for g in groups if len(g) <= 2]
    years = [int(g) for g in groups if len(g) == 4]
    return bool(years) and 1900 <= years[0] <= 2099 and min(numbers) <= 12 and max(numbers) <= 31


class PhoneNumberRecognizer(CandorRecognizer):
    """National and international phone numbers (7 to 15 digits; 6, 7, 8 or 13-15 digits in
    one run only with a context word)."""

    ENTITY = "PHONE_NUMBER"
    PATTERNS = [
        Pattern(
            "phone",
            # not inside a longer number or word ("AB1234567", "12.5551234", "3/4567890"), but
            # after an abbreviation's dot or slash: "Tel.020 7946 0958", "tel/fax 555-0199", or
            # after an extension and a slash: "(484)426-8465x6321/0161 496 0017"
            r"(?<![\w+-])(?:(?<![\d_][/.,:])|(?<=(?i:x|ext\.?)[ \t]*\d{1,6}/))"
            # country code: +44, 0044, (+30), +(370); then an optional trunk zero: +33 (0)1;
            # or the North American trunk 1 before a bracketed area code: 1 (555) 010-0199
            r"(?:(?:\+|00|\(\+|\+\()\d{1,3}\)?[ .-]?(?:\(0\)[ ]?)?|1[ .-]?(?=\(\d{3}\)))?"
            # area code in brackets: (555), (08), (14)/, with a trunk digit inside: (06 1), (0-312)
            r"(?:\((?:\d{1,2}[ -])?\d{1,5}\)(?:[ .-]|/ ?)?)?"
            # then up to eight groups: "01 234567890" (Vienna), "+229 01 95 12 34 56"
            r"\d{1,15}(?:(?:[ .-]|/ ?)\d{1,10}){0,7}"
            # an extension, which a slash and a second number may follow; no longer number after it,
            # but a word of three letters or more may be hyphenated on: "(37) 788-063-Office"
            # (kept only when the word is a phone word, see score_match)
            r"(?:[ \t]*(?i:x|ext\.?|extension)[ \t]*\d{1,6}(?![\w@]|-\w|[.,:]\d)"
            rf"|(?![\w@]|-(?!{_LABEL})\w|[.,:/]\d))",
            0.3,
        )
    ]

    # Right before a number, these say it is where to reach someone, whatever word like
    # "order" stands further back: "Invoice sent to the customer at 0927684268".
    LINKING_WORDS = ("at", "on", "to", "via")

    def split_match(self, text: str, start: int, end: int, pattern: Pattern) -> list[tuple[int, int]]:
        """A regex match that is no phone number as a whole may still hold one or two:
        - two numbers with a slash or a space between them: "0161 496 0017/0161 496 0018".
          It is cut where both sides look like phone numbers on their own: at a slash, or at a
          space when both sides have shapes only phone numbers take ("4111 1111 1111 1112"
          stays whole);
        - a date, SSN, IP address or card typed next to it: "Phone: 0961-7596216 01/02/1980".
          The other number is dropped (its own recognizer, if any, has it);
        - a postcode typed before it on the same line: "Kaster, VWV 04494 0961-7596216",
          "Hania Bazid, 43 73313 0961-7596216", or after it, before the town: "0961-7596216
          10115 Berlin". The postcode is dropped (the address recognizer has it);
        - a phone number and up to two small numbers typed after it: "call 024 971 50 30 2
          times", "(08) 8747 6301 24/7". They are dropped, even from a match that is a
          candidate as a whole, when a word follows them (``_without_trailing_count``)."""
        if self._is_candidate(text, start, end, pattern):
            return [self._without_trailing_count(text, start, end, pattern)]
        cuts = sorted(_CUT.finditer(text, start, end), key=lambda cut: "/" not in cut.group())  # slashes first
        for cut in cuts:
            needed = 0.5 if "/" in cut.group() else 0.9
            sides = [(start, cut.start()), (cut.end(), end)]
            scores = [self._score(text, a, b, pattern) for a, b in sides]
            if all(score is not None and score >= needed for score in scores):
                return sides
        beside_other_number = self._beside_other_number(text, start, end, pattern)
        if beside_other_number is not None:
            return [beside_other_number]
        phone_end = self._before_postcode(text, start, end, pattern)
        if phone_end is not None:
            return [(start, phone_end)]
        phone_start = self._after_postcode(text, start, end, pattern)
        if phone_start is not None:
            return [(phone_start, end)]
        for _ in range(2):
            trailing = _TRAILING_SMALL_NUMBER.search(text, start, end)
            if trailing is None:
                break
            end = trailing.start()
            if self._is_candidate(text, start, end, pattern):
                break
        return [(start, end)]

    def _without_trailing_count(self, text: str, start: int, end: int, pattern: Pattern) -> tuple[int, int]:
        """A number that is a candidate as a whole may still end in a count typed after it:
        "I rang 467 3395 3 times" reads "467 3395 3", a number with a lone digit that only a
        phone word would keep. The count is dropped when a word follows it and the number
        scores higher without it; "024 971 50 30" keeps its last pair, and so does a number
        at the end of a line ("Czech Republic 67420 51 516 33 75")."""
        trailing = _TRAILING_SMALL_NUMBER.search(text, start, end)
        if trailing is None or not _WORD_AFTER.match(text, end):
            return start, end
        whole = self._score(text, start, end, pattern)
        shorter = self._score(text, start, trailing.start(), pattern)
        return (start, trailing.start()) if shorter is not None and shorter > whole else (start, end)

    def _beside_other_number(self, text: str, start: int, end: int, pattern: Pattern) -> tuple[int, int] | None:
        """The phone number in a match that also holds a date, SSN, IP address or card typed
        next to it with a space: "Phone: 0961-7596216 01/02/1980", "123-45-6789 905-674-3793".
        None when no cut leaves such a number on one side and a phone number on the other."""
        for cut in _CUT.finditer(text, start, end):
            left, right = (start, cut.start()), (cut.end(), end)
            for phone, other in ((left, right), (right, left)):
                if _other_number(text[other[0] : other[1]]) and (self._score(text, *phone, pattern) or 0) >= 0.5:
                    return phone
        return None

    def _before_postcode(self, text: str, start: int, end: int, pattern: Pattern) -> int | None:
        """Where the phone ends when a postcode and a town were typed right after it on the same
        line ("Phone: 0961-7596216 10115 Berlin"); None when the match ends otherwise or what
        stands before the postcode is no phone number."""
        postcode = _TRAILING_POSTCODE.search(text, start, end)
        if postcode is None or not _TOWN_AFTER.match(text, end):
            return None
        score = self._score(text, start, postcode.start(), pattern)
        return postcode.start() if score is not None and score >= 0.5 else None

    def _after_postcode(self, text: str, start: int, end: int, pattern: Pattern) -> int | None:
        """Where the phone starts when a postcode was typed right before it on the same line:
        after a town or region ("Kaster, VWV 04494 0961-7596216"), or anywhere when the phone
        that follows has a trunk zero or country code ("Hania Bazid, 43 73313 0961-7596216").
        None when there is no such postcode, or the digits are a card's four fours."""
        if _CARD_SHAPE.match(text, start, end):
            return None
        postcode = _LEADING_POSTCODE.match(text, start, end)
        if postcode and self._is_candidate(text, postcode.end(), end, pattern):
            return postcode.end()
        postcode = _POSTCODE_BEFORE_TRUNK.match(text, start, end)
        if postcode and 4 <= len(digits(postcode.group())) <= 7:
            score = self._score(text, postcode.end(), end, pattern)
            if score is not None and score >= 0.9:
                return postcode.end()
        return None

    def _score(self, text: str, start: int, end: int, pattern: Pattern) -> float | None:
        return self.score_match(text[start:end], pattern.score, text, start, end)

    def _label_after_is_phone_word(self, text: str, end: int) -> bool:
        """A word hyphenated onto the number names its line ("07700 063 966-Fax", "555-0199-home")
        when it is a phone context word; "4006381-333-BLK" is a part number. True when no word
        is hyphenated on."""
        label = _HYPHENATED_WORD.match(text, end)
        return label is None or label.group(1).lower() in self._phone_words

    @functools.cached_property
    def _phone_words(self) -> frozenset[str]:
        return frozenset(word.lower() for word in self.context)

    def _is_candidate(self, text: str, start: int, end: int, pattern: Pattern) -> bool:
        return self._score(text, start, end, pattern) is not None

    def score_match(self, value: str, score: float, text: str, start: int, end: int) -> float | None:
        if not self._label_after_is_phone_word(text, end):
            return None
        international = bool(_INTERNATIONAL.match(value))
        value = re.split(r"(?i)[ \t]*(?:x|ext)", value)[0]  # the extension does not count
        value = value.replace("(0)", "")  # trunk zero shown after a country code: +33 (0)1 ...
        groups = [len(g) for g in _GROUPS.findall(value)]
        count = sum(groups)
        if not 6 <= count <= 15 or len(set(digits(value))) == 1:
            return None
        if count == 6:
            return _six_digit_score(value, groups, international, text, start, end)
        # After the country code (or a leading "1" / trunk digit) groups have 2+ digits:
        # "+33 1 23 45 67 89" and "1-800-555-0199" are numbers, "1 2 3 4 5 6 7" a list.
        local_groups = groups[2:] if international else groups[1:]
        if _switchboard_digit(value, international, count) and len(local_groups) > 1:
            local_groups = local_groups[:-1]
        if not _plausible_local_groups(local_groups):
            return None
        separators = set(re.sub(r"[\d()+]", "", value))
        if _other_number_shape(value, groups, separators, international):
            return None
        if international and count >= 8 or _NORTH_AMERICAN.fullmatch(value) or _only_phones_look_so(value, groups):
            return 0.9  # "+1-545-880-7302", "(741)354-9909": still a phone after a word like "invoice"
        if "(" in value and count >= 7 or international:
            return 0.65
        if _thousands(value, groups, separators):
            return 0.3  # "72 128 827" or "3 000 000": a phone only next to a word like "phone"
        if groups == [4, 4, 4]:
            return 0.3  # "2232 4235 0039": grouped like a membership or gift card; "0812 3456 7890" has a trunk zero
        if 1 in local_groups and "/" not in value:
            return 0.3  # "111 4 893": one lone digit inside; a phone only next to a phone word
        if len(groups) > 1:
            # "358 0594", "60-56-85-91": a local number; order numbers have negative context.
            return 0.6 if count >= 9 else 0.5
        return _digit_run_score(count)


def _only_phones_look_so(value: str, groups: list[int]) -> bool:
    """Shapes no order, invoice or parcel number takes, so the number stays a phone next to
    such a word: a trunk zero before grouped digits ("020 7946 0958", "0462-904292",
    "(03) 19099603"), a bracketed area code ("(71) 4233-6306"), four or more pairs
    ("37 26 51 67") or three or more groups of mixed sizes ("301 594 25 94", "88-3465-6480").
    Nine digits at least, or eight with a bracketed area code; mixed groups hold at most
    twelve, a national number's length. "123 456 789" and "1 000 000" may be quantities,
    "1234 5698 7654 33" part of an account number and "2024-000123" a reference."""
    count = sum(groups)
    if len(groups) < 2:
        return False
    trunk_zero = value.lstrip("(").startswith("0")
    bracketed = value.startswith("(")
    pairs = len(groups) >= 4 and set(groups[1:]) == {2} and groups[0] <= 3
    quantity_like = set(groups[1:]) == {3} and groups[0] <= 3
    mixed = len(groups) >= 3 and len(set(groups)) > 1 and not quantity_like and count <= 12
    return trunk_zero and count >= 9 or mixed and count >= 9 or bracketed and count >= 8 or pairs


def _six_digit_score(
    value: str, groups: list[int], international: bool, text: str, start: int, end: int
) -> float | None:
    """"81 77 89", "211-234": short local numbers (Luxembourg, Monaco, Suriname) count only
    with a grouped shape and a context word such as "phone" or "call"; a hyphen only between
    two triples. "12.03.24" and "12-34-56" are a date and a bank sort code, not a phone
    number; "QQ 12 34 56 C" is the middle of an NI number."""
    short = len(groups) > 1 and min(groups) >= 2 and not international
    glued = _LETTERS_BEFORE.search(text, max(0, start - 5), start) or _LETTER_AFTER.match(text, end)
    separators = set(re.sub(r"\d", "", value))
    spaced = separators <= {" "} or separators == {"-"} and groups == [3, 3]  # "211-234" (Suriname)
    return 0.2 if short and not glued and spaced else None


def _switchboard_digit(value: str, international: bool, count: int) -> bool:
    """A German-style switchboard digit after a hyphen ends an international or trunk-zero
    number of 9+ digits: "+49-30-901820-0", "030 901820-0"; it does not count as a group."""
    return (international or value.startswith("0")) and count >= 9 and bool(re.search(r"-\d$", value))


def _plausible_local_groups(local_groups: list[int]) -> bool:
    """Groups after the country code or leading digit have 2+ digits, except that one lone
    digit may sit among groups of 3+: the area code in "06-7/484 7771" (Hungary), "+880-2-6-
    1318-6091" (Bangladesh), "111 4 893" (Turkey). "+1-2-3-4-5-6-7-8-9" is a list of steps."""
    if not local_groups or min(local_groups) >= 2:
        return True
    others = [g for g in local_groups if g != 1]
    return local_groups.count(1) == 1 and bool(others) and min(others) >= 3


def _other_number_shape(value: str, groups: list[int], separators: set[str], international: bool) -> bool:
    """Dates, year ranges, IPv4 addresses, SSNs, ZIP+4 codes, Brazilian and Portuguese
    postcodes and year-numbered references share the digit-group shape of a phone
    number and are left to their own recognizers (or to nobody)."""
    shape = tuple(groups)
    numbers = _GROUPS.findall(value)
    if shape in _DATE_SHAPES and len(separators) <= 1 and _date_like(numbers):
        return True
    if shape == (4, 4) and _year_range(numbers):
        return True
    if "." in separators and len(groups) == 4 and max(groups) <= 3 and not international:
        return True  # IPv4 address; "+61.418.955.597" is an Australian mobile
    if shape == (3, 2, 4) and len(separators) == 1 and "+" not in value:
        return True  # SSN; "+672 10 6609" is Norfolk Island's
    if shape == (4, 3) and separators == {"-"}:
        return True  # Portuguese postcode "4050-123"
    if len(groups) == 2 and separators <= {"/", "-"} and 1990 <= int(numbers[0]) <= 2039 and groups[0] == 4:
        return True  # a year and a running number: invoice "2024/08680", reference "2024-000123"
    return shape in {(5, 4), (5, 3)} and separators == {"-"}  # ZIP+4, Brazilian CEP "82199-351"


def _other_number(value: str) -> bool:
    """A whole date, year range, IPv4 address, SSN, ZIP+4 code or card number."""
    groups = [len(g) for g in _GROUPS.findall(value)]
    separators = set(re.sub(r"\d", "", value))
    if not value[:1].isdigit() or not value[-1:].isdigit() or len(groups) < 2:
        return False
    return bool(_CARD_SHAPE.fullmatch(value)) or _other_number_shape(value, groups, separators, international=False)


def _year_range(numbers: list[str]) -> bool:
    """"1966-1967", "2017/2020": two years in order, not an eight-digit phone number."""
    first, second = (int(n) for n in numbers)
    return 1900 <= first <= second <= 2099


def _digit_run_score(count: int) -> float:
    """One run of 9-12 digits ("07700900123", "2019481927", "912345678" in Portugal,
    "3123456789" in Italy) is a number typed without spaces. Eight-digit runs ("91417776" in
    Norway) need a context word: Brazilian postcodes and compact dates ("20240315") look the
    same; so do shorter runs ("7946095") and longer ones (13-15 digits, the length of a barcode)."""
    return 0.5 if 9 <= count <= 12 else 0.3
