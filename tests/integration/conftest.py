"""The integration tests talk over HTTP to the session's real bot (``bot`` in tests/conftest.py):
one Rasa server and one action server, started by the same launcher ``make run`` uses, on free
ports, with their own SQLite store, key and log folder."""

from __future__ import annotations

import uuid

import pytest


@pytest.fixture
def sender() -> str:
    """A fresh conversation id per test."""
    return f"test-{uuid.uuid4().hex[:12]}"
