"""Several Rasa servers and one action server on one PostgreSQL database and Redis locks.

This is the production layout (README, "Production configuration") on one machine: every
server gets the same CANDOR_DATABASE_URL and CANDOR_LOCK_STORE_URL, the database is made by
the migrations, and each Rasa server is started by the same launcher ``make run`` uses.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from bot.launcher import Stack, free_port
from guardrails import audit
from tests.stack import Bot
from tests.services import REDIS_URL, seeded_postgres

STARTUP_SECONDS = 600  # loading the model twice at once on a busy 2-core machine is slow


@dataclass
class Cluster:
    database_url: str
    bots: list[Bot]  # bots[0] also runs the one action server the others share

    @property
    def actions(self) -> Stack:
        return self.bots[0].stack

    def start_rasa(self, index: int) -> None:
        stack = self.bots[index].stack
        stack.start_rasa()
        stack.wait_until_rasa_is_up(STARTUP_SECONDS)

    def stop(self) -> None:
        for bot in reversed(self.bots):
            bot.stack.stop()


@contextmanager
def running_cluster(log_root: Path, rasa_instances: int = 2) -> Iterator[Cluster]:
    with seeded_postgres("cluster") as url:
        environment = {"CANDOR_DATABASE_URL": url, "CANDOR_LOCK_STORE_URL": REDIS_URL}
        action_port = free_port()
        stacks = [
            Stack(rasa_port=free_port(), action_port=action_port, log_dir=log_root / f"rasa-{index}",
                  environment=environment)
            for index in range(rasa_instances)
        ]
        cluster = Cluster(url, [Bot(stack, url) for stack in stacks])
        try:
            stacks[0].log_dir.mkdir(parents=True)
            stacks[0].start_actions()
            for stack in stacks:  # all at once, as a deploy would: they race to create Rasa's tables
                stack.log_dir.mkdir(parents=True, exist_ok=True)
                stack.start_rasa()
            stacks[0].wait_until_up("action server", f"{stacks[0].action_url}/health", STARTUP_SECONDS)
            for stack in stacks:
                stack.wait_until_rasa_is_up(STARTUP_SECONDS)
            yield cluster
        finally:
            cluster.stop()


def stored_events(database_url: str, sender: str) -> list[dict]:
    """Every event in ``sender``'s stored tracker, in order (decrypted with the test key)."""
    from bot.stores import EncryptedSQLTrackerStore

    event = EncryptedSQLTrackerStore.SQLEvent
    engine = create_engine(database_url)
    try:
        with Session(engine) as session:
            rows = session.scalars(select(event).where(event.sender_id == sender).order_by(event.id)).all()
            return [json.loads(row.data) for row in rows]
    finally:
        engine.dispose()


def user_messages(database_url: str, sender: str) -> list[str]:
    """The user texts in ``sender``'s stored tracker, in order."""
    return [event["text"] for event in stored_events(database_url, sender) if event["event"] == "user"]


def audit_verdict(database_url: str) -> audit.Verdict:
    engine = create_engine(database_url, future=True)
    try:
        with Session(engine) as session:
            return audit.verify(session)
    finally:
        engine.dispose()


def scalar(database_url: str, statement: str, **values: object) -> object:
    engine = create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            return connection.execute(text(statement), values).scalar()
    finally:
        engine.dispose()
