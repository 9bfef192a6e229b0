"""A thin HTTP client for the running bot: the REST webhook and the staff-only CX API.

The demo runs in its own environment (Gradio needs pydantic 2, Rasa pydantic 1), so this
is the only way it reaches the bot: no Rasa import, no database access.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests


class BotUnavailable(RuntimeError):
    """The bot did not answer, or answered with an error; the message says which, in words."""


class NotFound(BotUnavailable):
    """The bot answered 404: no such customer or conversation, or an endpoint it does not
    offer (yet): the transparency figures until ``candor report`` lands."""


@dataclass(frozen=True)
class BotClient:
    rasa_url: str
    staff_token: str
    timeout: float = 60.0

    def say(self, sender: str, message: str, customer_token: str | None = None) -> list[dict[str, Any]]:
        """Send one message as ``sender``; the bot's messages in order."""
        metadata = {"customer_token": customer_token} if customer_token else {}
        body = {"sender": sender, "message": message, "metadata": metadata}
        return self._call("POST", "/webhooks/rest/webhook", json=body, staff=False)

    def customers(self) -> list[dict[str, str]]:
        return self._call("GET", "/webhooks/cx/customers")["customers"]

    def token(self, customer_id: str) -> str:
        return self._call("POST", "/webhooks/cx/token", json={"customer_id": customer_id})["token"]

    def trace(self, sender: str) -> list[dict[str, Any]]:
        """Every user turn of the conversation so far (see bot/cx_api.py)."""
        return self._call("GET", f"/webhooks/cx/trace/{sender}")["turns"]

    def consent(self, customer_id: str) -> dict[str, Any]:
        return self._call("GET", f"/webhooks/cx/consent/{customer_id}")

    def report(self) -> dict[str, Any]:
        """Transparency figures, once the bot offers them (``candor report``)."""
        return self._call("GET", "/webhooks/cx/report")

    def _call(self, method: str, path: str, json: object = None, staff: bool = True) -> Any:
        headers = {"Authorization": f"Bearer {self.staff_token}"} if staff else {}
        try:
            reply = requests.request(method, self.rasa_url + path, json=json, headers=headers, timeout=self.timeout)
        except requests.RequestException as error:
            raise BotUnavailable(f"the bot at {self.rasa_url} did not answer ({type(error).__name__})") from None
        if reply.status_code == 404:
            raise NotFound(_reason(reply) or f"{path} is not offered by this bot")
        if reply.status_code != 200:
            raise BotUnavailable(f"the bot answered {reply.status_code}: {_reason(reply) or 'no reason given'}")
        try:
            return reply.json()
        except ValueError:
            raise BotUnavailable(f"the bot sent something that is not JSON for {path}") from None


def _reason(reply: requests.Response) -> str | None:
    try:
        body = reply.json()
    except ValueError:
        return None
    return body.get("error") if isinstance(body, dict) else None
