"""Mask personal data in every log record a process creates, at every level.

:func:`install` replaces the process's LogRecord factory, so each record is masked once,
when it is created, whichever logger, handler or formatter later deals with it (Rasa
reconfigures its handlers at start-up; a factory survives that). The message, its
arguments, and any traceback text are all masked. If masking itself fails, the record's
text is withheld rather than written in clear.
"""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Callable

WITHHELD = "<log message withheld: masking failed>"

_state = threading.local()


def install(mask: Callable[[str], str]) -> None:
    """Mask all log records created from now on in this process with ``mask``."""
    if getattr(logging.getLogRecordFactory(), "candor_masking", False):
        return
    create_record = logging.getLogRecordFactory()

    def masking_factory(*args, **kwargs) -> logging.LogRecord:
        record = create_record(*args, **kwargs)
        if getattr(_state, "busy", False):  # a log line written by the masker itself
            return record
        _state.busy = True
        try:
            mask_record(record, mask)
        finally:
            _state.busy = False
        return record

    masking_factory.candor_masking = True
    logging.setLogRecordFactory(masking_factory)


def mask_record(record: logging.LogRecord, mask: Callable[[str], str]) -> None:
    try:
        record.msg = mask(record.getMessage())
        record.args = ()
        if record.exc_info:
            record.exc_text = mask("".join(traceback.format_exception(*record.exc_info)).rstrip())
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
    except Exception:  # noqa: BLE001 - never let a masking bug leak or crash logging
        record.msg, record.args, record.exc_text, record.stack_info = WITHHELD, (), None, None
        record.exc_info = None
