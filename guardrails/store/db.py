"""Engines and sessions, created lazily from config (never at import time)."""

from __future__ import annotations

import functools

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import QueuePool
from sqlalchemy.orm import Session, sessionmaker

from guardrails import config
from guardrails.store.models import Base


@functools.lru_cache(maxsize=None)
def engine(url: str | None = None) -> Engine:
    return new_engine(url or config.settings().database_url, future=True)


def new_engine(url: str, future: bool, **options) -> Engine:
    """An engine for ``url``; SQLite gets a busy timeout and the pragmas below."""
    if not url.startswith("sqlite"):
        return create_engine(url, future=future, pool_pre_ping=True, **options)
    config.settings().state_dir.mkdir(parents=True, exist_ok=True)
    connect_args: dict = {"timeout": 15}
    pool: dict = {}  # in memory: SQLAlchemy's own pool
    if make_url(url).database not in (None, "", ":memory:"):
        # SQLAlchemy 1.4 opens a new connection (file open, three pragmas) for every session
        # on a SQLite file; that was a millisecond per chat turn in each store. A pool keeps
        # them open, as SQLAlchemy 2.0 does; it hands a connection to one thread at a time,
        # so sqlite3's same-thread check can go.
        pool = {"poolclass": QueuePool}
        connect_args["check_same_thread"] = False
    created = create_engine(url, future=future, connect_args=connect_args, **pool)
    event.listen(created, "connect", _sqlite_pragmas)
    return created


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the action server and the CLI read while Rasa writes; with WAL, synchronous
    # NORMAL is still safe from corruption and saves an fsync per commit (one per event
    # the broker publishes). Foreign keys are off in SQLite unless asked for.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@functools.lru_cache(maxsize=None)
def session_factory(url: str | None = None) -> sessionmaker:
    return sessionmaker(engine(url), future=True, expire_on_commit=False)


def new_session(url: str | None = None) -> Session:
    return session_factory(url)()


def model_metadata() -> MetaData:
    """Every table our models declare (the migrations' target); Rasa's own tables are not here."""
    import guardrails.agents.handoffs  # noqa: F401
    import guardrails.audit  # noqa: F401 - registers the audit trail and the ledger on the same Base
    import guardrails.consent.models  # noqa: F401
    import guardrails.retention  # noqa: F401
    import guardrails.rights.links  # noqa: F401
    import guardrails.rights.requests  # noqa: F401

    return Base.metadata


def create_schema(url: str | None = None) -> None:
    """Create missing tables straight from the models (tests); real databases use migrations."""
    from guardrails import conversation_store

    model_metadata().create_all(engine(url))
    conversation_store.metadata.create_all(engine(url))  # Rasa's two tables, so rights work before Rasa ran
