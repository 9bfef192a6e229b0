"""The consent ledger: which purposes need permission (``purposes``), the append-only
record of each customer's answers (``models``), and the state derived from it (``ledger``).
"""
