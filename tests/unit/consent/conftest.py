"""Fixtures shared by the consent, gateway and recommender tests."""

import dataclasses

import pytest

from guardrails.consent import purposes


@pytest.fixture
def new_notice(monkeypatch):
    """Pretend a purpose's notice changed to ``version`` (as a YAML edit would)."""

    def change(purpose_name: str, version: str) -> None:
        config = purposes.load()
        changed = dataclasses.replace(config.purposes[purpose_name], version=version)
        patched = dataclasses.replace(config, purposes={**config.purposes, purpose_name: changed})
        monkeypatch.setattr(purposes, "load", lambda: patched)

    return change
