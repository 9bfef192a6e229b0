"""One real Rasa server and one real action server for the whole test session.

They are started by the same launcher ``make run`` uses, on free ports, with their own
SQLite store, key and log folder, and are talked to over HTTP only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
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


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Bot:
    state = Path(config.settings().state_dir)
    database_url = config.settings().database_url
    db.create_schema(database_url)
    with db.session_factory(database_url).begin() as session:
        seed.load_seed(session, config.settings().seed_file)
    stack = Stack(rasa_port=free_port(), action_port=free_port(), log_dir=state / "logs", debug=True)
    try:
        stack.start()
        yield Bot(stack, database_url)
    finally:
        stack.stop()


@pytest.fixture
def sender() -> str:
    """A fresh conversation id per test."""
    return f"test-{uuid.uuid4().hex[:12]}"
