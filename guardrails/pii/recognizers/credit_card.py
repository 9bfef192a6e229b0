"""Payment card numbers: 12 to 19 digits, optionally grouped, that pass the Luhn check."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer, digits, luhn_ok

# Issuer prefixes (IIN ranges) of the card schemes a shop takes.
_KNOWN_PREFIXES = (
    "4",  # Visa
    *(str(p) for p in range(51, 56)),
    *(str(p) for p in range(2221, 2721)),  # Mastercard
    "34",
    "37",  # American Express
    "6011",
    "65",
    *(str(p) for p in range(644, 650)),  # Discover
    *(str(p) for p in range(300, 306)),
    "36",
    "38",
    "39",  # Diners Club
    "35",
    "1800",
    "2131",  # JCB
    "50",
    *(str(p) for p in range(56, 70)),  # Maestro, UnionPay, others
)


class PaymentCardRecognizer(CandorRecognizer):
    """Card numbers; the Luhn check is required, a known issuer prefix raises the score."""

    ENTITY = "CREDIT_CARD"
    PATTERNS = [
        Pattern(
            "card grouped 4-4-4-4(-3)",
            r"(?<![\d-])\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?(?![\d-])",
            0.9,
        ),
        # typed in fours whatever the scheme: Amex "3782 8224 6310 005", Diners "3056 9309 0259 04"
        Pattern("card in fours, shorter last group", r"(?<![\d-])\d{4}([ -])\d{4}\1\d{4}\1\d{1,3}(?![\d-])", 0.9),
        Pattern("card amex 4-6-5", r"(?<![\d-])3[47]\d{2}([ -])\d{6}\1\d{5}(?![\d-])", 0.9),
        Pattern("card digits", r"(?<![\d-])\d{12,19}(?![\d-])", 0.9),
    ]

    def score_match(self, value: str, score: float, text: str, start: int, end: int) -> float | None:
        number = digits(value)
        if len(set(number)) == 1 or not luhn_ok(number):
            return None
        known = number.startswith(_KNOWN_PREFIXES)
        if known and len(number) >= 14:
            return 1.0
        # Short or unknown-issuer numbers that happen to pass Luhn (1 in 10 does) need context.
        return 0.6 if known else 0.45
