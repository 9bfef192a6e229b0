"""``candor db init``: create the tables and load the demo customers (idempotent)."""

from __future__ import annotations

import argparse

from guardrails import config
from guardrails.cli import CommandError
from guardrails.store import db, seed


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("db", help="create the database and demo data")
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="create tables and load demo customers if missing")
    init.add_argument("--reset", action="store_true", help="delete all store rows first")
    init.set_defaults(func=run_init)


def run_init(args: argparse.Namespace) -> int:
    seed_file = config.settings().seed_file
    if not seed_file.exists():
        raise CommandError(f"seed file {seed_file} not found")
    db.create_schema()
    with db.session_factory().begin() as session:
        if args.reset:
            seed.reset_store(session)
        added = seed.load_seed(session, seed_file)
    print(f"database ready: {added} demo customers added")
    return 0
