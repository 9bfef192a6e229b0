"""Masking operators and the factory that builds them by name.

Adding one is one class (subclass ``Operator``, set ``operator_name``) and one line in
``OPERATORS``.
"""

from __future__ import annotations

from typing import Any

from guardrails.pii.operators.base import Operator
from guardrails.pii.operators.pseudonym import Pseudonym
from guardrails.pii.operators.replace import Replace

OPERATORS: dict[str, type[Operator]] = {
    Replace.operator_name: Replace,
    Pseudonym.operator_name: Pseudonym,
}


def create_operator(name: str, **settings: Any) -> Operator:
    """Build and validate the operator registered as ``name``."""
    try:
        cls = OPERATORS[name]
    except KeyError:
        raise ValueError(f"unknown operator {name!r}; known: {', '.join(sorted(OPERATORS))}") from None
    operator = cls(**settings)
    operator.validate()
    return operator


__all__ = ["OPERATORS", "Operator", "Pseudonym", "Replace", "create_operator"]
