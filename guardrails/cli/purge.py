"""``candor purge [--older-than 90d] [--dry-run]``: delete conversations past retention."""

from __future__ import annotations

import argparse
import json

from guardrails import retention
from guardrails.cli import CommandError
from guardrails.cli.durations import period
from guardrails.config import ConfigError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "purge",
        help="delete conversations and conversation-log rows older than the retention period",
        description="Delete whole conversation trackers whose last event is older than the cutoff, "
        "conversation-log rows and handoffs older than it, and record the run. The server "
        "also does this every hour while it runs.",
    )
    parser.add_argument(
        "--older-than",
        type=period,
        default=None,
        metavar="PERIOD",
        help="e.g. 90d, 12h, 2w (default: CANDOR_RETENTION_DAYS, 90 days)",
    )
    parser.add_argument("--dry-run", action="store_true", help="count what would go; delete nothing")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        result = retention.purge_configured(args.older_than, dry_run=args.dry_run)
    except (ConfigError, ValueError) as error:
        raise CommandError(str(error)) from None
    print(json.dumps(result.as_dict()) if args.json else result.summary())
    return 0
