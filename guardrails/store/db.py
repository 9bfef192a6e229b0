"""Engines and sessions, created lazily from config (never at import time)."""

from __future__ import annotations

import functools

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from guardrails import config
from guardrails.store.models import Base


@functools.lru_cache(maxsize=None)
def engine(url: str | None = None) -> Engine:
    url = url or config.settings().database_url
    if url.startswith("sqlite:///"):
        config.settings().state_dir.mkdir(parents=True, exist_ok=True)
        created = create_engine(url, future=True, connect_args={"timeout": 15})
        event.listen(created, "connect", _sqlite_pragmas)
        return created
    return create_engine(url, future=True, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the action server read while the CLI writes; foreign keys are off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@functools.lru_cache(maxsize=None)
def session_factory(url: str | None = None) -> sessionmaker:
    return sessionmaker(engine(url), future=True, expire_on_commit=False)


def new_session(url: str | None = None) -> Session:
    return session_factory(url)()


def create_schema(url: str | None = None) -> None:
    Base.metadata.create_all(engine(url))
