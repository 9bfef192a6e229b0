"""Name and place gazetteers, and the recognizers that use them, on lines to catch and to leave."""

from __future__ import annotations

import pytest

from guardrails.pii import analyze_text
from guardrails.pii.recognizers import gazetteer
from guardrails.pii.recognizers.location import known_places
from guardrails.pii.recognizers.zip_code import _after_place


def _covered(text: str, value: str) -> bool:
    start = text.index(value)
    end = start + len(value)
    return any(s.start <= start and s.end >= end for s in analyze_text(text))


@pytest.mark.parametrize(
    "lookup, word, expected",
    [
        (gazetteer.is_given_name, "Zbigniew", True),  # Polish given name (faker)
        (gazetteer.is_given_name, "Željko", True),  # accents folded
        (gazetteer.is_given_name, "Mark", False),  # an English word first
        (gazetteer.is_given_name, "Will", False),  # an English word first
        (gazetteer.is_given_name, "František", True),  # faker given name with an accent kept in the list
        (gazetteer.is_given_name, "Status", False),  # never a name
        (gazetteer.is_surname, "Becker", True),  # census surname
        (gazetteer.is_surname, "Kovačič", True),  # faker (sl_SI) surname, accents folded
        (gazetteer.is_surname, "Order", False),  # an English word first
        (gazetteer.is_surname, "Young", False),  # an English word first
        (gazetteer.is_surname, "Christmas", False),  # holiday, listed as a common word
        (gazetteer.is_place, "Budapest", True),  # city
        (gazetteer.is_place, "ΛΕΥΚΩΣΙΑ", True),  # alternate name in Greek capitals
        (gazetteer.is_place, "New Zealand", True),  # country of two words
        (gazetteer.is_place, "Pazin", True),  # town of 1,000+ people (names only)
        (gazetteer.is_place, "Veurne", True),  # small Belgian town
        (gazetteer.is_place, "Autauga County", True),  # US county
        (gazetteer.is_place, "Jönköpings län", True),  # Swedish county (faker region list)
        (gazetteer.is_place, "Friday", False),  # weekday
        (gazetteer.is_place, "Status", False),  # an English word first
        (gazetteer.is_place, "Reading", False),  # an English word first
        (gazetteer.is_place, "Order", False),  # never a place
    ],
)
def test_gazetteer_lookups(lookup, word, expected):
    assert lookup(word) is expected


@pytest.mark.parametrize(
    "text, places",
    [
        ("Shipping from Budapest took two weeks", ["Budapest"]),
        ("We moved to ARENDAL last year", ["ARENDAL"]),  # long all-caps word
        ("returned to kiel by train", ["kiel"]),  # lower-case text, lower-case place
        ("Is there a store in New Zealand?", ["New Zealand"]),  # longest run wins
        ("Withdraw money from the ATM", []),  # short capitals are acronyms
        ("Can I pay on Reading day", []),  # dictionary word
        ("no pii here", []),  # short lower-case word
    ],
)
def test_known_places(text, places):
    assert [text[s:e] for s, e in known_places(text)] == places


@pytest.mark.parametrize(
    "text, value",
    [
        ("Please ask Zbigniew to call me back.", "Zbigniew"),  # given name, no cue
        ("I spoke to Becker yesterday about my refund.", "Becker"),  # surname inside a sentence
        ("i spoke to caleb yesterday", "caleb"),  # lower-case text, lone given name
        ("The warehouse in Budapest is slow.", "Budapest"),  # known place
        ("Offices in Denmark 56905.", "56905"),  # postcode after a known place
        ("Offices in Göteborg 411 05.", "411 05"),  # Swedish postcode after a known place
        ("Our office: Wrocław 53-320", "53-320"),  # Polish postcode after a known place
        ("Postal code 1021.", "1021"),  # bare number before a full stop, with context
        ("450 0840", "450 0840"),  # local number of two groups
        ("Is 451 5986 still on my account?", "451 5986"),  # "account" no longer lowers a phone
        ("Phone:0487 98 11 92", "0487 98 11 92"),  # no space after the colon
        ("07700900123", "07700900123"),  # mobile typed without spaces
        ("60-56-85-91 is my work line.", "60-56-85-91"),  # four dashed pairs
    ],
)
def test_when_gazetteer_or_shape_matches_then_value_is_masked(text, value):
    assert _covered(text, value), analyze_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Lego set 10294 is missing a bag",  # brand after a determiner
        "I'm happy with the Nike Air Max 90, thanks!",  # product after "the"
        "my IBAN is not accepted",  # acronym is not a name
        "Withdraw money from the ATM on Monday",  # acronym is not a place
        "Will it arrive before Christmas?",  # holiday and modal verb
        "Order 10007 was 3 days late",  # order number after a capitalised word
        "Windows 10 and Summit 3000",  # product numbers: no place before them
        "we open at 10:30:00",  # a time is not a phone number after a colon
        "no pii here",  # short lower-case word
        "i dont want you to use my data anymore",  # "dont" (a village) typed for "don't"
    ],
)
def test_when_words_only_look_like_names_then_nothing_is_masked(text):
    assert analyze_text(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kiel, ", True),
        ("Ship to New Zealand ", True),
        ("Summit ", False),
        ("order ", False),
    ],
)
def test_zip_after_place_reads_the_words_before(text, expected):
    assert _after_place(text, len(text)) is expected
