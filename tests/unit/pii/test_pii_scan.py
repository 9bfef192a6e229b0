"""scan_paths on small training-data files written to a temp folder."""

from __future__ import annotations

import textwrap

import pytest

from guardrails.pii.scan import scan_paths, training_text

NLU = """\
version: "3.1"
nlu:
- intent: order_status
  examples: |
    - where is my order [10007](order_number)
    - my email is [alice@example.com](email), order [10008]{{"entity": "order_number"}}
    - {line}
- regex: order_number
  examples: |
    - \\d{{5}}
    - 0161 496 0000
# a comment with 07912 345678 is markup
"""


@pytest.mark.parametrize(
    "line, entity",
    [
        ("my email is [jane.real@gmail.com](email)", "EMAIL_ADDRESS"),  # real-looking email inside annotation
        ("call me on 07912 345678", "PHONE_NUMBER"),  # mobile outside the drama range
        ("card 4000 0566 5566 5556 please", "CREDIT_CARD"),  # card that is not an allowlisted test card
        ("I'm Margaret Hollingsworth", "PERSON"),  # real-looking name
        ("send it to 14 Larch Road, Leeds LS6 2AB", "STREET_ADDRESS"),  # real-looking address
    ],
)
def test_when_training_data_holds_real_looking_data_then_it_is_reported(tmp_path, line, entity):
    path = tmp_path / "data" / "nlu.yml"
    path.parent.mkdir()
    path.write_text(NLU.format(line=line))
    findings = scan_paths([tmp_path / "data"])
    assert [(f.path, f.line, f.entity_type) for f in findings] == [(path, 7, entity)]
    assert f"<{entity}>" in findings[0].snippet


@pytest.mark.parametrize(
    "line",
    [
        "my email is [bob@example.org](email)",  # example.org email
        "call me on 07700 900123",  # UK drama range
        "or (555) 010-0199",  # US fictional range
        "card 4111 1111 1111 1111",  # Visa test card
        "I'm [Alice Example](name)",  # fictional name
        "refund to GB82 WEST 1234 5698 7654 32",  # documented example IBAN
        "send it to 12 Example Street, Leeds",  # fictional street
        "is it in stock on Monday?",  # no personal data
    ],
)
def test_when_training_data_uses_allowlisted_examples_then_it_is_clean(tmp_path, line):
    (tmp_path / "nlu.yml").write_text(NLU.format(line=line))
    assert scan_paths([tmp_path]) == []


def test_when_yaml_lines_are_read_then_keys_markup_and_regex_examples_are_dropped():
    text = textwrap.dedent(
        """\
        nlu:
        - intent: greet
          examples: |
            - hi [Ann](name)
        - regex: account
          examples: |
            - \\d{8}
        stories:
        - story: s
          steps:
          - slot_was_set:
            - email: "x@example.com"
          - {id: P001, name: Ridge tent}
        """
    ).splitlines()
    assert list(training_text(text)) == [
        (2, "greet"),  # value of a key
        (4, "hi Ann"),  # example with the entity annotation stripped
        (9, "s"),
        (12, "x@example.com"),  # quotes stripped
        (13, "P001, Ridge tent"),  # flow mapping: values only
    ]


def test_when_a_path_does_not_exist_then_scan_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        scan_paths([tmp_path / "missing"])


def test_when_recognizers_change_then_the_repo_training_data_still_scans_clean():
    # `make test` runs `candor scan-data data/` too; here a recognizer change that starts
    # masking training lines ("the mona lisa") fails in the unit run already.
    from pathlib import Path

    data = Path(__file__).resolve().parents[3] / "data"
    assert scan_paths([data]) == []
