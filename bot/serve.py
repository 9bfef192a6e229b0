"""Start the Rasa server or the action server with Candor's log masking installed first.

    python -m bot.serve rasa run --model ...
    python -m bot.serve rasa_sdk --actions actions --port 5055

Masking is installed before Rasa configures its logging, so every record either process
writes, at every level, debug included, has its personal data replaced by placeholders.
Python warnings and uncaught exceptions are routed through logging too, so they are masked.
The Rasa server also gets two fixes that have nothing to do with privacy (a polite reply
when the action server is down, the action reply schema checked once); the load benchmark's
"guardrails off" set-up sets CANDOR_LOG_MASKING=off to keep those and drop only the masking.
"""

from __future__ import annotations

import logging
import os
import runpy
import sys


SINGLE_THREADED = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                   "TF_INTRA_OP_PARALLELISM_THREADS", "TF_INTER_OP_PARALLELISM_THREADS")


def _log_uncaught(kind, value, trace) -> None:
    logging.getLogger("candor.uncaught").critical("uncaught exception", exc_info=(kind, value, trace))


def install_masking() -> None:
    from guardrails import logmask
    from guardrails.pii import mask_text

    logmask.install(lambda text: mask_text(text).text)
    logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)  # its debug lines are noise
    logging.captureWarnings(True)
    sys.excepthook = _log_uncaught


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("rasa", "rasa_sdk"):
        sys.exit("usage: python -m bot.serve rasa|rasa_sdk [arguments...]")
    program = sys.argv[1]
    # One thread for each numeric library, set before any of them loads: a chat turn's
    # matrices are tiny, so more threads only spin on the other core and hand work back and
    # forth (OpenBLAS busy-waits). Scale with one server per core instead.
    for variable in SINGLE_THREADED:
        os.environ.setdefault(variable, "1")
    if program == "rasa_sdk":
        from guardrails.pii.offline import skip_tensorflow

        skip_tensorflow()  # the action server runs no model; spaCy's thinc would load TensorFlow
    if os.environ.get("CANDOR_LOG_MASKING") != "off":
        install_masking()
    if program == "rasa":
        from bot import action_responses, resilience

        resilience.install()  # a polite "try again" when the action server is unreachable
        action_responses.install()  # the reply schema checked once, not on every action call
    sys.argv = [program, *sys.argv[2:]]
    runpy.run_module(program, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
