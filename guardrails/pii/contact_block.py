"""A bare number in a block of someone's contact details is their phone number.

The phone recognizer scores "59898347" low on its own: an order number looks the same, so
it needs a word such as "call" or "mobile". Customers often paste their details without
labels, though::

    Jane Example
    12 Example Street
    Springfield, IL 62704
    59898347

or type "Jane Example, 59898347, jane@example.com". There the number stands alone in its
field, right next to a name, an email or an address that was detected with confidence, and
it is a phone number. This step raises such candidates to a score that passes the threshold.

A field ends at a new line, a tab, a comma, a semicolon, a bracket, a slash, a bar, a
colon, a spaced dash or the end of a sentence; a line holding just a name and a number
("Nora Example 59898347") counts too. "Jamie said 8009351 works for her" is no block: the
number shares its field with words. A candidate next to a word like "order" has already
lost its score to negative context and is not raised.

Trade-off, by design: an order number or a postcode typed alone next to the customer's
name is masked as a phone number in logs and analytics (the dialogue still reads it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import regex as re

from guardrails.pii.neighbours import raise_beside
from guardrails.pii.settings import NeighbourSettings
from guardrails.pii.spans import Span

# Characters that part two fields; a tab parts fields pasted from a spreadsheet. A spaced
# dash and a sentence end ("from Struer. 28080139") part them too.
_BREAK_CHARS = r"\n\t,;:|/()\[\]"
# Between a candidate and its neighbour: only separators, and at least one field break.
_GAP = re.compile(rf"[\s{_BREAK_CHARS}.!?\-–—]*")
_FIELD_BREAK = re.compile(rf"[{_BREAK_CHARS}]|\s[-–—]\s|[.!?]\s")
# On the candidate's other side its field ends (or starts): text edge, break, sentence end.
_FIELD_END = re.compile(rf"[ ]*(?:$|[{_BREAK_CHARS}]|[-–—][ \t]|[.!?](?:\s|$))")
_FIELD_START = re.compile(rf"(?:^|[{_BREAK_CHARS}]|[ \t][-–—]|[.!?]\s)[ ]*$")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_LINE_END = re.compile(r"[ \t]*[.!]?[ \t]*(?:$|\n)")


def raise_in_contact_blocks(
    text: str, spans: Sequence[Span], settings: NeighbourSettings, threshold: Callable[[str], float]
) -> list[Span]:
    """``spans`` with each low-scoring candidate of ``settings.entities`` that stands alone in
    its field, next to a ``settings.next_to`` span at or above its ``threshold``, raised to
    ``settings.score``. Offsets index ``text``."""
    return raise_beside(
        spans, settings, threshold, lambda span, neighbours: _stands_alone_next_to(text, span, neighbours)
    )


def _stands_alone_next_to(text: str, candidate: Span, neighbours: Iterable[Span]) -> bool:
    for neighbour in neighbours:
        first, second = sorted((neighbour, candidate), key=lambda span: span.start)
        gap = text[first.end : second.start]
        if first.end > second.start or not _GAP.fullmatch(gap):
            continue
        if not _FIELD_BREAK.search(gap):
            # "Nora Johannessen 54974044": no break between them, but a line holding just the two
            if _LINE_START.search(text, 0, first.start) and _LINE_END.match(text, second.end):
                return True
        elif candidate is second and _FIELD_END.match(text, candidate.end):
            return True
        elif candidate is first and _FIELD_START.search(text, 0, candidate.start):
            return True
    return False
