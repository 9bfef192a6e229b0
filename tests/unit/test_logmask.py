"""Log masking: every record, every level, arguments and tracebacks included."""

import logging

import pytest

from guardrails import logmask


def fake_mask(text: str) -> str:
    return text.replace("alice.example@example.com", "<EMAIL_ADDRESS>").replace("Alice Example", "<PERSON>")


@pytest.fixture
def masked_log(caplog):
    original = logging.getLogRecordFactory()
    logmask.install(fake_mask)
    caplog.set_level(logging.DEBUG)
    yield caplog
    logging.setLogRecordFactory(original)


@pytest.mark.parametrize("level", [logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL])
def test_when_a_record_has_personal_data_in_its_arguments_then_it_is_masked(masked_log, level):
    logging.getLogger("candor.test").log(level, "user %s wrote %r", "Alice Example", "alice.example@example.com")
    assert masked_log.messages == ["user <PERSON> wrote '<EMAIL_ADDRESS>'"]


def test_when_an_exception_carries_personal_data_then_the_traceback_is_masked(masked_log):
    try:
        raise ValueError("no account for alice.example@example.com")
    except ValueError:
        logging.getLogger("candor.test").exception("lookup failed")
    formatted = logging.Formatter().format(masked_log.records[0])
    assert "alice.example" not in formatted and "<EMAIL_ADDRESS>" in formatted


def test_when_masking_fails_then_the_message_is_withheld_not_written(caplog):
    original = logging.getLogRecordFactory()

    def broken(text: str) -> str:
        raise RuntimeError("model missing")

    logmask.install(broken)
    caplog.set_level(logging.INFO)
    try:
        logging.getLogger("candor.test").info("hello Alice Example")
    finally:
        logging.setLogRecordFactory(original)
    assert caplog.messages == [logmask.WITHHELD]


def test_when_installed_twice_then_records_are_masked_once(masked_log):
    logmask.install(lambda text: text + "!")  # ignored: masking is already installed
    logging.getLogger("candor.test").info("plain")
    assert masked_log.messages == ["plain"]
