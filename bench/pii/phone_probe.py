#!/usr/bin/env python
"""Phone-number generalisation probe: Faker numbers of every locale in varied sentence frames.

Why: presidio_synth's phones are per-country formats of its own generator, and the tuning
half holds only ~30 of them, so recall 1.0 there says little about shapes and contexts we
have not seen. This probe is tuned on freely (it reads presidio_synth's tuning half only).
Its first part: every Faker locale with a phone provider, ``phone_number()`` (plus
``msisdn()`` / ``basic_phone_number()`` where the locale has them), each number placed once
in a frame with a phone word ("call me on") and once in a frame without one ("It's {}",
start or end of a line, inside an address block).

A number counts as caught when >= 80% of its characters are masked by a span of any type
(``run.py``'s rule, imported from there); "as PHONE" counts spans of type PHONE_NUMBER only.

A second part does the same with libphonenumber's example number of every region (fixed
line and mobile, national and international forms): numbers from another source than Faker.

A third part puts numbers among other details of the same Faker locale (a name, an
address, a town, an email: "Nora Example\t54974044", "{name}\n{address}\n{phone}"), as
written and lower-cased, where other spans can cover the number or stand next to it.
A fourth does the same with the values of presidio_synth's tuning half (its phones, names
and addresses, never a held-out sentence) in delivery frames, some with a word like "order",
and a fifth puts its phones in the ways customers mention a number in chat. A sixth puts
them in signatures, forms and e-mails ("M: {phone}", "Patient: ...\nContact: {phone}"), and
a seventh types another number right next to them: a date, an SSN, a card, an IP address,
an order number, with a space, tab, bar or dash between.

Look-alike lines: 250 shop lines with no phone in them (order, tracking and invoice numbers,
dates, prices, log lines, five languages), written by a separate session that did not see
the recognizer (``phone_lookalikes/lines.jsonl``): how many get a phone span.

The false-alarm part: order numbers, prices, dates, times, years, Faker
postcodes, cards, IBANs, SSNs, tracking and model numbers, quantities, in frames without a
phone word. It counts how many get a PHONE_NUMBER span that touches the value.

Usage: .venv/bin/python bench/pii/phone_probe.py [--per-locale N] [--per-frame N] [--misses N] [--seed S] [--lower]
"""

from __future__ import annotations

import argparse
import collections
import importlib
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import candor_engine, is_caught, lower_case, masked_chars  # noqa: E402  (bench/pii/run.py)

PHONE_METHODS = ("phone_number", "msisdn", "basic_phone_number")

# Frames by kind; "context" kinds hold a word from the phone recognizer's context list,
# all other kinds hold none (checked in main()).
FRAMES: dict[str, tuple[str, ...]] = {
    "context": (
        "call me on {}",
        "My mobile is {}.",
        "Tel. {}",
        "fax: {}",
        "You can reach me at {} after 6pm",
        "Phone number: {}",
        "my cell {} thanks",
        "Tel.{}",  # right after an abbreviation's dot or slash
        "mob.{} after six",
        "tel/{}",
        "{} is my number",  # the phone word four words after it
        "Home {} / work 0161 496 0018",  # which line it is
        "Jane Example\nM: {}\nE: jane@example.com",  # a signature's one-letter label
        "Her number's {}",
    ),
    # a phone word and, nearer the number, a word that usually comes with order numbers
    "context+order-word": (
        "Please update the phone number on my order to {}",
        "call me about my order at {}",
        "Text me when the parcel ships: {}",
    ),
    "no-word": (
        "It's {}",
        "{} - ask for the front desk",
        "try the studio on {} or by mail",
        "I'm on {} most evenings",
        "Best to use {} for anything urgent",
        "Jamie said {} works for her",
    ),
    "line-start": ("{}\nThanks, see you Monday", "{} is the studio line"),
    "line-end": ("Thanks, see you Monday\n{}", "Here you go: {}"),
    "number-after": ("Try {} 24/7", "It's {} 2 times a day", "{} 3 days a week"),
    "two-numbers": ("{}/0161 496 0017", "Either {} / 0161 496 0018"),
    "punctuation": ("Is it {}?", "Use this one ({}).", "{}, thanks!", "Was it {}; or the other one?"),
    # a word that usually comes with order or invoice numbers, and no phone word
    "negative-word": (
        "Invoice sent to the customer at {}",
        "Re the parcel: {} is best",
        "The order came today. {} if anything is wrong",
    ),
    "address-block": (
        "Jane Example\n12 Example Street\nSpringfield, IL 62704\n{}\nUSA",
        "Ship to:\nFlat 3, 4 Sample Road\nLondon N1 9GU\n{}",
    ),
    # details pasted without labels: the number alone next to a name, email or address
    "contact-block": (
        "Jane Example, {}, jane@example.com",
        "Jane Example\njane.example@example.com\n{}",
        "Jane Example ({})",
        "{}\nJane Example",
        "Jane Example | {} | 12 Example Street, Springfield",
        "Jane Example - {}",
    ),
}


@dataclass
class Case:
    text: str
    start: int
    end: int
    group: str  # locale (phone probe) or value kind (false-alarm probe)
    kind: str  # frame kind or "neutral"


def place(frame: str, value: str, group: str, kind: str) -> Case:
    start = frame.index("{}")
    return Case(frame.replace("{}", value, 1), start, start + len(value), group, kind)


def place_among(frame: str, details: dict[str, str], group: str) -> Case:
    """``frame`` filled with ``details``; the case is the number at "{phone}", its kind the frame."""
    start = len(frame.split("{phone}")[0].format(**details))
    return Case(frame.format(**details), start, start + len(details["phone"]), group, frame)


def phone_locales() -> list[str]:
    """Faker locales that ship their own phone_number provider."""
    from faker.config import AVAILABLE_LOCALES

    found = []
    for locale in AVAILABLE_LOCALES:
        try:
            importlib.import_module(f"faker.providers.phone_number.{locale}")
        except ImportError:
            continue
        found.append(locale)
    return found


def phone_values(locale: str, count: int, seed: int) -> Iterator[tuple[str, str]]:
    """(method, number) pairs: mostly phone_number(), one in five from the other methods."""
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(seed)
    methods = [m for m in PHONE_METHODS if _has(fake, m)]
    if not methods:
        return
    for index in range(count):
        others = methods[1:]
        method = others[index // 5 % len(others)] if others and index % 5 == 0 else methods[0]
        yield method, getattr(fake, method)()


def _has(fake, method: str) -> bool:
    try:
        getattr(fake, method)
    except AttributeError:
        return False
    return True


def phone_cases(locales: list[str], per_locale: int, seed: int) -> list[tuple[Case, str]]:
    """Each number once in a context frame and once in a frame of another kind."""
    rng = random.Random(seed)
    other_kinds = [k for k in FRAMES if k != "context"]
    cases = []
    for locale in locales:
        for method, value in phone_values(locale, per_locale, seed):
            cases.append((place(rng.choice(FRAMES["context"]), value, locale, "context"), method))
            kind = rng.choice(other_kinds)
            cases.append((place(rng.choice(FRAMES[kind]), value, locale, kind), method))
    return cases


# ---------------------------------------------------------------------------- another source's numbers

LIBPHONENUMBER_TYPES = ("FIXED_LINE", "MOBILE")
LIBPHONENUMBER_FORMATS = ("NATIONAL", "INTERNATIONAL")


def libphonenumber_cases(seed: int) -> list[Case]:
    """libphonenumber's own example number of every region, fixed line and mobile, as written
    at home and abroad ("020 7946 0958", "+44 20 7946 0958"): numbers from another source
    than Faker, each once in a context frame and once in a frame of another kind. The
    group is the region; the kind "<format> <frame kind>"."""
    import phonenumbers

    rng = random.Random(seed)
    other_kinds = [k for k in FRAMES if k != "context"]
    cases = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for type_name in LIBPHONENUMBER_TYPES:
            example = phonenumbers.example_number_for_type(region, getattr(phonenumbers.PhoneNumberType, type_name))
            if example is None:
                continue
            for format_name in LIBPHONENUMBER_FORMATS:
                value = phonenumbers.format_number(example, getattr(phonenumbers.PhoneNumberFormat, format_name))
                for kind in ("context", rng.choice(other_kinds)):
                    cases.append(place(rng.choice(FRAMES[kind]), value, region, f"{format_name} {kind}"))
    return cases


def report_libphonenumber(outcomes: list[Outcome], show: int) -> None:
    """By format, in context frames and in the others; numbers of six digits or more apart
    (shorter ones are the recognizer's documented limit: "22158" in St Helena)."""
    long_enough = [o for o in outcomes if len(re.sub(r"\D", "", o.case.text[o.case.start:o.case.end])) >= 6]
    print(f"\n## libphonenumber's example numbers: caught {rate(outcomes)}; 6+ digits {rate(long_enough)}")
    print("\n| format | frames | caught | 6+ digits |\n|---|---|---:|---:|")
    for format_name in LIBPHONENUMBER_FORMATS:
        for frames, in_context in (("context", True), ("others", False)):
            def chosen(items: list[Outcome]) -> list[Outcome]:
                return [
                    o for o in items
                    if o.case.kind.startswith(format_name) and o.case.kind.endswith(" context") == in_context
                ]

            print(f"| {format_name.lower()} | {frames} | {rate(chosen(outcomes))} | {rate(chosen(long_enough))} |")
    misses = [
        f"MISS {o.case.group} {o.case.kind} {o.case.text[o.case.start:o.case.end]!r} got={found(o)} | {o.case.text!r}"
        for o in long_enough if not o.caught
    ]
    print_first("misses of 6+ digits, libphonenumber", misses, show)


# ---------------------------------------------------------------------------- among other details

# The number among a name, address, town, email or company of the same locale, the way
# details are typed or pasted into a chat; most frames hold no phone word.
MIXED_FRAMES = (
    "{name}\n{address}\n{phone}",
    "{company}\n{address}\n{phone}",
    "{name}\n{phone}\n{email}",
    "{name}, {phone}",
    "{name}: {phone}",
    "{name}\t{phone}",
    "{name} {phone}",
    "{name} ({city}) {phone}",
    "{name} | {email} | {phone}",
    "Send it to {name}, {address}, {phone}",
    "Account holder {name}, {city}, {phone}",
    "Hi, I'm {name} from {city}. {phone}",
    "{name} lives at {address} and can be reached at {phone}",
    "My name is {name} and my number is {phone}.",
    "Contact {name} at {phone} or {email}",
    "Dear {name},\nplease call {phone} to confirm.",
    "{address}. Tel {phone}",
    "I moved to {city}, my new number is {phone}",
    "{phone} is {name}'s number",
    "{city} office {phone}",
)
MIXED_LOCALES = (
    "en_US en_GB en_CA en_AU de_DE de_AT fr_FR fr_CH nl_NL it_IT es_ES pt_BR da_DK no_NO sv_SE fi_FI "
    "pl_PL cs_CZ hu_HU el_GR tr_TR ja_JP"
).split()


def mixed_cases(per_frame: int, seed: int) -> list[Case]:
    """Each frame ``per_frame`` times, filled with one Faker locale's details."""
    from faker import Faker

    rng = random.Random(seed)
    fakers = {locale: Faker(locale) for locale in MIXED_LOCALES}
    cases = []
    for index in range(per_frame * len(MIXED_FRAMES)):
        locale = rng.choice(MIXED_LOCALES)
        fake = fakers[locale]
        fake.seed_instance(seed * 1_000_000 + index)
        details = {
            "name": fake.name(),
            "address": fake.address(),
            "city": fake.city(),
            "email": fake.email(),
            "company": fake.company(),
            "phone": fake.phone_number(),
        }
        frame = MIXED_FRAMES[index % len(MIXED_FRAMES)]
        cases.append(place_among(frame, details, locale))
    return cases


def report_mixed(
    title: str, frames: tuple[str, ...], as_written: list[Outcome], lower: list[Outcome], show: int
) -> None:
    print(f"\n## {title}: caught as written {rate(as_written)}; lower-cased {rate(lower)}")
    print("\n| frame | as written | lower-cased |\n|---|---:|---:|")
    for frame in frames:
        written = [o for o in as_written if o.case.kind == frame]
        lowered = [o for o in lower if o.case.kind == frame]
        print(f"| {frame!r} | {rate(written)} | {rate(lowered)} |")
    misses = [
        f"MISS {how} {o.case.group} {o.case.text[o.case.start:o.case.end]!r} got={found(o)} | {o.case.text!r}"
        for how, outcomes in (("as-written", as_written), ("lower-cased", lower))
        for o in outcomes
        if not o.caught
    ]
    print_first(f"misses, {title}", misses, show)


# ---------------------------------------------------------------------------- the generator's own values

# presidio_synth's values come from another generator than Faker (per-country formats such as
# "72 128 827", multi-line addresses): the tuning half's own phones, names and addresses, put
# in delivery frames of my own, several with a word like "order" before the address.
TUNING_FRAMES = (
    "{name}\n{address}\n{phone}",
    "Please send my order to:\n{name}\n{address}\n{phone}",
    "Ship the package to {address}, {phone}",
    "{address}\n{city}\n{phone}",
    "Billing address: {name}\n    {address}\n    {phone}",
    ">{name}\n>{address}\n>{phone}",
    "Deliver to {name}, {address}. {phone}",
    "My order should go to {address} {phone}",
    "{name}\n{phone}\n{address}",
    "Address: {address}\nPhone number: {phone}",
    "{name} ({phone})\n{address}",
    "The parcel is for {name}, {address}, tel {phone}",
)


# ... and its phones in the ways customers mention a number in chat.
CHAT_FRAMES = (
    "My phone number is {phone}",
    "Please call me at {phone}",
    "{phone} is my phone",
    "Contact me at {phone} or jane@example.com",
    "I'd like to change my number from {phone} to 0161 496 0018",
    "I'd like to change my number from 0161 496 0018 to {phone}",
    "Can you send the code to {phone}?",
    "I got a call from {phone}, is that you?",
    "{phone} (mobile), 0161 496 0018 (home)",
    "Phone: {phone} | Address: 12 Example Street",
    "Reach me at {phone} ext. 12",
    "Tel: {phone}, Fax: 0161 496 0018",
    "My number changed to {phone}",
    "Please update my contact info: {phone}",
    "name,phone\nJane Example,{phone}",
    "Jane Example;{phone};jane@example.com",
    '{{"phone": "{phone}"}}',
    "Why did {phone} call me?",
    "I can't receive SMS on {phone}",
    "The courier should ring {phone} on arrival",
    "{name}'s number is {phone}",
    "WhatsApp {phone}",
    "pls call {phone} asap",
    "Mobile no. {phone}",
    "Home phone: {phone}\nWork phone: 0161 496 0018",
    "My old number was {phone}, the new one is 0161 496 0018",
    "Emergency contact: {name} {phone}",
    "Mi número es {phone}",
    "Meine Nummer ist {phone}",
    "Hello, this is {name} ({phone}) about my refund",
    "Hi! {phone} here, where is my parcel?",
    "Please remove {phone} from your records",
)

# Where else a number is written down: signatures, forms, e-mail headers, tickets.
FORM_FRAMES = (
    "{name}\nSales Manager\nAcme Ltd\nM: {phone}\nE: jane@example.com",
    "{name}\nT: {phone}\nW: www.example.com",
    "P: {phone} | F: 0161 496 0018",
    "Best regards,\n{name}\n{phone}",
    "Thanks,\n{name}\nDirect {phone}",
    "Patient: {name}\nDOB: 01/02/1980\nContact: {phone}",
    "From: {name}\nSent: Monday\nSubject: Refund\n\nHi, please get back to me on {phone}.",
    "{name} ({phone}) wrote:",
    "{phone} - {name}",
    "Phone # {phone}",
    "(h) {phone}  (w) 0161 496 0018",
    "Work: {phone}",
    "Tel/Fax {phone}",
    "Her number's {phone}",
    "We tried to reach you at {phone} but could not get through.",
    "{name}, 34 years old, {phone}",
    "Emergency contact: {name} - {phone}",
    "Customer: {name}; phone {phone}; order 10042",
    "Ticket 4521: customer {name} ({phone}) reports a broken zip",
    "Name\tPhone\n{name}\t{phone}",
    "I was called from {phone} yesterday",
    "My order number is 10042 and my phone is {phone}",
    "Reference: 10042\nContact: {phone}",
    "In case of delivery issues: {phone}",
)
# Another number typed right next to the phone.
BESIDE_FRAMES = (
    "Phone: {phone} 01/02/1980",
    "1980-02-01 {phone}",
    "Phone: {phone} 123-45-6789",
    "123-45-6789 {phone}",
    "4111 1111 1111 1111 {phone}",
    "Phone: {phone} 192.168.0.1",
    "Phone: {phone} order 10042",
    "{phone} | order 10042",
    "order 10042\t{phone}",
    "{phone} - order 10042",
    "{phone}, jane@example.com, 01/02/1980",
    "Phone: {phone} $49.99",
)


def tuning_value_cases(frames: tuple[str, ...], per_frame: int, seed: int) -> list[Case]:
    """Each frame ``per_frame`` times, filled with values of presidio_synth's tuning half only."""
    from run import load_synth, split_templates  # bench/pii/run.py

    records = load_synth()
    tuning, _ = split_templates(records)
    values = collections.defaultdict(list)
    for record in records:
        if record.template in tuning:
            for start, end, label in record.gold:
                values[label].append(record.text[start:end])
    pools = {
        "name": values["PERSON"],
        "address": [a for a in values["STREET_ADDRESS"] if len(a) > 15],
        "city": values["LOCATION"],
        "phone": values["PHONE_NUMBER"],
    }
    rng = random.Random(seed)
    cases = []
    for index in range(per_frame * len(frames)):
        frame = frames[index % len(frames)]
        details = {key: rng.choice(pool) for key, pool in pools.items()}
        cases.append(place_among(frame, details, "tuning"))
    return cases


# ---------------------------------------------------------------------------- false alarms

NEUTRAL_FRAMES = (
    "It's {}",
    "{} - is that right?",
    "I noted {} yesterday.",
    "See {}\nThanks",
    # next to a name or an address, where a bare number alone in its field reads as a phone
    "Jane Example, {}",
    "Jane Example\n12 Example Street\n{}",
)
# Order, invoice and parcel references stand next to their own word, and so may a sentence end.
REFERENCE_KIND = "reference (its word)"
REFERENCE_FRAMES = (
    "Order no. {}",
    "my order number is {}",
    "invoice {} attached",
    "Ref: {}",
    "The parcel {} is late",
    "Tracking: {}",
    "Where is my order? {} was due Monday",
    "I returned the item. Order {}",
)


def non_phone_values(seed: int) -> dict[str, list[str]]:
    """Values that share digits with phone numbers but must never become PHONE_NUMBER."""
    from faker import Faker

    rng = random.Random(seed)
    fake = Faker(["en_US", "en_GB", "de_DE", "fr_FR", "nl_NL", "pl_PL", "ja_JP", "pt_BR"])
    fake.seed_instance(seed)
    n = 40

    def some(make: Callable[[], str], count: int = n) -> list[str]:
        return [make() for _ in range(count)]

    def num(low: int, high: int) -> int:
        return rng.randint(low, high)

    date_formats = ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%d.%m.%y")
    stamp_formats = ("%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
    price_formats = ("£{:,}.{:02d}", "${:,}.{:02d}", "€{:,},{:02d}", "{:,}.{:02d} EUR")
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    tracking = (
        lambda: f"1Z{num(0, 999999):06d}{num(0, 10**10 - 1):010d}",  # UPS
        lambda: f"{rng.choice(letters)}{rng.choice(letters)}{num(10**8, 10**9 - 1)}GB",  # Royal Mail
        lambda: "9400 1" + " ".join(f"{num(0, 9999):04d}" for _ in range(4)) + f" {num(0, 99):02d}",  # USPS
    )
    quantities = (
        lambda: f"{num(1000, 9_999_999):,} units",
        lambda: f"{num(1, 999)} 000 items",
        lambda: f"{num(1, 9)} 500 000 visitors",
        lambda: f"{num(1, 99)} x 250 ml",
    )
    models = (
        lambda: f"SM-G{num(100, 999)}B",
        lambda: f"WH-{num(100, 9999)}XM4",
        lambda: f"model {num(100, 9999)}-{num(10, 999)}",
    )
    references = (
        lambda: str(num(10**4, 10**12)),  # a plain run
        lambda: f"{num(0, 10**9):010d}",  # zero-padded
        lambda: f"{num(2015, 2030)}-{num(0, 999999):06d}",  # year and sequence
        lambda: f"{num(100, 999)}-{num(10**6, 10**7 - 1)}-{num(10**6, 10**7 - 1)}",  # Amazon
        lambda: f"{num(1000, 9999)}-{num(1000, 9999)}",
        lambda: f"{num(100, 999)}-{num(100, 999)}-{num(100, 999)}",
        lambda: f"#{num(10**4, 10**9)}",
    )
    return {
        "order id": some(
            lambda: rng.choice(("ORD-{}", "#{}", "order {}", "ORD{}")).format(num(10001, 10999))
        ),
        "price": some(lambda: rng.choice(price_formats).format(num(1, 99999), num(0, 99))),
        "date": some(lambda: fake.date(pattern=rng.choice(date_formats))),
        "date-time": some(lambda: fake.date_time().strftime(rng.choice(stamp_formats))),
        "time": some(lambda: fake.time(pattern=rng.choice(("%H:%M", "%H:%M:%S", "%I:%M %p")))),
        "year range": some(lambda: (lambda y: f"{y}-{y + num(1, 9)}")(num(1950, 2030))),
        "postcode": some(fake.postcode),
        "card": some(fake.credit_card_number),
        "iban": some(fake["en_GB"].iban, n // 2) + some(fake["de_DE"].iban, n // 2),
        "ssn": some(fake["en_US"].ssn),
        "tracking": some(lambda: rng.choice(tracking)()),
        "quantity": some(lambda: rng.choice(quantities)()),
        "model": some(lambda: rng.choice(models)()),
        "isbn/ean": some(fake.isbn13, n // 2) + some(fake.ean13, n // 2),
        "version": some(lambda: f"v{num(1, 20)}.{num(0, 20)}.{num(0, 99)}"),
        REFERENCE_KIND: some(lambda: rng.choice(references)(), 3 * n),
    }


def false_alarm_cases(seed: int) -> list[Case]:
    rng = random.Random(seed)
    return [
        place(rng.choice(REFERENCE_FRAMES if kind == REFERENCE_KIND else NEUTRAL_FRAMES), value, kind, "neutral")
        for kind, values in non_phone_values(seed).items()
        for value in values
    ]


# ---------------------------------------------------------------------------- scoring


@dataclass
class Outcome:
    case: Case
    caught: bool  # >= 80% of the value masked, any type
    as_phone: bool  # ... by PHONE_NUMBER spans alone
    phone_touch: bool  # some PHONE_NUMBER span touches the value
    spans: list[tuple[int, int, str]]


def judge(run: Callable[[str], list[tuple[int, int, str]]], case: Case) -> Outcome:
    spans = run(case.text)
    phone_spans = [s for s in spans if s[2] == "PHONE_NUMBER"]
    return Outcome(
        case,
        is_caught(masked_chars(len(case.text), spans), case.start, case.end),
        is_caught(masked_chars(len(case.text), phone_spans), case.start, case.end),
        any(s < case.end and e > case.start for s, e, _ in phone_spans),
        spans,
    )


def rate(outcomes: list[Outcome], attr: str = "caught") -> str:
    hit = sum(getattr(o, attr) for o in outcomes)
    return f"{hit}/{len(outcomes)} = {hit / len(outcomes):.3f}" if outcomes else "-"


def grouped(items: list, key: Callable) -> dict[str, list]:
    """``items`` by ``key(item)``, groups in first-seen order."""
    groups = collections.defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return groups


def print_first(title: str, lines: list[str], show: int) -> None:
    if show and lines:
        print(f"\n### {title} (first {show} of {len(lines)})\n")
        print("\n".join(lines[:show]))


def found(o: Outcome) -> list[tuple[str, str]]:
    return [(o.case.text[s:e], t) for s, e, t in o.spans]


def report_phones(outcomes: list[tuple[Outcome, str]], show_misses: int) -> None:
    """Headline, frame kinds and locales on phone_number() alone (what presidio_synth holds);
    the other methods get their own row: msisdn() is 13 bare digits, the shape of a barcode."""
    print("| method | caught |\n|---|---:|")
    for method, items in grouped(outcomes, lambda pair: pair[1]).items():
        print(f"| {method} | {rate([o for o, _ in items])} |")
    plain = [o for o, method in outcomes if method == "phone_number"]
    print(f"\n## phone_number(): caught (any type) {rate(plain)}; as PHONE_NUMBER {rate(plain, 'as_phone')}")
    print()
    print("| frame kind | caught | as PHONE |\n|---|---:|---:|")
    by_kind = grouped(plain, lambda o: o.case.kind)
    for kind in FRAMES:
        print(f"| {kind} | {rate(by_kind[kind])} | {rate(by_kind[kind], 'as_phone')} |")
    print("\n| locale | context | other frames |\n|---|---:|---:|")
    by_locale = grouped(plain, lambda o: o.case.group)
    ranked = sorted(by_locale.items(), key=lambda item: sum(o.caught for o in item[1]) / len(item[1]))
    for locale, items in ranked:
        context = [o for o in items if o.case.kind == "context"]
        other = [o for o in items if o.case.kind != "context"]
        if any(not o.caught for o in items):
            print(f"| {locale} | {rate(context)} | {rate(other)} |")
    print(f"\n{sum(all(o.caught for o in items) for items in by_locale.values())} locales with no miss")
    misses = [
        f"MISS {o.case.group} phone_number {o.case.kind} {o.case.text[o.case.start:o.case.end]!r} "
        f"got={found(o)} | {o.case.text!r}"
        for o in plain if not o.caught
    ]
    print_first("misses", misses, show_misses)


def report_false_alarms(outcomes: list[Outcome], show: int) -> None:
    print(f"\n## false-alarm probe: PHONE_NUMBER touching a non-phone value {rate(outcomes, 'phone_touch')}")
    print()
    print("| value kind | PHONE_NUMBER on it |\n|---|---:|")
    for kind, items in grouped(outcomes, lambda o: o.case.group).items():
        print(f"| {kind} | {rate(items, 'phone_touch')} |")
    alarms = [f"FALSE {o.case.group} got={found(o)} | {o.case.text!r}" for o in outcomes if o.phone_touch]
    print_first("false alarms", alarms, show)


LOOKALIKE_LINES = Path(__file__).resolve().parent / "phone_lookalikes" / "lines.jsonl"


def report_lookalike_lines(run: Callable[[str], list[tuple[int, int, str]]], show: int) -> None:
    """Shop lines with no phone number in them, written by a separate session that did not see
    the recognizer (order, tracking and invoice numbers, dates, prices, log lines, in five
    languages): how many get a PHONE_NUMBER span. Free to tune on, unlike ``phone_blind``."""
    import json

    lines = [json.loads(line)["text"] for line in LOOKALIKE_LINES.read_text(encoding="utf-8").splitlines()]
    alarms = []
    for text in lines:
        phones = [text[start:end] for start, end, label in run(text) if label == "PHONE_NUMBER"]
        if phones:
            alarms.append(f"FALSE {phones} | {text!r}")
    print(f"\n## look-alike lines with no phone: {len(alarms)}/{len(lines)} given a PHONE_NUMBER span")
    print_first("look-alike lines given a phone span", alarms, show)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-locale", type=int, default=300, help="numbers per locale (default 300)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--misses", type=int, default=40, help="misses and false alarms to list")
    parser.add_argument("--locale", action="append", help="only these locales (repeatable)")
    parser.add_argument("--lower", action="store_true", help="lower-case every case (as typed in a hurry)")
    parser.add_argument("--per-frame", type=int, default=60, help="cases per frame among other details (default 60)")
    args = parser.parse_args(argv)

    from guardrails.pii.context import WordWindow
    from guardrails.pii.settings import settings

    entries = settings().enabled_recognizers
    phone_words = {word for entry in entries if entry.name == "phone" for word in entry.context}
    for kind, frames in FRAMES.items():
        for frame in frames:
            words = set(WordWindow(frame).words)  # as context words are read: "number's" is "number"
            assert kind.startswith("context") == bool(words & phone_words), (kind, frame)

    as_typed = candor_engine()

    def typed_lower(text: str) -> list[tuple[int, int, str]]:
        return as_typed(lower_case(text))

    run = typed_lower if args.lower else as_typed
    locales = args.locale or phone_locales()
    cases = phone_cases(locales, args.per_locale, args.seed)
    print(f"{len(locales)} locales, {len(cases)} phone cases", file=sys.stderr)
    phones = [(judge(run, case), method) for case, method in cases]
    report_phones(phones, args.misses)
    report_libphonenumber([judge(run, case) for case in libphonenumber_cases(args.seed)], args.misses)
    report_false_alarms([judge(run, case) for case in false_alarm_cases(args.seed)], args.misses)
    report_lookalike_lines(run, args.misses)
    for title, frames, cases in (
        ("among other details", MIXED_FRAMES, mixed_cases(args.per_frame, args.seed)),
        ("the tuning half's own values", TUNING_FRAMES, tuning_value_cases(TUNING_FRAMES, args.per_frame, args.seed)),
        (
            "the tuning half's phones in chat frames",
            CHAT_FRAMES,
            tuning_value_cases(CHAT_FRAMES, max(1, args.per_frame // 5), args.seed),
        ),
        (
            "the tuning half's phones in signatures and forms",
            FORM_FRAMES,
            tuning_value_cases(FORM_FRAMES, max(1, args.per_frame // 5), args.seed),
        ),
        (
            "the tuning half's phones beside another number",
            BESIDE_FRAMES,
            tuning_value_cases(BESIDE_FRAMES, max(1, args.per_frame // 5), args.seed),
        ),
    ):
        as_written = [judge(as_typed, case) for case in cases]
        report_mixed(title, frames, as_written, [judge(typed_lower, case) for case in cases], args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
