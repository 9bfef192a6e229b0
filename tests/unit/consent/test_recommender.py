"""The recommender: what scores, what is never suggested, and how suggestions are explained."""

import inspect
from datetime import date, datetime

import pytest

from guardrails import recommender
from guardrails.consent import ledger
from guardrails.profile_gateway import ProfileGateway, Purchase
from guardrails.store.catalogue import CatalogueItem
from guardrails.store.models import Order, OrderItem
from tests.unit.consent.helpers import PERSONALISATION, grant

TODAY = date(2025, 12, 1)
TENT = CatalogueItem("T", "Ridge 2 tent", "camping", 18900, units_sold=5)
STOVE = CatalogueItem("S", "Trail stove", "camping", 3999, units_sold=1)
SHOES = CatalogueItem("R", "Aero running shoes", "running", 11900, units_sold=2)
SOCKS = CatalogueItem("K", "Pace running socks", "running", 1499, units_sold=9)
NOTEBOOK = CatalogueItem("N", "Fieldbook notebook", "stationery", 1250, units_sold=3)
CATALOGUE = [TENT, STOVE, SHOES, SOCKS, NOTEBOOK]


def bought(item: CatalogueItem, when: datetime = datetime(2025, 10, 3)) -> Purchase:
    return Purchase(item.product_id, item.name, item.category, when)


def together(*pairs: tuple[CatalogueItem, CatalogueItem, int]) -> dict[tuple[str, str], int]:
    counts = {}
    for a, b, n in pairs:
        counts[(a.product_id, b.product_id)] = counts[(b.product_id, a.product_id)] = n
    return counts


def ids(suggestions) -> list[str]:
    return [s.product_id for s in suggestions]


@pytest.mark.parametrize(
    "purchases, preferences, co_purchases, expected",
    [
        # bought together with the tent elsewhere beats merely sharing its category
        ([bought(TENT)], [], together((TENT, NOTEBOOK, 2)), ["N", "S"]),
        # category affinity alone: the other camping product
        ([bought(TENT)], [], {}, ["S"]),
        # stated interest alone; popularity breaks the tie (socks sell more than shoes)
        ([], ["running"], {}, ["K", "R"]),
        # interest plus a purchase in the category outranks interest alone
        ([bought(SHOES)], ["running", "camping"], {}, ["K", "T", "S"]),
        # co-purchase counts add up over everything the customer bought
        ([bought(TENT), bought(SHOES)], [], together((TENT, NOTEBOOK, 1), (SHOES, STOVE, 1)),
         ["S", "N", "K"]),
        # nothing personal to go on: nothing personal is suggested
        ([], [], together((TENT, STOVE, 5)), []),
    ],
)
def test_when_scoring_then_co_purchase_category_and_interests_rank_products(
    purchases, preferences, co_purchases, expected
):
    suggestions = recommender.recommend(purchases, preferences, CATALOGUE, co_purchases, today=TODAY)
    assert ids(suggestions) == expected


@pytest.mark.parametrize(
    "purchases",
    [
        [bought(TENT)],
        [bought(TENT), bought(STOVE)],  # the whole category
        [bought(SOCKS), bought(SOCKS, datetime(2025, 11, 2))],  # bought twice
    ],
)
def test_when_customer_already_bought_something_then_it_is_never_suggested(purchases):
    co_purchases = together((TENT, STOVE, 9), (SOCKS, TENT, 9), (SOCKS, STOVE, 9))
    suggestions = recommender.recommend(purchases, ["camping", "running"], CATALOGUE, co_purchases, limit=10)
    assert not set(ids(suggestions)) & {p.product_id for p in purchases}


def test_when_limit_is_small_then_only_the_best_are_given():
    suggestions = recommender.recommend([], ["running", "camping"], CATALOGUE, {}, limit=2, today=TODAY)
    assert ids(suggestions) == ["K", "T"]


@pytest.mark.parametrize(
    "when, reason",
    [
        (datetime(2025, 10, 3), "Because you bought the Ridge 2 tent in October"),
        (datetime(2024, 10, 3), "Because you bought the Ridge 2 tent in October 2024"),  # last year: say so
    ],
)
def test_when_a_purchase_is_the_reason_then_it_names_the_product_and_month(when, reason):
    [suggestion] = recommender.recommend([bought(TENT, when)], [], CATALOGUE, {}, today=TODAY)
    assert suggestion.reasons == [reason]
    assert suggestion.data_used == ["purchase_history"]


def test_when_an_interest_is_the_reason_then_it_says_so_and_uses_only_preferences():
    suggestion = recommender.recommend([], ["stationery"], CATALOGUE, {}, today=TODAY)[0]
    assert (suggestion.product_name, suggestion.reasons, suggestion.data_used) == (
        "Fieldbook notebook", ["Because you told us you like stationery"], ["preferences"])


def test_when_both_explain_a_suggestion_then_both_reasons_and_fields_are_given():
    [suggestion] = recommender.recommend([bought(TENT)], ["camping"], CATALOGUE, {}, today=TODAY)
    assert suggestion.reasons == [
        "Because you bought the Ridge 2 tent in October",
        "Because you told us you like camping",
    ]
    assert suggestion.data_used == ["purchase_history", "preferences"]


def test_when_recommending_then_there_is_no_way_to_pass_age_or_gender():
    parameters = set(inspect.signature(recommender.recommend).parameters)
    assert not parameters & {"birth_year", "gender", "age", "customer"}


def test_when_customer_has_no_orders_then_only_interests_or_best_sellers_are_suggested(session):
    grant(session, "C007")  # no orders; told us they like stationery
    gateway = ProfileGateway(session, "C007", PERSONALISATION)
    history = gateway.read("purchase_history")
    catalogue, co_purchases = recommender.catalogue(session), recommender.co_purchase_counts(session)
    assert history == []
    personal = recommender.recommend(history, gateway.read("preferences"), catalogue, co_purchases)
    assert [(s.product_name, s.data_used) for s in personal] == [("Fieldbook notebook", ["preferences"])]
    assert recommender.recommend(history, [], catalogue, co_purchases) == []

    best_sellers = recommender.popular(session)
    names = [s.product_name for s in best_sellers]
    assert names == ["Merino base layer", "Ridge 2 tent", "Aero running shoes"]
    assert all(s.reasons == [recommender.POPULAR_REASON] and s.data_used == [] for s in best_sellers)


def test_when_counting_from_the_store_then_cancelled_orders_do_not_count(session):
    units = recommender.popularity(session)
    assert units["P012"] == 2  # Iris bought two gift cards; Dan's cancelled one is not a sale
    assert units["P008"] == 4
    counts = recommender.co_purchase_counts(session)
    assert counts[("P001", "P002")] == counts[("P002", "P001")] == 1  # Frank's order
    assert counts[("P010", "P012")] == 1


@pytest.mark.parametrize("status, counted", [("delivered", 1), ("cancelled", 0)])
def test_when_an_order_is_cancelled_then_its_products_were_not_bought_together(session, status, counted):
    items = [OrderItem(product_id=product_id, unit_price_cents=100) for product_id in ("P003", "P009")]
    placed = datetime(2026, 1, 5)
    session.add(Order(number="19999", customer_id="C007", placed_at=placed, status=status, items=items))
    session.flush()
    assert recommender.co_purchase_counts(session)[("P003", "P009")] == counted


def test_when_suggestions_used_data_then_the_payload_names_the_consent(session):
    grant(session, "C001", now=datetime(2026, 3, 1, 9, 30))
    state = ledger.consent_state(session, "C001", PERSONALISATION)
    picks = recommender.recommend([bought(TENT)], ["running"], CATALOGUE, {}, today=TODAY)
    payload = recommender.explanation_payload(picks, state)
    assert payload == {
        "suggestion": "Pace running socks, Aero running shoes, Trail stove",
        "suggestions": ["Pace running socks", "Aero running shoes", "Trail stove"],
        "reasons": ["Because you told us you like running", "Because you bought the Ridge 2 tent in October"],
        "data_used": ["preferences", "purchase_history"],
        "consent": {"purpose": "personalisation", "granted_at": "2026-03-01T09:30:00+00:00"},
    }
    single = recommender.explanation_payload(picks[:1], state)
    assert single["suggestion"] == "Pace running socks" and single["data_used"] == ["preferences"]


def test_when_suggestions_are_best_sellers_then_the_payload_relies_on_no_consent(session):
    payload = recommender.explanation_payload(recommender.popular(session), None)
    assert payload["data_used"] == [] and payload["consent"] is None
    assert payload["reasons"] == [recommender.POPULAR_REASON]


@pytest.mark.parametrize("answer", [None, False], ids=["no consent", "withdrawn"])
def test_when_personal_suggestion_has_no_current_grant_then_explaining_it_fails(session, answer):
    state = None
    if answer is not None:
        grant(session, "C001", granted=answer)
        state = ledger.consent_state(session, "C001", PERSONALISATION)
    picks = recommender.recommend([bought(TENT)], [], CATALOGUE, {}, today=TODAY)
    with pytest.raises(ValueError, match="consent"):
        recommender.explanation_payload(picks, state)
