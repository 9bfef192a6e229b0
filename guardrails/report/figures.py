"""The transparency report's numbers, computed from the real tables and nothing else.

:func:`compute` returns plain data (:class:`Figures`, ``as_dict()`` for JSON), so the HTML
page (``report/html.py``), ``candor report --json`` and the Gradio demo all show the same
numbers. Sources:

- conversations and masked entities: ``conversation_log`` (already masked; entities are the
  typed placeholders such as ``<EMAIL_ADDRESS>`` in what customers typed);
- consent changes, profile reads, refused attempts: the audit trail (which outlives erasure);
- rights requests and how fast they were fulfilled: ``rights_requests``;
- purges: ``purge_runs``; chain status: :func:`guardrails.audit.verify` over the whole trail.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from guardrails import audit, retention
from guardrails.audit import AuditRecord
from guardrails.conversation_log import logged_events
from guardrails.rights.requests import KINDS, RightsRequest

PLACEHOLDER = re.compile(r"<([A-Z][A-Z0-9_]*)>")


@dataclass(frozen=True)
class RightsFigures:
    kind: str
    requested: int
    fulfilled: int
    not_fulfilled: int  # still pending, or refused
    median_seconds: float | None  # from request to fulfilment, over the fulfilled ones
    slowest_seconds: float | None


@dataclass(frozen=True)
class PurgeFigures:
    ran_at: str
    cutoff: str
    trigger: str
    conversations: int
    tracker_events: int
    log_rows: int
    handoffs: int


@dataclass(frozen=True)
class Figures:
    generated_at: str  # UTC, ISO 8601
    since: str
    days: list[str]  # every day of the period, oldest first (the x axis of the daily charts)
    conversations: int  # distinct (pseudonymous) senders with a logged event in the period
    customer_messages: int
    conversations_by_day: dict[str, int]
    masked_entities: dict[str, int]  # placeholder type -> count, most frequent first
    consent: dict[str, int]  # {"granted": n, "withdrawn": n}
    consent_by_day: dict[str, dict[str, int]]  # day -> {"granted": n, "withdrawn": n}, active days only
    reads_by_actor: dict[str, int]  # "bot:<purpose>" / "agent:<role>" -> profile fields read
    refused: list[dict[str, Any]]  # [{"actor", "field", "count"}], most frequent first
    rights_requests: list[RightsFigures]
    purge_runs: int  # every run in the period, the hourly ones that found nothing included
    purges: list[PurgeFigures]  # the runs that deleted something
    audit_chain: dict[str, Any]  # {"intact", "rows", "first_broken_id", "reason"}

    @property
    def refused_total(self) -> int:
        return sum(row["count"] for row in self.refused)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def compute(session: Session, since: timedelta, now: datetime | None = None) -> Figures:
    """Figures for the period ``[now - since, now]`` (UTC)."""
    if since <= timedelta(0):
        raise ValueError("the report period must be positive")
    now = now or datetime.utcnow()
    start = now - since
    days = [
        (start.date() + timedelta(days=offset)).isoformat()
        for offset in range((now.date() - start.date()).days + 1)
    ]
    conversations = _conversations(session, start, now)
    audit_rows = list(
        session.scalars(
            select(AuditRecord).where(AuditRecord.recorded_at >= start, AuditRecord.recorded_at <= now)
        )
    )
    verdict = audit.verify(session)
    purge_runs = [run for run in retention.runs(session, since=start) if run.ran_at <= now]
    return Figures(
        generated_at=_iso(now),
        since=_iso(start),
        days=days,
        conversations=conversations["conversations"],
        customer_messages=conversations["customer_messages"],
        conversations_by_day=conversations["by_day"],
        masked_entities=conversations["entities"],
        consent=_consent_totals(audit_rows),
        consent_by_day=_consent_by_day(audit_rows),
        reads_by_actor=dict(Counter(row.actor for row in audit_rows if row.action == "read").most_common()),
        refused=[
            {"actor": actor, "field": detail, "count": count}
            for (actor, detail), count in Counter(
                (row.actor, row.detail) for row in audit_rows if row.action == "refused"
            ).most_common()
        ],
        rights_requests=_rights(session, start, now),
        purge_runs=len(purge_runs),
        purges=[
            PurgeFigures(
                _iso(run.ran_at),
                _iso(run.cutoff),
                run.trigger,
                run.conversations,
                run.tracker_events,
                run.log_rows,
                run.handoffs,
            )
            for run in purge_runs
            if run.conversations or run.tracker_events or run.log_rows or run.handoffs
        ],
        audit_chain={
            "intact": verdict.intact,
            "rows": verdict.rows,
            "first_broken_id": verdict.first_broken_id,
            "reason": verdict.reason,
        },
    )


def _conversations(session: Session, start: datetime, end: datetime) -> dict[str, Any]:
    low, high = _unix(start), _unix(end)
    senders: set[str] = set()
    by_day: dict[str, set[str]] = {}
    entities: Counter[str] = Counter()
    messages = 0
    for _, event in logged_events(session):
        stamp = event.get("timestamp")
        if not isinstance(stamp, (int, float)) or not low <= stamp <= high:
            continue
        sender = str(event.get("sender_id"))
        senders.add(sender)
        day = datetime.fromtimestamp(stamp, tz=timezone.utc).date().isoformat()
        by_day.setdefault(day, set()).add(sender)
        if event.get("event") == "user" and isinstance(event.get("text"), str):
            messages += 1
            entities.update(PLACEHOLDER.findall(event["text"]))
    return {
        "conversations": len(senders),
        "customer_messages": messages,
        "by_day": {day: len(found) for day, found in sorted(by_day.items())},
        "entities": dict(entities.most_common()),
    }


_CONSENT_ACTIONS = {"consent_granted": "granted", "consent_withdrawn": "withdrawn"}


def _consent_totals(rows: list[AuditRecord]) -> dict[str, int]:
    totals = {"granted": 0, "withdrawn": 0}
    for row in rows:
        if row.action in _CONSENT_ACTIONS:
            totals[_CONSENT_ACTIONS[row.action]] += 1
    return totals


def _consent_by_day(rows: list[AuditRecord]) -> dict[str, dict[str, int]]:
    by_day: dict[str, dict[str, int]] = {}
    for row in sorted(rows, key=lambda found: found.recorded_at):
        if row.action in _CONSENT_ACTIONS:
            day = by_day.setdefault(row.recorded_at.date().isoformat(), {"granted": 0, "withdrawn": 0})
            day[_CONSENT_ACTIONS[row.action]] += 1
    return by_day


def _rights(session: Session, start: datetime, end: datetime) -> list[RightsFigures]:
    statement = select(RightsRequest).where(
        RightsRequest.requested_at >= start, RightsRequest.requested_at <= end
    )
    requests = list(session.scalars(statement))
    kinds = list(KINDS) + sorted({request.kind for request in requests} - set(KINDS))
    found = []
    for kind in kinds:
        mine = [request for request in requests if request.kind == kind]
        waits = [
            (request.fulfilled_at - request.requested_at).total_seconds()
            for request in mine
            if request.fulfilled_at is not None
        ]
        found.append(
            RightsFigures(
                kind=kind,
                requested=len(mine),
                fulfilled=len(waits),
                not_fulfilled=len(mine) - len(waits),
                median_seconds=statistics.median(waits) if waits else None,
                slowest_seconds=max(waits) if waits else None,
            )
        )
    return found


def _unix(moment: datetime) -> float:
    return moment.replace(tzinfo=timezone.utc).timestamp()


def _iso(moment: datetime | date) -> str:
    return moment.isoformat(timespec="seconds") + "Z" if isinstance(moment, datetime) else moment.isoformat()
