"""Small helpers the consent tests share (fixtures live in conftest.py)."""

from datetime import datetime

from guardrails.consent import ledger
from guardrails.consent.models import ConsentRecord

PERSONALISATION = "personalisation"


def grant(session, customer_id: str, granted: bool = True, now: datetime | None = None) -> ConsentRecord:
    """Record a personalisation answer as the CLI would."""
    return ledger.record_consent(session, customer_id, PERSONALISATION, granted, "cli", "test/1", now=now)
