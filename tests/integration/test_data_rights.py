"""Export and erasure end to end, on the real servers: nothing of an erased customer is left.

A canary customer (seeded with clearly fake values) chats in two conversations, typing
some of their values too, downloads their export through the one-time link the chat gives
(it holds everything), then asks for erasure, says no, asks again and says yes. Afterwards
every column of every table (tracker rows decrypted), every log file and every export link
is searched for each canary value; the request register and the audit trail still prove
the erasure. The staff CLI (``candor export``/``forget``) is run as a subprocess too.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from guardrails import audit
from guardrails.rights.requests import RightsRequest
from guardrails.store import db
from guardrails.store.models import Customer
from guardrails.tokens import mint_token
from tests.canary import add_canary_customer, canary_values, everything_stored, found

CHAT_ID, CLI_ID = "C950", "C951"
CHAT_CANARY = canary_values("Canarywhistle", "0950")
CLI_CANARY = canary_values("Clicanary", "0951")
CANDOR = str(Path(sys.executable).with_name("candor"))


def seed(bot, customer_id: str, order_number: str, values: dict[str, str]) -> None:
    with db.session_factory(bot.database_url).begin() as session:
        add_canary_customer(session, customer_id, order_number, values)


def download(bot, url_or_path: str, token: str | None) -> requests.Response:
    url = url_or_path if url_or_path.startswith("http") else bot.stack.rasa_url + url_or_path
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(url, headers=headers, timeout=60)


def export_link(replies: list[dict]) -> dict:
    return next(part["custom"]["export_link"] for part in replies if "export_link" in (part.get("custom") or {}))


@pytest.fixture(scope="module")
def journey(bot):
    """The whole story once; each test below checks one part of it."""
    seed(bot, CHAT_ID, "19501", CHAT_CANARY)
    token = mint_token(CHAT_ID)
    first, second = "rights-canary-first", "rights-canary-second"
    text = lambda sender, message: bot.text(sender, message, token=token)  # noqa: E731
    seen = {
        "greeting": text(first, f"hi, my name is {CHAT_CANARY['name']}"),
        "order": text(first, f"my email is {CHAT_CANARY['email']}, where is my order?"),
        "typed": text(first, f"can I send the tent back? my work email is {CHAT_CANARY['typed']}"),
        "held": text(first, "what data do you hold about me?"),
    }
    replies = bot.say(first, "export my data", token=token)
    seen["export reply"] = "\n".join(part.get("text", "") for part in replies)
    link = export_link(replies)
    seen["link"] = link
    seen["downloads"] = [download(bot, link["url"], token), download(bot, link["url"], token)]
    # a second link, tried by someone else and without a token, then left unspent for erasure to remove
    other = export_link(bot.say(first, "can I download a copy of my data", token=token))
    seen["other link"] = other
    seen["other customer"] = download(bot, other["path"], mint_token("C001"))
    seen["no token"] = download(bot, other["path"], None)
    seen["bad token"] = download(bot, other["path"], "not-a-token")
    seen["unknown link"] = download(bot, "/webhooks/rights/export/" + "A" * 43, token)
    seen["ask"] = bot.say(second, "please delete all my data", token=token)
    seen["deny"] = text(second, "/deny")
    with db.session_factory(bot.database_url).begin() as session:
        seen["kept after deny"] = session.get(Customer, CHAT_ID) is not None
    text(second, f"call me on {CHAT_CANARY['phone']} about the deletion")
    text(second, "delete my data")
    seen["erased"] = text(second, "/affirm")
    seen["stored after erasure"] = everything_stored(bot.database_url, decrypt_trackers=True)
    seen["link after erasure"] = download(bot, other["path"], token)
    seen["after: order"] = text(second, "where is my order?")
    seen["after: held"] = text(first, "what data do you hold about me?")
    seen["after: bill"] = text(first, "why was I charged?")
    seen["after: export"] = text(first, "export my data")
    return seen


def test_when_customer_chats_then_the_dialogue_works(journey):
    assert "19501" in journey["order"]
    assert "postal address" in journey["held"]
    assert "works once" in journey["export reply"] and journey["link"]["url"] in journey["export reply"]
    assert journey["link"]["single_use"] is True


def test_when_link_is_used_then_the_export_holds_everything(journey):
    first, _ = journey["downloads"]
    assert first.status_code == 200, first.text
    assert "attachment" in first.headers["Content-Disposition"]
    document = first.json()
    text = json.dumps(document)
    missing = [kind for kind in ("name", "email", "phone", "address", "card", "refund reason", "typed") if
               CHAT_CANARY[kind] not in text]
    assert missing == []
    assert document["orders"][0]["items"][0]["product"] == "Ridge 2 tent"
    assert document["consents"][0]["purpose"] == "personalisation"
    typed = [event["text"] for conversation in document["conversations"]
             for event in conversation["tracker_events"] if event.get("event") == "user"]
    assert f"my email is {CHAT_CANARY['email']}, where is my order?" in typed  # decrypted, as stored
    logged = json.dumps([conversation["conversation_log"] for conversation in document["conversations"]])
    assert "<EMAIL_ADDRESS>" in logged and CHAT_CANARY["email"] not in logged  # masked, as stored


@pytest.mark.parametrize(
    "attempt, status",
    [
        ("second use", 410),
        ("other customer", 404),  # the same answer as an unknown link: links cannot be probed
        ("no token", 401),
        ("bad token", 401),
        ("unknown link", 404),
        ("link after erasure", 404),
    ],
)
def test_when_a_link_is_misused_then_a_json_error_is_returned(journey, attempt, status):
    reply = journey["downloads"][1] if attempt == "second use" else journey[attempt]
    assert reply.status_code == status
    assert set(reply.json()) == {"error"} and "Traceback" not in reply.text


def test_when_erasure_is_asked_then_it_is_confirmed_first_and_a_no_keeps_everything(journey):
    question = journey["ask"]
    assert "Shall I delete everything now?" in question[0]["text"]
    assert [button["payload"] for button in question[0]["buttons"]] == ["/affirm", "/deny"]
    assert "haven't deleted anything" in journey["deny"]
    assert journey["kept after deny"]
    assert "your profile, order details, consents and our conversations are deleted" in journey["erased"]


def test_when_erased_then_no_table_holds_a_canary_value(bot, journey):
    stored = journey["stored after erasure"]
    assert found(CHAT_CANARY, stored) == []
    assert re.search(rf"\b{CHAT_ID.lower()}\b", "\n".join(stored.values())) is None  # the id, not inside a hash
    # and after more chatting with the still-valid token
    assert found(CHAT_CANARY, everything_stored(bot.database_url, decrypt_trackers=True)) == []


def test_when_erased_then_no_log_file_holds_a_canary_value(bot, journey):
    assert found(CHAT_CANARY, {"logs": bot.log_text()}) == []


def test_when_erased_then_the_register_and_audit_trail_still_prove_the_request(bot, journey):
    with db.session_factory(bot.database_url).begin() as session:
        pseudonym = audit.customer_pseudonym(CHAT_ID)
        rows = session.scalars(select(RightsRequest).where(RightsRequest.customer == pseudonym)).all()
        kinds = [(row.kind, row.channel, row.fulfilled_at is not None) for row in rows]
        trail = [(row.actor, row.action, row.detail) for row in audit.rows_for(session, CHAT_ID)]
        intact = audit.verify(session).intact
    assert ("erasure", "chat", True) in kinds
    assert ("export", "chat", True) in kinds and ("export", "chat", False) in kinds  # the unused link
    assert ("access", "chat", True) in kinds
    assert ("customer:chat", "rights_fulfilled", "erasure") in trail
    assert intact


def test_when_erased_then_the_still_valid_token_gets_polite_answers(journey):
    assert "can't see any orders" in journey["after: order"]
    assert "can't see any invoices" in journey["after: bill"]
    for reply in (journey["after: held"], journey["after: export"]):
        assert "don't hold any account data about you" in reply


def run_candor(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([CANDOR, *arguments], capture_output=True, text=True, timeout=300)


def test_when_staff_use_the_cli_then_export_and_forget_work(bot, tmp_path):
    seed(bot, CLI_ID, "19511", CLI_CANARY)
    bot.text("rights-cli-canary", f"hello, I'm {CLI_CANARY['name']}, where is my order?", customer=CLI_ID)
    out = tmp_path / "export.json"
    exported = run_candor("export", CLI_ID, "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    document = json.loads(out.read_text())
    assert document["profile"]["email"] == CLI_CANARY["email"] and document["conversations"]
    printed = run_candor("export", CLI_ID)
    assert json.loads(printed.stdout)["profile"]["phone"] == CLI_CANARY["phone"]

    unconfirmed = run_candor("forget", CLI_ID)  # no terminal, no --yes: refuse, erase nothing
    assert unconfirmed.returncode == 2 and "--yes" in unconfirmed.stderr
    assert found(CLI_CANARY, everything_stored(bot.database_url)) != []

    forgotten = run_candor("forget", CLI_ID, "--yes")
    assert forgotten.returncode == 0, forgotten.stderr
    assert "1 conversation(s)" in forgotten.stdout
    assert found(CLI_CANARY, everything_stored(bot.database_url, decrypt_trackers=True)) == []
    with db.session_factory(bot.database_url).begin() as session:
        channels = session.scalars(select(RightsRequest.channel).where(
            RightsRequest.customer == audit.customer_pseudonym(CLI_ID), RightsRequest.kind == "erasure")).all()
    assert channels == ["cli"]


@pytest.mark.parametrize(
    "arguments, reason",
    [
        (("export", "C999"), "no customer 'C999'"),
        (("forget", "C999", "--yes"), "no customer 'C999'"),
        (("forget", "ERASED", "--yes"), "nobody's account"),
        (("export", "C001", "--out", "/nonexistent-folder/x.json"), "does not exist"),
    ],
)
def test_when_cli_input_is_bad_then_it_exits_with_a_one_line_reason(bot, arguments, reason):
    result = run_candor(*arguments)
    assert result.returncode == 2
    assert reason in result.stderr and len(result.stderr.strip().splitlines()) == 1
