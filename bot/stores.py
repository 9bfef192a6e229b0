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
        conversation_store.metadata.create_all(self.engine)
        self.sessionmaker = sessionmaker(bind=self.engine)
        TrackerStore.__init__(self, domain, event_broker)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        after_erasure = events_after_erasure(tracker)
        if after_erasure is None:
            await super().stream_events(tracker)
        elif self.event_broker is not None:
            await self._stream_new_events(self.event_broker, after_erasure, tracker.sender_id)

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
        conversation_store.metadata.create_all(self.engine)
        self.sessionmaker = sessionmaker(bind=self.engine)

    @classmethod
    async def from_endpoint_config(cls, broker_config: Any, event_loop: asyncio.AbstractEventLoop | None = None):
        return cls()

    def publish(self, event: dict[str, Any]) -> None:
        super().publish(mask_event(event, _masked))


@functools.lru_cache(maxsize=16)
def _masked(text: str) -> str:
    # A user event carries its text twice (text and parse_data.text): mask it once.
    from guardrails.pii import mask_text

    return mask_text(text).text
