"""The staff CX API's pure helpers: bearer check, turns from tracker events, consent JSON."""

import asyncio
import json
import os
from datetime import datetime
from types import SimpleNamespace

import pytest

from bot.cx_api import bearer_matches, build_turns, consent_payload, staff_only
from guardrails.consent.ledger import ConsentState

STAFF = "staff-token-" + "s" * 32


@pytest.mark.parametrize(
    "header, expected",
    [
        (f"Bearer {STAFF}", True),
        (f"Bearer {STAFF} ", True),  # trailing space from a hand-written header
        (None, False),  # no header
        ("", False),
        (STAFF, False),  # no scheme
        (f"Basic {STAFF}", False),  # wrong scheme
        (f"Bearer {STAFF}x", False),  # longer
        (f"Bearer {STAFF[:-1]}", False),  # shorter
        ("Bearer ", False),
    ],
)
def test_when_header_is_checked_then_only_the_exact_staff_token_passes(header, expected):
    assert bearer_matches(header, STAFF) is expected


def user(text, timestamp, intent="order_status", entities=()):
    return {"event": "user", "timestamp": timestamp, "text": text,
            "parse_data": {"intent": {"name": intent, "confidence": 0.91}, "entities": list(entities)}}


EVENTS = [
    {"event": "action", "name": "action_session_start", "timestamp": 1.0},
    {"event": "session_started", "timestamp": 1.0},
    {"event": "action", "name": "action_listen", "timestamp": 1.0},
    user("my email is testy@example.com, order 10002", 2.0,
         entities=[{"entity": "order_number", "value": "10002", "start": 36, "end": 41}]),
    {"event": "action", "name": "action_check_order_status", "timestamp": 2.1},
    {"event": "bot", "text": "Order 10002 is on its way.", "data": {"buttons": None, "custom": None}},
    {"event": "action", "name": "action_listen", "timestamp": 2.2},
    user("any ideas?", 3.0, intent="recommend_products"),
    {"event": "action", "name": "action_suggest_products", "timestamp": 3.1},
    {"event": "bot", "text": None, "data": {"custom": {"explanation": {"suggestion": "Gift card"}}}},
    {"event": "action", "name": "action_listen", "timestamp": 3.2},
]
LOG_ROWS = [
    json.dumps({"event": "action", "name": "action_session_start", "timestamp": 1.0}),
    json.dumps({"event": "user", "timestamp": 2.0, "text": "my email is <EMAIL_ADDRESS>, order 10002",
                "parse_data": {"entities": [{"entity": "order_number", "value": "<MASKED>", "start": 36,
                                             "end": 41, "confidence_entity": 0.9}]}}),
]


def test_when_events_are_grouped_then_each_user_message_is_one_turn_without_action_listen():
    turns = build_turns(EVENTS, LOG_ROWS)
    assert [turn["intent"] for turn in turns] == ["order_status", "recommend_products"]
    assert [turn["actions"] for turn in turns] == [["action_check_order_status"], ["action_suggest_products"]]
    assert turns[0]["confidence"] == 0.91
    assert turns[1]["bot_messages"][0]["custom"] == {"explanation": {"suggestion": "Gift card"}}


def test_when_a_log_row_matches_then_the_turn_shows_it_and_its_masked_entities():
    first, second = build_turns(EVENTS, LOG_ROWS)
    assert first["log_line"] == LOG_ROWS[1]  # exactly as stored
    assert first["masked_text"] == "my email is <EMAIL_ADDRESS>, order 10002"
    assert first["entities"] == [{"entity": "order_number", "value": "<MASKED>", "start": 36, "end": 41}]
    assert "testy@example.com" not in json.dumps(first)  # the clear text is not repeated


def test_when_no_log_row_matches_then_entities_keep_only_their_names():
    turns = build_turns(EVENTS, [])
    assert turns[0]["log_line"] is None and turns[0]["masked_text"] is None
    assert turns[0]["entities"] == [{"entity": "order_number"}]


def test_when_conversation_has_no_user_message_then_there_are_no_turns():
    assert build_turns(EVENTS[:3], []) == []


def test_when_consent_is_serialised_then_dates_are_utc_iso_and_every_flag_is_kept():
    state = ConsentState("personalisation", True, True, "2025-01", datetime(2026, 11, 29, 6, 43), False)
    payload = consent_payload("C001", {"personalisation": state})
    assert payload == {
        "customer_id": "C001",
        "purposes": {"personalisation": {
            "granted": True, "answered": True, "current_grant": True, "needs_asking": False,
            "notice_version": "2025-01", "decided_at": "2026-11-29T06:43:00Z",
        }},
    }


@staff_only
async def broken_route(request):
    raise RuntimeError("database said no about testy@example.com")


@pytest.mark.parametrize(
    "authorization, status, error",
    [
        (f"Bearer {os.environ['CANDOR_STAFF_TOKEN']}", 500, "internal error; see the Rasa server log"),
        ("Bearer wrong", 401, "a valid staff token is required (Authorization: Bearer ...)"),
    ],
)
def test_when_a_route_fails_then_json_without_details_and_auth_comes_first(authorization, status, error):
    request = SimpleNamespace(headers={"Authorization": authorization}, method="GET", path="/webhooks/cx/x")
    reply = asyncio.run(broken_route(request))
    assert (reply.status, json.loads(reply.body)) == (status, {"error": error})
