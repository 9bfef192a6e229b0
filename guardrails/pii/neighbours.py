"""Raising a weak candidate that stands beside a confident detection.

Two steps after the recognizers use it, each with its own idea of "beside": a bare number
alone in its field next to a name or address is a phone (contact_block.py); a bare number
right beside a town is a postcode (postcode_town.py). Both are configured by a
``NeighbourSettings`` block in config.yml.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from guardrails.pii.settings import NeighbourSettings
from guardrails.pii.spans import Span


def raise_beside(
    spans: Sequence[Span],
    settings: NeighbourSettings,
    threshold: Callable[[str], float],
    beside: Callable[[Span, list[Span]], bool],
) -> list[Span]:
    """``spans`` with each candidate of ``settings.entities`` scored from ``settings.min_score``
    up to ``settings.score`` raised to ``settings.score`` when ``beside(candidate, neighbours)``,
    the neighbours being the ``settings.next_to`` spans at or above their ``threshold``."""
    neighbours = [s for s in spans if s.entity_type in settings.next_to and s.score >= threshold(s.entity_type)]
    return [
        replace(span, score=settings.score)
        if span.entity_type in settings.entities
        and settings.min_score <= span.score < settings.score
        and beside(span, neighbours)
        else span
        for span in spans
    ]
