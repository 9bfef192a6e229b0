"""Searching everything Candor stored for canary values: every table, column and log line.

Shared by the privacy and data-rights tests. A canary is a fake but realistic personal
value; it is searched for lower-cased and, where it has six or more digits, as digits only
and with any separators between its digit groups (so "07700 900461" is also found as
"07700900461", "07700-900461" and, JSON-escaped, "07700\\u00a0900461").
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.orm import Session

from guardrails.consent import ledger
from guardrails.crypto import decrypt_text
from guardrails.store.models import Customer, Invoice, Order, OrderItem, Refund


def canary_values(tag: str, phone_suffix: str) -> dict[str, str]:
    """Clearly fake personal values, distinct per ``tag``, for one canary customer."""
    return {
        "name": f"Testy {tag}",
        "email": f"testy.{tag.lower()}@example.com",
        "phone": f"+44 20 7946 {phone_suffix}",
        "address": f"17 {tag} Lane, Testville, TE17 9CW",
        "card": f"Visa ending {phone_suffix}",
        "refund reason": f"the {tag} kettle whistled off-key",
        "typed": f"testy.{tag.lower()}.work@example.com",  # a value only typed in chat
    }


def add_canary_customer(session: Session, customer_id: str, order_number: str, values: dict[str, str]) -> None:
    """A customer with an order (and item), a refund, an invoice and a consent answer."""
    placed = datetime(2026, 1, 5, 10, 0)
    session.add(Customer(id=customer_id, full_name=values["name"], email=values["email"], phone=values["phone"],
                         address=values["address"], birth_year=1990, gender="nonbinary", preferences=["camping"]))
    session.add(Order(number=order_number, customer_id=customer_id, placed_at=placed, status="delivered",
                      carrier="Parcelgo", delivered_at=placed + timedelta(days=3), shipping_address=values["address"],
                      items=[OrderItem(product_id="P001", quantity=1, unit_price_cents=18900)]))
    session.add(Refund(order_number=order_number, amount_cents=18900, status="approved",
                       reason=values["refund reason"], requested_at=placed + timedelta(days=5)))
    session.add(Invoice(number=f"INV-{order_number}", order_number=order_number, customer_id=customer_id,
                        issued_at=placed, amount_cents=18900, status="paid", payment_method=values["card"]))
    session.flush()
    ledger.record_consent(session, customer_id, "personalisation", True, "rest", "conv/1", now=placed)


def search_terms(canaries: dict[str, str]) -> dict[str, re.Pattern]:
    """A pattern per canary: the value itself (any case), and its digits run together.

    The digits-only form must stand alone: not inside a longer number, and not the
    fractional part of a decimal (a logged timestamp such as ``1795940684.123456`` once
    matched the NI number's ``123456`` by chance).
    """
    terms = {}
    for kind, value in canaries.items():
        terms[kind] = re.compile(re.escape(value.lower()))
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 6:
            terms[f"{kind} (digits only)"] = re.compile(rf"(?<![\d.]){digits}(?!\d)")
            # its digit groups with any separators, JSON escapes included ("07700\\u00a0900463")
            groups = re.findall(r"\d+", value)
            if len(groups) > 1:
                joint = r"(?:[^\w]|\\u[0-9a-f]{4})+"
                terms[f"{kind} (any separators)"] = re.compile(rf"(?<![\d.]){joint.join(groups)}(?!\d)")
    return terms


def everything_stored(database_url: str, decrypt_trackers: bool = False) -> dict[str, str]:
    """Every table's rows, each column rendered as text, keyed by table name.

    With ``decrypt_trackers`` the tracker store's ciphertext is decrypted first, so the
    search sees what the key holder would see.
    """
    engine = create_engine(database_url)
    contents = {}
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).mappings().fetchall()
            lines = []
            for row in rows:
                values = dict(row)
                if decrypt_trackers and table == "tracker_events" and values.get("data"):
                    values["data"] = decrypt_text(values["data"])
                lines.append(" | ".join(str(value) for value in values.values()))
            contents[table] = "\n".join(lines).lower()
    engine.dispose()
    return contents


def found(canaries: dict[str, str], haystacks: dict[str, str]) -> list[tuple[str, str]]:
    """(where, kind) for every canary term found in any of the named texts."""
    return [(where, kind) for where, content in haystacks.items()
            for kind, term in search_terms(canaries).items() if term.search(content.lower())]
