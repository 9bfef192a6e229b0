"""Dates of birth: a date counts only next to words such as "born" or "DOB".

Plain dates ("delivered on 12/03/2024") and weekdays are not personal data here.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)


class DateOfBirthRecognizer(CandorRecognizer):
    """Dates in numeric and written forms; their low base score needs birth context."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = [
        Pattern("date d/m/y", r"(?<![\d/.-])\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})(?![\d/-]|\.\d)", 0.2),
        Pattern("date iso", r"(?<![\d/.-])\d{4}-\d{1,2}-\d{1,2}(?![\d/-]|\.\d)", 0.2),
        Pattern("date 1 March 1990", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}\b", 0.2),
        Pattern("date March 1, 1990", rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", 0.2),
    ]
