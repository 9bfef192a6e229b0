"""Candor's privacy layer: a plain library, no Rasa import.

Submodules are imported on demand so that importing ``guardrails`` stays cheap;
heavy things (the spaCy model, database engines) are created lazily on first use.
"""
