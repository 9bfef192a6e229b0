"""The staff-only CX API (bot/cx_api.py) on the real Rasa server, over HTTP."""

from __future__ import annotations

import json
import os

import pytest
import requests

STAFF = {"Authorization": f"Bearer {os.environ['CANDOR_STAFF_TOKEN']}"}
CUSTOMER = "C007"  # no other integration test uses this one, so its consent is ours to change
EMAIL = "testy.mctestface@example.com"


def cx(bot, method: str, path: str, headers: dict | None = STAFF, **kwargs) -> requests.Response:
    return requests.request(method, f"{bot.stack.rasa_url}/webhooks/cx{path}", headers=headers, timeout=30, **kwargs)


ROUTES = [
    ("GET", "/customers"), ("POST", "/token"), ("GET", "/trace/anyone"), ("GET", "/consent/C001"), ("GET", "/report"),
]


@pytest.mark.parametrize("method, path", ROUTES)
@pytest.mark.parametrize(
    "headers",
    [
        None,  # no Authorization header
        {"Authorization": "Bearer not-the-staff-token"},
        {"Authorization": STAFF["Authorization"].replace("Bearer", "Basic")},
    ],
)
def test_when_staff_token_is_missing_or_wrong_then_401_json(bot, method, path, headers):
    reply = cx(bot, method, path, headers=headers, json={"customer_id": "C001"})
    assert reply.status_code == 401
    assert "staff token" in reply.json()["error"]


def test_when_staff_lists_customers_then_ids_and_names_only(bot):
    customers = cx(bot, "GET", "/customers").json()["customers"]
    assert len(customers) == 10
    assert {"id": "C001", "name": "Alice Example"} in customers
    assert all(set(each) == {"id", "name"} for each in customers)


def test_when_staff_mints_a_token_then_it_signs_the_customer_in(bot, sender):
    minted = cx(bot, "POST", "/token", json={"customer_id": "C003"}).json()
    assert minted["customer_id"] == "C003"
    text = bot.text(sender, "where is my order?", token=minted["token"])
    assert "sign in" not in text.lower()
    anonymous = bot.text(f"{sender}-anon", "where is my order?")
    assert "sign in" in anonymous.lower()


@pytest.mark.parametrize(
    "body, status, reason",
    [
        ({"customer_id": "C999"}, 404, "no such demo customer"),
        ({"customer_id": ""}, 400, "'customer_id'"),
        ({"customer": "C001"}, 400, "'customer_id'"),
        (["C001"], 400, "'customer_id'"),
    ],
)
def test_when_token_request_is_bad_then_a_json_reason(bot, body, status, reason):
    reply = cx(bot, "POST", "/token", json=body)
    assert reply.status_code == status
    assert reason in reply.json()["error"]


def test_when_token_body_is_not_json_then_400(bot):
    reply = cx(bot, "POST", "/token", data=b"{not json")
    assert (reply.status_code, reply.json()) == (400, {"error": "request body must be JSON"})


def test_when_a_conversation_is_traced_then_each_turn_has_intent_actions_and_the_masked_log_line(bot, sender):
    bot.say(sender, f"hi, my email is {EMAIL}", customer="C001")
    bot.say(sender, "where is my order?", customer="C001")
    reply = cx(bot, "GET", f"/trace/{sender}")
    assert reply.status_code == 200
    turns = reply.json()["turns"]
    assert len(turns) == 2
    second = turns[1]
    assert second["intent"] == "order_status" and 0 < second["confidence"] <= 1
    assert second["actions"] == ["action_check_order_status"]
    assert second["bot_messages"] and second["bot_messages"][0]["text"]
    first = turns[0]
    assert "<EMAIL_ADDRESS>" in first["masked_text"]
    stored = json.loads(first["log_line"])
    assert stored["event"] == "user" and stored["sender_id"] != sender  # pseudonymised, as stored
    assert EMAIL not in reply.text  # the staff API does not repeat what the log masks


def test_when_a_suggestion_is_made_then_the_trace_carries_its_explanation(bot, sender):
    bot.say(sender, "any gift ideas for a runner?", customer="C004")
    bot.say(sender, "/give_consent", customer="C004")
    turns = cx(bot, "GET", f"/trace/{sender}").json()["turns"]
    customs = [message["custom"] for message in turns[-1]["bot_messages"] if message["custom"]]
    explanation = customs[0]["explanation"]
    assert explanation["data_used"] and explanation["consent"]["purpose"] == "personalisation"


def test_when_sender_is_unknown_then_404_json(bot):
    reply = cx(bot, "GET", "/trace/nobody-has-talked-as-this")
    assert (reply.status_code, reply.json()) == (404, {"error": "no conversation with that sender id"})


def test_when_consent_is_given_and_withdrawn_then_the_api_shows_each_state(bot, sender):
    def state() -> dict:
        reply = cx(bot, "GET", f"/consent/{CUSTOMER}")
        assert reply.status_code == 200
        return reply.json()["purposes"]["personalisation"]

    bot.say(sender, "/give_consent", customer=CUSTOMER)
    granted = state()
    assert granted["granted"] and granted["current_grant"] and granted["decided_at"].endswith("Z")
    bot.say(sender, "/withdraw_consent", customer=CUSTOMER)
    withdrawn = state()
    assert withdrawn["answered"] and not withdrawn["granted"] and not withdrawn["current_grant"]


def test_when_consent_customer_is_unknown_then_404_json(bot):
    reply = cx(bot, "GET", "/consent/C999")
    assert (reply.status_code, reply.json()) == (404, {"error": "no such demo customer"})


def test_when_staff_asks_for_the_report_then_figures_come_from_the_tables(bot, sender):
    bot.say(sender, f"my email is {EMAIL}", customer=CUSTOMER)
    figures = cx(bot, "GET", "/report", params={"since": "1d"}).json()
    assert figures["conversations"] >= 1
    assert figures["masked_entities"].get("EMAIL_ADDRESS", 0) >= 1
    assert figures["audit_chain"]["intact"] is True
    assert EMAIL not in json.dumps(figures)


def test_when_the_report_period_is_malformed_then_400_json(bot):
    reply = cx(bot, "GET", "/report", params={"since": "forever"})
    assert reply.status_code == 400 and "period" in reply.json()["error"]
