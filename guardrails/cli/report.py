"""``candor report --since 30d --out report.html``: the transparency report."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from guardrails.cli import CommandError
from guardrails.cli.durations import period
from guardrails.report import figures, html
from guardrails.store import db


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the transparency report (self-contained HTML, or --json)",
        description="Conversations, personal data masked by type, consent changes, profile reads by purpose "
        "and role, refused access, rights requests and their speed, purges and the audit chain "
        "status, all counted from the live tables.",
    )
    parser.add_argument(
        "--since",
        type=period,
        default=period("30d"),
        metavar="PERIOD",
        help="how far back to count, e.g. 30d, 12h, 2w (default 30d)",
    )
    parser.add_argument("--out", type=Path, default=None, help="write here instead of stdout")
    parser.add_argument("--json", action="store_true", help="the figures as JSON instead of HTML")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.out is not None and not args.out.parent.is_dir():
        raise CommandError(f"cannot write {args.out}: folder {args.out.parent} does not exist")
    db.create_schema()
    with db.session_factory().begin() as session:
        found = figures.compute(session, args.since)
    text = json.dumps(found.as_dict(), indent=2) + "\n" if args.json else html.render(found)
    if args.out is None:
        print(text, end="")
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot write {args.out}: {error.strerror}") from None
    chain = (
        "intact" if found.audit_chain["intact"] else f"BROKEN at row {found.audit_chain['first_broken_id']}"
    )
    print(
        f"wrote {args.out}: {found.conversations} conversation(s), {found.refused_total} refused attempt(s), "
        f"audit chain {chain}"
    )
    return 0
