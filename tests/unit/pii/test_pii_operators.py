"""Masking operators and their factory."""

from __future__ import annotations

import pytest

from guardrails.pii.operators import OPERATORS, Operator, Pseudonym, Replace, create_operator

KEY = b"k" * 32


@pytest.mark.parametrize(
    "operator, value, entity, expected",
    [
        (Replace(), "alice@example.com", "EMAIL_ADDRESS", "<EMAIL_ADDRESS>"),  # typed placeholder
        (Replace(), "Alice Example", "PERSON", "<PERSON>"),  # any entity type
        (Replace(new_value="***"), "4111 1111 1111 1111", "CREDIT_CARD", "***"),  # fixed replacement
    ],
)
def test_when_replace_operates_then_value_becomes_placeholder(operator, value, entity, expected):
    assert operator.operate(value, entity) == expected


@pytest.mark.parametrize(
    "first, second, same",
    [
        (("alice@example.com", KEY), ("alice@example.com", KEY), True),  # same key and value: stable
        (("alice@example.com", KEY), ("Alice@Example.com ", KEY), True),  # case and spacing ignored
        (("alice@example.com", KEY), ("bob@example.com", KEY), False),  # other value
        (("alice@example.com", KEY), ("alice@example.com", b"j" * 32), False),  # other key
    ],
)
def test_when_pseudonym_operates_then_output_depends_only_on_key_and_value(first, second, same):
    one = Pseudonym(key=first[1]).operate(first[0], "EMAIL_ADDRESS")
    two = Pseudonym(key=second[1]).operate(second[0], "EMAIL_ADDRESS")
    assert (one == two) is same


def test_when_pseudonym_has_a_label_then_it_is_the_prefix():
    value = Pseudonym(key=KEY, label="CUSTOMER_ID").operate("C001", "PERSON")
    assert value.startswith("<CUSTOMER_ID:") and len(value) == len("<CUSTOMER_ID:>") + 8
    assert "C001" not in value


@pytest.mark.parametrize(
    "name, settings, error",
    [
        ("pseudonym", {"key": b"short"}, "at least 16 bytes"),  # weak key
        ("pseudonym", {"key": KEY, "length": 2}, "length"),  # pseudonyms too short to be useful
        ("shuffle", {}, "unknown operator"),  # not registered
    ],
)
def test_when_operator_settings_are_bad_then_factory_raises(name, settings, error):
    with pytest.raises(ValueError, match=error):
        create_operator(name, **settings)


def test_when_factory_builds_registered_names_then_each_is_an_operator():
    assert set(OPERATORS) == {"replace", "pseudonym"}
    assert isinstance(create_operator("replace"), Operator)
    assert isinstance(create_operator("pseudonym", key=KEY), Pseudonym)
