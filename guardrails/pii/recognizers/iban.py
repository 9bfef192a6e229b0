"""IBANs: country code, check digits and BBAN, grouped or not, validated with mod 97."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CandorRecognizer

# IBAN length per country (ISO 13616 registry).
IBAN_LENGTHS = {
    "AD": 24,
    "AE": 23,
    "AL": 28,
    "AT": 20,
    "AZ": 28,
    "BA": 20,
    "BE": 16,
    "BG": 22,
    "BH": 22,
    "BR": 29,
    "BY": 28,
    "CH": 21,
    "CR": 22,
    "CY": 28,
    "CZ": 24,
    "DE": 22,
    "DK": 18,
    "DO": 28,
    "EE": 20,
    "EG": 29,
    "ES": 24,
    "FI": 18,
    "FO": 18,
    "FR": 27,
    "GB": 22,
    "GE": 22,
    "GI": 23,
    "GL": 18,
    "GR": 27,
    "GT": 28,
    "HR": 21,
    "HU": 28,
    "IE": 22,
    "IL": 23,
    "IQ": 23,
    "IS": 26,
    "IT": 27,
    "JO": 30,
    "KW": 30,
    "KZ": 20,
    "LB": 28,
    "LC": 32,
    "LI": 21,
    "LT": 20,
    "LU": 20,
    "LV": 21,
    "MC": 27,
    "MD": 24,
    "ME": 22,
    "MK": 19,
    "MR": 27,
    "MT": 31,
    "MU": 30,
    "NL": 18,
    "NO": 15,
    "PK": 24,
    "PL": 28,
    "PS": 29,
    "PT": 25,
    "QA": 29,
    "RO": 24,
    "RS": 22,
    "SA": 24,
    "SC": 31,
    "SE": 24,
    "SI": 19,
    "SK": 24,
    "SM": 27,
    "ST": 25,
    "SV": 28,
    "TL": 23,
    "TN": 24,
    "TR": 26,
    "UA": 29,
    "VA": 22,
    "VG": 24,
    "XK": 20,
}


def iban_ok(compact: str) -> bool:
    """Length for the country and the ISO 7064 mod-97 check."""
    compact = compact.upper()
    if IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


class IbanCodeRecognizer(CandorRecognizer):
    """IBANs; a candidate that runs into the next word is cut back to its valid length."""

    ENTITY = "IBAN_CODE"
    PATTERNS = [
        Pattern("iban", r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}\b", 1.0),
    ]

    def adjust_span(self, text: str, start: int, end: int, pattern: Pattern) -> tuple[int, int] | None:
        cut = self._valid_end(text, start, end)
        return None if cut is None else (start, cut)

    @staticmethod
    def _valid_end(text: str, start: int, end: int) -> int | None:
        expected = IBAN_LENGTHS.get(text[start : start + 2].upper())
        if expected is None:
            return None
        count = 0
        for position in range(start, end):
            if text[position].isalnum():
                count += 1
                if count == expected:
                    cut = position + 1
                    if cut < len(text) and text[cut].isalnum():
                        return None
                    return cut if iban_ok(re.sub(r"[ -]", "", text[start:cut])) else None
        return None
