"""Shop-wide figures the recommender needs: the catalogue, units sold, products bought together.

These are aggregates over all customers' orders, not anyone's profile, so they are read
here directly rather than through the profile gateway. Cancelled orders count for nothing:
nobody ended up buying them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import permutations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from guardrails.store.models import Order, OrderItem, Product

CANCELLED = "cancelled"


@dataclass(frozen=True)
class CatalogueItem:
    product_id: str
    name: str
    category: str
    price_cents: int
    units_sold: int = 0  # across all customers: the recommender's tie-breaker


def popularity(session: Session) -> dict[str, int]:
    """Units sold per product id (products never sold are absent)."""
    statement = (
        select(OrderItem.product_id, func.sum(OrderItem.quantity))
        .join(Order)
        .where(Order.status != CANCELLED)
        .group_by(OrderItem.product_id)
    )
    return {product_id: int(units) for product_id, units in session.execute(statement)}


def catalogue(session: Session) -> list[CatalogueItem]:
    sold = popularity(session)
    return [
        CatalogueItem(p.id, p.name, p.category, p.price_cents, sold.get(p.id, 0))
        for p in session.scalars(select(Product).order_by(Product.id))
    ]


def co_purchase_counts(session: Session) -> Counter[tuple[str, str]]:
    """How many orders contain both products; symmetric, so look up ``counts[(a, b)]`` either way."""
    statement = (
        select(OrderItem.order_number, OrderItem.product_id).join(Order).where(Order.status != CANCELLED)
    )
    baskets: defaultdict[str, set[str]] = defaultdict(set)
    for order_number, product_id in session.execute(statement):
        baskets[order_number].add(product_id)
    counts: Counter[tuple[str, str]] = Counter()
    for basket in baskets.values():
        counts.update(permutations(sorted(basket), 2))
    return counts
