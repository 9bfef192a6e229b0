"""Passwords, PINs and one-time codes typed after words that announce them."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer
from guardrails.pii.recognizers.lexicon import STOPWORDS

_KEYWORDS = (
    r"password|passwd|pwd|pass ?code|pass ?phrase|pin(?: code| number| no\.?)?|security code|"
    r"cvv2?|cvc2?|otp|one[- ]time (?:code|password)|verification code|login code|secret(?: word| answer)?"
)
_VALUE = r"""["'“‘]?(?P<value>[^\s"'”’]{3,64}?)[.,?]?(?=["'”’]?(?:\s|$))"""

# Words that follow "my password is" without being the password.
NOT_A_SECRET = STOPWORDS | frozenset(
    """
    wrong incorrect invalid expired correct right working broken locked blocked reset changed
    changing updated forgotten forgot lost stolen compromised weak strong short long too case
    sensitive required needed missing same different new old fine ok okay there still now always
    being getting set saved stored accepted rejected declined hacked leaked not isn't doesn't
    won't can't didn't wasn't
    """.split()
)


class PasswordRecognizer(CandorRecognizer):
    """The value after "password is", "PIN:", "my passcode = ..."; never the keyword itself."""

    ENTITY = "PASSWORD"
    PATTERNS = [
        Pattern(
            "secret after keyword and 'is'/':'",
            rf"\b(?:{_KEYWORDS})(?:\s+(?:is|was|=|would be|will be|it's|its|should be))\s*[:=]?\s*{_VALUE}",
            0.8,
        ),
        Pattern("secret after keyword and ':'", rf"\b(?:{_KEYWORDS})\s*[:=]\s*{_VALUE}", 0.8),
        Pattern("secret right after keyword", rf"\b(?:{_KEYWORDS})\s+{_VALUE}", 0.4),
    ]

    def score_match(self, value: str, score: float, text: str, start: int, end: int) -> float | None:
        word = value.lower()
        if word in NOT_A_SECRET or word.endswith(("ed", "ing", "n't")):
            return None
        if score < 0.5:  # no "is"/":" before it: only values that do not read as words
            return 0.7 if any(not ch.isalpha() for ch in value) else None
        return score
