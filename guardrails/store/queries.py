"""Staff reads and the address write. Each function takes a session and never commits:
the caller owns the transaction (``with session_factory().begin() as session:``).

The assistant reads a customer's profile only through guardrails/profile_gateway.py."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from guardrails.store.models import Customer


class UnknownCustomer(LookupError):
    """No profile for this customer id: never existed, or erased (their token may still verify)."""


def customer(session: Session, customer_id: str) -> Customer | None:
    return session.get(Customer, customer_id)


def all_customers(session: Session) -> list[Customer]:
    return list(session.scalars(select(Customer).order_by(Customer.id)))


def change_address(session: Session, customer_id: str, new_address: str) -> bool:
    """Set the customer's address and that of their orders not yet shipped."""
    found = session.get(Customer, customer_id)
    if found is None:
        return False
    found.address = new_address
    for order in found.orders:
        if order.status == "placed":
            order.shipping_address = new_address
    return True
