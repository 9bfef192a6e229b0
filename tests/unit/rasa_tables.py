"""Rasa's two tables as bot/stores.py creates them, for tests of code that reads them raw.

Rasa creates ``tracker_events`` and ``conversation_log`` when the server starts; unit tests
have no server, so they create the same columns here (on any database) and insert rows the
way the stores do: sender ids already pseudonymised, the log's data masked event JSON.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, func, select

from guardrails.conversation_log import pseudonym

_METADATA = MetaData()
TRACKER_EVENTS = Table(
    "tracker_events", _METADATA,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(64), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)
CONVERSATION_LOG = Table(
    "conversation_log", _METADATA,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(64), index=True),
    Column("data", Text),
)
TABLES = {table.name: table for table in (TRACKER_EVENTS, CONVERSATION_LOG)}


def create(session) -> None:
    _METADATA.create_all(session.connection())


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
