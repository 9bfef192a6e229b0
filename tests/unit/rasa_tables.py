"""Rasa's two tables as bot/stores.py creates them, for tests of code that reads them raw.

Rasa creates ``tracker_events`` and ``conversation_log`` when the server starts; unit tests
have no server, so they create the same columns here and insert rows the way the stores do
(already pseudonymised sender ids; the log's data is masked event JSON).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import text

from guardrails.conversation_log import pseudonym


def create(session) -> None:
    session.execute(
        text(
            "CREATE TABLE IF NOT EXISTS tracker_events (id INTEGER PRIMARY KEY, "
            "sender_id VARCHAR(64) NOT NULL, type_name VARCHAR(255) NOT NULL, timestamp FLOAT, "
            "intent_name VARCHAR(255), action_name VARCHAR(255), "
            "data TEXT)"
        )
    )
    session.execute(
        text(
            "CREATE TABLE IF NOT EXISTS conversation_log "
            "(id INTEGER PRIMARY KEY, sender_id VARCHAR(64), data TEXT)"
        )
    )


def unix(moment: datetime) -> float:
    return moment.replace(tzinfo=timezone.utc).timestamp()


def tracker_event(session, sender: str, at: datetime) -> None:
    session.execute(
        text(
            "INSERT INTO tracker_events (sender_id, type_name, timestamp, data) "
            "VALUES (:s, 'user', :t, 'v1:x')"
        ),
        {"s": pseudonym(sender), "t": unix(at)},
    )


def log_event(session, sender: str, at: datetime, event: str = "user", text_: str = "hello") -> None:
    conversation = pseudonym(sender)
    data = {"event": event, "timestamp": unix(at), "sender_id": conversation, "text": text_}
    if event == "user":
        data["parse_data"] = {"text": text_, "intent": {"name": "greet"}}
    session.execute(
        text("INSERT INTO conversation_log (sender_id, data) VALUES (:s, :d)"),
        {"s": conversation, "d": json.dumps(data)},
    )


def count(session, table: str, sender: str | None = None) -> int:
    where = "" if sender is None else " WHERE sender_id = :s"
    return session.scalar(text(f"SELECT COUNT(*) FROM {table}{where}"), {"s": pseudonym(sender or "")})
