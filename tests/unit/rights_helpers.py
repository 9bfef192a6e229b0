"""A canary customer's conversation, written the way Candor writes it (shared by rights tests)."""

from __future__ import annotations

import json

from sqlalchemy import insert
from sqlalchemy.orm import Session

from guardrails import conversation_store
from guardrails.conversation_log import mask_event
from tests.canary import add_canary_customer, canary_values  # noqa: F401 - re-exported for the unit tests

CANARY_ID = "C900"
CANARY = canary_values("Canaryface", "0917")


def add_conversation(session: Session, sender: str, customer_id: str, text: str = CANARY["typed"]) -> None:
    """One user event in both tables: encrypted in the tracker, masked in the log."""
    event = {"event": "user", "timestamp": 1.0, "text": text, "parse_data": {"intent": {"name": "greet"}},
             "metadata": {"customer_id": customer_id}}
    session.execute(insert(conversation_store.tracker_events).values(
        sender_id=sender, type_name="user", timestamp=1.0, intent_name="greet", data=json.dumps(event)))
    logged = mask_event({"sender_id": sender, **event}, lambda value: "<MASKED>" if value == text else value)
    session.execute(insert(conversation_store.conversation_log).values(
        sender_id=logged["sender_id"], data=json.dumps(logged)))
