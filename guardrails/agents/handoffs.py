"""Handoffs: a customer asked for a person, and the conversation waits for an agent.

A handoff names the conversation by the same keyed pseudonym the conversation log uses,
so the agent desk can show what was said (masked, as logged) without the real sender id.
The verified customer id, which the desk needs to read the profile through the gateway,
is stored only as AES-GCM ciphertext. Functions take a session and never commit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, Integer, String, select
from sqlalchemy.orm import Session

from guardrails.conversation_log import pseudonym
from guardrails.sqltypes import EncryptedText
from guardrails.store.models import Base

OPEN, CLOSED = "open", "closed"


class Handoff(Base):
    __tablename__ = "agent_handoffs"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation = Column(String(64), nullable=False, index=True)  # conversation_log's sender pseudonym
    customer = Column(EncryptedText, nullable=True)  # verified customer id, encrypted; None = anonymous
    requested_at = Column(DateTime, nullable=False)  # UTC
    status = Column(String(16), nullable=False, default=OPEN)  # open, closed
    closed_at = Column(DateTime, nullable=True)  # UTC
    closed_by = Column(String(64), nullable=True)  # the agent's name from their token


def request_handoff(
    session: Session, sender_id: str, customer_id: str | None, now: datetime | None = None
) -> tuple[Handoff, bool]:
    """Open a handoff for this conversation, or return the one already open: ``(handoff, created)``."""
    conversation = pseudonym(sender_id)
    statement = select(Handoff).where(Handoff.conversation == conversation, Handoff.status == OPEN)
    existing = session.scalars(statement.order_by(Handoff.id)).first()
    if existing is not None:
        if existing.customer is None and customer_id:
            existing.customer = customer_id  # the visitor signed in since asking
        return existing, False
    handoff = Handoff(
        conversation=conversation,
        customer=customer_id or None,
        requested_at=now or datetime.utcnow(),
        status=OPEN,
    )
    session.add(handoff)
    session.flush()
    return handoff, True


def open_handoffs(session: Session) -> list[Handoff]:
    return list(session.scalars(select(Handoff).where(Handoff.status == OPEN).order_by(Handoff.requested_at)))


def close(session: Session, handoff: Handoff, agent_name: str, now: datetime | None = None) -> None:
    handoff.status = CLOSED
    handoff.closed_at = now or datetime.utcnow()
    handoff.closed_by = agent_name[:64]


def forget_customer(session: Session, customer_id: str) -> int:
    """Delete the handoffs of one customer (for erasure); the ids are ciphertext, so decrypt each."""
    mine = [handoff for handoff in session.scalars(select(Handoff)) if handoff.customer == customer_id]
    for handoff in mine:
        session.delete(handoff)
    session.flush()
    return len(mine)
