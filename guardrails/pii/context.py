"""Context words raise or lower a detection's score, matched on lower-cased words.

presidio's default enhancer compares *lemmas* (our trimmed pipeline has no lemmatizer),
skips stop words (so "name" never counts) and matches context words as substrings of
nearby words ("pin" would fire on "shipping"). This one matches whole words and
phrases ("date of birth") in a window of words before and after the detection, and also
supports negative context ("order 1234567" is not a phone number).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence

import regex as re
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.pii.settings import ContextSettings

_WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=512)
def phrase_matcher(phrases: tuple[str, ...]) -> re.Pattern | None:
    """One regex finding any of ``phrases`` as whole words in a normalised window."""
    normalised = sorted({" ".join(_WORD.findall(p.lower())) for p in phrases} - {""}, key=len, reverse=True)
    if not normalised:
        return None
    return re.compile(r"(?<!\S)(?:" + "|".join(re.escape(p) for p in normalised) + r")(?!\S)")


class WordWindow:
    """The words of a text with their offsets, to cut context windows from."""

    def __init__(self, text: str):
        matches = list(_WORD.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.words = [m.group().lower() for m in matches]

    def around(self, start: int, end: int, before: int, after: int) -> str:
        first_inside = bisect.bisect_right(self.ends, start)  # words ending after start overlap it
        first_after = bisect.bisect_left(self.starts, end)
        left = self.words[max(0, first_inside - before) : first_inside]
        right = self.words[first_after : first_after + after]
        return " ".join(left + ["|"] + right)


def context_score(
    score: float,
    window: str,
    positive: Sequence[str],
    negative: Sequence[str],
    settings: ContextSettings,
) -> float:
    """Apply the boost for a positive context word and the penalty for a negative one."""
    positive_matcher = phrase_matcher(tuple(positive))
    if positive_matcher is not None and positive_matcher.search(window):
        score = max(score + settings.boost, settings.min_score_with_context)
    negative_matcher = phrase_matcher(tuple(negative))
    if negative_matcher is not None and negative_matcher.search(window):
        score -= settings.penalty
    return min(max(score, 0.0), 1.0)


class WordContextEnhancer(ContextAwareEnhancer):
    """Context enhancer on lower-cased words, with positive and negative context."""

    def __init__(self, settings: ContextSettings):
        super().__init__(
            context_similarity_factor=settings.boost,
            min_score_with_context_similarity=settings.min_score_with_context,
            context_prefix_count=settings.prefix_words,
            context_suffix_count=settings.suffix_words,
        )
        self.settings = settings

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: Iterable[str] | None = None,
    ) -> list[RecognizerResult]:
        by_id = {recognizer.id: recognizer for recognizer in recognizers}
        extra = " ".join(w.lower() for w in context or ())
        window_source: WordWindow | None = None
        for result in raw_results:
            metadata = result.recognition_metadata or {}
            if metadata.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            recognizer = by_id.get(metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            positive = getattr(recognizer, "context", None) or ()
            negative = getattr(recognizer, "negative_context", None) or ()
            if not positive and not negative:
                continue
            if window_source is None:
                window_source = WordWindow(text)
            window = window_source.around(
                result.start, result.end, self.context_prefix_count, self.context_suffix_count
            )
            if extra:
                window = f"{window} | {extra}"
            result.score = context_score(result.score, window, positive, negative, self.settings)
        return raw_results
