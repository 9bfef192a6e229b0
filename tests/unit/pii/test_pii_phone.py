"""Phone-number shapes found by bench/pii/phone_probe.py (Faker numbers of many locales), and
the look-alikes that must stay unmasked. Numbers are from fictional ranges (555, Ofcom's
drama ranges, Australia's 0491 570, Germany's 030 901820) or plainly made up."""

from __future__ import annotations

import pytest

from guardrails.pii import analyze_text


def _phone_spans(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in analyze_text(text) if s.entity_type == "PHONE_NUMBER"]


def _covered_as_phone(text: str, value: str) -> bool:
    start = text.index(value)
    return any(s <= start and e >= start + len(value) for s, e in _phone_spans(text))


@pytest.mark.parametrize(
    "text, value",
    [
        ("Tel: 06-1/555 0142", "06-1/555 0142"),  # Hungarian: trunk 06, one-digit area code, slash
        ("It's 06-1/555 0142", "06-1/555 0142"),  # the slash marks the area code: no phone word needed
        ("fax +880-2-9-5550-0142", "+880-2-9-5550-0142"),  # Bangladeshi: one lone digit among groups
        ("call me on 555 1 234", "555 1 234"),  # Turkish local form, with a phone word
        ("It's +61.491.570.156", "+61.491.570.156"),  # international with dots: not an IPv4 address
        ("It's 915550142", "915550142"),  # nine digits typed together (Portuguese mobile shape)
        ("Jamie said 3155501420 works for her", "3155501420"),  # ten digits (Italian mobile shape)
        ("my cell 55501420 thanks", "55501420"),  # eight digits together: with a phone word
        ("She can be reached at 55501420", "55501420"),  # a phone word's inflection
        # a word like "order" counts in the number's own clause (or right before it) only
        ("Ship the package to my sister, 555 0142 works for her", "555 0142"),
        ("Please send my order to:\nmy sister\n555 0142", "555 0142"),
        ("Text me when the parcel ships: 2125550199", "2125550199"),
        # a postcode typed right before it on the same line
        ("Sampletown, XY 31295 020 7946 0958", "020 7946 0958"),
        ("Sampleby 52888 0161-4960017", "0161-4960017"),
        ("Jane Example, 43 73313 0161-4960017", "0161-4960017"),  # after a name, in two groups
        (", ec\n 76634 020 7946 0958", "020 7946 0958"),  # at the start of a line
        ("Order 12345 0161 496 0017", "0161 496 0017"),  # an order number typed before it
        ("I texted 55501420 twice", "55501420"),
        ("55501420 is my number", "55501420"),  # the phone word after it
        ("55501420 is Gunnar Example's number", "55501420"),  # "Example's" is one word of the four
        ("5550142 is my new mobile", "5550142"),
        ("call me on 4915550100142", "4915550100142"),  # 13 digits (an MSISDN): with a phone word
        ("It's 030 901820-0", "030 901820-0"),  # national form with a switchboard digit
        ("It's 1 (555) 010-0199", "1 (555) 010-0199"),  # North American trunk 1 before the area code
        ("Tel.020 7946 0958", "020 7946 0958"),  # right after an abbreviation's dot
        ("mob.07700 900123 after six", "07700 900123"),
        ("tel/555-010-0199", "555-010-0199"),  # after a slash that follows a word
        ("ring 555-010-0199/mobile", "555-010-0199"),  # a slash and a word after it
        # context: the nearer of a phone word and a word like "order" decides
        ("About my order: call me at 2125550199 please", "2125550199"),
        ("Regarding the invoice, my number is 2125550199", "2125550199"),
        # shapes no order or invoice number takes stay phones next to such words
        ("Invoice sent to the customer at (741) 555-0199", "(741) 555-0199"),
        ("Invoice sent to the customer at 741.555.0199", "741.555.0199"),
        ("Invoice sent to the customer at +1-741-555-0199", "+1-741-555-0199"),
        ("tracking 0161 496 0000", "0161 496 0000"),  # trunk zero, area code, groups: a phone
        ("The order came today. 06 12 34 56 78 if anything is wrong", "06 12 34 56 78"),
        ("Re the parcel: 0462-904292 is best", "0462-904292"),  # trunk zero, two groups
        ("Invoice sent to the customer at (03) 19099603", "(03) 19099603"),  # bracketed area code
        ("Re the parcel: 37 26 51 67 is best", "37 26 51 67"),  # four pairs
        ("Re the parcel: 88-3465-6480 is best", "88-3465-6480"),  # three groups of mixed sizes
        # a word like "order" in the sentence before does not make the number a reference
        ("The order came today. 2125550199 if anything is wrong", "2125550199"),
        ("Call 2125550199. Order came broken", "2125550199"),
        # "at", "on", "to" right before it: where to reach someone, whatever word came before
        ("Invoice sent to the customer at 0927684268", "0927684268"),
        ("Please update the phone number on my order to 467 3395", "467 3395"),
        ("Phone: 0490 75 40 81- thanks", "0490 75 40 81"),  # a dash after it, then a space
        # a phone label typed as one word, or in the customer's language
        ("PhoneNumber: 81 77 89", "81 77 89"),
        ("Telefon 81 77 89", "81 77 89"),
        # shapes from libphonenumber's example numbers (the probe's second part)
        ("Phone number: (06 1) 555 0142", "(06 1) 555 0142"),  # a trunk digit inside the brackets
        ("call me on (0-312) 55501", "(0-312) 55501"),  # Lithuanian: trunk zero and a hyphen inside
        ("mob.01 555014200 after six", "01 555014200"),  # Vienna: a nine-digit subscriber group
        ("my cell +43 1 555014200 thanks", "+43 1 555014200"),
        ("My mobile is +672 10 5501.", "+672 10 5501"),  # an SSN's 3-2-4 after a country code
        ("Tel. 211-234", "211-234"),  # six digits, two triples with a hyphen: with a phone word
        # a small number typed after it is not part of it, and does not hide it
        ("Phone (08) 8747 6301 24/7", "(08) 8747 6301"),
        ("call 024 971 50 30 2 times", "024 971 50 30"),
        ("It's 467 3395 2 times a day", "467 3395"),  # "467 3395 2" would hold a lone digit
        ("I rang 322-3307 3 times", "322-3307"),
        ("Czech Republic 67420 51 516 33 75", "51 516 33 75"),  # a last pair with no word after
        ("It's 0812 3456 7890", "0812 3456 7890"),  # three fours after a trunk zero: Indonesian mobile
        ("Is 451 5986 still on my account?", "451 5986"),  # "account" is no negative word
    ],
)
def test_when_a_phone_shape_is_in_the_text_then_it_is_masked_as_phone(text, value):
    assert _covered_as_phone(text, value), analyze_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "It's 555 1 234",  # one lone digit inside and no phone word
        "the shop ran 1998-2004 on the high street",  # a year range
        "I noted 2017-2020 yesterday.",  # a year range, no context
        "It's 82199-351",  # Brazilian postcode (CEP) 5-3
        "It's 82199351",  # eight digits together without a phone word: a CEP looks the same
        "I noted 20240315 yesterday.",  # compact date
        "It's 5012345678900",  # 13 digits without a phone word: the shape of a barcode
        "the barcode number is 5012345678900",  # "number" is a phone word, "barcode" overrules it
        "Where is ORD-10042?",  # order reference
        "order #10234 cost £1,299.00",  # order number and price
        "delivered 2024-03-15 at 14:30",  # ISO date and time
        "delivered 15/03/2024",  # day/month/year
        "firmware v2.5550142 is out",  # after a digit and a dot: the tail of a longer number
        "shelf AB12/5550142 in aisle 3",  # after a digit and a slash: part of a code
        "part 555-0199-AB is out of stock",  # a dash and letters after it: part of a code
        "part 4006381-333-BLK is out of stock",  # a word after the dash that names no phone line
        "SKU 1234567-XYZ back in stock",
        "my tracking number is 2125550199",  # "tracking number" is no phone word
        "55501420 is my order number",  # nor after it
        "call about order 2125550199",  # "order" is nearer than "call"
        "Order no. 2125550199",  # the dot of "no." ends no sentence
        "Ref. 2125550199",  # nor does the dot of an abbreviation that is a negative word
        "Where is my order? 2125550199 was due Monday",  # the sentence before ends with "order"
        "about my order, 2125550199",  # the clause before ends with "order"
        "card 4111 1111 1111 1111",  # a card's first group is no postcode
        "ref 4000 0566 5566 5557",  # nor is it before a trunk zero
        "Order:\n2125550199",  # so does the line before
        "my order 2024-000123",  # a year and a sequence number
        "invoice 123-456-789 attached",  # three groups of three: a reference or a quantity
        "It's 211-234",  # two triples with a hyphen and no phone word
        "Phone about sort code 12-34-56",  # three pairs with hyphens: a sort code
        # from look-alike lines a separate session wrote (shop notes, logs, other languages)
        "order number: 2125550199",  # "order number" ends the clause before
        "DHL Sendungsnummer 2699377554",  # a carrier and a tracking word in German
        "ma commande n° 413682946 du 03/02/2021",
        "otp issued code=452450 ttl=120s session=277330807016",
        "It's 2232 4235 0039",  # three fours without a trunk zero: a membership or gift card
        "It's 2024/08680",  # a year and a running number: an invoice
        "entrega em 4050-123 Lisboa",  # a Portuguese postcode
    ],
)
def test_when_digits_are_no_phone_number_then_no_phone_span_is_found(text):
    assert _phone_spans(text) == [], analyze_text(text)


def test_when_a_small_number_follows_a_phone_then_the_span_stops_before_it():
    text = "Phone (08) 8747 6301 24/7, or call 024 971 50 30 2 times"
    assert [text[s:e] for s, e in _phone_spans(text)] == ["(08) 8747 6301", "024 971 50 30"]


def test_when_a_phone_ends_in_a_pair_then_the_pair_is_no_count_and_stays_masked():
    text = "It's 467 3395 2 times a day, or +33 1 23 45 67 89"
    assert [text[s:e] for s, e in _phone_spans(text)] == ["467 3395", "+33 1 23 45 67 89"]


@pytest.mark.parametrize(
    "text, phone",
    [
        ("Phone: 0961-7596216 01/02/1980", "0961-7596216"),  # a date after it
        ("Phone: 467 3395 123-45-6789", "467 3395"),  # an SSN after it
        ("123-45-6789 905-674-3793", "905-674-3793"),  # an SSN before it
        ("4111 1111 1111 1111 905-674-3793", "905-674-3793"),  # a card before it
        ("Phone: 020 7946 0958 10115 Berlin", "020 7946 0958"),  # a postcode and town after it
        ("Jane Example, 0161 496 0017 75001 Paris", "0161 496 0017"),
    ],
)
def test_when_another_number_is_typed_next_to_a_phone_then_the_phone_alone_is_found(text, phone):
    assert [text[s:e] for s, e in _phone_spans(text)] == [phone]


@pytest.mark.parametrize("joint", ["/", " / ", " "])
def test_when_two_phones_share_one_run_of_digits_then_both_are_found(joint):
    text = f"Tel 0161 496 0017{joint}0161 496 0018"
    assert [text[s:e] for s, e in _phone_spans(text)] == ["0161 496 0017", "0161 496 0018"]


def test_when_a_phone_with_an_extension_and_another_share_a_slash_then_both_are_found():
    text = "(484)426-8465x6321/0161 496 0017"
    assert [text[s:e] for s, e in _phone_spans(text)] == ["(484)426-8465x6321", "0161 496 0017"]


def test_when_two_phones_of_many_groups_share_a_slash_then_both_are_found():
    text = "+229 01 95 55 01 42/0161 496 0017"  # eight groups in all
    assert [text[s:e] for s, e in _phone_spans(text)] == ["+229 01 95 55 01 42", "0161 496 0017"]


def test_when_a_line_label_is_hyphenated_onto_phones_then_each_phone_is_found_without_it():
    # a CRM export's contact line: "{phone}-Office\\,{phone}-Fax"
    text = "Jane Example\n(37) 555-014-Office\\,07700 900 123-Fax\n2125550199-home"
    assert [text[s:e] for s, e in _phone_spans(text)] == ["(37) 555-014", "07700 900 123", "2125550199"]
