"""Suggestions and consent, as plain functions of the store (no Rasa import).

The line between service and personalisation: answering a verified customer's question
about their own order, refund, bill or address is the service they signed up for and is
not gated. Using their profile (purchase history, stated interests) to pick products for
them is personalisation: it needs a current grant in the consent ledger, reads the profile
only through the gateway (which allows exactly the fields the purpose declares), and every
suggestion carries an explanation of why it was made and which data it used.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from actions.service import Reply, money
from guardrails import recommender
from guardrails.consent import ledger, purposes
from guardrails.profile_gateway import ProfileGateway
from guardrails.store import catalogue, queries

PURPOSE = "personalisation"
FIELD_WORDS = {"purchase_history": "your purchase history", "preferences": "the interests you've told us"}


@dataclass(frozen=True)
class Suggestions:
    """What to say, and the explanation "why?" should give afterwards (None: nothing suggested)."""

    replies: list[Reply]
    explanation: dict | None = None
    asked_for_consent: bool = False


def fields_in_words(purpose_name: str = PURPOSE) -> str:
    words = [FIELD_WORDS.get(name, name.replace("_", " ")) for name in purposes.purpose(purpose_name).fields]
    return " and ".join(words)


def suggest(session: Session, customer_id: str | None, declined_in_chat: bool, limit: int = 3) -> Suggestions:
    """Ask first, suggest personally, or fall back to best sellers, as consent allows."""
    if customer_id is None or declined_in_chat or queries.customer(session, customer_id) is None:
        return popular(session, limit)  # anonymous, declined, or erased: nothing personal to use
    state = ledger.consent_state(session, customer_id, PURPOSE)
    if state.needs_asking:
        notice = purposes.purpose(PURPOSE).notice.strip()
        return Suggestions([Reply("utter_ask_personalisation_consent", {"notice": notice})], asked_for_consent=True)
    if not state.current_grant:
        return popular(session, limit)
    return personal(session, customer_id, state, limit)


def popular(session: Session, limit: int = 3, after_no: bool = False) -> Suggestions:
    """Best sellers: the best suggestion that needs no personal data at all."""
    picks = recommender.popular(session, limit)
    if not picks:
        return Suggestions([Reply("utter_no_suggestions")])
    payload = recommender.explanation_payload(picks, None)
    listing = "; ".join(f"{pick.product_name} ({money(pick.price_cents)})" for pick in picks)
    response = "utter_popular_products_after_no" if after_no else "utter_popular_products"
    return Suggestions([Reply(response, {"products": listing}, {"explanation": payload})], explanation=payload)


def personal(session: Session, customer_id: str, state: ledger.ConsentState, limit: int = 3) -> Suggestions:
    gateway = ProfileGateway(session, customer_id, PURPOSE)
    picks = recommender.recommend(
        gateway.read("purchase_history"),
        gateway.read("preferences"),
        catalogue.catalogue(session),
        catalogue.co_purchase_counts(session),
        limit=limit,
    )
    if not picks:
        return popular(session, limit)
    replies = [
        Reply(
            "utter_personal_suggestion",
            {"product": pick.product_name, "price": money(pick.price_cents), "reason": pick.reasons[0]},
            {"explanation": recommender.explanation_payload([pick], state)},
        )
        for pick in picks
    ]
    return Suggestions(replies, explanation=recommender.explanation_payload(picks, state))


def explain(payload: dict | None) -> Reply:
    """The full "why?" for the last suggestion, including the consent it relied on."""
    if not payload:
        return Reply("utter_no_suggestion_yet")
    data_used = ", ".join(FIELD_WORDS.get(name, name) for name in payload["data_used"]) or "none of your personal data"
    consent = payload.get("consent")
    if consent:
        relied_on = f"It relied on the consent for {consent['purpose']} you gave on {consent['granted_at'][:10]}."
    else:
        relied_on = "It relied on no consent, because it didn't use any of your data."
    return Reply(
        "utter_explain_suggestion",
        {
            "suggestion": payload["suggestion"] if isinstance(payload["suggestion"], str) else ", ".join(payload["suggestion"]),
            "reasons": "; ".join(reason.rstrip(".") for reason in payload["reasons"]),
            "data_used": data_used,
            "consent": relied_on,
        },
    )


def grant(session: Session, customer_id: str, channel: str, source_event: str) -> Reply:
    ledger.record_consent(session, customer_id, PURPOSE, True, channel, source_event)
    return Reply("utter_consent_recorded", {"fields": fields_in_words()})


def withdraw(session: Session, customer_id: str, channel: str, source_event: str) -> Reply:
    if not ledger.consent_state(session, customer_id, PURPOSE).granted:
        return Reply("utter_consent_nothing_to_withdraw")
    ledger.record_consent(session, customer_id, PURPOSE, False, channel, source_event)
    return Reply("utter_consent_withdrawn", {"fields": fields_in_words()})


def privacy_overview(session: Session, customer_id: str | None) -> list[Reply]:
    """What each consent purpose is for, and, for a signed-in customer, their current choice."""
    lines = []
    for name in purposes.consent_purposes():
        lines.append(f"With your permission only, I use {fields_in_words(name)} for {name}.")
    replies = [Reply("utter_privacy_info", {"purposes": " ".join(lines)})]
    if customer_id is not None:
        choices = []
        for name, state in ledger.current_choices(session, customer_id).items():
            if state.granted:
                choices.append(f"{name}: given on {state.decided_at:%d %B %Y}")
            elif state.answered:
                choices.append(f"{name}: withdrawn on {state.decided_at:%d %B %Y}")
            else:
                choices.append(f"{name}: not given")
        replies.append(Reply("utter_privacy_choices", {"choices": "; ".join(choices)}))
    return replies
