"""The agent desk on the real Rasa server: a customer asks for a person, agents see by role.

The customer chats over REST and asks for a human; agents then call the desk's routes under
``/webhooks/agent_desk/`` with their own tokens, and the audit trail is read from the
database the stack writes.
"""

from __future__ import annotations

import pytest
import requests

from guardrails import audit
from guardrails.conversation_log import pseudonym
from guardrails.store import db
from guardrails.tokens import mint_agent_token, mint_token

FAKE_EMAIL = "testy.mctestface@example.com"
ROLE_FIELDS = {
    "billing": ["invoices", "refunds"],
    "delivery": ["orders", "address"],
    "supervisor": ["orders", "refunds", "invoices", "address", "purchase_history", "preferences"],
}


def desk_url(bot, path: str = "") -> str:
    return f"{bot.stack.rasa_url}/webhooks/agent_desk{path}"


def as_agent(role: str, name: str = "dana") -> dict[str, str]:
    return {"Authorization": f"Bearer {mint_agent_token(name, role)}"}


def audit_rows(bot, customer_id: str) -> list[tuple[str, str, str]]:
    with db.session_factory(bot.database_url).begin() as session:
        return [(row.actor, row.action, row.detail) for row in audit.rows_for(session, customer_id)]


def handoff_for(bot, sender: str) -> dict:
    listed = requests.get(desk_url(bot, "/handoffs"), headers=as_agent("supervisor"), timeout=30)
    assert listed.status_code == 200, listed.text
    mine = [h for h in listed.json()["handoffs"] if h["conversation"] == pseudonym(sender)]
    assert len(mine) == 1, listed.json()
    return mine[0]


@pytest.fixture(scope="module")
def handed_over(bot) -> dict:
    """C003 types a fake email, then asks for a person; returns the open handoff."""
    sender = "agent-desk-c003"
    bot.say(sender, f"hi, my email is {FAKE_EMAIL}, where is my order?", customer="C003")
    reply = bot.text(sender, "can I talk to a human please", customer="C003")
    assert "member of our team" in reply
    return handoff_for(bot, sender)


def test_when_a_customer_asks_twice_then_they_are_told_they_are_in_the_queue(bot, sender):
    assert "member of our team" in bot.text(sender, "i want to talk to a human", customer="C002")
    assert "already in the queue" in bot.text(sender, "i need a real human", customer="C002")
    assert handoff_for(bot, sender)["signed_in"] is True


@pytest.mark.parametrize("role", sorted(ROLE_FIELDS))
def test_when_an_agent_opens_the_handoff_then_they_see_exactly_their_roles_fields(bot, handed_over, role):
    before = len(audit_rows(bot, "C003"))
    shown = requests.get(desk_url(bot, f"/handoffs/{handed_over['id']}"), headers=as_agent(role), timeout=30)
    assert shown.status_code == 200, shown.text
    assert list(shown.json()["profile"]) == ROLE_FIELDS[role]
    new_rows = audit_rows(bot, "C003")[before:]
    assert new_rows == [(f"agent:{role}", "read", field) for field in ROLE_FIELDS[role]] + [
        (f"agent:{role}", "viewed", "conversation")
    ]


def test_when_an_agent_opens_the_handoff_then_the_conversation_is_masked(bot, handed_over):
    shown = requests.get(
        desk_url(bot, f"/handoffs/{handed_over['id']}"), headers=as_agent("delivery"), timeout=30
    )
    conversation = shown.json()["conversation"]
    said = [line["text"] for line in conversation if line["from"] == "customer"]
    assert said[0] == "hi, my email is <EMAIL_ADDRESS>, where is my order?"
    assert said[-1] == "can I talk to a human please"
    assert any(line["from"] == "bot" for line in conversation)
    assert FAKE_EMAIL not in shown.text and "testy" not in shown.text.lower()


@pytest.mark.parametrize(
    "role, fields, refused",
    [
        ("billing", "address", ["address"]),
        ("billing", "invoices,purchase_history", ["purchase_history"]),
        ("delivery", "invoices", ["invoices"]),
        ("supervisor", "birth_year", ["birth_year"]),
    ],
)
def test_when_an_agent_asks_for_a_field_outside_the_role_then_403_and_an_audit_row(
    bot, handed_over, role, fields, refused
):
    before = len(audit_rows(bot, "C003"))
    answer = requests.get(
        desk_url(bot, f"/handoffs/{handed_over['id']}"),
        params={"fields": fields},
        headers=as_agent(role),
        timeout=30,
    )
    assert answer.status_code == 403
    assert f"role '{role}' may not read" in answer.json()["error"]
    assert "profile" not in answer.json()
    assert audit_rows(bot, "C003")[before:] == [(f"agent:{role}", "refused", field) for field in refused]


@pytest.mark.parametrize(
    "headers, reason",
    [
        ({}, "agent token is required"),
        ({"Authorization": "Bearer not-a-token"}, "agent token invalid"),
        ({"Authorization": f"Bearer {mint_token('C003')}"}, "agent token invalid"),  # a customer's token
        (
            {"Authorization": f"Bearer {mint_agent_token('dana', 'billing', ttl_seconds=60, now=1_000_000)}"},
            "agent token expired",
        ),
        ({"Authorization": f"Bearer {mint_agent_token('dana', 'marketing')}"}, "no configured role"),
    ],
)
@pytest.mark.parametrize("path", ["/handoffs", "/handoffs/{id}", "/handoffs/{id}?fields=address"])
def test_when_the_agent_token_is_missing_or_bad_then_401_and_nothing_is_read(
    bot, handed_over, headers, reason, path
):
    before = len(audit_rows(bot, "C003"))
    answer = requests.get(desk_url(bot, path.format(id=handed_over["id"])), headers=headers, timeout=30)
    assert answer.status_code == 401
    assert reason in answer.json()["error"]
    assert len(audit_rows(bot, "C003")) == before


def test_when_an_anonymous_visitor_asks_for_a_person_then_the_agent_sees_no_profile(bot, sender):
    assert "member of our team" in bot.text(sender, "can I talk to a human please")
    handoff = handoff_for(bot, sender)
    shown = requests.get(
        desk_url(bot, f"/handoffs/{handoff['id']}"), headers=as_agent("supervisor"), timeout=30
    )
    assert shown.status_code == 200 and shown.json()["profile"] is None


@pytest.mark.parametrize(
    "method, path, status",
    [
        ("get", "/handoffs/999999", 404),
        ("get", "/handoffs/{id}?fields=orders,password", 400),
        ("post", "/handoffs/999999/close", 404),
    ],
)
def test_when_the_request_is_wrong_then_the_desk_answers_with_a_json_error(
    bot, handed_over, method, path, status
):
    answer = requests.request(
        method, desk_url(bot, path.format(id=handed_over["id"])), headers=as_agent("supervisor"), timeout=30
    )
    assert answer.status_code == status
    assert answer.json()["error"]


def test_when_an_agent_closes_a_handoff_then_it_leaves_the_open_list(bot, sender):
    bot.text(sender, "human please", customer="C004")
    handoff = handoff_for(bot, sender)
    closed = requests.post(
        desk_url(bot, f"/handoffs/{handoff['id']}/close"), headers=as_agent("delivery"), timeout=30
    )
    assert closed.status_code == 200 and closed.json()["handoff"]["status"] == "closed"
    listed = requests.get(desk_url(bot, "/handoffs"), headers=as_agent("delivery"), timeout=30).json()
    assert handoff["id"] not in [h["id"] for h in listed["handoffs"]]


def test_when_the_desk_page_is_opened_then_it_is_served_without_a_token(bot):
    page = requests.get(desk_url(bot, "/"), timeout=30)
    assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]
    assert "Candor agent desk" in page.text
