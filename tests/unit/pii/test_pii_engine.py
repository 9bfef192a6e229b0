"""The engine as callers use it: masking, offsets, configuration, laziness, no network."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from guardrails.pii import analyze_text, mask_text
from guardrails.pii.operators import Pseudonym, Replace
from guardrails.pii.settings import PiiConfigError, load_settings, settings

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my email is alice@example.com", "my email is <EMAIL_ADDRESS>"),  # one entity
        (
            "Hi, I'm Alice Example, call +44 7700 900123",
            "Hi, I'm <PERSON>, call <PHONE_NUMBER>",
        ),  # two entities
        ("Where is my order 10007? Due Monday.", "Where is my order 10007? Due Monday."),  # nothing to mask
        ("", ""),  # empty line
        ("07700 900123", "<PHONE_NUMBER>"),  # no letters: NER skipped, patterns still run
    ],
)
def test_when_text_is_masked_then_personal_data_becomes_typed_placeholders(text, expected):
    assert mask_text(text).text == expected


def test_when_text_is_masked_then_span_offsets_point_into_the_input():
    text = "I'm Alice Example, alice@example.com"
    result = mask_text(text)
    assert [text[s.start : s.end] for s in result.spans] == ["Alice Example", "alice@example.com"]
    assert [s.entity_type for s in result.spans] == ["PERSON", "EMAIL_ADDRESS"]
    assert all(0 < s.score <= 1 for s in result.spans)


def test_when_operators_are_given_per_type_then_each_type_uses_its_operator():
    pseudonym = Pseudonym(key=b"k" * 32)
    masked = mask_text(
        "alice@example.com, 07700 900123", operator=Replace("[x]"), operators={"EMAIL_ADDRESS": pseudonym}
    )
    assert re.fullmatch(r"<EMAIL_ADDRESS:[0-9a-f]{8}>, \[x\]", masked.text)


def test_when_entities_are_restricted_then_other_types_are_left():
    assert (
        mask_text("alice@example.com 07700 900123", entities=["PHONE_NUMBER"]).text
        == "alice@example.com <PHONE_NUMBER>"
    )


def test_when_value_is_on_the_allow_list_then_it_is_not_masked(monkeypatch):
    from guardrails.pii import engine

    text = "Ask Sophie Lang about it"
    assert [s.entity_type for s in analyze_text(text)] == ["PERSON"]
    monkeypatch.setattr(engine, "_allow_list", lambda: frozenset({"sophie lang"}))
    assert analyze_text(text) == []


def test_when_the_analyzer_is_built_then_spacy_keeps_only_ner():
    from guardrails.pii.engine import nlp_engine

    assert nlp_engine().nlp["en"].pipe_names == ["ner"]


def test_when_email_is_validated_then_no_network_is_used(monkeypatch):
    from guardrails.pii.offline import make_tldextract_offline, offline_tld_extractor

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    offline_tld_extractor.cache_clear()
    make_tldextract_offline()
    import tldextract

    assert tldextract.extract("shop.example.co.uk").suffix == "co.uk"
    assert mask_text("write to bob@example.co.uk").text == "write to <EMAIL_ADDRESS>"


def test_when_package_is_imported_then_nothing_heavy_is_loaded():
    code = "import sys, guardrails.pii; print(any(m in sys.modules for m in ('spacy', 'presidio_analyzer')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_when_recognizers_are_named_then_no_name_clashes_with_presidio():
    import presidio_analyzer.predefined_recognizers as predefined

    from guardrails.pii.recognizers import RECOGNIZERS

    assert not {cls.__name__ for cls in RECOGNIZERS.values()} & set(dir(predefined))


def test_when_config_is_loaded_then_every_recognizer_exists_and_has_a_threshold():
    from guardrails.pii.recognizers import RECOGNIZERS

    config = settings()
    assert {r.name for r in config.recognizers} == set(RECOGNIZERS)
    assert {cls.ENTITY for cls in RECOGNIZERS.values()} <= set(config.thresholds)


@pytest.mark.parametrize(
    "content, error",
    [
        ("model: [not, a, mapping]\n", "bad PII config"),  # wrong shape
        ("recognizers: {}\n", "bad PII config"),  # model section missing
        (
            "model: {package: x, directory: y}\ncontext: {boost: 1, nonsense: 2}\n",
            "bad PII config",
        ),  # unknown key
        (": : :\n", "cannot read"),  # not YAML
    ],
)
def test_when_config_is_broken_then_a_config_error_names_the_file(tmp_path, content, error):
    path = tmp_path / "pii.yml"
    path.write_text(content)
    with pytest.raises(PiiConfigError, match=error):
        load_settings(path)


def test_when_config_enables_an_unknown_recognizer_then_building_fails(tmp_path):
    from guardrails.pii.engine import build_recognizers

    text = (ROOT / "guardrails/pii/config.yml").read_text().replace("  password: {}", "  telepathy: {}")
    path = tmp_path / "pii.yml"
    path.write_text(text)
    with pytest.raises(PiiConfigError, match="unknown recognizer 'telepathy'"):
        build_recognizers(load_settings(path))


@pytest.mark.parametrize(
    "text, expected_types",
    [
        ("call 49600001", ["PHONE_NUMBER"]),  # phone context raises a bare 8-digit run
        ("It's 49600001", []),  # which alone stays below the threshold
        ("tracking 0161496000", []),  # negative context lowers a 10-digit run below it
        ("about my order, 5550142", []),  # the last word of the clause before still counts
        # a label's colon is no word between: "phone" is as near as "order", and wins
        ("Phone: 467 3395 order 10042", ["PHONE_NUMBER"]),
        # a bar, a tab or a spaced dash parts two fields: "order" is in the other one
        ("467 3395 | order 10042", ["PHONE_NUMBER"]),
        ("467 3395\torder 10042", ["PHONE_NUMBER"]),
        ("467 3395 - order 10042", ["PHONE_NUMBER"]),
        ("467 3395 order 10042", []),  # in one field, the nearer "order" decides
    ],
)
def test_when_context_words_surround_a_candidate_then_score_moves(text, expected_types):
    assert [s.entity_type for s in analyze_text(text)] == expected_types


def test_when_readme_snippet_runs_then_it_behaves_as_documented():
    source = (ROOT / "guardrails/pii/README.md").read_text()
    snippet = re.search(r"```python\n(.*?)```", source, re.S).group(1)
    exec(compile(snippet, "README.md", "exec"), {})


def test_a_long_text_is_covered_by_overlapping_windows():
    from guardrails.pii.engine import OVERLAP, WINDOW, windows

    text = "where is my order please " * 600  # 15,000 characters
    found = windows(text)
    assert found[0][0] == 0 and found[-1][1] == len(text)
    assert all(end - start <= WINDOW for start, end in found)
    assert all(nxt[0] == end - OVERLAP for (_, end), nxt in zip(found, found[1:]))
    assert all(text[end] == " " for _, end in found[:-1])  # no word is cut
    assert windows("x" * 500) == [(0, 500)]  # a chat message is one window


@pytest.mark.parametrize("shift", range(0, 2_400, 97))
def test_when_personal_data_crosses_a_window_edge_then_it_is_masked_whole(shift):
    details = "Please call Jane Example on 0161 496 0017 or mail jane@example.com, 12 Example Street"
    text = "where is my order please " * 80 + " " * shift + details + " thanks" * 300
    spans = analyze_text(text)
    start = text.index(details)
    for value in ("Jane Example", "0161 496 0017", "jane@example.com", "12 Example Street"):
        at = start + details.index(value)
        assert any(s.start <= at and s.end >= at + len(value) for s in spans), (value, shift)
    assert all(s.start >= start and s.end <= start + len(details) for s in spans)  # nothing else
