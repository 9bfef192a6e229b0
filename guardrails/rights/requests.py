"""The register of data-rights requests: who asked for what, when, and when it was done.

Customers appear only as the audit trail's keyed pseudonym, so a row survives the erasure it
records and still proves the request was made and fulfilled, without saying by whom.
The transparency report reads this table for "rights requests and how fast they were
fulfilled".
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String

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
