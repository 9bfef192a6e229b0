"""Overlap resolution and replacement, without the NLP stack."""

from __future__ import annotations

import pytest

from guardrails.pii.spans import Span, apply_replacements, resolve_overlaps


@pytest.mark.parametrize(
    "spans, expected",
    [
        ([], []),  # nothing found
        (
            [Span(0, 4, "A", 0.9), Span(5, 9, "B", 0.9)],
            [Span(0, 4, "A", 0.9), Span(5, 9, "B", 0.9)],
        ),  # disjoint
        (
            [Span(0, 4, "A", 0.9), Span(4, 9, "B", 0.9)],
            [Span(0, 4, "A", 0.9), Span(4, 9, "B", 0.9)],
        ),  # touching
        ([Span(0, 10, "LONG", 0.5), Span(2, 5, "SHORT", 1.0)], [Span(0, 10, "LONG", 0.5)]),  # longer wins
        (
            [Span(0, 5, "LOW", 0.5), Span(0, 5, "HIGH", 0.9)],
            [Span(0, 5, "HIGH", 0.9)],
        ),  # same length: higher score
        ([Span(0, 6, "A", 0.9), Span(4, 12, "B", 0.6)], [Span(0, 12, "B", 0.6)]),  # partial overlap: union
        ([Span(0, 3, "A", 0.9), Span(2, 5, "B", 0.9), Span(4, 9, "C", 0.9)], [Span(0, 9, "C", 0.9)]),  # chain
        ([Span(3, 3, "EMPTY", 0.9)], []),  # empty spans are dropped
    ],
)
def test_when_spans_overlap_then_they_merge_into_one_dominant_span(spans, expected):
    assert resolve_overlaps(spans) == expected


@pytest.mark.parametrize("reverse", [False, True])
def test_when_two_types_tie_then_the_same_type_wins_in_any_order(reverse):
    name, place, street = Span(0, 9, "PERSON", 0.85), Span(0, 9, "LOCATION", 0.85), Span(0, 9, "STREET_ADDRESS", 0.85)
    order = (lambda spans: spans[::-1]) if reverse else list
    assert resolve_overlaps(order([name, place, street])) == [street]
    assert resolve_overlaps(order([name, place])) == [place]


def test_when_spans_are_replaced_then_text_between_them_is_kept():
    text = "mail a@example.com or call 555-0100"
    spans = [Span(5, 18, "EMAIL_ADDRESS", 1.0), Span(27, 35, "PHONE_NUMBER", 0.8)]
    assert apply_replacements(text, spans, ["<E>", "<P>"]) == "mail <E> or call <P>"


def test_when_span_is_serialised_then_it_has_the_json_contract_keys():
    assert Span(1, 4, "PERSON", 0.851234).to_dict() == {
        "start": 1,
        "end": 4,
        "entity_type": "PERSON",
        "score": 0.8512,
    }


@pytest.mark.parametrize("seed", range(20))
def test_duplicates_are_removed_as_presidio_removes_them(seed):
    # our O(n log n) version against presidio's O(n²) one, on random overlapping candidates
    import random

    from presidio_analyzer import EntityRecognizer, RecognizerResult

    from guardrails.pii.recognizers.base import without_contained_duplicates

    rng = random.Random(seed)
    results = []
    for _ in range(rng.randint(0, 60)):
        start = rng.randint(0, 40)
        end = start + rng.randint(1, 12)
        results.append(RecognizerResult(rng.choice(["PERSON", "LOCATION"]), start, end, rng.choice([0, 0.3, 0.5, 0.85])))
    results += results[: len(results) // 4]  # exact duplicates too
    expected = EntityRecognizer.remove_duplicates(list(results))
    assert without_contained_duplicates(list(results)) == expected
