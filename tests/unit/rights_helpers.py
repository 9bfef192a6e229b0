"""A canary customer with a conversation, written the way Candor writes it (shared by rights tests)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from guardrails import conversation_store
from guardrails.conversation_log import mask_event
from guardrails.consent import ledger
from guardrails.store.models import Customer, Invoice, Order, OrderItem, Refund

CANARY_ID = "C900"
CANARY = {
    "name": "Testy Canaryface",
    "email": "testy.canaryface@example.com",
    "phone": "+44 20 7946 0917",
    "address": "17 Canary Wharf Lane, Testville, TE17 9CW",
    "card": "Visa ending 4242",
    "refund reason": "the canary kettle whistled off-key",
    "typed": "my other address is 5 Yellowbird Close",
}


def add_canary_customer(session: Session, customer_id: str = CANARY_ID, order_number: str = "19001") -> None:
    """A customer with an order (and item), a refund, an invoice and a consent answer."""
    placed = datetime(2026, 1, 5, 10, 0)
    session.add(Customer(id=customer_id, full_name=CANARY["name"], email=CANARY["email"], phone=CANARY["phone"],
                         address=CANARY["address"], birth_year=1990, gender="nonbinary", preferences=["camping"]))
    session.add(Order(number=order_number, customer_id=customer_id, placed_at=placed, status="delivered",
                      carrier="Parcelgo", delivered_at=placed + timedelta(days=3), shipping_address=CANARY["address"],
                      items=[OrderItem(product_id="P001", quantity=1, unit_price_cents=18900)]))
    session.add(Refund(order_number=order_number, amount_cents=18900, status="approved", reason=CANARY["refund reason"],
                       requested_at=placed + timedelta(days=5)))
    session.add(Invoice(number=f"INV-{order_number}", order_number=order_number, customer_id=customer_id,
                        issued_at=placed, amount_cents=18900, status="paid", payment_method=CANARY["card"]))
    session.flush()
    ledger.record_consent(session, customer_id, "personalisation", True, "rest", "conv/1", now=placed)


def add_conversation(session: Session, sender: str, customer_id: str, text: str = CANARY["typed"]) -> None:
    """One user event in both tables: encrypted in the tracker, masked in the log."""
    event = {"event": "user", "timestamp": 1.0, "text": text, "parse_data": {"intent": {"name": "greet"}},
             "metadata": {"customer_id": customer_id}}
    session.execute(insert(conversation_store.tracker_events).values(
        sender_id=sender, type_name="user", timestamp=1.0, intent_name="greet", data=json.dumps(event)))
    logged = mask_event({"sender_id": sender, **event}, lambda value: "<MASKED>" if value == text else value)
    session.execute(insert(conversation_store.conversation_log).values(
        sender_id=logged["sender_id"], data=json.dumps(logged)))
