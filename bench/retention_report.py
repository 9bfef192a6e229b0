"""How long ``candor purge`` and ``candor report`` take as the conversation log grows.

Both scan the log's JSON in Python (portable across SQLite and PostgreSQL). This seeds a
throwaway SQLite database with N logged events (half of them older than the retention
period) and times, for each N: the baseline (fetching every row's data, the I/O floor),
``figures.compute`` for 30 days, and a dry-run purge. Prints a table; not part of the tests.

    .venv/bin/python bench/retention_report.py [N ...]    (default: 10000 50000)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("CANDOR_STATE_DIR", tempfile.mkdtemp(prefix="candor-bench-"))
os.environ.setdefault("CANDOR_SECRET_KEY", "bench-only-key-" + "x" * 40)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

from guardrails import retention  # noqa: E402
from guardrails.conversation_log import LOG_TABLE  # noqa: E402
from guardrails.report import figures  # noqa: E402
from guardrails.store import db  # noqa: E402
from tests.unit import rasa_tables  # noqa: E402

TEXTS = ["where is my order?", "my email is <EMAIL_ADDRESS>", "call me on <PHONE_NUMBER> please", "thanks"]


def seeded(rows: int) -> str:
    url = f"sqlite:///{os.environ['CANDOR_STATE_DIR']}/bench-{rows}.db"
    db.create_schema(url)
    now = datetime.utcnow()
    with db.session_factory(url).begin() as session:
        rasa_tables.create(session)
        for index in range(rows):
            at = now - timedelta(days=(index % 180), minutes=index % 1440)  # half older than 90 days
            sender = f"bench-{index // 20}"  # 20 events per conversation
            rasa_tables.log_event(session, sender, at, "user" if index % 2 else "bot", TEXTS[index % len(TEXTS)])
            if index % 20 == 0:
                rasa_tables.tracker_event(session, sender, at)
    return url


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main(sizes: list[int]) -> None:
    print(f"{'log rows':>9}  {'fetch all (baseline)':>21}  {'report figures':>15}  {'purge --dry-run':>16}")
    for rows in sizes:
        url = seeded(rows)
        with db.session_factory(url).begin() as session:
            baseline = timed(lambda: list(session.execute(select(LOG_TABLE.c.data))))
            report = timed(lambda: figures.compute(session, timedelta(days=30)))
            purge = timed(lambda: retention.purge(session, timedelta(days=90), dry_run=True))
        print(f"{rows:>9,}  {baseline:>19.2f} s  {report:>13.2f} s  {purge:>14.2f} s", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000, 50_000])
