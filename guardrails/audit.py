"""The audit trail: an append-only, hash-chained record of every use of profile data.

Each row stores the hash of the row before it and a hash of its own content plus that
link, so editing a row breaks its own hash, deleting one breaks the next row's link, and
reordering breaks both; :func:`verify` names the first row where the chain breaks.
Customers appear only as keyed pseudonyms, so the trail can outlive an erasure and still
prove what happened without saying to whom.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Column, DateTime, Integer, String, desc, select, text
from sqlalchemy.orm import Session

from guardrails.crypto import keyed_hash
from guardrails.store.models import Base

GENESIS = "0" * 64
CHAIN_LOCK_KEY = 0x43414E444F52  # "CANDOR": the advisory lock id that serialises appenders on PostgreSQL


class AuditRecord(Base):
    __tablename__ = "audit_trail"

    id = Column(Integer, primary_key=True, autoincrement=True)
    recorded_at = Column(DateTime, nullable=False)  # UTC
    actor = Column(String(64), nullable=False)  # "bot:<purpose>", "agent:<role>", "staff:cli", "customer"
    action = Column(String(64), nullable=False)  # read, consent_granted, consent_withdrawn, refused, ...
    customer = Column(String(32), nullable=False, index=True)  # keyed pseudonym of the customer id
    detail = Column(String(200), nullable=False, default="")  # e.g. the field read
    previous_hash = Column(String(64), nullable=False)
    row_hash = Column(String(64), nullable=False)


def customer_pseudonym(customer_id: str) -> str:
    return keyed_hash(customer_id, purpose="audit", length=32)


def _content_hash(record: AuditRecord) -> str:
    content = json.dumps(
        [record.recorded_at.isoformat(), record.actor, record.action, record.customer, record.detail,
         record.previous_hash],
        separators=(",", ":"),
    )
    return hashlib.sha256(content.encode()).hexdigest()


def _lock_chain_head(session: Session) -> None:
    """Make appenders take turns until the caller's transaction ends.

    Reading the last row and inserting after it is a read-modify-write: two servers doing it
    at once would both link to the same row and fork the chain. PostgreSQL: a transaction-
    scoped advisory lock, released at commit or rollback. SQLite: a write that touches no row
    still takes the database's write lock (waiting up to the busy timeout) before we read.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK_KEY})
    elif dialect == "sqlite":
        session.execute(text("UPDATE audit_trail SET id = id WHERE id < 0"))
    else:  # pragma: no cover - other databases would need their own way
        raise NotImplementedError(f"the audit trail has no chain lock for {dialect}")


def append(session: Session, actor: str, action: str, customer_id: str, detail: str = "",
           now: datetime | None = None) -> AuditRecord:
    """Add one row at the end of the chain (in the caller's transaction, which holds the chain
    until it ends, so keep it short)."""
    _lock_chain_head(session)
    last = session.scalars(select(AuditRecord).order_by(desc(AuditRecord.id)).limit(1)).first()
    record = AuditRecord(
        recorded_at=now or datetime.utcnow(),
        actor=actor,
        action=action,
        customer=customer_pseudonym(customer_id),
        detail=detail,
        previous_hash=last.row_hash if last else GENESIS,
    )
    record.row_hash = _content_hash(record)
    session.add(record)
    session.flush()
    return record


@dataclass(frozen=True)
class Verdict:
    intact: bool
    rows: int
    first_broken_id: int | None = None
    reason: str = ""


def verify(session: Session) -> Verdict:
    """Walk the chain in id order; report the first row that was edited, removed or moved."""
    expected_previous = GENESIS
    count = 0
    for record in session.scalars(select(AuditRecord).order_by(AuditRecord.id)):
        count += 1
        if record.previous_hash != expected_previous:
            return Verdict(False, count, record.id, "does not follow the row before it (a row was deleted or moved)")
        if _content_hash(record) != record.row_hash:
            return Verdict(False, count, record.id, "its content was changed after it was written")
        expected_previous = record.row_hash
    return Verdict(True, count)


def rows_for(session: Session, customer_id: str) -> list[AuditRecord]:
    statement = select(AuditRecord).where(AuditRecord.customer == customer_pseudonym(customer_id))
    return list(session.scalars(statement.order_by(AuditRecord.id)))
