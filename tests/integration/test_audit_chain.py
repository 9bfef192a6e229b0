"""Several writers append to the audit trail at once; the chain must not fork.

Each worker is a separate process with its own engine (as several action servers would be),
appending one row per transaction, all started together. Afterwards ``verify`` walks the
chain: every row must link to the one before it and the count must be exact.
"""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from guardrails import audit
from guardrails.store import db, migrate
from tests.services import fresh_database

WORKERS = 4
ROWS_EACH = 25


def _append_rows(url: str, worker: int, start: multiprocessing.synchronize.Event) -> None:
    engine = db.new_engine(url, future=True)
    factory = sessionmaker(engine, future=True)
    start.wait(30)
    for row in range(ROWS_EACH):
        with factory.begin() as session:
            audit.append(session, "bot:test", "read", f"C{worker:03d}", f"row {row}")
    engine.dispose()


@pytest.mark.parametrize("kind", ["postgresql", "sqlite"])
def test_when_processes_append_at_once_then_the_chain_stays_whole(kind, tmp_path):
    with fresh_database(kind, tmp_path, "audit") as url:
        migrate.upgrade(url)
        context = multiprocessing.get_context("fork")
        start = context.Event()
        workers = [context.Process(target=_append_rows, args=(url, n, start)) for n in range(WORKERS)]
        for worker in workers:
            worker.start()
        start.set()
        for worker in workers:
            worker.join(120)
        assert [worker.exitcode for worker in workers] == [0] * WORKERS

        engine = db.new_engine(url, future=True)
        with sessionmaker(engine, future=True).begin() as session:
            verdict = audit.verify(session)
            links = session.scalars(select(func.count(func.distinct(audit.AuditRecord.previous_hash)))).one()
        engine.dispose()
    assert verdict == audit.Verdict(True, WORKERS * ROWS_EACH)
    assert links == WORKERS * ROWS_EACH  # no two rows link to the same predecessor: no fork
