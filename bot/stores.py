"""Rasa plug-ins that keep conversations private at rest.

- :class:`EncryptedSQLTrackerStore` is Rasa's SQL tracker store with two column types
  swapped: event JSON is AES-GCM ciphertext and the sender id a keyed pseudonym (see
  guardrails/sqltypes.py). Rasa's queries run on top; its save is replaced by one that
  writes a turn's tracker rows and their masked analytics copies in one transaction, and
  the trackers it saved last are kept for the next message (:class:`RecentTrackers`).
- :class:`MaskedSQLEventBroker` is Rasa's SQL event broker writing to the
  ``conversation_log`` table, each event masked and pseudonymised first, for analytics;
  the tracker store writes those rows itself when it is configured as the broker.

Both use Candor's one database URL (``CANDOR_DATABASE_URL``) and fail at start-up when
no usable key is configured, rather than fall back to writing plaintext.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import json
import logging
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable

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
        self.recent = RecentTrackers()
        self.database_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="candor-tracker-store")
        self._fixed_texts, self._fixed_texts_of = frozenset(), None  # see _log_mask
        TrackerStore.__init__(self, domain, event_broker)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        recent = None if fetch_events_from_all_sessions else self.recent.take(sender_id)
        return await self._in_database_thread(self._load, sender_id, fetch_events_from_all_sessions, recent)

    def _load(self, sender_id: str, all_sessions: bool, recent: RecentTracker | None) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            if recent is not None and recent.version == self._stored_version(session, sender_id):
                return recent.tracker
            # Rasa's query, reading only the (decrypted) event column instead of whole ORM rows.
            query = self._event_query(session, sender_id, all_sessions)
            events = [json.loads(data) for (data,) in query.with_entities(self.SQLEvent.data)]
        if not (self.domain and events):
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        _remember_stored(tracker)
        return tracker

    def _stored_version(self, session: Any, sender_id: str) -> tuple[int, int | None]:
        """(rows, newest row id) of a conversation: changes whenever anyone writes or deletes it."""
        return tuple(session.execute(STORED_VERSION, {"sender_id": sender_id}).one())

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the tracker's new events and their masked copies for analytics, in one transaction.

        Rasa's own save counts the stored rows twice per turn (once to stream, once to
        store) and commits twice; here the tracker remembers how many of its events are
        stored (see _remember_stored), both tables get their rows in one commit, and the
        analytics log never holds an event the tracker store lost, or the other way round.
        Masking runs here, on the server's own thread; the database work in the store's thread.
        """
        after_erasure = events_after_erasure(tracker)
        stored = getattr(tracker, STORED_EVENTS, None)
        if after_erasure is None and stored is not None:  # this store loaded or saved it: no need to ask
            new_events = list(itertools.islice(tracker.events, stored, None))
        else:
            new_events = await self._in_database_thread(self._new_events_stored, tracker, after_erasure)
        event_dicts = [event.as_dict() for event in new_events]
        tracker_rows = [_tracker_row(tracker.sender_id, event, data) for event, data in zip(new_events, event_dicts)]
        bodies = [{"sender_id": tracker.sender_id, **data} for data in event_dicts]
        logged_here = isinstance(self.event_broker, MaskedSQLEventBroker)
        log_rows = masked_log_rows(bodies, self._log_mask()) if logged_here else []
        version = await self._in_database_thread(self._write, tracker.sender_id, tracker_rows, log_rows)
        _remember_stored(tracker)
        if after_erasure is None:  # an erasing turn's tracker still holds what it erased
            self.recent.keep(tracker.sender_id, tracker, version)
        if self.event_broker is not None and not logged_here:
            for body in bodies:
                self.event_broker.publish(body)

    def _write(self, sender_id: str, tracker_rows: list[dict[str, Any]], log_rows: list[dict[str, Any]]) -> tuple:
        with self.session_scope() as session:
            if tracker_rows:
                session.execute(conversation_store.tracker_events.insert(), tracker_rows)
            if log_rows:
                session.execute(conversation_store.conversation_log.insert(), log_rows)
            version = self._stored_version(session, sender_id)
            session.commit()
        return version

    async def _in_database_thread(self, function: Callable[..., Any], *args: Any) -> Any:
        # SQLAlchemy's calls block: on the event loop, every wait for the database (a commit's
        # disk flush, a network round trip) would stall all other conversations on this server.
        # One thread keeps the store's own work in order and off the loop.
        return await asyncio.get_running_loop().run_in_executor(self.database_thread, functools.partial(function, *args))

    def _log_mask(self) -> Callable[[str], str]:
        # Strings that are the domain's own fixed wording (a response without {slots}, a
        # button's title or payload) hold no customer data: only the rest goes to presidio.
        if self._fixed_texts_of is not self.domain:  # Rasa sets a new domain with a new model
            self._fixed_texts = fixed_response_texts(self.domain)
            self._fixed_texts_of = self.domain
        fixed = self._fixed_texts
        return lambda text: text if text in fixed else _masked(text)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """Nothing to do: :meth:`save` hands the new events to the broker itself."""

    def _new_events_stored(self, tracker: DialogueStateTracker, after_erasure: list[Event] | None) -> list[Event]:
        """The events not stored yet, asking the database how many are (database thread)."""
        with self.session_scope() as session:
            if after_erasure is not None:
                stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
                return after_erasure[stored:]
            return list(self._additional_events(session, tracker))


# One statement, compiled once (an ORM query is rebuilt on every call), run twice a turn.
_events = conversation_store.tracker_events
STORED_VERSION = (sa.select(sa.func.count(_events.c.id), sa.func.max(_events.c.id))
                  .where(_events.c.sender_id == sa.bindparam("sender_id")))

# How many of a tracker's events are already in the database, noted when the store loads or
# saves it. Rasa handles a conversation's message under its lock, between one load and one
# save, so this stays true until the save; it saves a COUNT query per save.
STORED_EVENTS = "candor_stored_events"


def _remember_stored(tracker: DialogueStateTracker) -> None:
    if getattr(tracker, "_max_event_history", None) is None:  # a capped history would shift indices
        setattr(tracker, STORED_EVENTS, len(tracker.events))


@dataclass
class RecentTracker:
    tracker: DialogueStateTracker
    version: tuple[int, int | None]  # see EncryptedSQLTrackerStore._stored_version
    saved_at: float


class RecentTrackers:
    """The trackers this server saved last, so the next message need not decrypt and replay
    the whole conversation again.

    A tracker is handed out once (taken, not copied) and only while the database still holds
    exactly the rows it was saved with: if another Rasa server wrote to the conversation, or
    an erasure or purge deleted it, the store reads the database instead. Held at most
    ``seconds`` after its last save and for the ``size`` most recent conversations, in this
    process's memory only.
    """

    def __init__(self, size: int = 1000, seconds: float = 600.0) -> None:
        self.size, self.seconds = size, seconds
        self._trackers: OrderedDict[str, RecentTracker] = OrderedDict()

    def keep(self, sender_id: str, tracker: DialogueStateTracker, version: tuple[int, int | None]) -> None:
        self._trackers.pop(sender_id, None)
        self._trackers[sender_id] = RecentTracker(tracker, version, time.monotonic())
        self._forget_old()

    def take(self, sender_id: str) -> RecentTracker | None:
        self._forget_old()
        return self._trackers.pop(sender_id, None)

    def _forget_old(self) -> None:
        cutoff = time.monotonic() - self.seconds
        while self._trackers and (len(self._trackers) > self.size
                                  or next(iter(self._trackers.values())).saved_at < cutoff):
            self._trackers.popitem(last=False)


def fixed_response_texts(domain: Domain | None) -> frozenset[str]:
    """Every string in the domain's responses that has no ``{slot}`` in it: our words only."""
    texts: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, str) and "{" not in value:
            texts.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(domain.responses if domain is not None else {})
    return frozenset(texts)


def _tracker_row(sender_id: str, event: Event, data: dict[str, Any]) -> dict[str, Any]:
    # The columns Rasa's SQLTrackerStore.save fills; ``data`` is ``event.as_dict()``.
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


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

    def __init__(self, **kwargs: Any) -> None:
        _require_key()
        self.engine = _engine()
        _create_tables(conversation_store.metadata, self.engine)
        self.sessionmaker = sessionmaker(bind=self.engine)

    @classmethod
    async def from_endpoint_config(cls, broker_config: Any, event_loop: asyncio.AbstractEventLoop | None = None):
        return cls()

    def publish(self, event: dict[str, Any]) -> None:
        with self.session_scope() as session:
            session.execute(conversation_store.conversation_log.insert(), masked_log_rows([event], _masked))
            session.commit()


def masked_log_rows(events: list[dict[str, Any]], mask: Callable[[str], str]) -> list[dict[str, Any]]:
    """``conversation_log`` rows for ``events``: masked, pseudonymous JSON."""
    rows = []
    for event in events:
        masked = mask_event(event, mask)
        rows.append({"sender_id": masked.get("sender_id"), "data": json.dumps(masked)})
    return rows


@functools.lru_cache(maxsize=16)
def _masked(text: str) -> str:
    # A user event carries its text twice (text and parse_data.text): mask it once.
    from guardrails.pii import mask_text

    return mask_text(text).text
