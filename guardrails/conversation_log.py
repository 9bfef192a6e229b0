"""Turn a Rasa event into a row fit for analytics: no personal data, no real sender ids.

Every string in the event is masked, except under keys known to hold only names the bot
itself defines (event types, intents, actions, policies). Unknown keys are masked too, so
a field Rasa adds in a later version cannot slip through in clear. Sender ids and customer
ids become keyed pseudonyms: stable per person, so analytics can count conversations, but
useless to anyone without the key. Client metadata is dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Callable

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from guardrails import conversation_store
from guardrails.conversation_store import customer_key
from guardrails.crypto import keyed_hash

# The table the masked event broker (bot/stores.py) writes; it may not exist before Rasa first
# started, so readers check that first.
LOG_TABLE = conversation_store.conversation_log

# Keys whose string values are names from our own domain and model, never customer text.
SAFE_KEYS = frozenset(
    {
        "event", "name", "policy", "intent", "intent_name", "intent_ranking", "action_name",
        "timestamp", "input_channel", "message_id", "confidence", "entity", "extractor",
        "type_name", "id", "processors", "utter_action", "template_name", "response",
        "active_loop", "requested_slot", "is_interrupted", "rejected", "action_text", "start",
        "end", "role", "group", "model_id", "assistant_id", "e2e_text",
    }
)


def pseudonym(value: str) -> str:
    return keyed_hash(value, purpose="sender", length=32)


def mask_event(event: dict[str, Any], mask: Callable[[str], str]) -> dict[str, Any]:
    """A masked copy of ``event``; the input is left untouched."""
    masked = {key: _mask_value(key, value, mask) for key, value in event.items() if key != "metadata"}
    if "sender_id" in event and event["sender_id"] is not None:
        masked["sender_id"] = pseudonym(str(event["sender_id"]))
    customer_id = (event.get("metadata") or {}).get("customer_id")
    if customer_id:
        masked["customer"] = customer_key(str(customer_id))
    return masked


def _mask_value(key: str, value: Any, mask: Callable[[str], str]) -> Any:
    if key in SAFE_KEYS or value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return mask(value) if any(char.isalnum() for char in value) else value
    if isinstance(value, dict):
        return {inner: _mask_value(inner, item, mask) for inner, item in value.items() if inner != "metadata"}
    if isinstance(value, (list, tuple)):
        return [_mask_value(key, item, mask) for item in value]
    return mask(str(value))


def has_table(session: Session, name: str) -> bool:
    """Whether ``name`` exists yet (Rasa creates its tables only when the server first starts)."""
    return inspect(session.connection()).has_table(name)


def logged_events(session: Session, conversation: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(row id, masked event)`` in the order they were logged; one conversation's or all."""
    if not has_table(session, LOG_TABLE.name):
        return
    statement = select(LOG_TABLE.c.id, LOG_TABLE.c.data).order_by(LOG_TABLE.c.id)
    if conversation is not None:
        statement = statement.where(LOG_TABLE.c.sender_id == conversation)
    for row_id, data in session.execute(statement):
        try:
            event = json.loads(data)
        except (TypeError, ValueError):
            continue  # not ours to judge here; retention and the report skip it too
        if isinstance(event, dict):
            yield row_id, event


def transcript(session: Session, conversation: str) -> list[dict[str, Any]]:
    """What the customer and the bot said in one conversation, masked as logged."""
    return [
        {"from": "customer" if event["event"] == "user" else "bot", "text": event["text"],
         "timestamp": event.get("timestamp")}
        for _, event in logged_events(session, conversation)
        if event.get("event") in ("user", "bot") and isinstance(event.get("text"), str)
    ]
