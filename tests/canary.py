"""Searching everything Candor stored for canary values: every table, column and log line.

Shared by the privacy and data-rights tests. A canary is a fake but realistic personal
value; it is searched for lower-cased and, where it has six or more digits, as digits only
(so "07700 900461" is also found as "07700900461").
"""

from __future__ import annotations

import re

from sqlalchemy import create_engine, inspect, text

from guardrails.crypto import decrypt_text


def search_terms(canaries: dict[str, str]) -> dict[str, str]:
    terms = {}
    for kind, value in canaries.items():
        terms[kind] = value.lower()
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 6:
            terms[f"{kind} (digits only)"] = digits
    return terms


def everything_stored(database_url: str, decrypt_trackers: bool = False) -> dict[str, str]:
    """Every table's rows, each column rendered as text, keyed by table name.

    With ``decrypt_trackers`` the tracker store's ciphertext is decrypted first, so the
    search sees what the key holder would see.
    """
    engine = create_engine(database_url)
    contents = {}
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).mappings().fetchall()
            lines = []
            for row in rows:
                values = dict(row)
                if decrypt_trackers and table == "tracker_events" and values.get("data"):
                    values["data"] = decrypt_text(values["data"])
                lines.append(" | ".join(str(value) for value in values.values()))
            contents[table] = "\n".join(lines).lower()
    engine.dispose()
    return contents


def found(canaries: dict[str, str], haystacks: dict[str, str]) -> list[tuple[str, str]]:
    """(where, kind) for every canary term found in any of the named texts."""
    return [(where, kind) for where, content in haystacks.items()
            for kind, term in search_terms(canaries).items() if term in content.lower()]
