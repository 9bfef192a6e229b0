"""Input channels that turn a customer token into a verified customer id.

Both channels keep Rasa's own routes (``/webhooks/rest/webhook`` and ``/socket.io``) and
wrap the message handler: whatever metadata the client sent is replaced by
``{"customer_id": ...}`` when ``metadata.customer_token`` verifies, or by
``{"identity": "expired" | "invalid"}`` / ``{}`` when it does not. The token itself never
reaches the tracker, the logs or the actions.

The REST channel also rejects malformed requests with a 400 and a JSON error before they
reach the dialogue, so a bad request cannot disturb the conversation stored so far.
"""

from __future__ import annotations

import json
import logging
import unicodedata
import uuid
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from guardrails.tokens import InvalidToken, verify_token

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 5000
MAX_SENDER_CHARS = 128
MAX_BODY_BYTES = 64 * 1024

Handler = Callable[[UserMessage], Awaitable[Any]]


class BadRequest(ValueError):
    """What is wrong with a webhook request, in words fit for the client."""


def identity_metadata(client_metadata: object) -> dict[str, str]:
    """The only metadata the dialogue sees: a verified customer id, or why there is none."""
    token = client_metadata.get("customer_token") if isinstance(client_metadata, dict) else None
    if token is None:
        return {}
    try:
        return {"customer_id": verify_token(token)}
    except InvalidToken as error:
        return {"identity": "expired" if error.expired else "invalid"}


def clean_text(text: str) -> str:
    """NFC-normalise and drop control characters (keeping newlines and tabs)."""
    normalised = unicodedata.normalize("NFC", text)
    return "".join(
        char for char in normalised if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cs")
    )


def check_webhook_body(raw_body: bytes) -> dict[str, Any]:
    """Parse and check a REST webhook body; raise :class:`BadRequest` with a clear reason."""
    if len(raw_body) > MAX_BODY_BYTES:
        raise BadRequest(f"request body is larger than {MAX_BODY_BYTES} bytes")
    try:
        body = json.loads(raw_body or b"")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("request body must be JSON") from None
    if not isinstance(body, dict):
        raise BadRequest("request body must be a JSON object")
    sender = body.get("sender")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        raise BadRequest(f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS} characters")
    _check_message_fields(body, metadata_key="metadata")
    return body


def check_socket_message(data: object, metadata_key: str = "metadata") -> dict[str, Any]:
    """Check a socket.io ``user_uttered`` payload like a REST body; raise :class:`BadRequest`."""
    if not isinstance(data, dict):
        raise BadRequest("a message must be a JSON object")
    session_id = data.get("session_id")
    if session_id is not None and (not isinstance(session_id, str) or not 0 < len(session_id) <= MAX_SENDER_CHARS):
        raise BadRequest(f"'session_id' must be a non-empty string of at most {MAX_SENDER_CHARS} characters")
    _check_message_fields(data, metadata_key)
    return data


def _check_message_fields(body: dict[str, Any], metadata_key: str) -> None:
    message = body.get("message")
    if not isinstance(message, str):
        raise BadRequest("'message' must be a string")
    if not clean_text(message).strip():
        raise BadRequest("'message' must not be empty")
    if len(message) > MAX_MESSAGE_CHARS:
        raise BadRequest(f"'message' must be at most {MAX_MESSAGE_CHARS} characters")
    metadata = body.get(metadata_key)
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest(f"'{metadata_key}' must be a JSON object")


def verifying(on_new_message: Handler) -> Handler:
    """Wrap Rasa's message handler so that only verified identity and clean text go on."""

    async def handle(message: UserMessage) -> Any:
        message.metadata = identity_metadata(message.metadata)
        if isinstance(message.text, str):
            message.text = clean_text(message.text)[:MAX_MESSAGE_CHARS]
        return await on_new_message(message)

    return handle


class VerifiedRestInput(RestInput):
    """Rasa's REST channel with token verification and input checks."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        blueprint = super().blueprint(verifying(on_new_message))

        @blueprint.middleware("request")
        async def reject_bad_requests(request: Request) -> HTTPResponse | None:
            if request.method != "POST":
                return None
            try:
                check_webhook_body(request.body)
            except BadRequest as error:
                return response.json({"error": str(error)}, status=400)
            return None

        return blueprint


class CustomJsonSocketIOOutput(SocketIOOutput):
    """Rasa's socket.io output, but a custom payload arrives as ``{"custom": {...}}``.

    Rasa 3.6 passes the custom dict as keyword arguments to ``AsyncServer.emit``, so a message
    carrying ``custom.explanation`` raised a TypeError and never reached the widget. Like the
    REST channel, the custom payload now follows its text as a message of its own.
    """

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


def with_custom_json_output(on_new_message: Handler) -> Handler:
    async def handle(message: UserMessage) -> Any:
        output = message.output_channel
        if type(output) is SocketIOOutput:
            message.output_channel = CustomJsonSocketIOOutput(output.sio, output.bot_message_evt)
        return await on_new_message(message)

    return handle


class VerifiedSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel with token verification (the token travels per message)."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def get_output_channel(self) -> SocketIOOutput | None:
        output = super().get_output_channel()
        return CustomJsonSocketIOOutput(output.sio, output.bot_message_evt) if output is not None else None

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        blueprint = super().blueprint(with_custom_json_output(verifying(on_new_message)))
        sio = self.sio

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: object = None, *_more: object) -> None:
            # Replaces Rasa's handler, which calls AsyncServer.enter_room without `await`:
            # since python-socketio 5.x made it a coroutine, the client never joined its
            # session's room and every reply was lost.
            session_id = data.get("session_id") if isinstance(data, dict) else None
            if not isinstance(session_id, str) or not 0 < len(session_id) <= MAX_SENDER_CHARS:
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        handle_message = sio.handlers[self.namespace or "/"]["user_uttered"]

        @sio.on("user_uttered", namespace=self.namespace)
        async def checked_message(sid: str, data: object = None, *_more: object) -> None:
            # Rasa's handler assumes a well-formed dict; a malformed payload gets a "bad_request"
            # event with the reason (the socket.io form of a 400) and never reaches the dialogue.
            try:
                check_socket_message(data, self.metadata_key)
            except BadRequest as error:
                await sio.emit("bad_request", {"error": str(error)}, room=sid, namespace=self.namespace)
                return
            await handle_message(sid, data)

        return blueprint
