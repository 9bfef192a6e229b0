"""Record consent answers and derive each customer's current choice from them.

The state is never stored: it is read from the latest row every time, so a withdrawal is in
force from the next read, and the full history stays as evidence. Functions take a session
and never commit; the caller owns the transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import desc, select
from sqlalchemy.orm import Session

from guardrails import audit
from guardrails.consent import purposes
from guardrails.consent.models import ConsentRecord
from guardrails.store.models import Customer
from guardrails.store.queries import UnknownCustomer


@dataclass(frozen=True)
class ConsentState:
    """A customer's choice for one purpose, as the latest ledger row says.

    ``granted`` is that row's answer; ``needs_asking`` is true when there is no answer or it
    was given to an older notice. Only ``current_grant`` (both together) allows using data.
    """

    purpose: str
    granted: bool
    answered: bool
    notice_version: str | None  # the version the latest answer was given to
    decided_at: datetime | None  # UTC
    needs_asking: bool

    @property
    def current_grant(self) -> bool:
        return self.granted and not self.needs_asking


def record_consent(
    session: Session,
    customer_id: str,
    purpose: str,
    granted: bool,
    channel: str,
    source_event: str,
    now: datetime | None = None,
) -> ConsentRecord:
    """Append the customer's answer to the purpose's current notice."""
    found = purposes.purpose(purpose)
    if not found.requires_consent:
        raise ValueError(f"purpose {purpose!r} does not ask for consent, so there is nothing to record")
    if not channel or not source_event:
        raise ValueError("a consent record needs the channel and the source event it came from")
    if session.get(Customer, customer_id) is None:
        raise UnknownCustomer("cannot record consent for an unknown customer")
    record = ConsentRecord(
        customer_id=customer_id,
        purpose=purpose,
        granted=granted,
        notice_version=found.version,
        channel=channel,
        recorded_at=_utc(now),
        source_event=source_event,
    )
    session.add(record)
    session.flush()
    audit.append(session, f"customer:{channel}", "consent_granted" if granted else "consent_withdrawn",
                 customer_id, f"{purpose} {found.version}", now=record.recorded_at)
    return record


def consent_state(session: Session, customer_id: str, purpose: str) -> ConsentState:
    current_version = purposes.purpose(purpose).version
    statement = (
        select(ConsentRecord)
        .where(ConsentRecord.customer_id == customer_id, ConsentRecord.purpose == purpose)
        .order_by(desc(ConsentRecord.recorded_at), desc(ConsentRecord.id))
        .limit(1)
    )
    latest = session.scalars(statement).first()
    if latest is None:
        return ConsentState(purpose, False, False, None, None, needs_asking=True)
    return ConsentState(
        purpose=purpose,
        granted=latest.granted,
        answered=True,
        notice_version=latest.notice_version,
        decided_at=latest.recorded_at,
        needs_asking=latest.notice_version != current_version,
    )


def consent_history(session: Session, customer_id: str) -> list[ConsentRecord]:
    """Every answer the customer gave, oldest first (for export and "show my choices")."""
    statement = (
        select(ConsentRecord)
        .where(ConsentRecord.customer_id == customer_id)
        .order_by(ConsentRecord.recorded_at, ConsentRecord.id)
    )
    return list(session.scalars(statement))


def current_choices(session: Session, customer_id: str) -> dict[str, ConsentState]:
    """The state of every purpose that needs permission, answered or not."""
    return {name: consent_state(session, customer_id, name) for name in purposes.consent_purposes()}


def _utc(now: datetime | None) -> datetime:
    """Naive UTC, as the store keeps every timestamp."""
    if now is None:
        return datetime.now(timezone.utc).replace(tzinfo=None)
    if now.tzinfo is not None:
        return now.astimezone(timezone.utc).replace(tzinfo=None)
    return now
