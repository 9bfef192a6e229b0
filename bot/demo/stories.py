"""Replay Rasa test stories against the running bot over HTTP and compare what it did.

Unlike ``rasa test`` (which loads the model in-process), this talks to the bot CX teams
are looking at: each story gets a fresh sender, its user turns are sent through the REST
webhook, and the trace from the CX API gives the intent and actions of every turn.

- A story whose ``signed_in`` slot is set to false runs as an anonymous visitor; every
  other story runs as the chosen demo customer (the stories about orders, addresses and
  consent assume a signed-in customer), so running them changes that customer's consent
  and address, as a conversation would.
- A step with an intent but no text (a form's free-text answer) sends the value the story
  expects the form to fill, or ``/intent`` when there is none; its intent is not compared,
  because the story does not say what NLU should make of that text.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from bot.demo.client import BotClient, BotUnavailable

# Rasa's entity annotation in training text: [10002](order_number) or [x]{"entity": ...}.
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


@dataclass
class ExpectedTurn:
    text: str
    intent: str | None  # None: not compared (the story gave no text for it)
    actions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StoryResult:
    story: str
    passed: bool
    turns: int
    detail: str

    def row(self) -> list[Any]:
        return [self.story, "pass" if self.passed else "FAIL", self.turns, self.detail]


def plain_text(annotated: str) -> str:
    """The words a customer would type: entity annotations removed, whitespace trimmed."""
    return ANNOTATION.sub(r"\1", annotated).strip()


def load_stories(path: Path) -> list[dict[str, Any]]:
    return (yaml.safe_load(path.read_text()) or {}).get("stories") or []


def expected_turns(steps: list[dict[str, Any]]) -> list[ExpectedTurn]:
    """The user turns of a story, each with the actions the bot should run after it."""
    turns: list[ExpectedTurn] = []
    for number, step in enumerate(steps):
        if "user" in step:
            turns.append(ExpectedTurn(plain_text(step["user"]), step.get("intent")))
        elif "intent" in step:
            text = _form_answer(steps[number + 1:]) or f"/{step['intent']}"
            turns.append(ExpectedTurn(text, None))
        elif "action" in step and turns:
            turns[-1].actions.append(step["action"])
    return turns


def _form_answer(following: list[dict[str, Any]]) -> str | None:
    """The first non-empty text slot value the story sets after this step, if any."""
    for step in following:
        if "user" in step or "intent" in step:
            return None
        for slot in step.get("slot_was_set") or []:
            for name, value in (slot.items() if isinstance(slot, dict) else []):
                if name != "requested_slot" and isinstance(value, str) and value:
                    return value
    return None


def runs_signed_in(steps: list[dict[str, Any]]) -> bool:
    for step in steps:
        for slot in step.get("slot_was_set") or []:
            if isinstance(slot, dict) and slot.get("signed_in") is False:
                return False
    return True


def compare(expected: list[ExpectedTurn], actual: list[dict[str, Any]]) -> str | None:
    """None when the bot did what the story says; otherwise the first difference, in words."""
    for number, (want, got) in enumerate(zip(expected, actual), start=1):
        if want.intent is not None and got.get("intent") != want.intent:
            return f"turn {number} {want.text!r}: intent {got.get('intent')} (story: {want.intent})"
        if got.get("actions") != want.actions:
            return f"turn {number} {want.text!r}: actions {got.get('actions')} (story: {want.actions})"
    if len(actual) != len(expected):
        return f"the bot saw {len(actual)} user turns, the story has {len(expected)}"
    return None


def run_story(
    client: BotClient, story: dict[str, Any], customer_id: str | None, new_sender: Callable[[], str] | None = None
) -> StoryResult:
    name = story.get("story", "unnamed story")
    steps = story.get("steps") or []
    expected = expected_turns(steps)
    sender = (new_sender or _new_sender)()
    try:
        token = client.token(customer_id) if customer_id and runs_signed_in(steps) else None
        for turn in expected:
            client.say(sender, turn.text, token)
        actual = client.trace(sender) if expected else []
    except BotUnavailable as error:
        return StoryResult(name, False, len(expected), f"could not run: {error}")
    difference = compare(expected, actual)
    return StoryResult(name, difference is None, len(expected), difference or "as in the story")


def run_stories(client: BotClient, path: Path, customer_id: str | None) -> list[StoryResult]:
    return [run_story(client, story, customer_id) for story in load_stories(path)]


def _new_sender() -> str:
    return f"cx-story-{uuid.uuid4().hex[:12]}"
