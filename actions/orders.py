"""Order status, returns and refunds for the verified customer."""

from __future__ import annotations

from datetime import date

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from actions import service
from actions.common import CustomerAction, named_order_number


class ActionCheckOrderStatus(CustomerAction):
    """Status of the order the customer named, or of their latest order."""

    anonymous_response = "utter_sign_in_for_orders"

    def name(self) -> str:
        return "action_check_order_status"

    def answer(self, session: Session, customer_id: str, tracker: Tracker, today: date) -> service.Reply:
        return service.order_status(session, customer_id, named_order_number(tracker))


class ActionCheckReturnEligibility(CustomerAction):
    """Whether the named or latest delivered order can still be returned, and how."""

    anonymous_response = "utter_sign_in_for_returns"

    def name(self) -> str:
        return "action_check_return_eligibility"

    def answer(self, session: Session, customer_id: str, tracker: Tracker, today: date) -> service.Reply:
        return service.return_options(session, customer_id, named_order_number(tracker), today)


class ActionCheckRefundStatus(CustomerAction):
    """Where the customer's latest refund (or the one for a named order) stands."""

    anonymous_response = "utter_sign_in_for_refunds"

    def name(self) -> str:
        return "action_check_refund_status"

    def answer(self, session: Session, customer_id: str, tracker: Tracker, today: date) -> service.Reply:
        return service.refund_status(session, customer_id, named_order_number(tracker))
