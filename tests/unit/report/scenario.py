"""A seeded month of activity with known numbers, for the transparency report tests.

Everything goes through the same code the product uses (ledger, gateway, retention), except
the rows Rasa itself writes (trackers, conversation log) and the rights register, which are
inserted as those writers store them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from guardrails import retention
from guardrails.consent import ledger
from guardrails.profile_gateway import FieldNotAllowed, ProfileGateway
from guardrails.rights.requests import RightsRequest
from tests.unit import rasa_tables

# What the report must find for the last 30 days.
EXPECTED = {
    "conversations": 3,
    "customer_messages": 4,
    "masked_entities": {"EMAIL_ADDRESS": 2, "PHONE_NUMBER": 1, "CREDIT_CARD": 1},
    "consent": {"granted": 2, "withdrawn": 1},
    "reads_by_actor": {"bot:billing": 2, "bot:order_service": 1, "agent:delivery": 1},
    "refused": [
        {"actor": "agent:billing", "field": "address", "count": 2},
        {"actor": "agent:billing", "field": "purchase_history", "count": 1},
    ],
    "rights": {  # kind: (requested, fulfilled, not fulfilled, median seconds, slowest seconds)
        "access": (1, 0, 1, None, None),
        "export": (2, 2, 0, 20 * 60.0, 30 * 60.0),
        "erasure": (1, 1, 0, 2 * 3600.0, 2 * 3600.0),
    },
    "purge_runs": 2,
    "purges": [(1, 2, 2)],  # the run that deleted something: (conversations, tracker events, log rows)
}


def seed(session, now: datetime) -> None:
    day = lambda n: now - timedelta(days=n)  # noqa: E731
    rasa_tables.create(session)
    # three conversations in the period; placeholders count only in what customers typed
    rasa_tables.log_event(session, "conv-a", day(3), "user", "I'm <EMAIL_ADDRESS>, call <PHONE_NUMBER>")
    rasa_tables.log_event(session, "conv-a", day(3), "bot", "I can't see <EMAIL_ADDRESS> from here")
    rasa_tables.log_event(session, "conv-a", day(2), "user", "still waiting, <EMAIL_ADDRESS>")
    rasa_tables.log_event(session, "conv-b", day(2), "user", "card <CREDIT_CARD> charged twice")
    rasa_tables.log_event(session, "conv-c", day(1), "user", "where is my order?")
    # one before the period, which the report leaves out; and one so old that the purge takes it
    rasa_tables.log_event(session, "conv-old", day(45), "user", "I am <PERSON>")
    for sender, age in (("ancient", 200), ("ancient", 199)):
        rasa_tables.tracker_event(session, sender, day(age))
        rasa_tables.log_event(session, sender, day(age), "user", "hello <PERSON>")
    # consent: one grant before the period, then two grants and a withdrawal in it
    ledger.record_consent(session, "C003", "personalisation", True, "rest", "t/0", now=day(40))
    ledger.record_consent(session, "C001", "personalisation", True, "rest", "t/1", now=day(5))
    ledger.record_consent(session, "C002", "personalisation", True, "socketio", "t/2", now=day(4))
    ledger.record_consent(session, "C001", "personalisation", False, "rest", "t/3", now=day(1))
    # reads by the bot and by agents, and refused attempts (recorded now)
    ProfileGateway(session, "C002", "billing").read("invoices")
    ProfileGateway(session, "C001", "billing").read("invoices")
    ProfileGateway(session, "C001", "order_service").read("orders")
    ProfileGateway(session, "C001", role="delivery").read("address")
    for field in ("address", "address", "purchase_history"):
        try:
            ProfileGateway(session, "C002", role="billing").read(field)
        except FieldNotAllowed:
            pass
    # rights requests with known waits; one before the period
    for kind, age, wait in (
        ("export", 3, timedelta(minutes=10)),
        ("export", 2, timedelta(minutes=30)),
        ("erasure", 1, timedelta(hours=2)),
        ("access", 1, None),
        ("export", 45, timedelta(1)),
    ):
        requested = day(age)
        session.add(
            RightsRequest(
                customer="x" * 32,
                kind=kind,
                channel="chat",
                requested_at=requested,
                fulfilled_at=requested + wait if wait else None,
            )
        )
    retention.purge(session, timedelta(days=90), now=day(1), trigger="schedule")
    retention.purge(
        session, timedelta(days=90), now=day(1) + timedelta(hours=1), trigger="schedule"
    )  # nothing left
    session.flush()
