"""The demo store: seeding, ownership of orders, best sellers, address change, return rules."""

from datetime import date, datetime, timedelta

import pytest

from guardrails import config
from guardrails.store import queries, rules, seed
from guardrails.store.models import Customer, Order, OrderItem, Product


def test_when_seeded_twice_then_nothing_is_duplicated(session):
    assert seed.load_seed(session, config.settings().seed_file) == 0
    assert len(queries.all_customers(session)) == 10


def test_when_seeded_then_every_email_is_an_example_address(session):
    assert all(customer.email.endswith("@example.com") for customer in queries.all_customers(session))


def test_when_address_changes_then_only_unshipped_orders_follow(session):
    assert queries.change_address(session, "C002", "5 New Example Road, Testville, TE5 5NE")
    customer = session.get(Customer, "C002")
    assert customer.address == "5 New Example Road, Testville, TE5 5NE"
    by_number = {order.number: order for order in customer.orders}
    assert by_number["10005"].shipping_address == customer.address  # placed, not shipped
    assert by_number["10004"].shipping_address != customer.address  # delivered already


def test_when_customer_is_unknown_then_address_change_reports_it(session):
    assert queries.change_address(session, "C999", "1 Nowhere Street, Testville") is False


def _order(status: str, delivered_days_ago: int | None, returnable: bool = True) -> tuple[Order, date]:
    today = date(2026, 6, 30)
    delivered = None if delivered_days_ago is None else datetime(2026, 6, 30) - timedelta(days=delivered_days_ago)
    product = Product(id="PX", name="Test tent", category="camping", price_cents=100, returnable=returnable)
    order = Order(number="19999", status=status, placed_at=datetime(2026, 5, 1), delivered_at=delivered)
    order.items = [OrderItem(product=product, quantity=1, unit_price_cents=100)]
    return order, today


@pytest.mark.parametrize(
    "status, delivered_days_ago, returnable, expected",
    [
        ("delivered", 3, True, "eligible"),  # well inside the window
        ("delivered", 30, True, "eligible"),  # last day still counts
        ("delivered", 31, True, "window_closed"),  # one day late
        ("delivered", 3, False, "not_returnable"),  # socks, gift cards
        ("shipped", None, True, "not_delivered"),  # still on its way
        ("cancelled", None, True, "cancelled"),  # nothing to return
    ],
)
def test_when_checking_a_return_then_window_and_item_rules_apply(status, delivered_days_ago, returnable, expected):
    order, today = _order(status, delivered_days_ago, returnable)
    assert rules.return_eligibility(order, today).reason == expected
