"""Data rights in chat, decided without Rasa: which reply, what is recorded, when to erase."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from sqlalchemy import select

from actions import personalisation, service
from actions.common import reply_from_store
from actions.rights import confirmed_by
from guardrails.rights import erasure
from guardrails.rights.requests import RightsRequest
from guardrails.store import db
from guardrails.store.models import today
from tests.unit.rights_helpers import CANARY, CANARY_ID, add_canary_customer


def test_when_access_is_asked_then_it_is_registered_as_a_fulfilled_request(session):
    service.held_data(session, "C001")
    request = session.scalars(select(RightsRequest)).one()
    assert (request.kind, request.channel) == ("access", "chat") and request.fulfilled_at is not None


def test_when_export_is_asked_then_the_reply_carries_a_one_time_link(session):
    reply = service.export_link(session, "C001", "http://localhost:5005")
    assert reply.response == "utter_export_link"
    link = reply.custom["export_link"]
    assert reply.values["link"] == link["url"] and link["url"].startswith("http://localhost:5005/webhooks/rights/export/")
    assert link["single_use"] is True and reply.values["minutes"] == "15"
    request = session.scalars(select(RightsRequest)).one()
    assert (request.kind, request.fulfilled_at) == ("export", None)  # fulfilled on download


ERASED_ANSWERS = [
    # every service answer for a verified customer whose data was erased: polite, no crash
    (lambda s: service.order_status(s, CANARY_ID, None), "utter_no_orders"),
    (lambda s: service.refund_status(s, CANARY_ID, None), "utter_no_refund"),
    (lambda s: service.last_invoice(s, CANARY_ID, None), "utter_no_invoice"),
    (lambda s: service.return_options(s, CANARY_ID, None, today()), "utter_no_orders"),
    (lambda s: service.change_address(s, CANARY_ID, "2 Example Street, Testville"), "utter_account_not_found"),
    (lambda s: service.held_data(s, CANARY_ID), "utter_no_account_data"),
    (lambda s: service.export_link(s, CANARY_ID, "http://localhost"), "utter_no_account_data"),
    (lambda s: personalisation.grant(s, CANARY_ID, "rest", "conv/2"), "utter_no_account_data"),
    (lambda s: personalisation.suggest(s, CANARY_ID, False).replies[0], "utter_popular_products"),
    (lambda s: service.erase(s, CANARY_ID), "utter_data_erased"),
]


@pytest.mark.parametrize("answer, response", ERASED_ANSWERS)
def test_when_the_customer_was_erased_then_every_answer_is_polite(store_url, answer, response):
    with db.session_factory(store_url).begin() as session:
        add_canary_customer(session, CANARY_ID, "19001", CANARY)
        erasure.erase_customer(session, CANARY_ID, channel="chat")
    reply = reply_from_store("test", lambda _: answer(db.session_factory(store_url)()))
    assert reply.response == response


def user(text: str, customer_id: str | None) -> dict:
    return {"event": "user", "text": text, "metadata": {"customer_id": customer_id} if customer_id else {}}


def action(name: str) -> dict:
    return {"event": "action", "name": name}


def tracker(*events: dict) -> Tracker:
    latest = next(event for event in reversed(events) if event["event"] == "user")
    return Tracker("conv", {}, latest, list(events), False, None, {}, None)


@pytest.mark.parametrize(
    "events, confirmed",
    [
        # asked, then yes, by the same customer: erase
        ([user("delete my data", "C001"), action("action_confirm_erasure"), action("action_listen"),
          user("/affirm", "C001")], "C001"),
        # yes from another signed-in customer in the same conversation: never erase
        ([user("delete my data", "C001"), action("action_confirm_erasure"), action("action_listen"),
          user("/affirm", "C002")], None),
        # something else happened in between: the yes is not an answer to the question
        ([user("delete my data", "C001"), action("action_confirm_erasure"), action("action_listen"),
          user("where is my order", "C001"), action("action_check_order_status"), action("action_listen"),
          user("/affirm", "C001")], None),
        # a yes out of the blue
        ([user("/affirm", "C001")], None),
        # anonymous
        ([user("delete my data", None), action("action_confirm_erasure"), action("action_listen"),
          user("/affirm", None)], None),
    ],
)
def test_when_a_yes_arrives_then_erasure_needs_our_question_right_before_it(events, confirmed):
    assert confirmed_by(tracker(*events)) == confirmed
