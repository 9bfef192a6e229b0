"""The tracker store: what one save writes, and what it must not write back after an erasure.

A save writes the tracker's events beyond those already stored to both tables (encrypted
tracker rows, masked log rows) in one transaction. After the erase action deleted the
conversation's rows, the turn that erased them must not come back either: the marker slot
keeps only what follows it. These tests use the real store and broker on the test database.
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


def test_when_a_turn_erased_nothing_then_that_turns_events_are_saved_as_usual(store):
    # The control: the same deletion without the marker stores the erasing turn itself, with
    # the customer's key (Rasa's own store, which counts rows, would restore all 9 events).
    sender, tracker = erase_turn(store, marker=False)
    tracker_rows, log_rows = stored(sender)
    assert [row["event"] for row in tracker_rows] == ["user", "action", "bot", "action"]
    assert any(row.get("customer") for row in log_rows)


def new_tracker(store: EncryptedSQLTrackerStore) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(f"unit-{uuid.uuid4().hex[:8]}", [
        ActionExecuted("action_listen"),
        UserUttered("where is my order", intent={"name": "order_status"}, metadata=CUSTOMER),
        ActionExecuted("action_check_order_status"),
    ], slots=store.domain.slots)


def test_when_a_tracker_is_saved_twice_then_each_event_is_stored_once(store):
    tracker = new_tracker(store)
    asyncio.run(store.save(tracker))
    asyncio.run(store.save(tracker))
    tracker.update(BotUttered("Your order is on its way."))
    asyncio.run(store.save(tracker))
    tracker_rows, log_rows = stored(tracker.sender_id)
    assert [row["event"] for row in tracker_rows] == ["action", "user", "action", "bot"]
    assert [row["event"] for row in log_rows] == ["action", "user", "action", "bot"]


def test_when_a_loaded_tracker_gets_a_turn_then_only_that_turn_is_added(store):
    tracker = new_tracker(store)
    asyncio.run(store.save(tracker))
    loaded = asyncio.run(store.retrieve(tracker.sender_id))
    loaded.update(BotUttered("Your order is on its way."))
    asyncio.run(store.save(loaded))
    copy_without_memory = DialogueStateTracker.from_events(tracker.sender_id, list(loaded.events),
                                                           slots=store.domain.slots)
    copy_without_memory.update(ActionExecuted("action_listen"))
    asyncio.run(store.save(copy_without_memory))  # falls back to counting the stored rows
    tracker_rows, _ = stored(tracker.sender_id)
    assert [row["event"] for row in tracker_rows] == ["action", "user", "action", "bot", "action"]


def test_when_the_log_row_cannot_be_written_then_no_tracker_row_is_written_either(store, monkeypatch):
    import bot.stores

    def broken_mask(text: str) -> str:
        raise RuntimeError("masking failed")

    monkeypatch.setattr(bot.stores, "_masked", broken_mask)
    tracker = new_tracker(store)
    with pytest.raises(RuntimeError):
        asyncio.run(store.save(tracker))
    with db.session_factory().begin() as session:
        assert conversation_store.history(session, [pseudonym(tracker.sender_id)])[0] == {
            "conversation": pseudonym(tracker.sender_id), "tracker_events": [], "conversation_log": []}


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
