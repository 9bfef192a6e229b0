"""The real bot the integration and browser tests talk to, started the way ``make run`` does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import requests

from bot.launcher import Stack, free_port
from guardrails import config
from guardrails.store import db, seed
from guardrails.tokens import mint_token


@dataclass
class Bot:
    stack: Stack
    database_url: str

    @property
    def webhook(self) -> str:
        return f"{self.stack.rasa_url}/webhooks/rest/webhook"

    def post(self, payload: object = None, raw: bytes | None = None) -> requests.Response:
        if raw is not None:
            return requests.post(self.webhook, data=raw, headers={"Content-Type": "application/json"}, timeout=30)
        return requests.post(self.webhook, json=payload, timeout=30)

    def say(self, sender: str, message: str, customer: str | None = None, token: str | None = None) -> list[dict]:
        """Send one message; ``customer`` mints a valid token for that customer id."""
        metadata = {}
        if customer is not None:
            metadata["customer_token"] = mint_token(customer)
        if token is not None:
            metadata["customer_token"] = token
        reply = self.post({"sender": sender, "message": message, "metadata": metadata})
        assert reply.status_code == 200, reply.text
        return reply.json()

    def text(self, sender: str, message: str, **who) -> str:
        return "\n".join(part.get("text", "") for part in self.say(sender, message, **who))

    def log_text(self) -> str:
        return "\n".join(path.read_text(errors="replace") for path in self.stack.log_dir.glob("*.log"))


def start_stack(log_dir: Path | None = None, timeout: float = 400.0, **options) -> Stack:
    """A real Rasa server and action server on free ports over the seeded demo store, started
    by the launcher ``make run`` uses. The caller stops it. Loading the model can take minutes
    on a busy shared machine, hence the generous timeout."""
    settings = config.settings()
    db.create_schema(settings.database_url)
    with db.session_factory(settings.database_url).begin() as session:
        seed.load_seed(session, settings.seed_file)
    stack = Stack(rasa_port=free_port(), action_port=free_port(), log_dir=log_dir or settings.state_dir / "logs", **options)
    try:
        stack.start(timeout)
    except BaseException:
        stack.stop()
        raise
    return stack
