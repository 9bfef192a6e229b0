"""Rasa's two tables as bot/stores.py creates them, for tests of code that reads them raw.

Rasa creates ``tracker_events`` and ``conversation_log`` when the server starts; unit tests
have no server, so they create them from ``guardrails.conversation_store`` (the definitions
the stores map onto) and insert rows the way the stores do: sender ids already
pseudonymised, the log's data masked event JSON.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import column, func, select, table

from guardrails import conversation_store
from guardrails.conversation_log import pseudonym

# Untyped views of the two tables, so rows go in exactly as the stores leave them (sender ids
# already pseudonymised, data as stored) without the typed columns hashing or encrypting again.
TRACKER_EVENTS = table("tracker_events", column("sender_id"), column("type_name"), column("timestamp"), column("data"))
CONVERSATION_LOG = table("conversation_log", column("sender_id"), column("data"))
TABLES = {view.name: view for view in (TRACKER_EVENTS, CONVERSATION_LOG)}


def create(session) -> None:
    conversation_store.metadata.create_all(session.connection())


def unix(moment: datetime) -> float:
    return moment.replace(tzinfo=timezone.utc).timestamp()


def tracker_event(session, sender: str, at: datetime) -> None:
    session.execute(TRACKER_EVENTS.insert().values(
        sender_id=pseudonym(sender), type_name="user", timestamp=unix(at), data="v1:x"))


def log_event(session, sender: str, at: datetime, event: str = "user", text_: str = "hello") -> None:
    conversation = pseudonym(sender)
    data = {"event": event, "timestamp": unix(at), "sender_id": conversation, "text": text_}
    if event == "user":
        data["parse_data"] = {"text": text_, "intent": {"name": "greet"}}
    session.execute(CONVERSATION_LOG.insert().values(sender_id=conversation, data=json.dumps(data)))


def count(session, table: str, sender: str | None = None) -> int:
    found = TABLES[table]
    statement = select(func.count()).select_from(found)
    if sender is not None:
        statement = statement.where(found.c.sender_id == pseudonym(sender))
    return session.scalar(statement)
