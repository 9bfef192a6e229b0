"""The plain-word shortcut: messages made only of plain dictionary words skip NER, and
skipping it never changes what gets masked."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from guardrails.pii import analyze_text
from guardrails.pii.engine import nlp_engine
from guardrails.pii.plain_words import PlainWordGate, load_gate
from guardrails.pii.settings import settings

ROOT = Path(__file__).resolve().parents[3]
RETAIL_LINES = [  # (text, gold spans as (start, end)), fake personal data
    (item["text"], [(span["start"], span["end"]) for span in item["spans"]])
    for item in map(json.loads, (ROOT / "bench/pii/retail_chat.jsonl").read_text(encoding="utf-8").splitlines())
]

GATE = PlainWordGate(
    plain=frozenset("where is my order it thanks fine got i'm i've where's mark says name reading".split()),
    name_like=frozenset({"mark", "reading"}),
)


@pytest.mark.parametrize(
    "text",
    [
        "where is my order?",
        "Where is my order?",  # a capitalised first word
        "thanks. Where is it?",  # ... of any sentence
        "I'm fine, I've got it",  # "I" forms
        "where’s my order",  # a typographic apostrophe
        "mark says where is my order",  # a name-like word in lower case
        "07700 900123",  # no words at all: the patterns still run
    ],
)
def test_when_every_word_is_plain_then_ner_is_skipped(text):
    assert GATE.needs_ner(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "where is my Order",  # capitalised mid-sentence
        "Mark says where is my order",  # a name-like word capitalised, even first
        "my name is zargan",  # a word not in the list
        "where is my order, akureyri",
        "thanks. Reading is fine",
    ],
)
def test_when_a_word_could_be_a_name_or_place_then_ner_runs(text):
    assert GATE.needs_ner(text) is True


def test_when_the_word_list_is_missing_then_every_message_goes_through_ner(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="guardrails.pii.plain_words"):
        assert load_gate(tmp_path / "no-such-words") is None
    assert "every message goes through NER" in caplog.text
    assert load_gate(None) is None


def test_the_configured_word_list_is_installed_and_used():
    word_list = settings().model.plain_words
    assert word_list is not None and word_list.is_file(), "make install installs Debian's wamerican"
    engine = nlp_engine()
    assert engine.needs_ner("where is my order? thanks") is False
    assert engine.needs_ner("Hi, this is Zargan Vedzizhev") is True


@pytest.mark.parametrize(
    "text, entity_type, value",
    [
        ("my name is hope", "PERSON", "hope"),  # cue phrase
        ("i live in nice", "LOCATION", "nice"),  # place after "live in"
        ("send it to my mum in china", "LOCATION", "china"),
        ("my phone is 07700 900123", "PHONE_NUMBER", "07700 900123"),
    ],
)
def test_when_a_plain_word_message_skips_ner_then_its_personal_data_is_still_masked(text, entity_type, value):
    assert nlp_engine().needs_ner(text) is False
    found = [(text[s.start : s.end], s.entity_type) for s in analyze_text(text)]
    assert (value, entity_type) in found


@pytest.mark.parametrize("case", ["as written", "lower case"])
def test_skipping_ner_never_unmasks_personal_data_on_the_retail_lines(case):
    engine = nlp_engine()
    lines = [(text if case == "as written" else text.lower(), gold) for text, gold in RETAIL_LINES]
    with_shortcut = [spans(text) for text, _ in lines]
    with engine.every_message_through_ner():
        assert engine.needs_ner("where is my order?") is True
        through_ner = [spans(text) for text, _ in lines]
    assert engine.needs_ner("where is my order?") is False  # the shortcut is back
    assert sum(engine.needs_ner(text) is False for text, _ in lines) >= 20  # the shortcut is taken
    for (text, gold), kept, full in zip(lines, with_shortcut, through_ner):
        lost = set(full) - set(kept)
        # A span only NER found may go (spaCy reading "nova 5" as a place), never one on personal data.
        assert set(kept) <= set(full), text
        assert not [s for s in lost if any(s[0] < end and start < s[1] for start, end in gold)], text


def spans(text: str) -> list[tuple[int, int, str]]:
    return [(span.start, span.end, span.entity_type) for span in analyze_text(text)]


def test_without_the_word_list_an_unknown_lower_case_word_is_no_place(monkeypatch):
    # "i'm in vellmarby" is a place only because the list says "vellmarby" is no English word;
    # without the list "i'm in trouble" could not be told apart, so the rule is off
    from guardrails.pii import plain_words
    from guardrails.pii.recognizers.location import shaped_places

    text = "i'm in vellmarby, at the conference"
    assert shaped_places(text) == [(7, 16)]
    monkeypatch.setattr(plain_words, "dictionary_words", frozenset)
    assert shaped_places(text) == []


def test_without_the_word_list_lower_case_names_do_not_grow_over_unknown_words(monkeypatch):
    # "fanucci" joins "cettina" only because the list says it is no English word
    from guardrails.pii import plain_words
    from guardrails.pii.recognizers.person import grown_over_unknown_words, lower_case_names_by_verbs

    text = "correct it to cettina fanucci, says bergqvist"
    start = text.index("cettina")
    assert grown_over_unknown_words(text, start, start + len("cettina")) == (start, start + len("cettina fanucci"))
    both = [(text.index("bergqvist"), len(text)), (start, start + len("cettina fanucci"))]  # "says", "to"
    assert lower_case_names_by_verbs(text) == both
    monkeypatch.setattr(plain_words, "dictionary_words", frozenset)
    assert grown_over_unknown_words(text, start, start + len("cettina")) == (start, start + len("cettina"))
    assert lower_case_names_by_verbs(text) == []


@pytest.mark.parametrize(
    "word, unknown",
    [
        ("fanucci", True),
        ("vellmarby", True),
        ("personalised", False),  # the American list holds "personalized"
        ("colour", False),
        ("analyse", False),
        ("centre", False),
        ("organisation", False),
        ("trouble", False),
        ("mark", False),  # a common word that is also a name
    ],
)
def test_a_word_is_unknown_only_when_no_spelling_of_it_is_in_the_list(word, unknown):
    from guardrails.pii.plain_words import is_unknown_word

    assert is_unknown_word(word) is unknown
