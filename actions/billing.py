"""Billing questions, answered from the customer's last invoice."""

from __future__ import annotations

from datetime import date

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from actions import service
from actions.common import CustomerAction, named_order_number


class ActionExplainLastInvoice(CustomerAction):
    """Amount, date, status and payment method of the latest (or named) invoice."""

    anonymous_response = "utter_sign_in_for_billing"

    def name(self) -> str:
        return "action_explain_last_invoice"

    def answer(self, session: Session, customer_id: str, tracker: Tracker, today: date) -> service.Reply:
        return service.last_invoice(session, customer_id, named_order_number(tracker))
