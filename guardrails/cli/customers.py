"""``candor customers list|show``: the demo customers, for people picking one to chat as."""

from __future__ import annotations

import argparse
import json

from guardrails.cli import CommandError
from guardrails.store import db, queries
from guardrails.store.models import Customer


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("customers", help="list or show demo customers")
    actions = parser.add_subparsers(dest="customers_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="one line per customer")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(func=run_list)
    show = actions.add_parser("show", help="one customer with orders")
    show.add_argument("customer_id")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(func=run_show)


def _summary(customer: Customer) -> dict:
    return {"id": customer.id, "name": customer.full_name, "orders": len(customer.orders)}


def run_list(args: argparse.Namespace) -> int:
    with db.session_factory().begin() as session:
        rows = [_summary(customer) for customer in queries.all_customers(session)]
    if args.json:
        print(json.dumps(rows))
    else:
        print(f"{'id':<6} {'name':<20} orders")
        for row in rows:
            print(f"{row['id']:<6} {row['name']:<20} {row['orders']}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    with db.session_factory().begin() as session:
        customer = queries.customer(session, args.customer_id)
        if customer is None:
            raise CommandError(f"no customer {args.customer_id!r}")
        details = _summary(customer) | {
            "email": customer.email,
            "address": customer.address,
            "order_list": [
                {"number": order.number, "status": order.status, "placed_at": order.placed_at.isoformat()}
                for order in customer.orders
            ],
        }
    if args.json:
        print(json.dumps(details))
    else:
        print(f"{details['id']}  {details['name']}  <{details['email']}>\n{details['address']}")
        for order in details["order_list"]:
            print(f"  order {order['number']}  {order['status']:<10} placed {order['placed_at'][:10]}")
    return 0
