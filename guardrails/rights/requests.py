"""The register of data-rights requests: who asked for what, when, and when it was done.

Customers appear only as the audit trail's keyed pseudonym, so a row survives the erasure it
records and still proves the request was made and fulfilled, without saying by whom.
The transparency report reads this table for "rights requests and how fast they were
fulfilled".
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, Integer, String
from sqlalchemy.orm import Session

from guardrails import audit
from guardrails.store.models import Base

KINDS = ("access", "export", "erasure")
CHANNELS = ("chat", "cli")


class RightsRequest(Base):
    __tablename__ = "rights_requests"

    id = Column(Integer, primary_key=True, autoincrement=True)
    customer = Column(String(32), nullable=False, index=True)  # guardrails.audit.customer_pseudonym
    kind = Column(String(16), nullable=False)  # one of KINDS
    channel = Column(String(16), nullable=False)  # one of CHANNELS
    requested_at = Column(DateTime, nullable=False)  # UTC
    fulfilled_at = Column(DateTime, nullable=True)  # UTC; None while pending or if refused


ACTORS = {"chat": "customer:chat", "cli": "staff:cli"}


def record_request(session: Session, customer_id: str, kind: str, channel: str,
                   now: datetime | None = None) -> RightsRequest:
    """Register a request (and its audit row) in the caller's transaction."""
    if kind not in KINDS or channel not in CHANNELS:
        raise ValueError(f"a rights request is one of {KINDS} by one of {CHANNELS}, not {kind!r} by {channel!r}")
    request = RightsRequest(customer=audit.customer_pseudonym(customer_id), kind=kind, channel=channel,
                            requested_at=now or datetime.utcnow())
    session.add(request)
    session.flush()
    audit.append(session, ACTORS[channel], "rights_requested", customer_id, kind, now=request.requested_at)
    return request


def fulfil(session: Session, request: RightsRequest, customer_id: str, now: datetime | None = None) -> None:
    """Mark the request done (and audit it); ``customer_id`` only feeds the audit pseudonym."""
    request.fulfilled_at = now or datetime.utcnow()
    audit.append(session, ACTORS[request.channel], "rights_fulfilled", customer_id, request.kind,
                 now=request.fulfilled_at)


def record_fulfilled(session: Session, customer_id: str, kind: str, channel: str,
                     now: datetime | None = None) -> RightsRequest:
    """A request answered on the spot (access, a CLI export or erasure)."""
    request = record_request(session, customer_id, kind, channel, now)
    fulfil(session, request, customer_id, now)
    return request
