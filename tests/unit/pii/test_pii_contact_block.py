"""A bare number in a block of contact details is a phone number (guardrails/pii/contact_block.py).

The rule's own tests build spans by hand; the last ones run the real engine. Numbers are
from fictional ranges (555); names and emails are plainly made up."""

from __future__ import annotations

import pytest

from guardrails.pii import analyze_text
from guardrails.pii.contact_block import raise_in_contact_blocks
from guardrails.pii.settings import NeighbourSettings, load_settings
from guardrails.pii.spans import Span

SETTINGS = NeighbourSettings(
    entities=("PHONE_NUMBER",), next_to=("PERSON", "EMAIL_ADDRESS", "STREET_ADDRESS"), min_score=0.2, score=0.5
)
NAME, NUMBER = "Jane Example", "55501420"


def _threshold(entity_type: str) -> float:
    return 0.5


def _phone_score(text: str, name_score: float = 0.85, number_score: float = 0.3) -> float:
    """The number's score after the rule, with the name and the number spanned in ``text``."""
    name = Span(text.index(NAME), text.index(NAME) + len(NAME), "PERSON", name_score)
    number = Span(text.index(NUMBER), text.index(NUMBER) + len(NUMBER), "PHONE_NUMBER", number_score)
    raised = raise_in_contact_blocks(text, [name, number], SETTINGS, _threshold)
    assert raised[0] == name  # neighbours are never changed
    return raised[1].score


@pytest.mark.parametrize(
    "text",
    [
        f"{NAME}\n{NUMBER}",
        f"{NAME}, {NUMBER}",
        f"{NAME}, {NUMBER}, more text after the comma",
        f"{NAME} ({NUMBER})",
        f"{NAME} | {NUMBER} | 12 Example Street",
        f"{NAME} - {NUMBER}",
        f"{NAME}: {NUMBER}.",
        f"{NUMBER}\n{NAME}",  # the number first, the name on the next line
        f"Details:\n{NUMBER}, {NAME}",
        f"{NAME}\t{NUMBER}",  # pasted from a spreadsheet
        f"Hi, I'm {NAME}. {NUMBER}",  # a sentence of its own
        f"{NAME} {NUMBER}",  # a line holding just the two
        f"Thanks\n{NAME} {NUMBER}\n",
    ],
)
def test_when_a_number_stands_alone_next_to_a_name_then_it_is_raised(text):
    assert _phone_score(text) == 0.5


@pytest.mark.parametrize(
    "text",
    [
        f"{NAME} said {NUMBER} works for her",  # words between: no block
        f"{NAME}, {NUMBER} is my order",  # the number shares its field with words
        f"Order for {NAME} {NUMBER}",  # a space is no field break, and the line holds more
        f"Call {NUMBER}\n{NAME}",  # words before it on its line
        f"{NAME}, see {NUMBER}",
    ],
)
def test_when_a_number_shares_its_field_with_words_then_it_keeps_its_score(text):
    assert _phone_score(text) == 0.3


def test_when_the_neighbour_is_below_its_threshold_then_nothing_is_raised():
    assert _phone_score(f"{NAME}, {NUMBER}", name_score=0.4) == 0.3


def test_when_negative_context_took_the_score_below_min_score_then_it_stays():
    # "Jane Example, order 55501420" loses its 0.3 to the word "order" before this step
    assert _phone_score(f"{NAME}, {NUMBER}", number_score=0.1) == 0.1


def test_when_a_candidate_already_passes_then_its_score_is_kept():
    assert _phone_score(f"{NAME}, {NUMBER}", number_score=0.9) == 0.9


def test_when_the_step_is_off_or_the_type_not_listed_then_nothing_changes():
    text = f"{NAME}, {NUMBER}"
    spans = [Span(0, len(NAME), "PERSON", 0.85), Span(text.index(NUMBER), len(text), "ZIP_CODE", 0.3)]
    assert raise_in_contact_blocks(text, spans, SETTINGS, _threshold) == spans
    assert raise_in_contact_blocks(text, spans, NeighbourSettings(), _threshold) == spans


def test_when_config_has_no_contact_block_then_the_step_is_off(tmp_path):
    config = tmp_path / "pii.yml"
    config.write_text("model: {package: p, directory: d}\n", encoding="utf-8")
    assert load_settings(config).contact_block.entities == ()


def _phone_values(text: str) -> list[str]:
    return [text[s.start : s.end] for s in analyze_text(text) if s.entity_type == "PHONE_NUMBER"]


@pytest.mark.parametrize(
    "text",
    [
        f"{NAME}\n12 Example Street\nSpringfield, IL 62704\n{NUMBER}\nUSA",  # under an address
        f"{NAME}, {NUMBER}, jane@example.com",
        f"{NAME}\njane.example@example.com\n{NUMBER}",
        f"{NAME} ({NUMBER})",
    ],
)
def test_when_details_are_pasted_without_labels_then_the_number_is_masked_as_a_phone(text):
    assert _phone_values(text) == [NUMBER]


@pytest.mark.parametrize(
    "text",
    [
        f"{NAME}, order {NUMBER}",
        f"Jamie said {NUMBER} works for her",
        f"I'm {NAME} and {NUMBER} is my order",
    ],
)
def test_when_the_number_is_no_contact_detail_then_it_is_not_a_phone(text):
    assert _phone_values(text) == []


def test_when_a_number_follows_a_postcode_line_then_the_address_stops_at_the_postcode():
    text = f"12 Example Street\nSpringfield, IL 62704\n{NUMBER}"
    streets = [text[s.start : s.end] for s in analyze_text(text) if s.entity_type == "STREET_ADDRESS"]
    assert streets == ["12 Example Street\nSpringfield, IL 62704"]


def test_when_spacy_keeps_a_colon_in_a_name_then_the_span_ends_before_it():
    # spaCy reads "Eli Example-Sample:" (colon included) as an ORG; the name ends at the colon,
    # and the number after it is a field of its own
    text = f"Eli Example-Sample: {NUMBER}"
    spans = [(text[s.start : s.end], s.entity_type) for s in analyze_text(text)]
    assert spans == [("Eli Example-Sample", "PERSON"), (NUMBER, "PHONE_NUMBER")]


def test_when_the_contact_block_setting_is_misspelt_then_a_config_error_names_the_file(tmp_path):
    from guardrails.pii.settings import PiiConfigError

    config = tmp_path / "pii.yml"
    config.write_text("model: {package: p, directory: d}\ncontact_block: {entitys: [PHONE_NUMBER]}\n", encoding="utf-8")
    with pytest.raises(PiiConfigError, match="pii.yml"):
        load_settings(config)
