"""Reads and writes the assistant needs. Each function takes a session and never commits:
the caller owns the transaction (``with session_factory().begin() as session:``)."""

from __future__ import annotations

from sqlalchemy import desc, func, select
from sqlalchemy.orm import Session

from guardrails.store.models import Customer, Invoice, Order, OrderItem, Product, Refund


def customer(session: Session, customer_id: str) -> Customer | None:
    return session.get(Customer, customer_id)


def all_customers(session: Session) -> list[Customer]:
    return list(session.scalars(select(Customer).order_by(Customer.id)))


def latest_order(session: Session, customer_id: str) -> Order | None:
    statement = (
        select(Order).where(Order.customer_id == customer_id).order_by(desc(Order.placed_at)).limit(1)
    )
    return session.scalars(statement).first()


def customers_order(session: Session, customer_id: str, order_number: str) -> Order | None:
    """The order with this number if it belongs to this customer; otherwise None.

    Someone else's order and a number that does not exist look the same to the caller, so
    the assistant cannot be used to probe which order numbers exist.
    """
    statement = select(Order).where(Order.number == order_number, Order.customer_id == customer_id)
    return session.scalars(statement).first()


def latest_delivered_order(session: Session, customer_id: str) -> Order | None:
    statement = (
        select(Order)
        .where(Order.customer_id == customer_id, Order.status == "delivered")
        .order_by(desc(Order.delivered_at))
        .limit(1)
    )
    return session.scalars(statement).first()


def latest_refund(session: Session, customer_id: str, order_number: str | None = None) -> Refund | None:
    statement = select(Refund).join(Order).where(Order.customer_id == customer_id)
    if order_number is not None:
        statement = statement.where(Refund.order_number == order_number)
    return session.scalars(statement.order_by(desc(Refund.requested_at)).limit(1)).first()


def latest_invoice(session: Session, customer_id: str, order_number: str | None = None) -> Invoice | None:
    statement = select(Invoice).where(Invoice.customer_id == customer_id)
    if order_number is not None:
        statement = statement.where(Invoice.order_number == order_number)
    return session.scalars(statement.order_by(desc(Invoice.issued_at)).limit(1)).first()


def popular_products(session: Session, limit: int = 3) -> list[Product]:
    """Best sellers across all customers: the suggestion that needs no personal data."""
    units_sold = func.coalesce(func.sum(OrderItem.quantity), 0)
    statement = (
        select(Product)
        .outerjoin(OrderItem, OrderItem.product_id == Product.id)
        .group_by(Product.id)
        .order_by(desc(units_sold), Product.id)
        .limit(limit)
    )
    return list(session.scalars(statement))


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
