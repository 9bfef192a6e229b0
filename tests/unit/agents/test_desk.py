"""The agent desk's logic without HTTP: handoffs, authentication, what a role is shown."""

from datetime import datetime

import pytest
from sqlalchemy import text

from guardrails import audit
from guardrails.agents import desk, handoffs
from guardrails.conversation_log import pseudonym
from guardrails.tokens import Agent, mint_agent_token, mint_token
from tests.unit import rasa_tables

NOW = datetime(2026, 11, 2, 10, 0)


@pytest.fixture
def handoff(session):
    """Customer C001 chatted in conversation "conv-1" (masked as logged), then asked for a person."""
    rasa_tables.create(session)
    rasa_tables.log_event(session, "conv-1", NOW, "user", "my email is <EMAIL_ADDRESS>, where is my order?")
    rasa_tables.log_event(session, "conv-1", NOW, "bot", "Your order 10003 is on its way.")
    rasa_tables.log_event(session, "someone-else", NOW, "user", "not this conversation")
    created, _ = handoffs.request_handoff(session, "conv-1", "C001", now=NOW)
    return created


def test_when_a_handoff_is_requested_twice_then_there_is_one_open_handoff(session):
    first, created = handoffs.request_handoff(session, "conv-1", "C001")
    again, created_again = handoffs.request_handoff(session, "conv-1", "C001")
    assert (created, created_again) == (True, False)
    assert again.id == first.id
    assert [h.id for h in handoffs.open_handoffs(session)] == [first.id]


def test_when_a_handoff_is_stored_then_the_customer_is_ciphertext_and_the_conversation_a_pseudonym(session):
    handoffs.request_handoff(session, "conv-1", "C001")
    conversation, customer = session.execute(text("SELECT conversation, customer FROM agent_handoffs")).one()
    assert conversation == pseudonym("conv-1") != "conv-1"
    assert customer.startswith("v1:") and "C001" not in customer


def test_when_a_customer_is_forgotten_then_only_their_handoffs_go(session):
    handoffs.request_handoff(session, "conv-1", "C001")
    handoffs.request_handoff(session, "conv-2", "C002")
    assert handoffs.forget_customer(session, "C001") == 1
    assert [h.customer for h in handoffs.open_handoffs(session)] == ["C002"]


@pytest.mark.parametrize(
    "header, reason",
    [
        (None, "agent token is required"),
        ("", "agent token is required"),
        ("Basic abc", "agent token is required"),
        ("Bearer ", "agent token is required"),
        ("Bearer not-a-token", "invalid"),
        (f"Bearer {mint_token('C001')}", "invalid"),  # a customer's token opens nothing here
        (f"Bearer {mint_agent_token('dana', 'billing', ttl_seconds=60, now=1_000_000)}", "expired"),
        (f"Bearer {mint_agent_token('dana', 'marketing')}", "no configured role"),
    ],
)
def test_when_the_token_is_missing_or_bad_then_the_desk_refuses_as_unauthorised(header, reason):
    with pytest.raises(desk.Unauthorised, match=reason):
        desk.authenticate(header)


def test_when_the_token_is_good_then_the_desk_knows_the_agent():
    assert desk.authenticate(f"Bearer {mint_agent_token('dana', 'delivery')}") == Agent("dana", "delivery")


@pytest.mark.parametrize(
    "role, fields",
    [
        ("billing", ["invoices", "refunds"]),
        ("delivery", ["orders", "address"]),
        ("supervisor", ["orders", "refunds", "invoices", "address", "purchase_history", "preferences"]),
    ],
)
def test_when_an_agent_opens_a_handoff_then_they_see_the_masked_conversation_and_only_role_fields(
    session, handoff, role, fields
):
    shown = desk.show(session, Agent("dana", role), handoff.id)
    assert [line["text"] for line in shown["conversation"]] == [
        "my email is <EMAIL_ADDRESS>, where is my order?",
        "Your order 10003 is on its way.",
    ]
    assert list(shown["profile"]) == fields
    rows = [(r.actor, r.action, r.detail) for r in audit.rows_for(session, "C001")]
    assert rows == [(f"agent:{role}", "read", field) for field in fields] + [
        (f"agent:{role}", "viewed", "conversation")
    ]


def test_when_an_agent_sees_orders_then_no_address_comes_with_them(session, handoff):
    orders = desk.show(session, Agent("dana", "supervisor"), handoff.id, ["orders"])["profile"]["orders"]
    assert orders[0]["number"] == "10001" and orders[0]["items"]
    assert not any("shipping_address" in order or "Example Street" in str(order) for order in orders)


def test_when_an_agent_asks_for_a_field_outside_the_role_then_it_is_forbidden_and_audited(session, handoff):
    with pytest.raises(desk.Forbidden, match="'billing' may not read 'address'"):
        desk.show(session, Agent("dana", "billing"), handoff.id, ["invoices", "address"])
    rows = [(r.actor, r.action, r.detail) for r in audit.rows_for(session, "C001")]
    assert rows == [("agent:billing", "refused", "address")]


def test_when_the_visitor_was_anonymous_then_there_is_a_conversation_but_no_profile(session):
    rasa_tables.create(session)
    rasa_tables.log_event(session, "visitor", NOW, "user", "can I talk to a human")
    anonymous, _ = handoffs.request_handoff(session, "visitor", None)
    shown = desk.show(session, Agent("dana", "delivery"), anonymous.id)
    assert shown["profile"] is None and shown["handoff"]["signed_in"] is False
    assert [line["from"] for line in shown["conversation"]] == ["customer"]
    with pytest.raises(desk.Forbidden):
        desk.show(session, Agent("dana", "delivery"), anonymous.id, ["invoices"])


def test_when_the_conversation_log_does_not_exist_yet_then_the_conversation_is_empty(session):
    created, _ = handoffs.request_handoff(session, "conv-9", "C002")
    assert desk.show(session, Agent("dana", "billing"), created.id)["conversation"] == []


@pytest.mark.parametrize(
    "raw, expected", [(None, None), ("", []), ("address, orders,address", ["address", "orders"])]
)
def test_when_fields_are_asked_for_then_they_are_parsed_in_order_once(raw, expected):
    assert desk.parse_fields(raw) == expected


def test_when_an_unknown_field_is_asked_for_then_it_is_a_bad_request():
    with pytest.raises(desk.DeskError, match="unknown profile fields") as refused:
        desk.parse_fields("orders,password")
    assert refused.value.status == 400


def test_when_a_handoff_does_not_exist_then_it_is_not_found(session):
    with pytest.raises(desk.NotFound):
        desk.show(session, Agent("dana", "billing"), 999)


def test_when_an_agent_closes_a_handoff_then_it_leaves_the_open_list(session, handoff):
    closed = desk.close(session, Agent("dana", "billing"), handoff.id)
    assert closed["handoff"]["status"] == "closed"
    assert desk.list_open(session, Agent("dana", "billing"))["handoffs"] == []
