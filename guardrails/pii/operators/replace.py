"""``replace``: a typed placeholder such as ``<EMAIL_ADDRESS>``."""

from __future__ import annotations

from dataclasses import dataclass

from guardrails.pii.operators.base import Operator


@dataclass(frozen=True)
class Replace(Operator):
    """Replace the value by ``<ENTITY_TYPE>`` (or by a fixed ``new_value`` if given)."""

    operator_name = "replace"
    new_value: str | None = None

    def operate(self, text: str, entity_type: str) -> str:
        return self.new_value if self.new_value is not None else f"<{entity_type}>"
