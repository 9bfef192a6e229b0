"""The data-rights download route, served by the Rasa server as an input channel with no chat.

    GET /webhooks/rights/export/<link_id>
    Authorization: Bearer <customer token>

Rasa mounts every channel's blueprint under ``/webhooks/<name>/``, so listing this class in
credentials.yml is all it takes. The export is built at download time, for the customer
whose token comes with the request and who was given the link; the link is then spent.
Every refusal is a JSON error: 401 without a valid token, 404 for an unknown link or one
that belongs to someone else (the same answer, so links cannot be probed), 410 for a spent
or expired link, 503 when the store is unreachable.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from guardrails.rights import export, links
from guardrails.store import db
from guardrails.tokens import InvalidToken, verify_token

logger = logging.getLogger(__name__)


def bearer_token(request: Request) -> str | None:
    scheme, _, token = (request.headers.get("Authorization") or "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _download(link_id: str, customer_id: str) -> str:
    with db.session_factory().begin() as session:
        return export.to_json(links.redeem(session, link_id, customer_id))


def _error(status: int, reason: str) -> HTTPResponse:
    return response.json({"error": reason}, status=status, headers={"Cache-Control": "no-store"})


class RightsInput(InputChannel):
    """Routes only (``/webhooks/rights/...``); it never passes a message to the dialogue."""

    @classmethod
    def name(cls) -> str:
        return "rights"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = Blueprint("rights_webhook", __name__)

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @blueprint.route("/export/<link_id:str>", methods=["GET"])
        async def download(request: Request, link_id: str) -> HTTPResponse:
            try:
                customer_id = verify_token(bearer_token(request))
            except InvalidToken:
                return _error(401, "sign in first: send your customer token as 'Authorization: Bearer <token>'")
            if not 20 <= len(link_id) <= 100:
                return _error(404, "no such export link for this customer")
            try:
                body = await asyncio.to_thread(_download, link_id, customer_id)
            except links.LinkRefused as refused:
                return _error(refused.status, refused.reason)
            except SQLAlchemyError as error:
                logger.error("export download failed: %s", type(error).__name__)  # row values stay out of logs
                return _error(503, "the export is unavailable right now; the link still works, try again shortly")
            except Exception as error:  # a JSON error, never a stack trace, to the customer
                logger.error("export download failed: %s", type(error).__name__)
                return _error(500, "the export failed; the link still works, try again shortly")
            return response.text(body, content_type="application/json", headers={
                "Content-Disposition": 'attachment; filename="candor-export.json"',
                "Cache-Control": "no-store",
            })

        return blueprint
