"""The ``candor`` command line: one module per subcommand, each with ``register(subparsers)``.

Every subcommand has ``--help`` and exits non-zero with a one-line reason on bad input.
"""

from __future__ import annotations

import argparse
import importlib
import sys

SUBCOMMAND_MODULES = (
    "token", "customers", "db", "mask", "scan_data", "audit", "agent_token", "purge", "report", "rights",
)


class CommandError(Exception):
    """Bad input or state: printed as one line on stderr, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="candor", description="Candor, the privacy-first assistant: staff tools.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(f"guardrails.cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CommandError as error:
        print(f"candor {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def run() -> int:
    """The installed ``candor`` command: :func:`main` in a process without TensorFlow."""
    from guardrails.pii.offline import skip_tensorflow

    skip_tensorflow()
    return main()


if __name__ == "__main__":
    sys.exit(run())
