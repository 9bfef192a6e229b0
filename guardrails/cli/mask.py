"""``candor mask``: mask personal data in stdin lines (one output line per input line)."""

from __future__ import annotations

import argparse
import json
import sys

from guardrails.cli import CommandError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "mask",
        help="mask personal data in stdin lines",
        description="Read lines on stdin, write them to stdout with personal data replaced by typed "
        "placeholders such as <EMAIL_ADDRESS>; line order and count are preserved.",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='one JSON object per line: {"text": masked, "spans": [{"start", "end", "entity_type", "score"}]}, '
        "offsets into the input line",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from guardrails.pii import mask_text
    from guardrails.pii.settings import PiiConfigError

    try:
        for raw in sys.stdin:
            line = raw[:-1] if raw.endswith("\n") else raw
            line = line[:-1] if line.endswith("\r") else line
            result = mask_text(line)
            if args.json:
                payload = {"text": result.text, "spans": [span.to_dict() for span in result.spans]}
                sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(result.text + "\n")
            sys.stdout.flush()
    except UnicodeDecodeError as error:
        raise CommandError(f"stdin is not valid UTF-8 text ({error.reason} at byte {error.start})") from None
    except PiiConfigError as error:
        raise CommandError(str(error)) from None
    return 0
