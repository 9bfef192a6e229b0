"""Detected spans and how overlapping detections become one masked region.

Kept free of presidio and spaCy so that callers (log filters, the CLI, tests) can
handle spans without paying for the NLP stack.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import NamedTuple


@dataclass(frozen=True, order=True)
class Span:
    """One piece of personal data: ``text[start:end]`` is of ``entity_type``."""

    start: int
    end: int
    entity_type: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "score": round(self.score, 4)}


class MaskResult(NamedTuple):
    """Masked text plus the spans (offsets into the *input* text) that were replaced."""

    text: str
    spans: list[Span]


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Turn possibly overlapping detections into disjoint spans, sorted by start.

    Overlapping detections are merged into one span covering all of them, so no
    fragment of either is left in clear. The merged span takes the type and score of
    the dominant detection: the longer one, on equal length the higher score, and on equal
    score the more specific type (an address, then a place), then the type's name.
    """
    result: list[Span] = []
    cluster: list[Span] = []
    cluster_end = -1
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= span.start:
            continue
        if cluster and span.start < cluster_end:
            cluster.append(span)
            cluster_end = max(cluster_end, span.end)
            continue
        if cluster:
            result.append(_merge(cluster))
        cluster, cluster_end = [span], span.end
    if cluster:
        result.append(_merge(cluster))
    return result


# On a tie in length and score, the more specific type names the span, whatever order the
# recognizers ran in: "originally from Eckenroth" is a place before it is a name.
_SPECIFIC_ON_TIE = {"STREET_ADDRESS": 2, "LOCATION": 1}


def _merge(cluster: list[Span]) -> Span:
    dominant = max(
        cluster,
        key=lambda s: (s.end - s.start, s.score, _SPECIFIC_ON_TIE.get(s.entity_type, 0), s.entity_type),
    )
    start = min(s.start for s in cluster)
    end = max(s.end for s in cluster)
    return Span(start, end, dominant.entity_type, dominant.score)


def apply_replacements(text: str, spans: list[Span], replacements: list[str]) -> str:
    """Replace each of the disjoint, sorted ``spans`` in ``text`` by its replacement."""
    pieces: list[str] = []
    cursor = 0
    for span, replacement in zip(spans, replacements):
        pieces.append(text[cursor : span.start])
        pieces.append(replacement)
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)
