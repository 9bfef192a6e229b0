"""When the action server cannot be reached, the customer hears so, politely.

Rasa 3.6 logs a failed custom action and carries on as if it had returned nothing: the
customer gets no reply at all, or whatever the policies predict next. Every custom action
runs through ``RemoteAction.run`` (form validation included), so :func:`install` wraps it:
on a connection error, a timeout or an error status from the action server, the action
returns the domain's ``utter_service_unavailable`` ("please try again in a minute") instead.
Nothing is written for the failed action beyond that message (and, for a form's validation,
clearing the values it could not check, so the form asks for them again), so the dialogue
goes on from where it was once the action server is back. A rejection by a form's validation (HTTP 400) is dialogue, not a fault: untouched.
"""

from __future__ import annotations

import asyncio
import functools
import logging

import aiohttp
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance
from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.core.events import ActionExecuted, SlotSet
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

APOLOGY = "utter_service_unavailable"


def _unvalidated(action_name: str, tracker) -> list[SlotSet]:
    """A form's values that its validation could not check are cleared, so the form asks again
    instead of going on with them (Rasa has already set them when it extracted them)."""
    if not action_name.startswith("validate_"):
        return []
    form = action_name[len("validate_"):]
    names = []
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted) and event.action_name == form:
            break
        if isinstance(event, SlotSet) and event.key != REQUESTED_SLOT:
            names.append(event.key)
    return [SlotSet(name, None) for name in dict.fromkeys(names)]


def install() -> None:
    if getattr(RemoteAction.run, "candor_resilient", False):
        return
    original = RemoteAction.run

    @functools.wraps(original)
    async def run(self, output_channel, nlg, tracker, domain):
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except (RasaException, aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.error("Action %s failed (%s); the customer is asked to try again", self.name(),
                         type(error.__context__ or error).__name__)
            message = await nlg.generate(APOLOGY, tracker, output_channel.name())
            return ([create_bot_utterance(message)] if message else []) + _unvalidated(self.name(), tracker)

    run.candor_resilient = True
    RemoteAction.run = run
