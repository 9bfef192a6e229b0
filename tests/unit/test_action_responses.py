"""The action reply check: Rasa's schema, built once, the same verdicts as Rasa's own check."""

from __future__ import annotations

import pytest
from jsonschema.exceptions import ValidationError
from rasa.core.actions.action import RemoteAction

from bot import action_responses

GOOD_REPLY = {
    "events": [{"event": "slot", "name": "order_id", "value": "ORD-10042", "timestamp": None}],
    "responses": [{"response": "utter_order_status", "status": "shipped"}],
}
BAD_REPLIES = [
    {"events": "not a list"},
    {"events": [{"event": "slot", "name": 3}]},
    {"responses": {"not": "a list"}},
]


@pytest.fixture
def action() -> RemoteAction:
    return RemoteAction("action_check_order_status", None)


def test_when_a_reply_fits_the_schema_then_both_checks_pass_it(action):
    assert RemoteAction._validate_action_result(action, GOOD_REPLY)
    assert action_responses.validate_action_result(action, GOOD_REPLY)


@pytest.mark.parametrize("reply", BAD_REPLIES)
def test_when_a_reply_breaks_the_schema_then_both_checks_reject_it(action, reply):
    with pytest.raises(ValidationError):
        RemoteAction._validate_action_result(action, reply)
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action_responses.validate_action_result(action, reply)


def test_when_installed_then_rasa_uses_the_prebuilt_validator(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    action_responses.install()
    assert RemoteAction._validate_action_result is action_responses.validate_action_result
    assert action_responses.reply_validator() is action_responses.reply_validator()
