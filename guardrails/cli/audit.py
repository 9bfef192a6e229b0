"""``candor audit verify|show``: check the hash chain; list one customer's rows."""

from __future__ import annotations

import argparse

from guardrails import audit
from guardrails.store import db


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("audit", help="verify the audit trail or show a customer's rows")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    actions.add_parser("verify", help="check that no row was edited, deleted or reordered").set_defaults(
        func=run_verify
    )
    show = actions.add_parser("show", help="list the audit rows of one customer")
    show.add_argument("--customer", required=True, help="customer id, e.g. C001")
    show.set_defaults(func=run_show)


def run_verify(args: argparse.Namespace) -> int:
    db.create_schema()
    with db.session_factory().begin() as session:
        verdict = audit.verify(session)
    if verdict.intact:
        print(f"audit trail intact: {verdict.rows} rows")
        return 0
    print(f"audit trail BROKEN at row {verdict.first_broken_id}: {verdict.reason}")
    return 1


def run_show(args: argparse.Namespace) -> int:
    db.create_schema()
    with db.session_factory().begin() as session:
        rows = audit.rows_for(session, args.customer)
        print(f"{'id':>5}  {'when (UTC)':<19}  {'actor':<28}  {'action':<18}  detail")
        for row in rows:
            print(f"{row.id:>5}  {row.recorded_at:%Y-%m-%d %H:%M:%S}  {row.actor:<28}  {row.action:<18}  {row.detail}")
    print(f"{len(rows)} row(s) for {args.customer}")
    return 0
