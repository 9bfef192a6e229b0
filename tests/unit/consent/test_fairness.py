"""Counterfactual fairness: the same customer with another age or gender gets the same suggestions.

Only birth_year and gender change in the store; everything is recomputed end to end through
the profile gateway and the recommender, so a future change that lets either attribute in
by any route (a new field, a new query, a new scoring rule) shows up here.
"""

from datetime import date

import pytest

from guardrails import recommender
from guardrails.profile_gateway import ProfileGateway
from guardrails.store.models import Customer
from tests.unit.consent.helpers import PERSONALISATION, grant

CUSTOMERS = ["C001", "C002", "C003", "C005", "C007", "C009", "C010"]
TODAY = date(2026, 6, 1)


def suggestions_for(session) -> dict[str, tuple]:
    catalogue, co_purchases = recommender.catalogue(session), recommender.co_purchase_counts(session)
    results = {}
    for customer_id in CUSTOMERS:
        gateway = ProfileGateway(session, customer_id, PERSONALISATION)
        history, preferences = gateway.read("purchase_history"), gateway.read("preferences")
        personal = recommender.recommend(history, preferences, catalogue, co_purchases, today=TODAY)
        results[customer_id] = (personal, recommender.popular(session))
    return results


@pytest.mark.parametrize(
    "birth_year, gender",
    [
        (1940, "female"),
        (2007, "male"),
        (1985, "non-binary"),
        (None, None),  # not given at all
    ],
)
def test_when_only_age_and_gender_change_then_suggestions_are_identical(session, birth_year, gender):
    for customer_id in CUSTOMERS:
        grant(session, customer_id)
    before = suggestions_for(session)
    for customer_id in CUSTOMERS:
        customer = session.get(Customer, customer_id)
        customer.birth_year, customer.gender = birth_year, gender
    session.flush()
    assert suggestions_for(session) == before
    assert any(personal for personal, _ in before.values())  # the comparison is not vacuous
