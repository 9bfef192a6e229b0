"""Check the action server's replies against Rasa's schema, with a validator built once.

Rasa 3.6 checks every custom action's reply with ``jsonschema.validate``, which first
validates the reply schema itself against the JSON Schema meta-schema, on every call. Under
load that was the largest single cost in the Rasa server's turn (about a sixth of its busy
time, see bench/README.md), for an answer that never changes. :func:`install` swaps in the
same check on the same schema, with the validator built and the schema checked once.
"""

from __future__ import annotations

import functools
from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction


@functools.lru_cache(maxsize=1)
def reply_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """``RemoteAction._validate_action_result``: raises the schema error Rasa would raise."""
    error = best_match(reply_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            "from the Action endpoint is valid."
        )
        raise error
    return True


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result
