"""A number right beside a town is its postcode (guardrails/pii/postcode_town.py): the step on
its own, then through the whole engine."""

from __future__ import annotations

import pytest

from guardrails.pii import analyze_text
from guardrails.pii.postcode_town import raise_beside_towns
from guardrails.pii.settings import NeighbourSettings, load_settings
from guardrails.pii.spans import Span

SETTINGS = NeighbourSettings(entities=("ZIP_CODE",), next_to=("LOCATION",), min_score=0.2, score=0.5)
TOWN, POSTCODE = "Sampleby", "8912"


def _threshold(entity_type: str) -> float:
    return 0.5


def _postcode_score(text: str, town_score: float = 0.85, postcode_score: float = 0.2) -> float:
    """The postcode's score after the step, with the town and the postcode spanned in ``text``."""
    town = Span(text.index(TOWN), text.index(TOWN) + len(TOWN), "LOCATION", town_score)
    postcode = Span(text.index(POSTCODE), text.index(POSTCODE) + len(POSTCODE), "ZIP_CODE", postcode_score)
    raised = raise_beside_towns(text, [town, postcode], SETTINGS, _threshold)
    assert raised[0] == town  # the town is never changed
    return raised[1].score


@pytest.mark.parametrize(
    "text",
    [
        f"Deliver to {TOWN} {POSTCODE}",
        f"Deliver to {TOWN}, {POSTCODE}",
        f"{POSTCODE} {TOWN}",  # most of Europe writes the postcode first
        f"{TOWN},\n{POSTCODE}",  # on the next line
    ],
)
def test_when_a_number_stands_right_beside_a_town_then_it_is_raised(text):
    assert _postcode_score(text) == 0.5


@pytest.mark.parametrize(
    "text",
    [
        f"{TOWN} has {POSTCODE} people",  # a word between
        f"{TOWN}{POSTCODE}",  # glued on: no separate number
        f"{TOWN}\n\n{POSTCODE}",  # a blank line between
        f"{TOWN}; {POSTCODE}",  # another field
    ],
)
def test_when_words_or_fields_stand_between_then_the_number_keeps_its_score(text):
    assert _postcode_score(text) == 0.2


def test_when_the_town_is_below_its_threshold_then_nothing_is_raised():
    assert _postcode_score(f"{TOWN} {POSTCODE}", town_score=0.4) == 0.2


def test_when_the_candidate_scores_below_the_floor_then_it_stays():
    # years and three-digit numbers score 0.15 in the postcode recognizer
    assert _postcode_score(f"{TOWN} {POSTCODE}", postcode_score=0.15) == 0.15


def test_when_config_has_no_postcode_town_then_the_step_is_off(tmp_path):
    config = tmp_path / "pii.yml"
    config.write_text("model: {package: p, directory: d}\n", encoding="utf-8")
    assert load_settings(config).postcode_town.entities == ()


@pytest.mark.parametrize(
    "text, postcode",
    [
        ("Deliver to Manawaiti, 8912", "8912"),  # a town spaCy finds, though no gazetteer lists it
        ("Jane Example, Ózd H-8664", "H-8664"),  # a country letter before the digits
        ("699389 Bidar", "699389"),  # six digits
    ],
)
def test_when_a_postcode_is_typed_beside_its_town_then_it_is_masked(text, postcode):
    assert (postcode, "ZIP_CODE") in [(text[s.start : s.end], s.entity_type) for s in analyze_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "the Paris 2024 Olympics sold out",  # a year after a place
        "josef gave his address: 6138 via roma 131",  # a house number after a town
    ],
)
def test_when_a_number_beside_a_town_is_a_year_or_short_then_no_postcode_is_found(text):
    assert [s for s in analyze_text(text) if s.entity_type == "ZIP_CODE"] == []


def test_when_a_lower_case_town_is_followed_by_digits_and_a_word_then_the_word_is_no_postcode():
    text = "looking to support acme in arendal 4844 in its mission"  # "4844 in" is no Dutch postcode
    assert [text[s.start : s.end] for s in analyze_text(text) if s.entity_type == "ZIP_CODE"] == ["4844"]
