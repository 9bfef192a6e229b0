"""The agent desk: an HTTP API (and a minimal page) for human agents, on the Rasa server.

It is an input channel only so that Rasa mounts its blueprint under
``/webhooks/agent_desk/`` from one line in ``bot/credentials.yml``; it never hands a
message to the dialogue. Routes (all JSON, all need ``Authorization: Bearer <agent token>``
except the page itself):

- ``GET  /webhooks/agent_desk/handoffs``: the open handoffs;
- ``GET  /webhooks/agent_desk/handoffs/<id>[?fields=a,b]``: the conversation so far,
  masked, and the profile fields the role allows (a field outside it: 403, audited);
- ``POST /webhooks/agent_desk/handoffs/<id>/close``: mark it done;
- ``GET  /webhooks/agent_desk/``: a page that calls the above with a pasted token.

The logic lives in :mod:`guardrails.agents.desk`; database work runs in a worker thread so
the server's event loop keeps serving customers.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from guardrails.agents import desk
from guardrails.store import db

logger = logging.getLogger(__name__)

PAGE = Path(__file__).with_name("agent_desk.html")


def _in_transaction(work: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    # A refusal is raised inside the transaction but must still commit its audit row.
    refusal: desk.DeskError | None = None
    with db.session_factory().begin() as session:
        try:
            result = work(session)
        except desk.Forbidden as error:
            refusal = error
    if refusal is not None:
        raise refusal
    return result


async def _answer(request: Request, work: Callable[[Any, desk.Agent], dict[str, Any]]) -> HTTPResponse:
    try:
        agent = desk.authenticate(request.headers.get("Authorization"))
        result = await asyncio.to_thread(_in_transaction, lambda session: work(session, agent))
    except desk.DeskError as error:
        return response.json({"error": str(error)}, status=error.status)
    except SQLAlchemyError as error:
        logger.error("agent desk: store unavailable: %s", type(error).__name__)  # the text can quote rows
        return response.json({"error": "the store is unavailable; try again"}, status=503)
    return response.json(result)


class AgentDesk(InputChannel):
    """Routes for human agents; no messages reach the bot from here."""

    @classmethod
    def name(cls) -> str:
        return "agent_desk"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = Blueprint("agent_desk", __name__)

        @blueprint.route("/", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            return response.html(PAGE.read_text())

        @blueprint.route("/handoffs", methods=["GET"])
        async def list_open(request: Request) -> HTTPResponse:
            return await _answer(request, desk.list_open)

        @blueprint.route("/handoffs/<handoff_id:int>", methods=["GET"])
        async def show(request: Request, handoff_id: int) -> HTTPResponse:
            fields = request.args.get("fields")
            return await _answer(
                request,
                lambda session, agent: desk.show(session, agent, handoff_id, desk.parse_fields(fields)),
            )

        @blueprint.route("/handoffs/<handoff_id:int>/close", methods=["POST"])
        async def close(request: Request, handoff_id: int) -> HTTPResponse:
            return await _answer(request, lambda session, agent: desk.close(session, agent, handoff_id))

        return blueprint
