"""What every customer-data action shares: who is asking, the store session, failures.

:class:`CustomerAction` is abstract, so rasa_sdk does not register it; each subclass says
which :class:`~actions.service.Reply` to give a verified customer, and the base class
answers anonymous visitors and turns a store outage into a polite message.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from datetime import date
from typing import Any, Callable, TypeVar

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions.service import Reply
from guardrails.store import db
from guardrails.store.queries import UnknownCustomer
from guardrails.store.models import today

logger = logging.getLogger(__name__)
T = TypeVar("T")


def verified_customer_id(tracker: Tracker) -> str | None:
    """The customer id our input channel verified from the token of the latest message.

    The channel replaces whatever metadata the client sent with ``{"customer_id": ...}``
    or nothing, so a name, id or email typed in a message can never land here.
    """
    metadata = tracker.latest_message.get("metadata") or {}
    customer_id = metadata.get("customer_id")
    return customer_id if isinstance(customer_id, str) and customer_id else None


def named_order_number(tracker: Tracker) -> str | None:
    return next(tracker.get_latest_entity_values("order_number"), None)


def utter(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(response=reply.response, json_message=reply.custom, **reply.values)


class CustomerAction(Action, ABC):
    """An answer from the verified customer's own data; anonymous visitors get general help."""

    #: response for visitors without a valid token (general help plus an offer to sign in)
    anonymous_response: str = "utter_sign_in_for_account_help"

    @abstractmethod
    def answer(self, session: Session, customer_id: str, tracker: Tracker, today: date) -> Reply:
        """The reply for this verified customer."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        customer_id = verified_customer_id(tracker)
        if customer_id is None:
            dispatcher.utter_message(response=self.anonymous_response)
            return []
        reply = reply_from_store(self.name(), lambda session: self.answer(session, customer_id, tracker, today()))
        utter(dispatcher, reply)
        return []


def run_in_store(action_name: str, work: Callable[[Session], T]) -> T | None:
    """Run ``work`` in its own transaction; None when the store is unreachable."""
    try:
        with db.session_factory().begin() as session:
            return work(session)
    except SQLAlchemyError as error:
        # The error text can quote row values, so only its class is logged.
        logger.error("store unavailable in %s: %s", action_name, type(error).__name__)
        return None


def reply_from_store(action_name: str, answer: Callable[[Session], Reply]) -> Reply:
    """Like :func:`run_in_store` for one reply; a store outage or an erased profile becomes a polite reply."""
    try:
        reply = run_in_store(action_name, answer)
    except UnknownCustomer:  # a valid token whose customer was erased
        return Reply("utter_no_account_data")
    return reply if reply is not None else Reply("utter_service_unavailable")
