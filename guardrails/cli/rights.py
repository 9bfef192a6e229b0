"""``candor export`` and ``candor forget``: a customer's data rights, handled by staff.

Both register the request (rights_requests plus audit rows, actor ``staff:cli``) in the same
transaction as the work, so a failure leaves neither a half-done erasure nor a request
that claims to be fulfilled.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guardrails import conversation_store
from guardrails.cli import CommandError
from guardrails.rights import erasure, export, requests
from guardrails.store import db, queries


def register(subparsers: argparse._SubParsersAction) -> None:
    exporting = subparsers.add_parser(
        "export", help="print or write a customer's complete data export (JSON)",
        description="Print (or write with --out) the complete JSON export of one customer: profile, orders, "
                    "refunds, invoices, consents, conversations as stored, audit rows. The request is audited.",
    )
    exporting.add_argument("customer_id", help="customer id, e.g. C001")
    exporting.add_argument("--out", type=Path, help="write the JSON to this file instead of standard output")
    exporting.set_defaults(func=run_export)
    forgetting = subparsers.add_parser(
        "forget", help="erase a customer's personal data (asks first unless --yes)",
        description="Erase one customer: profile, consents, conversations, export links, and the personal "
                    "fields of their orders, refunds and invoices (kept anonymously for accounting). "
                    "Only the request record and the pseudonymous audit rows remain.",
    )
    forgetting.add_argument("customer_id", help="customer id, e.g. C001")
    forgetting.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    forgetting.set_defaults(func=run_forget)


def run_export(args: argparse.Namespace) -> int:
    db.create_schema()
    if args.out is not None and not args.out.parent.is_dir():
        raise CommandError(f"cannot write {args.out}: folder {args.out.parent} does not exist")
    with db.session_factory().begin() as session:
        if queries.customer(session, args.customer_id) is None:
            raise CommandError(f"no customer {args.customer_id!r} (never existed, or erased)")
        request = requests.record_request(session, args.customer_id, "export", "cli")
        document = export.build_export(session, args.customer_id, actor="staff:cli")
        requests.fulfil(session, request, args.customer_id)
        text = export.to_json(document)
    if args.out is None:
        sys.stdout.write(text + "\n")
    else:
        args.out.write_text(text + "\n")
        print(f"export of {args.customer_id} written to {args.out}", file=sys.stderr)
    return 0


def run_forget(args: argparse.Namespace) -> int:
    if args.customer_id == erasure.ERASED_ACCOUNT:
        raise CommandError(f"{erasure.ERASED_ACCOUNT} holds the anonymised accounting rows; it is nobody's account")
    db.create_schema()
    with db.session_factory().begin() as session:
        known = queries.customer(session, args.customer_id) is not None
        if not known and not conversation_store.conversations_of(session, args.customer_id):
            raise CommandError(f"no customer {args.customer_id!r} and no conversations of theirs (never existed, "
                               "or already erased)")
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError("refusing to erase without confirmation: run it in a terminal or pass --yes")
        answer = input(f"Erase all personal data of {args.customer_id}? This cannot be undone. Type 'yes': ")
        if answer.strip().lower() != "yes":
            print("nothing erased")
            return 1
    with db.session_factory().begin() as session:
        summary = erasure.erase_customer(session, args.customer_id, channel="cli")
    print(
        f"erased {args.customer_id}: profile {'deleted' if summary.profile_deleted else 'not found'}, "
        f"{summary.consents_deleted} consent row(s), {summary.conversations_deleted} conversation(s) "
        f"({summary.tracker_rows_deleted} tracker and {summary.log_rows_deleted} log rows), "
        f"{summary.export_links_deleted} export link(s) and {summary.handoffs_deleted} agent hand-over(s) "
        f"deleted; {summary.orders_anonymised} order(s), "
        f"{summary.refunds_anonymised} refund(s) and {summary.invoices_anonymised} invoice(s) kept anonymously "
        f"for accounting; request #{summary.request_id} recorded"
    )
    return 0
