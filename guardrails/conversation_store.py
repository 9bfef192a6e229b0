"""The two conversation tables Rasa writes through our plug-ins, as plain SQLAlchemy tables.

``tracker_events`` is the dialogue state (one row per event, the event JSON encrypted, the
conversation id stored as a keyed pseudonym); ``conversation_log`` is the masked analytics
copy (pseudonymous sender, masked event JSON). bot/stores.py maps Rasa's tracker store and
event broker onto these same definitions, so the data-rights code here (export, erasure)
reads and deletes exactly what Rasa wrote, without importing Rasa.

A customer's conversations are found through the ``customer`` key the broker puts into
every event that came with a verified customer id (a keyed hash, see
:func:`customer_key`); its ``sender_id`` is the same keyed hash of the conversation id as
``tracker_events.sender_id``, so one pseudonym finds both tables' rows.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, delete, select, type_coerce
from sqlalchemy.orm import Session

from guardrails.crypto import keyed_hash
from guardrails.sqltypes import EncryptedText, PseudonymousId

metadata = MetaData()

tracker_events = Table(
    "tracker_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", PseudonymousId, nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", EncryptedText),
)

conversation_log = Table(
    "conversation_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(64), index=True),  # already a pseudonym when written
    Column("data", Text),
)


def customer_key(customer_id: str) -> str:
    """The pseudonym under which the masked log files a verified customer's events."""
    return keyed_hash(customer_id, purpose="customer", length=32)


def _stored_pseudonym(column):
    # tracker_events.sender_id pseudonymises bound values; ours already are pseudonyms.
    return type_coerce(column, String(64))


def conversations_of(session: Session, customer_id: str) -> list[str]:
    """Pseudonyms of every conversation in which this customer spoke while signed in."""
    key = customer_key(customer_id)
    rows = session.execute(
        select(conversation_log.c.sender_id, conversation_log.c.data)
        .where(conversation_log.c.data.contains(key))
        .order_by(conversation_log.c.id)
    )
    senders: list[str] = []
    for sender, data in rows:
        if sender and sender not in senders and _customer_in(data) == key:
            senders.append(sender)
    return senders


def _customer_in(data: str | None) -> str | None:
    try:
        event = json.loads(data or "")
    except ValueError:
        return None
    return event.get("customer") if isinstance(event, dict) else None


def history(session: Session, senders: Iterable[str]) -> list[dict[str, Any]]:
    """Each conversation as stored: tracker events decrypted, log rows as masked."""
    conversations = []
    for sender in senders:
        tracker = session.execute(
            select(tracker_events.c.data)
            .where(_stored_pseudonym(tracker_events.c.sender_id) == sender)
            .order_by(tracker_events.c.id)
        ).scalars()
        log = session.execute(
            select(conversation_log.c.data).where(conversation_log.c.sender_id == sender).order_by(conversation_log.c.id)
        ).scalars()
        conversations.append({
            "conversation": sender,
            "tracker_events": [json.loads(data) for data in tracker if data],
            "conversation_log": [json.loads(data) for data in log if data],
        })
    return conversations


def delete_conversations(session: Session, senders: list[str]) -> tuple[int, int]:
    """Delete both tables' rows of these conversations; returns (tracker rows, log rows)."""
    if not senders:
        return 0, 0
    tracker = session.execute(
        delete(tracker_events).where(_stored_pseudonym(tracker_events.c.sender_id).in_(senders))
    ).rowcount
    log = session.execute(delete(conversation_log).where(conversation_log.c.sender_id.in_(senders))).rowcount
    return tracker, log
