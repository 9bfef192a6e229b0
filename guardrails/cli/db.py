"""``candor db``: schema migrations and the demo data.

- ``init``: bring the schema to the newest migration, then load the demo customers (idempotent);
- ``upgrade``: only the migrations (what a production deploy runs);
- ``current``: the revision a database is at, and the newest one;
- ``revision -m MESSAGE``: write a new migration for a model change.
"""

from __future__ import annotations

import argparse

from sqlalchemy.exc import SQLAlchemyError

from guardrails import config
from guardrails.cli import CommandError
from guardrails.store import db, seed


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("db", help="database schema migrations and demo data")
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="upgrade the schema, then load demo customers if missing")
    init.add_argument("--reset", action="store_true", help="delete all store rows first")
    init.set_defaults(func=run_init)
    upgrade = actions.add_parser("upgrade", help="apply the schema migrations up to the newest (idempotent)")
    upgrade.add_argument("--to", default="head", metavar="REVISION", help="target revision (default: head)")
    upgrade.set_defaults(func=run_upgrade)
    current = actions.add_parser("current", help="print the database's revision and the newest one")
    current.set_defaults(func=run_current)
    revision = actions.add_parser("revision", help="write a new migration for what the models changed")
    revision.add_argument("-m", "--message", required=True, help="what changed, e.g. 'add agent roles'")
    revision.set_defaults(func=run_revision)


def _upgrade(revision: str = "head") -> None:
    from alembic.util import CommandError as AlembicError

    from guardrails.store import migrate

    try:
        migrate.upgrade(revision=revision)
    except AlembicError as error:
        raise CommandError(str(error)) from None
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise CommandError(f"could not migrate the database: {error.__class__.__name__}: {reason}") from None


def run_init(args: argparse.Namespace) -> int:
    seed_file = config.settings().seed_file
    if not seed_file.exists():
        raise CommandError(f"seed file {seed_file} not found")
    _upgrade()
    with db.session_factory().begin() as session:
        if args.reset:
            seed.reset_store(session)
        added = seed.load_seed(session, seed_file)
    print(f"database ready: {added} demo customers added")
    return 0


def run_upgrade(args: argparse.Namespace) -> int:
    from guardrails.store import migrate

    _upgrade(args.to)
    print(f"database at revision {migrate.current_revision()}")
    return 0


def run_current(_args: argparse.Namespace) -> int:
    from guardrails.store import migrate

    print(f"database: {migrate.current_revision() or 'none (empty or not migrated)'}; newest: {migrate.head_revision()}")
    return 0


def run_revision(args: argparse.Namespace) -> int:
    from guardrails.store import migrate

    path = migrate.new_revision(args.message)
    if path is None:
        raise CommandError("the models match the newest migration: nothing to write")
    print(f"wrote {path}; read it, adjust it if needed, and commit it")
    return 0
