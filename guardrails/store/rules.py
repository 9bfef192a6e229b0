"""Business rules of the demo retailer, as plain functions of the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from guardrails.store.models import Order

RETURN_WINDOW_DAYS = 30


@dataclass(frozen=True)
class ReturnEligibility:
    eligible: bool
    reason: str  # one of: eligible, not_delivered, window_closed, not_returnable, cancelled
    last_day: date | None = None
    items: tuple[str, ...] = ()


def return_eligibility(order: Order, today: date) -> ReturnEligibility:
    """Can the order still be returned? Delivered orders, within the window, returnable items."""
    if order.status == "cancelled":
        return ReturnEligibility(False, "cancelled")
    if order.status != "delivered" or order.delivered_at is None:
        return ReturnEligibility(False, "not_delivered")
    last_day = order.delivered_at.date() + timedelta(days=RETURN_WINDOW_DAYS)
    returnable = tuple(item.product.name for item in order.items if item.product.returnable)
    if today > last_day:
        return ReturnEligibility(False, "window_closed", last_day)
    if not returnable:
        return ReturnEligibility(False, "not_returnable", last_day)
    return ReturnEligibility(True, "eligible", last_day, returnable)
