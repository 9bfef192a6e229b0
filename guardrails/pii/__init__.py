"""PII detection and masking for Candor.

    >>> from guardrails.pii import mask_text
    >>> mask_text("Mail me at alice@example.com").text
    'Mail me at <EMAIL_ADDRESS>'

Importing this package is cheap: presidio and the spaCy model are loaded on the first
call to ``analyze_text`` or ``mask_text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from guardrails.pii.spans import MaskResult, Span

if TYPE_CHECKING:
    from guardrails.pii.operators import Operator


def analyze_text(text: str, entities: Iterable[str] | None = None) -> list[Span]:
    """Personal data found in ``text`` as disjoint ``Span``s with offsets into it."""
    from guardrails.pii import engine

    return engine.analyze_text(text, entities)


def mask_text(
    text: str,
    operator: Operator | None = None,
    operators: Mapping[str, Operator] | None = None,
    entities: Iterable[str] | None = None,
) -> MaskResult:
    """``text`` with personal data replaced (``<EMAIL_ADDRESS>`` by default), plus the spans."""
    from guardrails.pii import engine

    return engine.mask_text(text, operator, operators, entities)


__all__ = ["MaskResult", "Span", "analyze_text", "mask_text"]
