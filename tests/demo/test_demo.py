"""The Gradio demo for CX teams, driven through gradio_client against the running product."""

from __future__ import annotations

import json
import uuid

import pytest
import yaml
from gradio_client.exceptions import AppError

from guardrails.config import PROJECT_ROOT

EMAIL = "testy.mctestface@example.com"


def texts(history: list[dict]) -> list[str]:
    return [part.get("text", "") for message in history for part in message["content"]]


def titled(history: list[dict], title: str) -> list[str]:
    return [part["text"] for message in history if (message.get("metadata") or {}).get("title") == title
            for part in message["content"]]


def sender() -> str:
    return f"test-demo-{uuid.uuid4().hex[:10]}"


def test_when_demo_loads_then_both_pickers_list_anonymous_and_every_demo_customer(client):
    chat_as, stories_as, conversation, consent = client.predict(api_name="/customers")
    ids = [value for _label, value in chat_as["choices"]]
    assert ids[0] == "anonymous" and len(ids) == 11 and "C001" in ids
    assert chat_as["value"] == "anonymous" and stories_as["value"] == "C001"
    assert conversation.startswith("cx-demo-")
    assert "anonymous" in consent.lower()


def test_when_customer_chats_then_reply_and_trace_of_the_turn_come_back(client):
    conversation = sender()
    history, _box, first, _rows, _consent = client.predict(
        f"hello, my email is {EMAIL}", [], conversation, "C005", api_name="/send")
    assert "<EMAIL_ADDRESS>" in json.loads(first["masked_log_line"])["text"]
    assert EMAIL not in first["masked_log_line"]
    history, box, last, rows, consent = client.predict(
        "where is my order?", history, conversation, "C005", api_name="/send")
    assert box == ""  # the message box is cleared
    assert last["intent"] == "order_status" and 0 < last["confidence"] <= 1
    assert last["actions"] == ["action_check_order_status"]
    assert json.loads(last["masked_log_line"])["event"] == "user"
    assert last["bot_messages"][0]["text"] in texts(history)  # the reply is in the chat
    assert "where is my order?" in texts(history)
    # One table row per turn; the first turn's intent (a greeting with an email in it) is the
    # model's call, so only the second is pinned.
    assert [row[0] for row in rows["data"]] == [1, 2] and rows["data"][1][1] == "order_status"
    masked_boxes = titled(history, "What was masked")
    assert any("<EMAIL_ADDRESS>" in box for box in masked_boxes)
    assert all(EMAIL not in box for box in masked_boxes)
    assert "C005" in consent


def test_when_a_suggestion_is_made_then_the_chat_has_a_why_box_with_the_explanation(client):
    conversation = sender()
    history, *_ = client.predict("any gift ideas for a runner?", [], conversation, "C008", api_name="/send")
    history, _box, last, _rows, _consent = client.predict(history, conversation, "C008", api_name="/grant_consent")
    assert last["explanation"]["consent"]["purpose"] == "personalisation"
    why = titled(history, "Why this suggestion?")
    assert why and last["explanation"]["suggestion"] in why[-1]


def test_when_consent_is_toggled_then_the_shown_state_changes(client):
    conversation = sender()
    _chat, _sender, _last, _rows, before = client.predict("C006", api_name="/new_conversation")
    assert "not asked yet" in before
    history, _box, _last, _rows, granted = client.predict([], conversation, "C006", api_name="/grant_consent")
    assert "granted on" in granted
    _history, _box, last, _rows, withdrawn = client.predict(history, conversation, "C006",
                                                            api_name="/withdraw_consent")
    assert "withdrawn or declined on" in withdrawn
    assert last["actions"] == ["action_withdraw_consent"]


def test_when_anonymous_visitor_toggles_consent_then_a_clear_error(client):
    with pytest.raises(AppError, match="Pick a demo customer first"):
        client.predict([], sender(), "anonymous", api_name="/grant_consent")


def test_when_test_stories_run_then_each_story_is_reported_and_a_known_story_passes(client):
    summary, table = client.predict("C001", api_name="/run_stories")
    stories = yaml.safe_load((PROJECT_ROOT / "tests" / "test_stories.yml").read_text())["stories"]
    results = {row[0]: row[1] for row in table["data"]}
    assert list(results) == [story["story"] for story in stories]
    assert results["greeting, order status, thanks, goodbye"] == "pass"
    assert results["anonymous visitor wants to change the address"] == "pass"
    assert f"of {len(stories)} stories passed" in summary


def test_when_transparency_tab_loads_then_figures_or_a_clear_not_available_state(client):
    text, figures = client.predict(api_name="/report")
    assert text.startswith("**Transparency figures**")
    assert figures["audit_chain"]["intact"] is True
    assert isinstance(figures["conversations"], int) and "masked_entities" in figures
