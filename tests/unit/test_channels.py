"""Webhook input checks and identity metadata, without a running server."""

import json

import pytest

from bot.channels import BadRequest, check_socket_message, check_webhook_body, clean_text, identity_metadata
from guardrails.tokens import mint_token


def body(**fields) -> bytes:
    return json.dumps(fields).encode()


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"not json", "must be JSON"),
        (b"", "must be JSON"),
        (b"\xff\xfe", "must be JSON"),  # not UTF-8
        (b"[1, 2]", "JSON object"),
        (body(message="hi"), "'sender'"),  # no sender
        (body(sender="", message="hi"), "'sender'"),
        (body(sender="s" * 129, message="hi"), "'sender'"),
        (body(sender="s1"), "'message' must be a string"),  # missing
        (body(sender="s1", message=42), "'message' must be a string"),
        (body(sender="s1", message=None), "'message' must be a string"),
        (body(sender="s1", message="   "), "must not be empty"),
        (body(sender="s1", message="\x00\x01"), "must not be empty"),  # only control characters
        (body(sender="s1", message="x" * 5001), "at most 5000"),
        (body(sender="s1", message="hi", metadata="token"), "'metadata'"),
        (b'{"sender": "s1", "message": "' + b"x" * 70_000 + b'"}', "larger than"),
    ],
)
def test_when_body_is_malformed_then_a_clear_reason_is_given(raw, reason):
    with pytest.raises(BadRequest, match=reason):
        check_webhook_body(raw)


@pytest.mark.parametrize(
    "message",
    [
        "hi",
        "x" * 5000,  # exactly the limit
        "wo ist meine Bestellung? 📦",  # emoji
        "طلبي",  # right-to-left script
        "e\u0301",  # combining accent
    ],
)
def test_when_body_is_well_formed_then_it_passes(message):
    assert check_webhook_body(body(sender="s1", message=message))["message"] == message


@pytest.mark.parametrize(
    "data, reason",
    [
        ("hello", "JSON object"),  # a bare string, not a payload
        (["hi"], "JSON object"),
        ({"message": "hi", "session_id": 42}, "'session_id'"),
        ({"message": "hi", "session_id": ""}, "'session_id'"),
        ({"message": "hi", "session_id": "s" * 129}, "'session_id'"),
        ({"session_id": "s1"}, "'message' must be a string"),
        ({"message": {"text": "hi"}}, "'message' must be a string"),
        ({"message": "\x00 "}, "must not be empty"),  # only a control character and a space
        ({"message": "x" * 5001}, "at most 5000"),
        ({"message": "hi", "metadata": '{"customer_token": "t"}'}, "'metadata'"),  # a JSON string is refused
    ],
)
def test_when_socket_message_is_malformed_then_a_clear_reason_is_given(data, reason):
    with pytest.raises(BadRequest, match=reason):
        check_socket_message(data)


def test_when_socket_message_is_well_formed_then_it_passes():
    data = {"message": "where is my order? 📦", "session_id": "abc", "metadata": {"customer_token": "t"}}
    assert check_socket_message(data) is data


def test_when_token_verifies_then_only_the_customer_id_goes_on():
    metadata = {"customer_token": mint_token("C003"), "customer_id": "C002", "role": "admin"}
    assert identity_metadata(metadata) == {"customer_id": "C003"}


@pytest.mark.parametrize(
    "metadata, expected",
    [
        (None, {}),  # anonymous
        ({}, {}),
        ({"customer_id": "C002"}, {}),  # a claimed id without a token counts for nothing
        ({"customer_token": "forged"}, {"identity": "invalid"}),
        ({"customer_token": mint_token("C001", ttl_seconds=1, now=1)}, {"identity": "expired"}),
        ("not a dict", {}),
    ],
)
def test_when_token_is_missing_or_bad_then_visitor_is_anonymous(metadata, expected):
    assert identity_metadata(metadata) == expected


def test_when_text_has_control_characters_then_they_are_dropped_but_lines_kept():
    assert clean_text("a\x00b\u200bc\nd\te") == "ab\u200bc\nd\te"
    assert clean_text("e\u0301") == "é"
