"""Shared shape of Candor's recognizers: presidio ``PatternRecognizer`` plus three habits.

- ``PATTERNS`` is a class attribute; the context and negative-context words come from
  config.yml (the one place for them), handed to the constructor by the engine.
- A pattern may capture a named group ``value``: only that part is reported, so a cue
  such as "my name is" can be part of the regex without being masked.
- ``split_match`` may cut a match into several candidates, ``adjust_span`` may trim a
  candidate (or drop it) and ``score_match`` sees each candidate and returns its score, or
  ``None`` to drop it (checksums, plausibility checks); presidio's validate/invalidate hooks
  still work. ``adjust_results`` sees all of a text's results at the end.

Recognizers that also read spaCy's entities set ``NER_LABELS``.

Class names must differ from presidio's predefined recognizers (``EmailRecognizer``,
``PhoneRecognizer``...): presidio builds its default registry by looking classes up by
name among all subclasses, and would otherwise pick ours up.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import ClassVar

import regex as re
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

DEFAULT_FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE
CASE_SENSITIVE_FLAGS = re.DOTALL | re.MULTILINE


class CandorRecognizer(PatternRecognizer):
    """A pattern (and optionally NER) recognizer for one entity type."""

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[list[Pattern]] = []
    FLAGS: ClassVar[int] = DEFAULT_FLAGS
    NER_LABELS: ClassVar[tuple[str, ...]] = ()
    # Words that, right before a candidate, outweigh its negative context ("at" for phones).
    LINKING_WORDS: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        context: Sequence[str] | None = None,
        negative_context: Sequence[str] | None = None,
        ner_score: float = 0.85,
        supported_language: str = "en",
    ):
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            supported_language=supported_language,
            patterns=list(self.PATTERNS),
            context=list(context or ()),
            global_regex_flags=self.FLAGS,
        )
        self.negative_context = list(negative_context or ())
        self.ner_score = ner_score
        self._compiled = [(p, re.compile(p.regex, flags=self.FLAGS)) for p in self.patterns]

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = []
        for pattern, compiled in self._compiled:
            for match in compiled.finditer(text):
                start, end = match.span("value") if "value" in compiled.groupindex else match.span()
                if not end > start >= 0:
                    continue
                for start, end in self.split_match(text, start, end, pattern):
                    span = self.adjust_span(text, start, end, pattern)
                    if span is None:
                        continue
                    start, end = span
                    score = self.score_match(text[start:end], pattern.score, text, start, end)
                    if score is not None and score > EntityRecognizer.MIN_SCORE:
                        results.append(self.result(start, end, score, pattern.name))
        if self.NER_LABELS and nlp_artifacts is not None:
            results.extend(self.ner_results(text, nlp_artifacts))
        results.extend(self.extra_results(text))
        return self.adjust_results(text, without_contained_duplicates(results))

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """A last look at all of one text's results (widen or drop some); default keeps them."""
        return results

    def extra_results(self, text: str) -> list[RecognizerResult]:
        """Results found neither by a pattern nor by spaCy (word lists, shapes); default none."""
        return []

    def split_match(self, text: str, start: int, end: int, pattern: Pattern) -> list[tuple[int, int]]:
        """Cut a regex match holding two values into candidates; default keeps it whole."""
        return [(start, end)]

    def adjust_span(self, text: str, start: int, end: int, pattern: Pattern) -> tuple[int, int] | None:
        """Trim or reject a regex candidate before scoring; default keeps it."""
        return start, end

    def score_match(self, value: str, score: float, text: str, start: int, end: int) -> float | None:
        """Score of a regex candidate, or None to drop it. Default: presidio's hooks."""
        if self.invalidate_result(value):
            return None
        validated = self.validate_result(value)
        if validated is None:
            return score
        return EntityRecognizer.MAX_SCORE if validated else None

    def ner_results(self, text: str, nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        """Results from spaCy entities whose (mapped) label is one of ``NER_LABELS``."""
        results = []
        for ent in nlp_artifacts.entities:
            if ent.label_ not in self.NER_LABELS:
                continue
            span = self.accept_entity(text, ent.start_char, ent.end_char)
            if span is not None:
                results.append(self.result(span[0], span[1], self.ner_score, f"spaCy {ent.label_}"))
        return results

    def accept_entity(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Adjust or reject a spaCy entity span; default keeps it as is."""
        return start, end

    def result(self, start: int, end: int, score: float, how: str) -> RecognizerResult:
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            analysis_explanation=None,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "pattern": how,
            },
        )


def without_contained_duplicates(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """presidio's ``EntityRecognizer.remove_duplicates`` in O(n log n) instead of O(n²): by
    falling score, then offset, each result is kept unless one kept before it, of the same
    type, contains it (or equals it). A message with hundreds of candidates took seconds."""
    ordered = sorted(set(results), key=lambda r: (-r.score, r.start, -(r.end - r.start)))
    starts = sorted({r.start for r in ordered})
    position = {start: index + 1 for index, start in enumerate(starts)}
    furthest_end: dict[str, list[int]] = {}  # per type, a Fenwick tree: the furthest end of kept spans by start
    kept = []
    for result in ordered:
        if result.score == 0:
            continue
        tree = furthest_end.setdefault(result.entity_type, [-1] * (len(starts) + 1))
        if _furthest_end_up_to(tree, position[result.start]) >= result.end:
            continue  # a kept span of its type starts no later and ends no earlier
        kept.append(result)
        _record_end(tree, position[result.start], result.end)
    return kept


def _furthest_end_up_to(tree: list[int], index: int) -> int:
    furthest = -1
    while index > 0:
        furthest = max(furthest, tree[index])
        index -= index & -index
    return furthest


def _record_end(tree: list[int], index: int, end: int) -> None:
    while index < len(tree):
        tree[index] = max(tree[index], end)
        index += index & -index


@functools.lru_cache(maxsize=16)
def written_in_lower_case(text: str) -> bool:
    """No capital letter anywhere in ``text`` (customers who type everything in lower case).
    Cached: recognizers ask once per candidate, and a 5,000-character message has hundreds."""
    return not any(ch.isupper() for ch in text)


def digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def luhn_ok(number: str) -> bool:
    """Luhn checksum of a digit string (payment cards)."""
    total = 0
    for position, char in enumerate(reversed(number)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0
