"""Retention: conversations are kept for a configured period, then purged.

What goes, when its time is up (``CANDOR_RETENTION_DAYS``, 90 by default):

- **Trackers** (Rasa's ``tracker_events``), a whole conversation at a time, and only when its
  *last* event is older than the cutoff. Rasa's SQL tracker store appends only the events
  beyond the count already stored, so deleting part of a live conversation would corrupt
  it; deleting all of an idle one is safe, and a later message simply starts afresh.
- **Conversation-log rows** (the masked analytics copy) older than the cutoff, row by row.
- **Handoffs** requested before the cutoff (their conversation is gone or going).

Each run that deletes is recorded in ``purge_runs`` (when, cutoff, how much), which the
transparency report reads. Functions take a session and never commit.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from sqlalchemy import Column, DateTime, Float, Integer, String, column, delete, func, select, table
from sqlalchemy.orm import Session

from guardrails import config
from guardrails.agents.handoffs import Handoff
from guardrails.conversation_log import LOG_TABLE, has_table, logged_events
from guardrails.store.models import Base

logger = logging.getLogger(__name__)

# Rasa's tracker table as bot/stores.py defines it; only the columns retention needs, raw
# (the sender ids stored there are already pseudonyms).
TRACKER_TABLE = table("tracker_events", column("id"), column("sender_id"), column("timestamp", Float))
_BATCH = 500  # ids per DELETE ... IN (...), well under every database's parameter limit


class PurgeRun(Base):
    __tablename__ = "purge_runs"

    id = Column(Integer, primary_key=True, autoincrement=True)
    ran_at = Column(DateTime, nullable=False)  # UTC
    cutoff = Column(DateTime, nullable=False)  # UTC: what was older than this went
    trigger = Column(String(16), nullable=False)  # cli, schedule
    conversations = Column(Integer, nullable=False)  # whole trackers deleted
    tracker_events = Column(Integer, nullable=False)
    log_rows = Column(Integer, nullable=False)
    handoffs = Column(Integer, nullable=False)


@dataclass(frozen=True)
class PurgeResult:
    ran_at: datetime
    cutoff: datetime
    conversations: int
    tracker_events: int
    log_rows: int
    handoffs: int
    dry_run: bool

    def as_dict(self) -> dict[str, Any]:
        found = asdict(self)
        found["ran_at"], found["cutoff"] = _iso(self.ran_at), _iso(self.cutoff)
        return found

    def summary(self) -> str:
        verb = "would purge" if self.dry_run else "purged"
        return (
            f"{verb} {self.conversations} conversation(s) ({self.tracker_events} tracker events), "
            f"{self.log_rows} conversation-log row(s) and {self.handoffs} handoff(s) "
            f"older than {_iso(self.cutoff)}"
        )


def purge(
    session: Session,
    older_than: timedelta,
    now: datetime | None = None,
    dry_run: bool = False,
    trigger: str = "cli",
) -> PurgeResult:
    """Delete what is older than ``now - older_than``; with ``dry_run``, only count it."""
    if older_than <= timedelta(0):
        raise ValueError("the retention period must be positive")
    ran_at = now or datetime.utcnow()
    cutoff = ran_at - older_than
    conversations, tracker_events = _purge_trackers(session, cutoff, dry_run)
    log_rows = _purge_log(session, cutoff, dry_run)
    handoffs = _purge_handoffs(session, cutoff, dry_run)
    result = PurgeResult(ran_at, cutoff, conversations, tracker_events, log_rows, handoffs, dry_run)
    if not dry_run:
        session.add(
            PurgeRun(
                ran_at=ran_at,
                cutoff=cutoff,
                trigger=trigger,
                conversations=conversations,
                tracker_events=tracker_events,
                log_rows=log_rows,
                handoffs=handoffs,
            )
        )
        session.flush()
    return result


def _unix(moment: datetime) -> float:
    return moment.replace(tzinfo=timezone.utc).timestamp()


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds") + "Z"


def _purge_trackers(session: Session, cutoff: datetime, dry_run: bool) -> tuple[int, int]:
    if not has_table(session, TRACKER_TABLE.name):
        return 0, 0
    events = TRACKER_TABLE.c
    idle = (
        select(events.sender_id).group_by(events.sender_id).having(func.max(events.timestamp) < _unix(cutoff))
    )
    senders = list(session.scalars(idle))
    count = 0
    for batch in _batches(senders):
        in_batch = events.sender_id.in_(batch)
        if dry_run:
            count += session.scalar(select(func.count()).select_from(TRACKER_TABLE).where(in_batch))
        else:
            # Re-check the last event inside the DELETE, so a conversation that came back to
            # life since the SELECT above is left whole.
            still_idle = events.sender_id.in_(idle.where(in_batch))
            count += session.execute(delete(TRACKER_TABLE).where(still_idle)).rowcount
    return len(senders), count


def _purge_log(session: Session, cutoff: datetime, dry_run: bool) -> int:
    limit = _unix(cutoff)
    old = [
        row_id
        for row_id, event in logged_events(session)
        if isinstance(event.get("timestamp"), (int, float)) and event["timestamp"] < limit
    ]
    if not dry_run:
        for batch in _batches(old):
            session.execute(delete(LOG_TABLE).where(LOG_TABLE.c.id.in_(batch)))
    return len(old)


def _purge_handoffs(session: Session, cutoff: datetime, dry_run: bool) -> int:
    old = select(Handoff.id).where(Handoff.requested_at < cutoff)
    ids = list(session.scalars(old))
    if not dry_run:
        for batch in _batches(ids):
            session.execute(delete(Handoff).where(Handoff.id.in_(batch)))
    return len(ids)


def _batches(items: list) -> list[list]:
    return [items[start : start + _BATCH] for start in range(0, len(items), _BATCH)]


def purge_configured(
    older_than: timedelta | None = None, dry_run: bool = False, trigger: str = "cli"
) -> PurgeResult:
    """One purge in its own transaction on the configured database (CLI and schedule)."""
    from guardrails.store import db  # db imports this module to create its table

    period = older_than if older_than is not None else timedelta(days=config.settings().retention_days)
    db.create_schema()
    with db.session_factory().begin() as session:
        return purge(session, period, dry_run=dry_run, trigger=trigger)


def runs(session: Session, since: datetime | None = None) -> list[PurgeRun]:
    statement = select(PurgeRun).order_by(PurgeRun.ran_at)
    if since is not None:
        statement = statement.where(PurgeRun.ran_at >= since)
    return list(session.scalars(statement))


class PurgeSchedule:
    """Run a purge now and then every ``interval`` seconds in a daemon thread, never raising.

    ``run_once`` does one purge in its own transaction (the launcher passes one that uses the
    configured database); a failure is logged and retried at the next tick.
    """

    def __init__(
        self,
        run_once: Callable[[], PurgeResult],
        interval: float = 3600.0,
        report: Callable[[str], None] = lambda line: print(line, flush=True),
    ) -> None:
        self.run_once, self.interval, self.report = run_once, interval, report
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="candor-retention", daemon=True)

    def start(self) -> "PurgeSchedule":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.report(f"retention: {self.run_once().summary()}")
            except Exception as error:  # noqa: BLE001 - the schedule must outlive any one failure
                self.report(
                    f"retention: purge failed ({type(error).__name__}); retrying in {self.interval:.0f} s"
                )
            self._stop.wait(self.interval)
