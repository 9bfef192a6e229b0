"""Customers' data rights in chat: what we hold (access), a download link (export), erasure."""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions import service
from actions.common import CustomerAction, run_in_store, utter, verified_customer_id
from guardrails import config
from guardrails.rights.erasure import MARKER_SLOT

CONFIRM_ACTION = "action_confirm_erasure"


class ActionShowHeldData(CustomerAction):
    """List the categories of data held about the verified customer, and what each is for."""

    anonymous_response = "utter_sign_in_for_data_access"

    def name(self) -> str:
        return "action_show_held_data"

    def answer(self, session: Session, customer_id: str, tracker: Tracker, today: date) -> service.Reply:
        return service.held_data(session, customer_id)


class ActionCreateExportLink(CustomerAction):
    """Give the verified customer a one-time, expiring link to download their data export."""

    anonymous_response = "utter_sign_in_for_data_export"

    def name(self) -> str:
        return "action_create_export_link"

    def answer(self, session: Session, customer_id: str, tracker: Tracker, today: date) -> service.Reply:
        return service.export_link(session, customer_id, config.settings().public_url)


class ActionConfirmErasure(Action):
    """Ask a verified customer to confirm the erasure; nothing is deleted yet."""

    def name(self) -> str:
        return CONFIRM_ACTION

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        if verified_customer_id(tracker) is None:
            dispatcher.utter_message(response="utter_sign_in_for_data_deletion")
        else:
            dispatcher.utter_message(response="utter_confirm_erasure")
        return []


def confirmed_by(tracker: Tracker) -> str | None:
    """The customer who just said yes to our erasure question, asked of that same customer.

    The rules only run the erasure right after the question, but an erasure cannot be
    undone, so the action checks again: the last action before this message was the
    question, and the message that led to it came with the same verified customer.
    """
    customer_id = verified_customer_id(tracker)
    user_events = [event for event in tracker.events if event.get("event") == "user"]
    if customer_id is None or len(user_events) < 2:
        return None
    asked_by = (user_events[-2].get("metadata") or {}).get("customer_id")
    latest_user_index = max(i for i, event in enumerate(tracker.events) if event.get("event") == "user")
    previous_actions = [
        event.get("name") for event in tracker.events[:latest_user_index]
        if event.get("event") == "action" and event.get("name") != "action_listen"
    ]
    if asked_by != customer_id or not previous_actions or previous_actions[-1] != CONFIRM_ACTION:
        return None
    return customer_id


class ActionEraseData(Action):
    """After an explicit yes: erase the customer's data, then mark the conversation erased."""

    def name(self) -> str:
        return "action_erase_data"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        if verified_customer_id(tracker) is None:
            dispatcher.utter_message(response="utter_sign_in_for_data_deletion")
            return []
        customer_id = confirmed_by(tracker)
        if customer_id is None:
            dispatcher.utter_message(response="utter_erasure_not_confirmed")
            return []
        reply = run_in_store(self.name(), lambda session: service.erase(session, customer_id))
        if reply is None:
            utter(dispatcher, service.Reply("utter_service_unavailable"))
            return []
        utter(dispatcher, reply)
        return [SlotSet(MARKER_SLOT, True)]
