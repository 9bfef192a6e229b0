"""What every masking operator is: one verb that turns a detected value into its stand-in."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar


class Operator(ABC):
    """Replaces one detected value; like presidio-anonymizer's ``Operator``, with typed settings.

    Settings are constructor arguments checked by ``validate`` (called by the factory),
    so a misconfigured operator fails when it is built, not on the first message.
    """

    operator_name: ClassVar[str]

    @abstractmethod
    def operate(self, text: str, entity_type: str) -> str:
        """The replacement for ``text``, a detected value of ``entity_type``."""

    def validate(self) -> None:
        """Raise ``ValueError`` if the operator's settings are unusable."""
