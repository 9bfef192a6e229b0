"""Rasa plug-ins that keep conversations private at rest.

- :class:`EncryptedSQLTrackerStore` is Rasa's SQL tracker store with two column types
  swapped: event JSON is AES-GCM ciphertext and the sender id a keyed pseudonym. Rasa's
  own save/retrieve logic runs unchanged on top (see guardrails/sqltypes.py).
- :class:`MaskedSQLEventBroker` is Rasa's SQL event broker writing to the
  ``conversation_log`` table, each event masked and pseudonymised first, for analytics.

Both use Candor's one database URL (``CANDOR_DATABASE_URL``) and fail at start-up when
no usable key is configured, rather than fall back to writing plaintext.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from typing import Any, Iterator

import sqlalchemy as sa
from rasa.core.brokers.sql import SQLEventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.orm import declarative_base, sessionmaker

from guardrails import config, conversation_store, crypto
from guardrails.conversation_log import mask_event
from guardrails.rights.erasure import MARKER_SLOT
from guardrails.store import db

logger = logging.getLogger(__name__)


def _engine() -> sa.engine.Engine:
    # Rasa's stores use SQLAlchemy's legacy API, so not a future engine.
    url = config.settings().database_url
    return db.new_engine(url, future=False, **create_engine_kwargs(url))


def _create_tables(metadata: sa.MetaData, engine: sa.engine.Engine) -> None:
    # Several Rasa servers starting at once on an empty database may all see a table missing
    # and all create it; the losers' CREATE fails. The second pass finds the tables made.
    try:
        metadata.create_all(engine)
    except (sa.exc.ProgrammingError, sa.exc.IntegrityError, sa.exc.OperationalError):
        metadata.create_all(engine)


def _require_key() -> None:
    # Raises ConfigError with a readable reason; Rasa then refuses to start.
    crypto.derived_key("tracker")


class EncryptedSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store, encrypted at rest, with pseudonymous sender ids.

    Erasure-aware: when a turn erased the customer's data (``action_erase_data`` deletes
    this conversation's rows and returns the ``data_erased`` marker), Rasa would find no
    stored events and write, and stream to the analytics log, the whole conversation again.
    So of a tracker holding the marker, only the events after it are saved and streamed.
    """

    Base = declarative_base()

    class SQLEvent(Base):
        __table__ = conversation_store.tracker_events

    def __init__(self, domain: Domain | None = None, event_broker: Any = None, **kwargs: Any) -> None:
        _require_key()
        self.engine = _engine()
        _create_tables(conversation_store.metadata, self.engine)
        self.sessionmaker = sessionmaker(bind=self.engine)
        TrackerStore.__init__(self, domain, event_broker)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        # Rasa finds the new events by loading the whole stored tracker again (every row
        # decrypted, every event replayed) on each save; counting the stored rows, as its save
        # does, gives the same events for a fraction of the work. They go to the broker in
        # one transaction instead of one commit per event. After an erasure only the events
        # after the marker count (see _additional_events).
        if self.event_broker is None:
            return
        with self.session_scope() as session:
            new_events = list(self._additional_events(session, tracker))
        bodies = [{"sender_id": tracker.sender_id, **event.as_dict()} for event in new_events]
        if isinstance(self.event_broker, MaskedSQLEventBroker):
            self.event_broker.publish_many(bodies)
        else:
            for body in bodies:
                self.event_broker.publish(body)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        after_erasure = events_after_erasure(tracker)
        if after_erasure is None:
            return super()._additional_events(session, tracker)
        stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
        return iter(after_erasure[stored:])


def events_after_erasure(tracker: DialogueStateTracker) -> list[Event] | None:
    """The events after the last erasure marker, or None when this tracker erased nothing."""
    events = list(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if isinstance(event, SlotSet) and event.key == MARKER_SLOT and event.value is True:
            return events[index + 1:]
    return None


class MaskedSQLEventBroker(SQLEventBroker):
    """Rasa's SQL event broker, writing masked, pseudonymised events to ``conversation_log``."""

    Base = declarative_base()

    class SQLBrokerEvent(Base):
        __table__ = conversation_store.conversation_log

    def __init__(self, **kwargs: Any) -> None:
        _require_key()
        self.engine = _engine()
        _create_tables(conversation_store.metadata, self.engine)
        self.sessionmaker = sessionmaker(bind=self.engine)

    @classmethod
    async def from_endpoint_config(cls, broker_config: Any, event_loop: asyncio.AbstractEventLoop | None = None):
        return cls()

    def publish(self, event: dict[str, Any]) -> None:
        self.publish_many([event])

    def publish_many(self, events: list[dict[str, Any]]) -> None:
        """Mask and write several events in one transaction."""
        with self.session_scope() as session:
            for event in events:
                masked = mask_event(event, _masked)
                session.add(self.SQLBrokerEvent(sender_id=masked.get("sender_id"), data=json.dumps(masked)))
            session.commit()


@functools.lru_cache(maxsize=16)
def _masked(text: str) -> str:
    # A user event carries its text twice (text and parse_data.text): mask it once.
    from guardrails.pii import mask_text

    return mask_text(text).text
