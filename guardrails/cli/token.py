"""``candor token CUSTOMER_ID``: mint a signed token for a demo customer."""

from __future__ import annotations

import argparse

from guardrails.cli import CommandError
from guardrails.store import db, queries
from guardrails.tokens import mint_token


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("token", help="mint a signed customer token")
    parser.add_argument("customer_id", help="e.g. C001 (see `candor customers list`)")
    parser.add_argument("--ttl", type=int, default=None, help="lifetime in seconds (default 12 h)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.ttl is not None and args.ttl <= 0:
        raise CommandError("--ttl must be a positive number of seconds")
    with db.session_factory().begin() as session:
        if queries.customer(session, args.customer_id) is None:
            raise CommandError(f"no customer {args.customer_id!r}; see `candor customers list`")
    print(mint_token(args.customer_id, ttl_seconds=args.ttl))
    return 0
