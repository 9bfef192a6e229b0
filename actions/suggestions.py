"""Product suggestions, personal only with consent, each with its explanation."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import personalisation
from actions.common import run_in_store, utter, verified_customer_id
from actions.service import Reply


def suggestion_events(dispatcher: CollectingDispatcher, outcome: personalisation.Suggestions) -> list[dict[str, Any]]:
    """Utter the outcome and remember what "why?" should explain and whether we asked."""
    for reply in outcome.replies:
        utter(dispatcher, reply)
    events = [SlotSet("consent_requested", outcome.asked_for_consent)]
    if not outcome.asked_for_consent:
        events.append(SlotSet("last_explanation", outcome.explanation))
    return events


class ActionSuggestProducts(Action):
    """Ask for consent first if needed; otherwise suggest, personally when allowed."""

    def name(self) -> str:
        return "action_suggest_products"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        customer_id = verified_customer_id(tracker)
        declined = bool(tracker.get_slot("personalisation_declined"))
        outcome = run_in_store(
            self.name(),
            lambda session: personalisation.suggest(session, customer_id, declined),
        )
        if outcome is None:
            utter(dispatcher, Reply("utter_service_unavailable"))
            return []
        return suggestion_events(dispatcher, outcome)


class ActionExplainSuggestion(Action):
    """Explain the last suggestion in full: why, which data, which consent (or none)."""

    def name(self) -> str:
        return "action_explain_suggestion"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        utter(dispatcher, personalisation.explain(tracker.get_slot("last_explanation")))
        return []
