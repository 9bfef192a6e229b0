"""What the agent desk answers, as plain functions: the HTTP layer (bot/agent_desk.py) is thin.

Every request is authenticated by an agent token (audience ``candor-agent``) naming the
agent and a role from ``roles.yml``. The desk shows a handed-over conversation as the
conversation log stored it (masked) and the profile fields the role allows, read through
the :class:`~guardrails.profile_gateway.ProfileGateway` with that role, so each field read
is audited as ``agent:<role>`` and a field outside the role is refused and audited.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from guardrails import audit
from guardrails.agents import handoffs, roles
from guardrails.agents.handoffs import Handoff
from guardrails.consent.purposes import PROFILE_FIELDS
from guardrails.conversation_log import transcript
from guardrails.profile_gateway import FieldNotAllowed, ProfileGateway
from guardrails.tokens import Agent, InvalidToken, verify_agent_token


class DeskError(Exception):
    """A request the desk refuses; ``status`` is the HTTP status, the message is safe to show."""

    status = 400


class Unauthorised(DeskError):
    status = 401


class Forbidden(DeskError):
    status = 403


class NotFound(DeskError):
    status = 404


def authenticate(authorization: str | None) -> Agent:
    """The agent behind an ``Authorization: Bearer <agent token>`` header, or :class:`Unauthorised`."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorised("an agent token is required: 'Authorization: Bearer <token>' (candor agent-token)")
    try:
        agent = verify_agent_token(token.strip())
    except InvalidToken as error:
        raise Unauthorised("agent token expired" if error.expired else "agent token invalid") from None
    try:
        roles.role(agent.role)
    except roles.UnknownRole:
        raise Unauthorised(f"agent token names no configured role ({agent.role!r})") from None
    return agent


def parse_fields(raw: str | None) -> list[str] | None:
    """``?fields=a,b``: the profile fields asked for; None means all the role may read."""
    if raw is None:
        return None
    fields = list(dict.fromkeys(part.strip() for part in raw.split(",") if part.strip()))
    unknown = sorted(set(fields) - PROFILE_FIELDS)
    if unknown:
        raise DeskError(f"unknown profile fields {unknown}; known: {sorted(PROFILE_FIELDS)}")
    return fields


def list_open(session: Session, agent: Agent) -> dict[str, Any]:
    """The handoffs waiting for a person; no profile data, so nothing to audit."""
    return {
        "agent": {"name": agent.name, "role": agent.role},
        "handoffs": [_summary(handoff) for handoff in handoffs.open_handoffs(session)],
    }


def show(session: Session, agent: Agent, handoff_id: int, fields: list[str] | None = None) -> dict[str, Any]:
    """One handoff: the conversation so far (masked) and the profile fields asked for.

    A field outside the agent's role refuses the whole request (:class:`Forbidden`) after the
    gateway audited it; the caller must commit so that the ``refused`` row stays.
    """
    handoff = _handoff(session, handoff_id)
    role = roles.role(agent.role)
    wanted = list(role.fields) if fields is None else fields
    profile: dict[str, Any] | None = None
    if handoff.customer is not None:
        gateway = ProfileGateway(session, handoff.customer, role=role.name)
        try:
            values = gateway.read_all(wanted)
        except FieldNotAllowed as error:
            raise Forbidden(str(error)) from None
        except LookupError:
            values = None  # the customer's profile was erased since they asked
        if values is not None:
            profile = {field: _json(field, value) for field, value in values.items()}
        audit.append(session, f"agent:{role.name}", "viewed", handoff.customer, "conversation")
    else:
        refused = [field for field in wanted if field not in role.fields]
        if refused:  # nobody to audit against, but the answer is the same as for a customer
            raise Forbidden(f"role {role.name!r} may not read {refused!r}; it may read {list(role.fields)}")
    return {
        "agent": {"name": agent.name, "role": role.name},
        "handoff": _summary(handoff),
        "conversation": transcript(session, handoff.conversation),
        "profile": profile,
        "role_fields": list(role.fields),
    }


def close(session: Session, agent: Agent, handoff_id: int) -> dict[str, Any]:
    handoff = _handoff(session, handoff_id)
    if handoff.status == handoffs.OPEN:
        handoffs.close(session, handoff, agent.name)
    return {"handoff": _summary(handoff)}


def _handoff(session: Session, handoff_id: int) -> Handoff:
    handoff = session.get(Handoff, handoff_id)
    if handoff is None:
        raise NotFound(f"no handoff {handoff_id}")
    return handoff


def _summary(handoff: Handoff) -> dict[str, Any]:
    return {
        "id": handoff.id,
        "conversation": handoff.conversation,
        "signed_in": handoff.customer is not None,
        "requested_at": handoff.requested_at.isoformat(timespec="seconds") + "Z",
        "status": handoff.status,
    }


# The attributes an agent sees of each listed field: only what that field stands for, so an
# order never brings its shipping address along (the address is a field of its own).
_SHOWN = {
    "orders": ("number", "status", "placed_at", "carrier", "expected_delivery", "delivered_at"),
    "refunds": ("order_number", "amount_cents", "status", "reason", "requested_at", "completed_at"),
    "invoices": ("number", "order_number", "issued_at", "amount_cents", "status", "payment_method"),
    "purchase_history": ("product_name", "category", "bought_at"),
}


def _json(field: str, value: Any) -> Any:
    """A profile value as JSON; address (text) and preferences (strings) are already."""
    if field not in _SHOWN:
        return value
    rows = [{name: _plain(getattr(item, name)) for name in _SHOWN[field]} for item in value]
    if field == "orders":
        for row, order in zip(rows, value):
            row["items"] = [{"product": item.product.name, "quantity": item.quantity} for item in order.items]
    return rows


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value
