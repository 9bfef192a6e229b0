"""One-time download links for a customer's data export.

A link id is 32 random bytes (URL-safe); only its keyed hash is stored, with the customer's
audit pseudonym, an expiry, and the time it was spent. Redeeming needs the same verified
customer, an unexpired and unspent link, and builds the export at that moment (nothing of
the export is stored). Someone else's link and an unknown one get the same answer, so a
link cannot be probed for.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, delete, select, update
from sqlalchemy.orm import Session

from guardrails import audit, config
from guardrails.crypto import keyed_hash
from guardrails.rights import export, requests
from guardrails.store import queries
from guardrails.store.models import Base

ROUTE = "/webhooks/rights/export/"


class ExportLink(Base):
    __tablename__ = "export_links"

    id = Column(Integer, primary_key=True, autoincrement=True)
    link_hash = Column(String(64), nullable=False, unique=True)  # keyed hash of the link id
    customer = Column(String(32), nullable=False, index=True)  # guardrails.audit.customer_pseudonym
    request_id = Column(Integer, ForeignKey("rights_requests.id"), nullable=False)
    created_at = Column(DateTime, nullable=False)  # UTC
    expires_at = Column(DateTime, nullable=False)  # UTC
    used_at = Column(DateTime, nullable=True)  # UTC; set when the export was downloaded


@dataclass(frozen=True)
class NewLink:
    link_id: str
    expires_at: datetime
    ttl_seconds: int

    @property
    def path(self) -> str:
        return ROUTE + self.link_id


class LinkRefused(Exception):
    """Why a download is refused: an HTTP status and a sentence for the client."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def _hash(link_id: str) -> str:
    return keyed_hash(link_id, purpose="export-link", length=64)


def create_link(session: Session, customer_id: str, now: datetime | None = None) -> NewLink:
    """Register an export request by chat and a link that fulfils it once."""
    now = now or datetime.utcnow()
    ttl = config.settings().export_link_ttl_seconds
    request = requests.record_request(session, customer_id, "export", "chat", now)
    link_id = secrets.token_urlsafe(32)
    session.add(ExportLink(link_hash=_hash(link_id), customer=audit.customer_pseudonym(customer_id),
                           request_id=request.id, created_at=now, expires_at=now + timedelta(seconds=ttl)))
    session.flush()
    return NewLink(link_id, now + timedelta(seconds=ttl), ttl)


def redeem(session: Session, link_id: str, customer_id: str, now: datetime | None = None) -> dict[str, Any]:
    """The export behind the link, for its own customer only; the link is spent by this call.

    Raises :class:`LinkRefused` (404 unknown or not theirs, 410 spent or expired). The
    caller's transaction spends the link and fulfils the request together, so a failure
    while building the export leaves the link usable.
    """
    now = now or datetime.utcnow()
    link = session.scalars(select(ExportLink).where(ExportLink.link_hash == _hash(link_id))).first()
    if link is None or link.customer != audit.customer_pseudonym(customer_id):
        raise LinkRefused(404, "no such export link for this customer")
    if link.used_at is not None:
        raise LinkRefused(410, "this export link was already used; ask the assistant for a new one")
    if link.expires_at <= now:
        raise LinkRefused(410, "this export link has expired; ask the assistant for a new one")
    spent = session.execute(
        update(ExportLink).where(ExportLink.id == link.id, ExportLink.used_at.is_(None)).values(used_at=now)
    ).rowcount
    if spent != 1:  # another download won the race
        raise LinkRefused(410, "this export link was already used; ask the assistant for a new one")
    try:
        document = export.build_export(session, customer_id, now=now)
    except queries.UnknownCustomer:
        raise LinkRefused(404, "there is no data to export for this customer") from None
    request = session.get(requests.RightsRequest, link.request_id)
    if request is not None:
        requests.fulfil(session, request, customer_id, now)
    return document


def delete_links(session: Session, customer_id: str) -> int:
    statement = delete(ExportLink).where(ExportLink.customer == audit.customer_pseudonym(customer_id))
    return session.execute(statement).rowcount
