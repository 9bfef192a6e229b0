"""Product suggestions. Until consent lands these are best sellers, which use no personal data."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import service
from actions.common import reply_from_store, utter

POPULAR = "popular"


class ActionSuggestProducts(Action):
    """Suggest our best sellers and remember what the suggestion was based on."""

    def name(self) -> str:
        return "action_suggest_products"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        reply = reply_from_store(self.name(), service.popular_suggestions)
        utter(dispatcher, reply)
        basis = POPULAR if reply.response == "utter_popular_products" else None
        return [SlotSet("last_suggestion_basis", basis)]


class ActionExplainSuggestion(Action):
    """Say why the last suggestion was made and which data it used (here: none)."""

    def name(self) -> str:
        return "action_explain_suggestion"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        if tracker.get_slot("last_suggestion_basis") == POPULAR:
            dispatcher.utter_message(response="utter_explain_popular_suggestion")
        else:
            dispatcher.utter_message(response="utter_no_suggestion_yet")
        return []
