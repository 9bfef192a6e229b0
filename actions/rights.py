"""Customers' data rights in chat. For now: what we hold about them (data access)."""

from __future__ import annotations

from datetime import date

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from actions import service
from actions.common import CustomerAction


class ActionShowHeldData(CustomerAction):
    """List the categories of data held about the verified customer, and what each is for."""

    anonymous_response = "utter_sign_in_for_data_access"

    def name(self) -> str:
        return "action_show_held_data"

    def answer(self, session: Session, customer_id: str, tracker: Tracker, today: date) -> service.Reply:
        return service.held_data(session, customer_id)
