"""A staff-only HTTP API for CX tools (the Gradio demo), mounted under ``/webhooks/cx/``.

It is an input channel that only serves routes: registering it in ``credentials.yml`` is
enough, and Rasa's full HTTP API (``--enable-api``, which can read and rewrite any
conversation) stays off. Every route needs ``Authorization: Bearer <staff token>``
(:func:`guardrails.config.staff_token`). Answers are JSON, errors included:

- ``GET  /webhooks/cx/customers``: the demo customers, id and display name;
- ``POST /webhooks/cx/token`` ``{"customer_id": ...}``: a demo customer token;
- ``GET  /webhooks/cx/trace/<sender>``: per user turn, the intent, confidence, entities,
  actions and bot messages (custom payloads included), with the masked conversation-log
  row stored for it; the customer's clear text is not repeated here;
- ``GET  /webhooks/cx/consent/<customer_id>``: the customer's consent state per purpose.
"""

from __future__ import annotations

import functools
import hmac
import json
import logging
from typing import Any, Awaitable, Callable

import sqlalchemy as sa
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from guardrails import config, conversation_store
from guardrails.conversation_log import pseudonym
from guardrails.store import db, queries

logger = logging.getLogger(__name__)

Route = Callable[..., Awaitable[HTTPResponse]]

# The broker's table (bot/stores.py), read-only here.
CONVERSATION_LOG = conversation_store.conversation_log


def bearer_matches(header: str | None, expected: str) -> bool:
    """True when an ``Authorization`` header carries exactly the expected bearer token."""
    if not header or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header[len("Bearer "):].strip().encode(), expected.encode())


def build_turns(events: list[dict[str, Any]], log_rows: list[str]) -> list[dict[str, Any]]:
    """Group tracker events into user turns and attach each turn's masked log row.

    A turn starts at a user event and collects the actions (``action_listen`` left out) and
    bot messages that follow it. Log rows are matched to user events by timestamp, which
    the broker keeps unmasked; entities come from the masked row, so their values are masked
    as stored (a turn without a row gets entity names only).
    """
    logged_users = {}
    for row in log_rows:
        stored = json.loads(row)
        if stored.get("event") == "user":
            logged_users[stored.get("timestamp")] = (row, stored)
    turns: list[dict[str, Any]] = []
    for event in events:
        kind = event.get("event")
        if kind == "user":
            turns.append(_user_turn(len(turns) + 1, event, logged_users.get(event.get("timestamp"))))
        elif not turns:
            continue  # session start, before the first message
        elif kind == "action" and event.get("name") != "action_listen":
            turns[-1]["actions"].append(event.get("name"))
        elif kind == "bot":
            data = event.get("data") or {}
            turns[-1]["bot_messages"].append(
                {"text": event.get("text"), "buttons": data.get("buttons"), "custom": data.get("custom")}
            )
    return turns


def _user_turn(number: int, event: dict[str, Any], logged: tuple[str, dict] | None) -> dict[str, Any]:
    parse_data = event.get("parse_data") or {}
    intent = parse_data.get("intent") or {}
    if logged is not None:
        row, stored = logged
        entities = (stored.get("parse_data") or {}).get("entities") or []
    else:
        row, stored = None, {}
        entities = [{"entity": found.get("entity")} for found in parse_data.get("entities") or []]
    return {
        "turn": number,
        "timestamp": event.get("timestamp"),
        "intent": intent.get("name"),
        "confidence": intent.get("confidence"),
        "entities": [
            {key: found[key] for key in ("entity", "value", "start", "end", "extractor") if key in found}
            for found in entities
        ],
        "actions": [],
        "bot_messages": [],
        "masked_text": stored.get("text"),
        "log_line": row,
    }


def consent_payload(customer_id: str, choices: dict[str, Any]) -> dict[str, Any]:
    """JSON for :func:`guardrails.consent.ledger.current_choices`."""
    return {
        "customer_id": customer_id,
        "purposes": {
            name: {
                "granted": state.granted,
                "answered": state.answered,
                "current_grant": state.current_grant,
                "needs_asking": state.needs_asking,
                "notice_version": state.notice_version,
                "decided_at": state.decided_at.isoformat() + "Z" if state.decided_at else None,
            }
            for name, state in choices.items()
        },
    }


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def staff_only(route: Route) -> Route:
    """Refuse requests without the staff token; turn any failure into a JSON 500."""

    @functools.wraps(route)
    async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        if not bearer_matches(request.headers.get("Authorization"), config.staff_token()):
            return _error(401, "a valid staff token is required (Authorization: Bearer ...)")
        try:
            return await route(request, *args, **kwargs)
        except Exception:  # noqa: BLE001 - the client gets a reason, never a stack trace
            logger.exception("CX API request failed: %s %s", request.method, request.path)
            return _error(500, "internal error; see the Rasa server log")

    return guarded


def _log_rows(sender: str) -> list[str]:
    statement = (
        sa.select(CONVERSATION_LOG.c.data)
        .where(CONVERSATION_LOG.c.sender_id == pseudonym(sender))
        .order_by(CONVERSATION_LOG.c.id)
    )
    with db.engine().connect() as connection:
        return list(connection.execute(statement).scalars())


class CxApi(InputChannel):
    """Routes only: this channel never receives customer messages."""

    @classmethod
    def name(cls) -> str:
        return "cx"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = Blueprint("candor_cx_api", __name__)

        @blueprint.route("/customers", methods=["GET"])
        @staff_only
        async def customers(request: Request) -> HTTPResponse:
            with db.session_factory().begin() as session:
                rows = [{"id": each.id, "name": each.full_name} for each in queries.all_customers(session)]
            return response.json({"customers": rows})

        @blueprint.route("/token", methods=["POST"])
        @staff_only
        async def token(request: Request) -> HTTPResponse:
            from guardrails.tokens import mint_token

            try:
                body = json.loads(request.body or b"")
            except (ValueError, UnicodeDecodeError):
                return _error(400, "request body must be JSON")
            customer_id = body.get("customer_id") if isinstance(body, dict) else None
            if not isinstance(customer_id, str) or not customer_id:
                return _error(400, "'customer_id' must be a non-empty string")
            with db.session_factory().begin() as session:
                known = queries.customer(session, customer_id) is not None
            if not known:
                return _error(404, "no such demo customer")
            return response.json({"customer_id": customer_id, "token": mint_token(customer_id)})

        @blueprint.route("/trace/<sender>", methods=["GET"])
        @staff_only
        async def trace(request: Request, sender: str) -> HTTPResponse:
            tracker = await request.app.ctx.agent.tracker_store.retrieve_full_tracker(sender)
            if tracker is None:
                return _error(404, "no conversation with that sender id")
            events = [event.as_dict() for event in tracker.events]
            return response.json({"sender": sender, "turns": build_turns(events, _log_rows(sender))})

        @blueprint.route("/consent/<customer_id>", methods=["GET"])
        @staff_only
        async def consent(request: Request, customer_id: str) -> HTTPResponse:
            from guardrails.consent import ledger

            with db.session_factory().begin() as session:
                if queries.customer(session, customer_id) is None:
                    return _error(404, "no such demo customer")
                choices = ledger.current_choices(session, customer_id)
            return response.json(consent_payload(customer_id, choices))

        @blueprint.route("/report", methods=["GET"])
        @staff_only
        async def report(request: Request) -> HTTPResponse:
            from argparse import ArgumentTypeError

            from guardrails.cli.durations import period
            from guardrails.report import figures

            try:
                since = period(request.args.get("since", "30d"))
            except ArgumentTypeError as error:
                return _error(400, str(error))
            with db.session_factory().begin() as session:
                found = figures.compute(session, since)
            return response.json(found.as_dict())

        return blueprint
