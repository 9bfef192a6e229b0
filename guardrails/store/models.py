"""Tables of the demo retail store.

Money is stored in cents (integers) so that sums are exact. Personal fields are marked in
``info={"personal": True}`` so that erasure and export can find them without a second list.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

PERSONAL = {"personal": True}
SENSITIVE = {"personal": True, "sensitive": True}


class Customer(Base):
    __tablename__ = "customers"

    id = Column(String(16), primary_key=True)
    full_name = Column(String(200), nullable=False, info=PERSONAL)
    email = Column(String(320), nullable=False, info=PERSONAL)
    phone = Column(String(40), info=PERSONAL)
    address = Column(Text, info=PERSONAL)
    birth_year = Column(Integer, info=SENSITIVE)
    gender = Column(String(32), info=SENSITIVE)
    preferences = Column(JSON, nullable=False, default=list)
    created_at = Column(DateTime, nullable=False, default=datetime.utcnow)

    orders = relationship("Order", back_populates="customer", order_by="Order.placed_at")


class Product(Base):
    __tablename__ = "products"

    id = Column(String(16), primary_key=True)
    name = Column(String(200), nullable=False)
    category = Column(String(64), nullable=False)
    price_cents = Column(Integer, nullable=False)
    returnable = Column(Boolean, nullable=False, default=True)


class Order(Base):
    __tablename__ = "orders"

    number = Column(String(16), primary_key=True)
    customer_id = Column(String(16), ForeignKey("customers.id"), nullable=False, index=True)
    placed_at = Column(DateTime, nullable=False)
    status = Column(String(16), nullable=False)  # placed, shipped, delivered, cancelled
    carrier = Column(String(64))
    expected_delivery = Column(Date)
    delivered_at = Column(DateTime)
    shipping_address = Column(Text, info=PERSONAL)

    customer = relationship("Customer", back_populates="orders")
    items = relationship("OrderItem", back_populates="order", cascade="all, delete-orphan")
    refunds = relationship("Refund", back_populates="order", order_by="Refund.requested_at")
    invoice = relationship("Invoice", back_populates="order", uselist=False)

    @property
    def total_cents(self) -> int:
        return sum(item.quantity * item.unit_price_cents for item in self.items)


class OrderItem(Base):
    __tablename__ = "order_items"

    id = Column(Integer, primary_key=True, autoincrement=True)
    order_number = Column(String(16), ForeignKey("orders.number"), nullable=False, index=True)
    product_id = Column(String(16), ForeignKey("products.id"), nullable=False)
    quantity = Column(Integer, nullable=False, default=1)
    unit_price_cents = Column(Integer, nullable=False)

    order = relationship("Order", back_populates="items")
    product = relationship("Product")


class Refund(Base):
    __tablename__ = "refunds"

    id = Column(Integer, primary_key=True, autoincrement=True)
    order_number = Column(String(16), ForeignKey("orders.number"), nullable=False, index=True)
    amount_cents = Column(Integer, nullable=False)
    status = Column(String(16), nullable=False)  # requested, approved, paid, rejected
    reason = Column(String(200), info=PERSONAL)  # the customer's own words
    requested_at = Column(DateTime, nullable=False)
    completed_at = Column(DateTime)

    order = relationship("Order", back_populates="refunds")


class Invoice(Base):
    __tablename__ = "invoices"

    number = Column(String(16), primary_key=True)
    order_number = Column(String(16), ForeignKey("orders.number"), nullable=False, unique=True)
    customer_id = Column(String(16), ForeignKey("customers.id"), nullable=False, index=True)
    issued_at = Column(DateTime, nullable=False)
    amount_cents = Column(Integer, nullable=False)
    status = Column(String(16), nullable=False)  # paid, due, refunded
    payment_method = Column(String(64), info=PERSONAL)  # only a card brand and its last four digits

    order = relationship("Order", back_populates="invoice")


def today() -> date:
    return datetime.utcnow().date()
