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

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # "Rønning's" is one word, as it is read
# A possessive or "is" typed onto a context word: "her number's 25102734", "the phone's".
_APOSTROPHE_S = re.compile(r"['’]s$")
# What ends a clause: punctuation, a new line, and what parts fields: a tab, a bar, a spaced dash.
_BREAK = re.compile(r"[.,;:!?\n\t|]|(?<=\s)[-–—](?=\s)")
# Words that end with a dot without ending a clause: "order no. 10042", "ref. 4471".
_ABBREVIATIONS = frozenset({"no", "nr", "num", "ref", "inv", "ord", "tel", "ph", "mob", "fax", "e", "g", "i"})
CLAUSE_BREAK = "."


@functools.lru_cache(maxsize=512)
def phrase_matcher(phrases: tuple[str, ...]) -> re.Pattern | None:
    """One regex finding any of ``phrases`` as whole words in a normalised window."""
    normalised = sorted({" ".join(_WORD.findall(p.lower())) for p in phrases} - {""}, key=len, reverse=True)
    if not normalised:
        return None
    return re.compile(r"(?<!\S)(?:" + "|".join(re.escape(p) for p in normalised) + r")(?!\S)")


@functools.lru_cache(maxsize=512)
def compound_matcher(negative: tuple[str, ...], positive: tuple[str, ...]) -> re.Pattern | None:
    """Finds a negative phrase followed by a positive one: "order number", "tracking phone"."""
    return phrase_matcher(tuple(f"{n} {p}" for n in negative for p in positive))


def _parts_clauses(gap: str, word_before: str) -> bool:
    marks = set(_BREAK.findall(gap))
    return bool(marks) and not (marks == {"."} and word_before in _ABBREVIATIONS)


class WordWindow:
    """The words of a text with their offsets, to cut context windows from."""

    def __init__(self, text: str):
        matches = list(_WORD.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.words = [_APOSTROPHE_S.sub("", m.group().lower()) for m in matches]
        # A word after a full stop, colon, comma, new line... starts a new clause: a phrase such
        # as "order number" must not be read across "my order: number ..."; the dot of "no." does not.
        self.after_break = [
            i > 0 and _parts_clauses(text[self.ends[i - 1] : m.start()], self.words[i - 1])
            for i, m in enumerate(matches)
        ]

    def around(self, start: int, end: int, before: int, after: int) -> str:
        first_inside = bisect.bisect_right(self.ends, start)  # words ending after start overlap it
        first_after = bisect.bisect_left(self.starts, end)
        left = self._words(max(0, first_inside - before), first_inside)
        right = self._words(first_after, first_after + after)
        if first_inside < len(self.words) and self.after_break[first_inside] and left:
            left.append(CLAUSE_BREAK)  # the candidate starts a clause
        if first_after < len(self.words) and self.after_break[first_after] and right:
            right.insert(0, CLAUSE_BREAK)
        return " ".join(left + ["|"] + right)

    def _words(self, first: int, stop: int) -> list[str]:
        """Words first..stop-1, with "." between two that a clause break separates."""
        words = []
        for i in range(first, min(stop, len(self.words))):
            if i > first and self.after_break[i]:
                words.append(CLAUSE_BREAK)
            words.append(self.words[i])
        return words


def context_score(
    score: float,
    window: str,
    positive: Sequence[str],
    negative: Sequence[str],
    settings: ContextSettings,
    linking: Sequence[str] = (),
) -> float:
    """Apply the boost for a positive context word and the penalty for a negative one.

    When both kinds occur, the one nearer the candidate decides: in "about my order, call
    me at 0161 496 0017" the number is a phone; in "call about order 10042" it is not. A
    negative word right before the positive one makes it no positive word: "order number 1234567".
    A negative word counts only in the candidate's clause (a full stop, comma, colon, new
    line, tab, bar or spaced dash ends one), or as the last word of the clause before: in "The order came today. 0937
    343373 if anything is wrong" and "Ship the package to my sister, 555 0142" the number is
    a phone; in "about my order, 5550142" it is not.
    Nor does it count when one of the ``linking`` words stands right before the candidate:
    in "Invoice sent to the customer at 0927684268", "at" says the number is where to reach them.
    """
    positive, negative = tuple(positive), tuple(negative)
    near_positive = nearest_phrase(phrase_matcher(positive), window)
    near_negative = nearest_phrase(phrase_matcher(negative), window, same_clause=True)
    compound = compound_matcher(negative, positive)
    if near_positive is not None and near_positive == nearest_phrase(compound, window):
        near_positive = None  # the nearest positive word is the second half of "order number"
        # and the whole phrase is the negative one when it ends the clause before: "order number: 4673395"
        compound_in_clause = nearest_phrase(compound, window, same_clause=True)
        if compound_in_clause is not None and (near_negative is None or compound_in_clause < near_negative):
            near_negative = compound_in_clause
    if linking and _word_before(window) in linking:
        near_negative = None
    if near_positive is not None:
        score = max(score + settings.boost, settings.min_score_with_context)
    if near_negative is not None and (near_positive is None or near_negative < near_positive):
        score -= settings.penalty
    return min(max(score, 0.0), 1.0)


def _word_before(window: str) -> str | None:
    """The word right before the candidate (the window's first "|"), if any."""
    before = window[: window.index("|")].split()
    return before[-1] if before else None


def nearest_phrase(matcher: re.Pattern | None, window: str, same_clause: bool = False) -> int | None:
    """How many words lie between the candidate (the window's first "|") and the nearest
    phrase ``matcher`` finds in the window; None when there is none. A clause break is no
    word: in "Phone: 467 3395 order 10042" "phone" and "order" are both next to the number.
    Words after a second "|" (context passed in by the caller) count as far away. With
    ``same_clause``, phrases in another clause are skipped, except the last words of the
    clause before."""
    if matcher is None:
        return None
    words = window.split(" ")
    pivot = words.index("|")
    distances = []
    for match in matcher.finditer(window):
        first = window.count(" ", 0, match.start())  # index of the match's first word
        last = first + match.group().count(" ")
        if same_clause and _other_clause(words, pivot, first, last):
            continue
        between = words[last + 1 : pivot] if last < pivot else words[pivot + 1 : first]
        if "|" in between:
            distances.append(len(words))
        else:
            distances.append(len(between) - between.count(CLAUSE_BREAK))
    return min(distances, default=None)


def _other_clause(words: list[str], pivot: int, first: int, last: int) -> bool:
    """Whether a clause break parts the phrase at words[first..last] from the candidate at
    ``pivot``, the phrase not being the end of the clause just before it ("order: 1234")."""
    if last < pivot:
        between = words[last + 1 : pivot]
        return CLAUSE_BREAK in between and between[0] != CLAUSE_BREAK
    return CLAUSE_BREAK in words[pivot + 1 : first]


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
            linking = getattr(recognizer, "LINKING_WORDS", ())  # presidio's own recognizers have none
            if not positive and not negative:
                continue
            if window_source is None:
                window_source = WordWindow(text)
            window = window_source.around(
                result.start, result.end, self.context_prefix_count, self.context_suffix_count
            )
            if extra:
                window = f"{window} | {extra}"
            result.score = context_score(result.score, window, positive, negative, self.settings, linking)
        return raw_results
