"""Postcodes and ZIP codes: UK, US, Canadian and common European forms.

UK postcodes, ZIP+4 and a ZIP after a US state code stand on their own. Bare numbers
("10007" is an order number in this shop) count only after "zip", "postcode" and the like.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer
from guardrails.pii.recognizers.lexicon import US_STATE_CODES

_STATES = "|".join(US_STATE_CODES)


class ZipCodeRecognizer(CandorRecognizer):
    """ZIP_CODE in the forms a retailer ships to."""

    ENTITY = "ZIP_CODE"
    PATTERNS = [
        Pattern("uk postcode", r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", 0.6),
        Pattern("us zip+4", r"(?<![\d-])\d{5}-\d{4}(?![\d-])", 0.55),
        Pattern(
            "us zip after state", rf"(?<=(?-i:\b(?:{_STATES}))\.?,?[ \t]{{1,3}})\d{{5}}(?:-\d{{4}})?\b", 0.6
        ),
        Pattern(
            "canadian postcode", r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b", 0.5
        ),
        Pattern("dutch postcode", r"\b\d{4} ?(?-i:[A-Z]{2})\b", 0.2),
        Pattern(
            "numeric with dash (PL, PT, BR)",
            r"(?<![\d-])(?:\d{2}-\d{3}|\d{4}-\d{3}|\d{5}-\d{3})(?![\d-])",
            0.2,
        ),
        Pattern("numeric with space (SE, CZ, GR)", r"(?<!\d[ ]?)\d{3} \d{2}(?![ ]?\d)", 0.2),
        Pattern("bare 3 to 6 digits", r"(?<![\d.,$£€-])\d{3,6}(?![\d.,%-]|[ ]?(?:\$|£|€|usd|eur|gbp))", 0.2),
    ]
    CONTEXT = [
        "zip",
        "zipcode",
        "zip code",
        "postcode",
        "post code",
        "postal",
        "postal code",
        "plz",
        "postleitzahl",
    ]
    NEGATIVE_CONTEXT = ["order", "orders", "item", "price", "total", "qty", "quantity", "tracking", "invoice"]
