"""The tracker store after an erasure: Rasa must not write the erased conversation back.

Rasa saves a turn by writing the tracker's events beyond the count already stored, and
streams to the event broker whatever the stored tracker lacks. After the erase action
deleted the rows, both counts are zero, so without our override the whole conversation
would come back. These tests use the real store and broker on the test database.
"""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import select

from bot.stores import EncryptedSQLTrackerStore, MaskedSQLEventBroker
from guardrails import conversation_store
from guardrails.config import PROJECT_ROOT
from guardrails.conversation_log import pseudonym
from guardrails.rights.erasure import MARKER_SLOT
from guardrails.store import db

CUSTOMER = {"customer_id": "C901"}


@pytest.fixture(scope="module")
def store() -> EncryptedSQLTrackerStore:
    db.create_schema()
    domain = Domain.load(str(PROJECT_ROOT / "bot" / "domain"))
    return EncryptedSQLTrackerStore(domain, MaskedSQLEventBroker())


def stored(sender: str) -> tuple[list[dict], list[dict]]:
    """(tracker events decrypted, conversation-log events) of one conversation, in order."""
    with db.session_factory().begin() as session:
        [conversation] = conversation_store.history(session, [pseudonym(sender)])
    return conversation["tracker_events"], conversation["conversation_log"]


def erase_turn(store: EncryptedSQLTrackerStore, marker: bool) -> tuple[str, DialogueStateTracker]:
    """Save the question turn, delete the rows as erasure does, then save the erasing turn."""
    sender = f"unit-{uuid.uuid4().hex[:8]}"
    tracker = DialogueStateTracker.from_events(sender, [
        ActionExecuted("action_listen"),
        UserUttered("please delete my data", intent={"name": "data_deletion"}, metadata=CUSTOMER),
        ActionExecuted("action_confirm_erasure"),
        BotUttered("Shall I delete everything now?"),
        ActionExecuted("action_listen"),
    ], slots=store.domain.slots)
    asyncio.run(store.save(tracker))
    with db.session_factory().begin() as session:
        assert conversation_store.conversations_of(session, "C901")[-1] == pseudonym(sender)
        conversation_store.delete_conversations(session, [pseudonym(sender)])
    tracker.update(UserUttered("/affirm", intent={"name": "affirm"}, metadata=CUSTOMER))
    tracker.update(ActionExecuted("action_erase_data"))
    tracker.update(BotUttered("Done: your data is deleted."))
    if marker:
        tracker.update(SlotSet(MARKER_SLOT, True))
    tracker.update(ActionExecuted("action_listen"))
    asyncio.run(store.save(tracker))
    return sender, tracker


def test_when_a_turn_erased_the_conversation_then_only_events_after_the_marker_are_stored(store):
    sender, _ = erase_turn(store, marker=True)
    tracker_rows, log_rows = stored(sender)
    assert [row["event"] for row in tracker_rows] == ["action"]
    assert tracker_rows[0]["name"] == "action_listen"
    assert [(row["event"], row["name"]) for row in log_rows] == [("action", "action_listen")]
    assert all("customer" not in row for row in log_rows)  # no key that leads back to the customer


def test_when_a_turn_erased_nothing_then_rasa_saves_everything_as_usual(store):
    # The control: the same deletion without the marker brings the whole conversation back.
    sender, tracker = erase_turn(store, marker=False)
    tracker_rows, log_rows = stored(sender)
    assert len(tracker_rows) == len(tracker.events)
    assert any(row.get("customer") for row in log_rows)


def test_when_the_conversation_goes_on_after_erasure_then_new_turns_are_stored_normally(store):
    sender, _ = erase_turn(store, marker=True)
    tracker = asyncio.run(store.retrieve(sender))
    assert tracker.get_slot(MARKER_SLOT) is None  # the marker itself is not kept
    tracker.update(UserUttered("where is my order", intent={"name": "order_status"}, metadata=CUSTOMER))
    tracker.update(ActionExecuted("action_check_order_status"))
    asyncio.run(store.save(tracker))
    tracker_rows, log_rows = stored(sender)
    assert [row["event"] for row in tracker_rows] == ["action", "user", "action"]
    assert [row["event"] for row in log_rows] == ["action", "user", "action"]


def test_when_the_log_is_searched_then_it_finds_rows_by_customer_key_only(store):
    sender, _ = erase_turn(store, marker=False)
    with db.session_factory().begin() as session:
        data = session.execute(select(conversation_store.conversation_log.c.data).where(
            conversation_store.conversation_log.c.sender_id == pseudonym(sender))).scalars().all()
    keys = {json.loads(row).get("customer") for row in data} - {None}
    assert keys == {conversation_store.customer_key("C901")}
