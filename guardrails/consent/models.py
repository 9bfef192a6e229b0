"""The consent ledger table, on the store's declarative ``Base`` so ``create_schema`` makes it.

Rows are evidence of what a customer agreed to, under which notice, where and when, so they
are append-only: a change of mind is a new row, and the current state is derived from the
latest one. The listener below makes the ORM refuse updates and deletes; removing a
customer's rows on erasure is a deliberate Core ``delete()``, never an accident.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, event
from sqlalchemy.orm import Session, relationship

from guardrails.store.models import Base


class ConsentRecord(Base):
    __tablename__ = "consent_records"

    id = Column(Integer, primary_key=True, autoincrement=True)
    customer_id = Column(String(16), ForeignKey("customers.id"), nullable=False, index=True)
    purpose = Column(String(64), nullable=False)
    granted = Column(Boolean, nullable=False)
    notice_version = Column(String(32), nullable=False)
    channel = Column(String(32), nullable=False)  # rest, socketio, cli, ...
    recorded_at = Column(DateTime, nullable=False)  # UTC, naive like the rest of the store
    source_event = Column(String(200), nullable=False)  # e.g. conversation pseudonym / message id

    customer = relationship("Customer")


class AppendOnlyError(RuntimeError):
    """Someone tried to change or delete a consent record through the ORM."""


def _refuse_changes(session: Session, _flush_context, _instances) -> None:
    for record in session.deleted:
        if isinstance(record, ConsentRecord):
            raise AppendOnlyError("consent records are append-only: record a new answer instead of deleting")
    for record in session.dirty:
        if isinstance(record, ConsentRecord) and session.is_modified(record):
            raise AppendOnlyError("consent records are append-only: record a new answer instead of updating")


if not event.contains(Session, "before_flush", _refuse_changes):
    event.listen(Session, "before_flush", _refuse_changes)
