"""Handing a conversation over to a person (the agent desk shows it to them)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import run_in_store, verified_customer_id
from guardrails.agents import handoffs


class ActionHandOverToHuman(Action):
    """Open a handoff for this conversation (once) and tell the customer a person will take over."""

    def name(self) -> str:
        return "action_hand_over_to_human"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        customer_id = verified_customer_id(tracker)
        created = run_in_store(
            self.name(), lambda session: handoffs.request_handoff(session, tracker.sender_id, customer_id)[1]
        )
        if created is None:  # the store is down: say how else to reach a person
            dispatcher.utter_message(response="utter_human_agent_unavailable")
        elif created:
            dispatcher.utter_message(response="utter_handoff_requested")
        else:
            dispatcher.utter_message(response="utter_handoff_already_requested")
        return []
