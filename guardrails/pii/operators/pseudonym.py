"""``pseudonym``: a keyed HMAC-SHA256 pseudonym such as ``<EMAIL_ADDRESS:3f9a1c2b>``.

The same key and value always give the same pseudonym, so analytics can count a
customer's messages without seeing who they are; without the key the value cannot be
recovered or confirmed by hashing guesses. The HMAC is :func:`guardrails.crypto.hmac_hex`,
the same as every other pseudonym; the key is the caller's (e.g. ``crypto.derived_key("pii")``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guardrails.crypto import hmac_hex
from guardrails.pii.operators.base import Operator


def normalise(value: str) -> str:
    """Case and spacing do not make a different person: ``Bob@X.com`` == ``bob@x.com``."""
    return " ".join(value.split()).casefold()


@dataclass(frozen=True)
class Pseudonym(Operator):
    """``<LABEL:hex>``; LABEL is the entity type unless ``label`` is given (``CUSTOMER_ID``)."""

    operator_name = "pseudonym"
    key: bytes = field(repr=False)
    label: str | None = None
    length: int = 8

    def validate(self) -> None:
        if len(self.key) < 16:
            raise ValueError("pseudonym key must be at least 16 bytes")
        if not 4 <= self.length <= 64:
            raise ValueError("pseudonym length must be between 4 and 64 hex digits")

    def digest(self, text: str, entity_type: str) -> str:
        return hmac_hex(self.key, f"{entity_type}\x00{normalise(text)}", self.length)

    def operate(self, text: str, entity_type: str) -> str:
        label = self.label or entity_type
        return f"<{label}:{self.digest(text, label)}>"
