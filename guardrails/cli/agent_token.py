"""``candor agent-token NAME --role ROLE``: mint a signed token for a human agent."""

from __future__ import annotations

import argparse

from guardrails.agents import roles
from guardrails.cli import CommandError
from guardrails.config import ConfigError
from guardrails.tokens import mint_agent_token


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "agent-token",
        help="mint a signed token for a human agent (opens the agent desk)",
        description="Mint a token for the agent desk (/webhooks/agent_desk/). The role decides "
        "which profile fields the agent sees; roles live in guardrails/agents/roles.yml.",
    )
    parser.add_argument("name", help="the agent's name or staff id, e.g. dana")
    parser.add_argument("--role", required=True, help="billing, delivery, supervisor (see roles.yml)")
    parser.add_argument("--ttl", type=int, default=None, help="lifetime in seconds (default 12 h)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    name = args.name.strip()
    if not name or len(name) > 64:
        raise CommandError("the agent's name must be 1-64 characters")
    if args.ttl is not None and args.ttl <= 0:
        raise CommandError("--ttl must be a positive number of seconds")
    try:
        roles.role(args.role)
    except roles.UnknownRole:
        raise CommandError(f"no role {args.role!r}; roles: {', '.join(roles.names())}") from None
    except ConfigError as error:
        raise CommandError(str(error)) from None
    print(mint_agent_token(name, args.role, ttl_seconds=args.ttl))
    return 0
