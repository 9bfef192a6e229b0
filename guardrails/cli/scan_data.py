"""``candor scan-data PATH...``: PII lint of Rasa training data (exit 1 if anything is found)."""

from __future__ import annotations

import argparse
import sys

from guardrails.cli import CommandError

HINT = (
    "hint: replace each value with a fictional example (alice@example.com, Alice Example, 07700 900123, "
    "4111 1111 1111 1111, 12 Example Street) or, if it is fictional, add it to scan.allowlist in "
    "guardrails/pii/config.yml"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "scan-data",
        help="find personal data in training data files",
        description="Report real-looking personal data in Rasa YAML training files (folders are searched "
        "recursively). Exit status 1 if anything is found.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="YAML file or folder, e.g. data/")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from guardrails.pii.scan import scan_paths, yaml_files
    from guardrails.pii.settings import PiiConfigError

    try:
        files = yaml_files(args.paths)
        findings = scan_paths(files)
    except (FileNotFoundError, PiiConfigError) as error:
        raise CommandError(str(error)) from None
    except (UnicodeDecodeError, OSError) as error:
        raise CommandError(f"cannot read training data: {error}") from None
    for finding in findings:
        print(finding)
    if findings:
        print(
            f"{len(findings)} finding(s) in {len({f.path for f in findings})} file(s); {HINT}",
            file=sys.stderr,
        )
        return 1
    print(f"scan-data: clean, no personal data in {len(files)} file(s)")
    return 0
