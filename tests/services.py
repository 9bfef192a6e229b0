"""Throwaway PostgreSQL databases and the Redis lock store, for the tests that need them.

The machine (and CI's) runs PostgreSQL on 127.0.0.1:5432 (trust auth) and Redis on
127.0.0.1:6379; other projects share both. So every database made here is new, named
``candor_scale_<random>``, and dropped afterwards; Redis is used only in its db 5, under
Candor's own key prefix. CANDOR_TEST_PG_SERVER and CANDOR_TEST_REDIS_URL point elsewhere.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa

PG_SERVER = os.environ.get("CANDOR_TEST_PG_SERVER", "postgresql://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("CANDOR_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def _admin() -> sa.engine.Engine:
    return sa.create_engine(f"{PG_SERVER}/postgres", future=True, isolation_level="AUTOCOMMIT")


@contextmanager
def scratch_postgres(label: str = "test") -> Iterator[str]:
    """A new, empty PostgreSQL database; yields its URL and drops it (and its connections) after."""
    name = f"candor_scale_{label}_{uuid.uuid4().hex[:8]}"
    admin = _admin()
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with admin.connect() as connection:
            terminate_connections(connection, name)
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def terminate_connections(connection: sa.engine.Connection, database: str) -> int:
    """End every other session on ``database`` (what a database restart does to clients)."""
    ended = connection.execute(
        sa.text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"),
        {"name": database},
    )
    return int(ended.scalar_one())


def restart_database(url: str) -> int:
    """Simulate a restart of one database's server: all its connections are cut."""
    admin = _admin()
    try:
        with admin.connect() as connection:
            return terminate_connections(connection, url.rsplit("/", 1)[1])
    finally:
        admin.dispose()


@contextmanager
def fresh_database(kind: str, folder: Path, label: str = "test") -> Iterator[str]:
    """An empty database of ``kind`` ("postgresql" or "sqlite", the latter in ``folder``)."""
    if kind == "postgresql":
        with scratch_postgres(label) as url:
            yield url
    else:
        yield f"sqlite:///{folder / f'{label}.db'}"


@contextmanager
def seeded_postgres(label: str) -> Iterator[str]:
    """A scratch PostgreSQL database migrated to head with the demo customers loaded."""
    from guardrails import config
    from guardrails.store import db, migrate, seed

    with scratch_postgres(label) as url:
        migrate.upgrade(url)
        with db.session_factory(url).begin() as session:
            seed.load_seed(session, config.settings().seed_file)
        db.engine(url).dispose()
        yield url
