"""Product suggestions from what a customer bought and told us they like, each with its reasons.

Plain scoring rather than a model, so every point a product earns comes with a sentence the
customer can read: the explanation is the computation, not a story told afterwards. There
is no parameter for age or gender, so they cannot influence a suggestion.

Score of a product the customer has not bought yet:
  2 x orders (anyone's) that had it together with something the customer bought
  + 1 x products the customer bought in its category
  + 2 if the customer told us they like its category;
shop-wide units sold break ties, then the product id (stable output).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy.orm import Session

from guardrails.consent.ledger import ConsentState
from guardrails.profile_gateway import Purchase
from guardrails.store.catalogue import CatalogueItem, catalogue, co_purchase_counts, popularity

__all__ = [
    "Suggestion", "recommend", "popular", "explanation_payload",
    "catalogue", "co_purchase_counts", "popularity",
]

CO_PURCHASE_WEIGHT = 2
CATEGORY_WEIGHT = 1
PREFERENCE_WEIGHT = 2
POPULAR_REASON = "Popular with all our customers"
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")  # not locale-dependent


@dataclass(frozen=True)
class Suggestion:
    product_id: str
    product_name: str
    price_cents: int
    reasons: list[str]  # customer-facing sentences
    data_used: list[str]  # profile field names, [] for non-personal suggestions


def recommend(
    purchases: Sequence[Purchase],
    preferences: Sequence[str],
    catalogue: Sequence[CatalogueItem],
    co_purchases: Mapping[tuple[str, str], int],
    limit: int = 3,
    today: date | None = None,
) -> list[Suggestion]:
    """The best ``limit`` products with a personal reason; [] when nothing personal fits
    (the caller then offers ``popular``). Never suggests something already bought."""
    today = today or datetime.now(timezone.utc).date()
    latest: dict[str, Purchase] = {}
    for purchase in sorted(purchases, key=lambda p: p.bought_at):
        latest[purchase.product_id] = purchase
    scored = []
    for item in catalogue:
        if item.product_id not in latest:
            score, suggestion = _score(item, list(latest.values()), set(preferences), co_purchases, today)
            if score > 0:
                scored.append((score, item.units_sold, item.product_id, suggestion))
    scored.sort(key=lambda row: (-row[0], -row[1], row[2]))
    return [suggestion for *_, suggestion in scored[:limit]]


def _score(
    item: CatalogueItem,
    bought: list[Purchase],
    liked: set[str],
    co_purchases: Mapping[tuple[str, str], int],
    today: date,
) -> tuple[int, Suggestion]:
    reasons: list[str] = []
    data_used: list[str] = []
    together = {p.product_id: co_purchases.get((p.product_id, item.product_id), 0) for p in bought}
    same_category = [p for p in bought if p.category == item.category]
    score = CO_PURCHASE_WEIGHT * sum(together.values()) + CATEGORY_WEIGHT * len(same_category)
    if any(together.values()):
        anchor = max(bought, key=lambda p: (together[p.product_id], p.bought_at))
        reasons.append(_because_bought(anchor, today))
    if same_category:
        reasons.append(_because_bought(max(same_category, key=lambda p: p.bought_at), today))
    if score:
        data_used.append("purchase_history")
    if item.category in liked:
        score += PREFERENCE_WEIGHT
        reasons.append(f"Because you told us you like {item.category}")
        data_used.append("preferences")
    unique_reasons = list(dict.fromkeys(reasons))
    return score, Suggestion(item.product_id, item.name, item.price_cents, unique_reasons, data_used)


def _because_bought(purchase: Purchase, today: date) -> str:
    when = MONTHS[purchase.bought_at.month - 1]
    if purchase.bought_at.year != today.year:
        when += f" {purchase.bought_at.year}"
    return f"Because you bought the {purchase.product_name} in {when}"


def popular(session: Session, limit: int = 3) -> list[Suggestion]:
    """Best sellers across all customers: the suggestion that needs no personal data."""
    sold = [item for item in catalogue(session) if item.units_sold]
    sold.sort(key=lambda item: (-item.units_sold, item.product_id))
    return [Suggestion(i.product_id, i.name, i.price_cents, [POPULAR_REASON], []) for i in sold[:limit]]


def explanation_payload(suggestions: Sequence[Suggestion], consent: ConsentState | None) -> dict:
    """The ``custom.explanation`` of one bot message (DESIGN.md, Explanations).

    Several suggestions in one message share one payload: ``suggestion`` joins their names
    (``suggestions`` lists them), reasons and data used are merged without repeats. A
    payload that used profile data must name the consent it relied on, so asking for one
    without a current grant is a bug and raises.
    """
    if not suggestions:
        raise ValueError("nothing was suggested, so there is nothing to explain")
    names = [s.product_name for s in suggestions]
    data_used = list(dict.fromkeys(field for s in suggestions for field in s.data_used))
    relied_on = None
    if data_used:
        if consent is None or not consent.current_grant or consent.decided_at is None:
            raise ValueError("a suggestion that used profile data needs the current consent it relied on")
        granted_at = consent.decided_at.replace(tzinfo=timezone.utc).isoformat(timespec="seconds")
        relied_on = {"purpose": consent.purpose, "granted_at": granted_at}
    return {
        "suggestion": ", ".join(names),
        "suggestions": names,
        "reasons": list(dict.fromkeys(reason for s in suggestions for reason in s.reasons)),
        "data_used": data_used,
        "consent": relied_on,
    }
