"""Consent in chat: grant, withdraw (in any state of the conversation), and privacy info."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import personalisation
from actions.common import reply_from_store, run_in_store, utter, verified_customer_id
from actions.service import Reply
from actions.suggestions import suggestion_events
from guardrails.conversation_log import pseudonym


def conversation_event(tracker: Tracker) -> tuple[str, str]:
    """(channel, source event) for the ledger: where and in which message the choice was made."""
    message_id = tracker.latest_message.get("message_id") or "unknown"
    return tracker.get_latest_input_channel() or "unknown", f"{pseudonym(tracker.sender_id)}/{message_id}"


def record_grant(dispatcher: CollectingDispatcher, tracker: Tracker, action_name: str) -> list[dict[str, Any]]:
    """Record the grant; if it answered our question, go on with the suggestions it allows."""
    customer_id = verified_customer_id(tracker)
    if customer_id is None:
        dispatcher.utter_message(response="utter_consent_sign_in_first")
        return [SlotSet("consent_requested", False)]
    channel, source = conversation_event(tracker)
    utter(dispatcher, reply_from_store(action_name, lambda s: personalisation.grant(s, customer_id, channel, source)))
    events = [SlotSet("personalisation_declined", False), SlotSet("consent_requested", False)]
    if tracker.get_slot("consent_requested"):
        outcome = run_in_store(action_name, lambda s: personalisation.suggest(s, customer_id, False))
        if outcome is not None:
            events += suggestion_events(dispatcher, outcome)
    return events


class ActionRecordConsent(Action):
    """The customer agreed to personalisation (button or words)."""

    def name(self) -> str:
        return "action_record_consent"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        return record_grant(dispatcher, tracker, self.name())


class ActionWithdrawConsent(Action):
    """Withdraw personalisation consent; it holds from the very next reply."""

    def name(self) -> str:
        return "action_withdraw_consent"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        customer_id = verified_customer_id(tracker)
        if customer_id is None:
            dispatcher.utter_message(response="utter_consent_nothing_to_withdraw")
        else:
            channel, source = conversation_event(tracker)
            utter(dispatcher, reply_from_store(
                self.name(), lambda s: personalisation.withdraw(s, customer_id, channel, source)))
        return [SlotSet("personalisation_declined", True), SlotSet("consent_requested", False)]


class ActionHandleAffirm(Action):
    """A "yes": consent if we just asked for it, otherwise ask what else we can do."""

    def name(self) -> str:
        return "action_handle_affirm"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        if tracker.get_slot("consent_requested"):
            return record_grant(dispatcher, tracker, self.name())
        dispatcher.utter_message(response="utter_anything_else")
        return []


class ActionHandleDeny(Action):
    """A "no": if it declines personalisation, respect it for the whole conversation."""

    def name(self) -> str:
        return "action_handle_deny"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        if not tracker.get_slot("consent_requested"):
            dispatcher.utter_message(response="utter_anything_else")
            return []
        outcome = run_in_store(self.name(), lambda s: personalisation.popular(s, after_no=True))
        events = [SlotSet("personalisation_declined", True)]
        if outcome is None:
            utter(dispatcher, Reply("utter_service_unavailable"))
            return events + [SlotSet("consent_requested", False)]
        return events + suggestion_events(dispatcher, outcome)


class ActionExplainPrivacy(Action):
    """What we use data for, and this customer's current consent choices."""

    def name(self) -> str:
        return "action_explain_privacy"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        customer_id = verified_customer_id(tracker)
        replies = run_in_store(self.name(), lambda s: personalisation.privacy_overview(s, customer_id))
        for reply in replies or [Reply("utter_service_unavailable")]:
            utter(dispatcher, reply)
        return []
