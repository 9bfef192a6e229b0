"""Load the demo store from ``data/seed/demo_store.yml``.

Dates in the file are relative ("placed_days_ago") and are turned into timestamps at load
time, so order statuses and return windows read the same whenever the demo is started.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from guardrails.store.models import Base, Customer, Invoice, Order, OrderItem, Product, Refund


def _cents(amount: float) -> int:
    return int(round(amount * 100))


def load_seed(session: Session, seed_file: Path, now: datetime | None = None) -> int:
    """Insert the demo store unless it is already there; return the number of customers added.

    Existing rows are never touched, so re-running ``make run`` keeps what the demo changed
    (a new address, say). ``reset_store`` starts over.
    """
    now = now or datetime.utcnow()
    data: dict[str, Any] = yaml.safe_load(seed_file.read_text())

    def days_ago(days: int | None) -> datetime | None:
        return None if days is None else now - timedelta(days=days)

    for row in data["products"]:
        if session.get(Product, row["id"]) is None:
            session.add(
                Product(
                    id=row["id"],
                    name=row["name"],
                    category=row["category"],
                    price_cents=_cents(row["price"]),
                    returnable=row.get("returnable", True),
                )
            )
    session.flush()
    prices = {product.id: product.price_cents for product in session.scalars(select(Product))}

    added = 0
    for person in data["customers"]:
        if session.get(Customer, person["id"]) is not None:
            continue
        added += 1
        session.add(
            Customer(
                id=person["id"],
                full_name=person["name"],
                email=person["email"],
                phone=person.get("phone"),
                address=person.get("address"),
                birth_year=person.get("birth_year"),
                gender=person.get("gender"),
                preferences=person.get("preferences", []),
                created_at=now - timedelta(days=365),
            )
        )
        for spec in person.get("orders", []):
            _add_order(session, person, spec, prices, days_ago, now)
    return added


def _add_order(session, person, spec, prices, days_ago, now) -> None:
    expected_in = spec.get("expected_in_days")
    order = Order(
        number=spec["number"],
        customer_id=person["id"],
        placed_at=days_ago(spec["placed_days_ago"]),
        status=spec["status"],
        carrier=spec.get("carrier"),
        delivered_at=days_ago(spec.get("delivered_days_ago")),
        expected_delivery=(now + timedelta(days=expected_in)).date() if expected_in is not None else None,
        shipping_address=person.get("address"),
        items=[
            OrderItem(
                product_id=item["product"],
                quantity=item.get("quantity", 1),
                unit_price_cents=prices[item["product"]],
            )
            for item in spec["items"]
        ],
    )
    session.add(order)
    if "invoice" in spec:
        invoice = spec["invoice"]
        session.add(
            Invoice(
                number=invoice["number"],
                order=order,
                customer_id=person["id"],
                issued_at=order.placed_at,
                amount_cents=order.total_cents,
                status=invoice["status"],
                payment_method=invoice.get("payment"),
            )
        )
    if "refund" in spec:
        refund = spec["refund"]
        session.add(
            Refund(
                order=order,
                amount_cents=_cents(refund["amount"]),
                status=refund["status"],
                reason=refund.get("reason"),
                requested_at=days_ago(refund["requested_days_ago"]),
                completed_at=days_ago(refund.get("completed_days_ago")),
            )
        )


def reset_store(session: Session) -> None:
    """Delete every row of the demo store (children first)."""
    for table in reversed(Base.metadata.sorted_tables):
        session.execute(delete(table))
