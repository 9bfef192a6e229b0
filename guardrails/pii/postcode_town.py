"""A number typed right beside a town is its postcode: "Manawaiti 8912", "9917 Vuille", "Rapin, 1960".

The postcode recognizer scores a bare number low: an order number or a quantity looks the
same, so it needs a word such as "postcode", or a town its gazetteer knows ("Kiel 24103",
"10115 Berlin"). Villages and towns the gazetteer does not know are still found by spaCy as
places. A weak postcode candidate right before or after such a place, with nothing but a
space, a comma or one line break between them, is raised so that it passes the threshold.

Trade-off, by design: a number typed right after a place ("Sydney 2000 was great") reads as
a postcode and is masked in logs and analytics (the dialogue still reads it). Years are no
candidates here: the postcode recognizer scores "Paris 2024" below this step's floor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import regex as re

from guardrails.pii.neighbours import raise_beside
from guardrails.pii.settings import NeighbourSettings
from guardrails.pii.spans import Span

# Between a postcode and its town: spaces, at most one comma and at most one line break.
_GAP = re.compile(r"[ \t]*(?:,[ \t]*)?(?:\n[ \t]*)?")


def raise_beside_towns(
    text: str, spans: Sequence[Span], settings: NeighbourSettings, threshold: Callable[[str], float]
) -> list[Span]:
    """``spans`` with each low-scoring candidate of ``settings.entities`` right beside a
    ``settings.next_to`` span at or above its ``threshold`` raised to ``settings.score``.
    Offsets index ``text``."""
    return raise_beside(spans, settings, threshold, lambda span, towns: _beside(text, span, towns))


def _beside(text: str, candidate: Span, towns: Iterable[Span]) -> bool:
    for town in towns:
        first, second = sorted((town, candidate), key=lambda span: span.start)
        if first.end < second.start and _GAP.fullmatch(text, first.end, second.start):
            return True
    return False
