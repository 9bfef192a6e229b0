"""Address change: a form that asks for the new address, confirms it, then writes it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import service
from actions.common import reply_from_store, utter, verified_customer_id


class ActionCheckSignedIn(Action):
    """Set ``signed_in`` from the verified token, so rules can offer sign-in instead of a form."""

    def name(self) -> str:
        return "action_check_signed_in"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        return [SlotSet("signed_in", verified_customer_id(tracker) is not None)]


class ValidateAddressChangeForm(FormValidationAction):
    """Accept only text that can be a postal address, tidied to one line."""

    def name(self) -> str:
        return "validate_address_change_form"

    def validate_new_address(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        address = service.clean_address(value) if isinstance(value, str) else None
        if address is None:
            dispatcher.utter_message(response="utter_invalid_address")
        return {"new_address": address}


class ActionChangeAddress(Action):
    """Write the confirmed address; a "no" changes nothing. Clears the address slots either way."""

    def name(self) -> str:
        return "action_change_address"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        customer_id = verified_customer_id(tracker)
        new_address = tracker.get_slot("new_address")
        if tracker.get_slot("address_confirmed") is not True or not new_address:
            dispatcher.utter_message(response="utter_address_change_cancelled")
        elif customer_id is None:
            dispatcher.utter_message(response="utter_sign_in_for_account_help")
        else:
            utter(
                dispatcher,
                reply_from_store(self.name(), lambda session: service.change_address(session, customer_id, new_address)),
            )
        return [SlotSet("new_address", None), SlotSet("address_confirmed", None)]
