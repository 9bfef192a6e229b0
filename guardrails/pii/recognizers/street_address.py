"""Street addresses in UK, US and continental European forms, with their trailing lines.

Recognised cores (each may be followed by a flat/suite number and by city, state,
country and postcode on the same line, after commas or on following lines):

- number + name + street type: ``221B Baker Street``, ``12 main st``
- European street words with a house number: ``Sludevej 13``, ``Hauptstraße 5``,
  ``ul. Jarzębinowa 5``, ``Via Roma 1``, ``Király u. 15``
- name + street type without a number: ``Baker Street`` (ambiguous types such as
  "Drive" or "Park" need address context: "Google Drive" is a product)
- name + house number: ``Joaquin Suarez 2906`` (needs address context)
- PO boxes and US military addresses (``PSC 1437, Box 3833 APO AA 66791``)
- "the corner of X and Y"
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from guardrails.pii.recognizers.base import CASE_SENSITIVE_FLAGS, CandorRecognizer
from guardrails.pii.recognizers.lexicon import CHAT_WORDS, COUNTRIES, MONTHS, STOPWORDS, WEEKDAYS

_CAP = r"\p{Lu}[\p{L}'’]*(?:[-.]\p{L}[\p{L}'’]*)*\.?"
_WORD = r"\p{L}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*\.?"
_NUM = r"\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?"
_JOIN = (
    r"(?:de|del|della|la|le|les|du|da|das|do|dos|di|am|an|im|of|the|on|upon|sur|y|e|i|a|al|van|von|der|den|ter|"
    r"het|op|aan|zum|zur|z|u|na|nad|pod|ve|v|w)"
)
_NAME = rf"{_CAP}(?:[ \t]+(?:{_JOIN}[ \t]+)?{_CAP}){{0,3}}"


def _alternation(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# Words that start a capitalised phrase without being part of a street name.
_NOT_STREET = _alternation(
    {w.capitalize() for w in STOPWORDS | WEEKDAYS | MONTHS}
    | set(
        "Order Orders Item Items Size Model Version Room Gate Chapter Page Invoice Ticket Case Level "
        "Floor Terminal Platform Step Day Week Year Part Number No Qty Pack Series Table Seat Row Line "
        "Option Plan Tier Gen Generation Phone Galaxy Pixel Iphone IPhone Xbox Playstation PlayStation "
        "Windows Android Office Season Episode Volume Vol Edition Mark Mk Total Price".split()
    )
)
# Any-case word of a street or place name, not a function word ("de", "la" are joiners).
_PLACE_WORD = rf"(?:{_JOIN}|(?!(?:{_alternation(STOPWORDS)})\b)\p{{L}}[\p{{L}}'’-]*\.?)"
_LOWER = rf"(?!(?:{_alternation(STOPWORDS)})\b)\p{{Ll}}[\p{{Ll}}'’-]*"

# USPS street suffixes (with a house number in front any of them makes an address).
_USPS = (
    "Alley Allee Annex Arcade Avenue Ave Av Bayou Beach Bend Bluff Bluffs Bottom Boulevard Blvd Branch Bridge "
    "Brook Brooks Burg Burgs Bypass Camp Canyon Cape Causeway Center Centre Centers Circle Cir Circles "
    "Cliff Cliffs Close Club Common Commons Corner Corners Course Court Ct Courts Cove Coves Creek "
    "Crescent Cres Crest Crossing Crossroad Curve Dale Dam Divide Drive Dr Drives Drove Estate Estates "
    "Expressway Extension Extensions Fall Falls Ferry Field Fields Flat Flats Ford Fords Forest Forge "
    "Forges Fork Forks Fort Freeway Garden Gardens Gate Gateway Glen Glens Green Greens Grove Groves "
    "Harbor Harbors Harbour Haven Heights Highway Hwy Hill Hills Hollow Inlet Island Islands Isle "
    "Junction Junctions Key Keys Knoll Knolls Lake Lakes Land Landing Lane Ln Light Lights Loaf Lock "
    "Locks Lodge Loop Mall Manor Manors Meadow Meadows Mews Mill Mills Mission Motorway Mount Mountain "
    "Mountains Neck Orchard Oval Overpass Park Parks Parkway Pkwy Parkways Pass Passage Path Pike Pine "
    "Pines Place Pl Plain Plains Plaza Point Points Port Ports Prairie Quay Radial Ramp Ranch Rapid "
    "Rapids Rest Ridge Ridges Rise River Road Rd Roads Route Row Rue Run Shoal Shoals Shore Shores "
    "Skyway Spring Springs Spur Spurs Square Sq Squares Station Stravenue Stream Street St Streets "
    "Summit Terrace Ter Throughway Trace Track Trafficway Trail Trl Trailer Tunnel Turnpike Underpass "
    "Union Unions Vale Valley Valleys Via Viaduct View Views Village Villages Ville Vista Walk Walks "
    "Wall Way Ways Well Wells Wharf Wynd Yard"
).split()
# Australia Post's street types and Indian ones that USPS does not list (not those a shop's
# chat uses for products: "3 Nike Link cables", "2 Pack Access").
_AUSTRALIA_POST = (
    "Alleyway Approach Boardwalk Brace Brae Broadway Chase Circuit Concourse Crossway Elbow End Entrance "
    "Esplanade Fairway Foreshore Formation Frontage Glade Grange Heath Mead Meander Nook Outlook Parade "
    "Promenade Quadrant Ramble Retreat Rotary Serviceway Strip Walkway"
).split()
_INDIAN = "Marg Nagar Ganj Chowk Colony Bazar Bazaar".split()
_STREET_SUFFIXES = _USPS + _AUSTRALIA_POST + _INDIAN
_SUFFIX = rf"(?i:{_alternation(_STREET_SUFFIXES)})\b\.?"
_LOWER_SUFFIX = (
    r"(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|crescent|terrace|close|court|way|place|"
    r"parkway|pkwy|highway|hwy|mews|grove|gardens|plaza)\b\.?"
)
# Typed in lower case without a house number, only these read as streets (with address context).
_LOWER_STRONG_SUFFIX = r"(?:street|road|avenue|lane|boulevard|crescent|terrace)\b"
# ... and not after words that describe a street rather than name it ("the wrong street").
_NOT_LOWER_STREET = (
    r"(?:wrong|right|same|next|other|busy|quiet|correct|different|whole|entire|nearest|local|main|empty|dark|"
    r"long|narrow|wide|end|side|back|front|old|new|this|that)\b"
)
# Words right before a lower-case "via roma 5" that say an address follows ("ship via dhl 2" does not).
_ADDRESS_CUE = r"(?:address(?:[ \t]+is)?[ \t]*:?|live[sd]?[ \t]+(?:on|at|in)|moved[ \t]+to|(?:ship|send|deliver)(?:[ \t]+it)?[ \t]+to)"
# Without a house number only these read as streets on their own ...
_STRONG = (
    "Street St Road Rd Avenue Ave Lane Boulevard Blvd Crescent Terrace Close Mews Grove Highway Parkway Hwy"
)
_STRONG_SUFFIX = rf"(?:{_alternation(_STRONG.split())})\b\.?"
# ... and the rest needs address context ("Google Drive", "Season Pass" are not addresses).
_WEAK_SUFFIX = rf"(?:{_alternation(set(_STREET_SUFFIXES) - set(_STRONG.split()))})\b\.?"

# Continental street words: a word ending in one of these, next to a house number.
_EU_ENDINGS = (
    "vej gade gata gatan gränd vägen väg vagen katu kuja tie polku kaari rinne straße strasse str. weg "
    "laan straat steeg gracht plein kade singel veien vegen veg gasse platz allee damm ufer utca vænget "
    "torv stræde backe stigen torget plads dreef hof boulevard pad dijk markt "
    "stien bakken åsen haugen jordet løkka skogen toppen tunet plassen svingen kroken lunden grenda gropa myra"
).split()
# Slovak and Czech street words that stand after the name: "Devínska cesta 47", "Hlavná trieda 3".
_SLAVIC_STREET_WORDS = "cesta trieda třída námestie náměstí nábrežie nábřeží".split()
_EU_WORD = (
    rf"(?:\p{{L}}[\p{{L}}'’-]*(?i:{_alternation(_EU_ENDINGS)})|(?i:{_alternation(_SLAVIC_STREET_WORDS)}))"
)
_EU_PREFIX = (
    r"(?i:rue|avenue|av\.|avda\.?|avenida|boulevard|bd\.?|viale|piazza|piazzale|piazzetta|corso|largo|vicolo|"
    r"contrada|borgo|calle|callejón|paseo|pasaje|plaza|camino|carrer|carretera|rambla|ronda|travesía|glorieta|"
    r"diagonal|privada|prolongación|continuación|periférico|cerrada|circuito|retorno|andador|viaducto|"
    r"rua|travessa|praça|praca|praceta|alameda|ladeira|rodovia|viela|"
    r"beco|calçada|quadra|recanto|núcleo|morro|pátio|fazenda|chácara|sítio|conjunto|condomínio|residencial|"
    r"setor|trecho|vereda|loteamento|esplanada|diag\.|blv\.|"
    r"estrada|strada|str\.|aleea|bulevardul|calea|splaiul|șoseaua|soseaua|intrarea|drumul|piața|"
    r"ul\.|ulica|al\.|aleja|plac|os\.|chemin|impasse|allée|quai|odos|leoforos|rúa|trg)|Via"
    # "Av de Miranda, 1" (Portuguese "Av" without its dot), not "Av 5 stars"
    rf"|Av(?=[ \t]+(?:{_JOIN}[ \t]+)?\p{{Lu}})"
)
# A street named by a number, then a number word: "Boulevard 1 N° 726", "Blv. 145 A N° 1824".
_NUMBERED_STREET = r"(?:[ \t]+\d{1,4}(?:[ \t]+\p{Lu})?(?=[ \t]+(?i:n[°º]|nº|nr\.?|no\.)))?"
# How a house number may be written after the street name: "Calle Mitre N° 321", "Nr. 47",
# "Rua Cruz, S/N" (no number).
_HOUSE_NUMBER = rf"(?:(?i:n[°º]|nº|nr\.?|no\.|n\.)[ \t]*)?(?:{_NUM}|(?i:s/n)\b)"
_HU_WORDS = r"(?:utca|u\.|út|útja|tér|tere|köz|sor|körút|krt\.|kapu|fasor|sétány|lépcső|dűlő)"
# A flat, studio, unit or level before the house number, with or without its own number:
# "Flat 3, 45 Sample Road", "Studio 77 Sample Unions", "Level 6 113 Sample Key", "H.No. 808".
_LEAD_UNIT = (
    r"(?:(?i:flat|apt\.?|apartment|unit|suite|studio|level|h\.[ \t]?no\.|house[ \t]+no\.?)"
    r"[ \t]*(?:\d+[A-Za-z]?,?[ \t]+)?)?"
)

# Flat or suite, on the same line or the next (also in a ">" quoted reply), then city /
# state / country / postcode lines.
_UNIT = (
    r"(?:[ \t]*,?[ \t]*(?:\n[ \t>]*)?(?i:apt\.?|apartment|suite|ste\.?|unit|flat|floor|fl\.|room|rm\.?|bldg\.?|building|#"
    # "Piso 4 Dto. 4", "Appartamento 81", "Edif. 514, Depto. 547", "Bl. 42 Sc. 71 Ap. 957"
    r"|piso|dto\.|dpto\.|depto\.|departamento|apto\.|apartamento|appartamento|piano|scala|interno|interior|"
    r"edif\.|edificio|torre|bloco|bloque|bl\.|sc\.|ap\.|et\.)[ \t]*\d+[A-Za-z]?)"
)
# A flat or suite (no floor, room or unit: "room 12 floor 3", "size 10 unit 4" are no addresses).
_FLAT = r",?[ \t]*(?:\n[ \t>]*)?(?i:apt\.?|apartment|suite|flat)[ \t]*\d+"
# A postcode-like line ends where its number ends: not the first six digits of "59898347".
# A country letter may lead it: "H-9792", "D-10115"; Polish ones have a dash: "53-320".
_ZIPISH = r"(?i:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{2}-\d{3}(?!\d)|(?:[A-Z]{1,2}-)?\d{3,6}(?:[ -]\d{2,4})?(?!\d)|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)"
_SHORT_LOWER = (
    r"(?!(?:and|the|for|but|not|you|are|was|can|any|our|its|his|her|who|how|why|now|yet|all|out|off|one|"
    r"two|too|per|via|etc|pls|thx|plz|ok|or|so|to|in|on|at|by|of|is|it|as|be|we|me|my|he|do|if|no|up|us|"
    r"an|am|go)\b)\p{Ll}{2,3}\b"
)
_SEG_CAP = rf"(?:(?!\p{{Lu}}{{1,2}}-\d){_NAME}(?:,?[ \t]+{_ZIPISH})?|{_ZIPISH})"  # "H-9792" is a postcode
_SEG_LINE = rf"(?:{_SEG_CAP}|{_SHORT_LOWER}|\p{{Ll}}[\p{{Ll}}'’ ,-]{{1,40}}?[ \t]+{_ZIPISH})"


def _tail(segment: str) -> str:
    """Address lines after the street: a new line (also in a ">" quoted reply) or a comma
    separates them; a short number (a region code) only stands on a line of its own."""
    return (
        rf"{_UNIT}{{0,3}}(?:[ \t]*\n[ \t>]*,?[ \t]*(?:{segment}|\d{{1,3}}\b)|,[ \t]*\n?[ \t>]*{segment}"
        rf"|[ \t]+{_SEG_CAP}){{0,5}}"
    )


_TAIL = _tail(_SEG_LINE)
# After a street typed in lower case, a town or country line may be too ("kissousa", "new
# zealand 34694"): one to three words filling the segment, none a function word, chat word
# or sign-off ("12 main st\nthanks", "... st, near the station" stay out).
_NOT_TOWN = _alternation(STOPWORDS | CHAT_WORDS | set("thanks thank cheers please regards best bye kind love".split()))
_TOWN_WORD = rf"(?!(?:{_NOT_TOWN})\b)\p{{Ll}}[\p{{Ll}}'’-]*"
_LOWER_TOWN = (
    rf"{_TOWN_WORD}(?:[ \t]+{_TOWN_WORD}){{0,2}}(?:,?[ \t]+{_ZIPISH})?(?=[ \t]*(?:[\n,.;!?]|$))"
)
# ... and, on the same line after a space, a town and a country ("12 timms drive suite 215
# nungatta australia"): the country name says the words before it are a place.
_LOWER_COUNTRY = _alternation(re.escape(c.lower()) for c in COUNTRIES)
_LOWER_TOWN_AND_COUNTRY = rf"(?:[ \t]+(?:{_TOWN_WORD}[ \t]+){{0,3}}(?:{_LOWER_COUNTRY})(?![\p{{L}}-]))?"
_LOWER_TAIL = _tail(rf"(?:{_SEG_LINE}|{_LOWER_TOWN})") + _LOWER_TOWN_AND_COUNTRY

_START = r"(?<![\w.-])"


class StreetAddressRecognizer(CandorRecognizer):
    """STREET_ADDRESS; a match covers the street line and the address lines that follow it."""

    ENTITY = "STREET_ADDRESS"
    FLAGS = CASE_SENSITIVE_FLAGS
    PATTERNS = [
        Pattern(
            "number, name, street type",
            rf"{_START}{_LEAD_UNIT}{_NUM}(?:[ \t]+{_NUM})?,?[ \t]+{_NAME}[ \t]+{_SUFFIX}{_TAIL}",
            0.7,
        ),
        Pattern(
            "number, lower-case name, street type",
            rf"{_START}{_LEAD_UNIT}{_NUM}(?:[ \t]+{_NUM})?[ \t]+{_LOWER}(?:[ \t]+{_LOWER}){{0,2}}[ \t]+{_LOWER_SUFFIX}{_LOWER_TAIL}",
            0.55,
        ),
        Pattern(
            # any street type, which English words fill too ("2 day pass", "3 black forks"), also
            # after a comma ("10/077, guha street"): kept only when a word before the type is a
            # name or no English word
            "number, lower-case name, any street type",
            rf"{_START}{_LEAD_UNIT}{_NUM}(?:[ \t]+{_NUM})?,?[ \t]+{_LOWER}(?:[ \t]+{_LOWER}){{0,2}}[ \t]+"
            rf"(?:{_alternation(w.lower() for w in _STREET_SUFFIXES)})\b\.?{_LOWER_TAIL}",
            0.55,
        ),
        Pattern(
            "lower-case name, street type",
            rf"{_START}(?!{_NOT_LOWER_STREET}){_LOWER}(?:[ \t]+{_LOWER})?[ \t]+{_LOWER_STRONG_SUFFIX}{_LOWER_TAIL}",
            0.3,
        ),
        Pattern(
            "address cue, lower-case via, number",
            rf"(?<={_ADDRESS_CUE}[ \t]+)via[ \t]+{_LOWER}(?:[ \t]+{_LOWER}){{0,2}}[ \t]+{_NUM}\b{_LOWER_TAIL}",
            0.6,
        ),
        Pattern(
            "european street word, number",
            rf"{_START}(?:{_NUM}[ \t]+)?(?:{_CAP}[ \t]+){{0,2}}{_EU_WORD}[ \t]+{_NUM}\b{_LOWER_TAIL}",
            0.6,
        ),
        Pattern(
            "number, european street word",
            rf"{_START}{_NUM}[ \t]+(?:{_CAP}[ \t]+){{0,2}}{_EU_WORD}\b{_LOWER_TAIL}",
            0.6,
        ),
        Pattern(
            "european street prefix, number",
            rf"{_START}{_LEAD_UNIT}(?:{_NUM}[ \t]+)?(?:{_EU_PREFIX})(?:[ \t]+{_WORD}){{0,5}}{_NUMBERED_STREET}"
            rf",?[ \t]+{_HOUSE_NUMBER}(?:[ \t]+\d{{1,4}}\b)?{_LOWER_TAIL}",
            0.6,
        ),
        Pattern(
            "number, european street prefix",
            rf"{_START}{_LEAD_UNIT}(?:{_NUM}[ \t]+)?{_NUM},?[ \t]+(?:{_EU_PREFIX})[ \t]+(?:{_PLACE_WORD}[ \t]+){{0,4}}{_PLACE_WORD}{_LOWER_TAIL}",
            0.6,
        ),
        Pattern(
            # Colombia's grid: street type and number, "#", the cross street and the house's
            # distance from it: "Calle 26 # 68B-85", "Cr. 18Z # 4Y-1", "Dg. 143 Sur # 20G-5 Sur"
            "colombian street",
            rf"{_START}(?i:calle|cl\.|carrera|cra\.|kr\.|cr\.|diagonal|dg\.|transversal|tv\.|tr\.|avenida|av\.)"
            rf"[ \t]+\d{{1,3}}[A-Za-z]?ª?(?:[ \t]+(?i:bis|sur|este|norte|oeste))*[ \t]*(?:#|(?i:no\.))[ \t]*"
            rf"\d{{1,3}}[A-Za-z]?ª?-\d{{1,3}}(?:[ \t]+(?i:sur|este|norte|oeste)\b)?{_LOWER_TAIL}",
            0.7,
        ),
        Pattern(
            "hungarian street",
            rf"{_START}(?:{_NUM}[ \t]+)?\p{{L}}[\p{{L}}-]*(?:[ \t]+\p{{L}}[\p{{L}}-]*){{0,2}}[ \t]+{_HU_WORDS}[ \t]+{_NUM}\.?{_LOWER_TAIL}",
            0.6,
        ),
        Pattern(
            "po box",
            rf"{_START}(?:\d{{1,5}}[ \t]+)?(?i:p\.?[ \t]?o\.?[ \t]?box|post[ \t]office[ \t]box|postbox)[ \t]+\d+{_LOWER_TAIL}",
            0.7,
        ),
        Pattern(
            "us military",
            # any case: the APO/FPO/DPO line makes the shape specific enough
            r"\b(?i:(?:PSC|CMR|Unit)[ \t]+\d{3,5},?[ \t]+Box[ \t]+\d{3,5}|(?:USNS|USNV|USS|USCGC)[ \t]+\p{L}[\p{L}'’-]+)"
            r"[ \t]*,?\s*(?i:[ADF]PO[ \t]+A[AEP])[ \t]+\d{5}",
            0.9,
        ),
        Pattern(
            "the corner of X and Y",
            r"(?P<value>(?:(?i:the)[ \t]+)?(?i:corner|junction|intersection)[ \t]+of[ \t]+[^\n{}]{2,80}?[ \t]+and[ \t]+[^\n{}]{2,80}?)"
            r"(?=[ \t]*(?:[,;!?\n]|$)|\.[ \t]*(?:$|\n)|[ \t]+(?i:in|at|to|for|on|by|near|tomorrow|today|tonight)\b)",
            0.7,
        ),
        Pattern(
            "name and street type",
            rf"{_START}(?!(?:{_NOT_STREET})\b){_NAME}[ \t]+{_STRONG_SUFFIX}(?!\w){_TAIL}",
            0.55,
        ),
        Pattern(
            "name and ambiguous street type",
            rf"{_START}(?!(?:{_NOT_STREET})\b){_NAME}[ \t]+{_WEAK_SUFFIX}(?!\w){_TAIL}",
            0.3,
        ),
        Pattern(
            "number, name, number",
            rf"{_START}\d{{3,5}}[ \t]+(?!(?:{_NOT_STREET})\b){_NAME}[ \t]+{_NUM}\b{_TAIL}",
            0.5,
        ),
        Pattern(
            "number, number, name",
            rf"{_START}\d{{3,5}}[ \t]+\d{{1,5}}[ \t]+(?!(?:{_NOT_STREET})\b){_NAME}{_TAIL}",
            0.45,
        ),
        Pattern("number, lower-case name, number", rf"{_START}\d{{3,5}}[ \t]+{_LOWER}[ \t]+\d{{1,4}}\b{_LOWER_TAIL}", 0.3),
        Pattern(
            # A flat or suite after a house number or a street type says the lower-case words
            # before it name a street, whatever their language: "692 kuuse 53 apt. 641",
            # "903 83 dora creek apt. 176", "storgarden 52 trajanka forks\n suite 894"
            "lower-case street words, number, flat",
            rf"{_START}(?!(?i:{_NOT_STREET})\b)(?:\d{{1,5}}[ \t]+){{0,2}}(?:via[ \t]+)?{_LOWER}(?:[ \t]+{_LOWER}){{0,2}}"
            rf"(?:[ \t]+{_NUM}(?:[ \t]+{_LOWER}){{0,2}}|[ \t]+(?i:{_alternation(_STREET_SUFFIXES)})\.?)(?={_FLAT}){_LOWER_TAIL}",
            0.6,
        ),
        Pattern(
            # "Sludevej 13, 4594 Thorsen", "Nad Rokytkou 709\n492 90 Bystré": a continental
            # postcode (not a year) and a town after it
            "name, number, postcode and town",
            rf"{_START}(?!(?:{_NOT_STREET})\b){_NAME}[ \t]+{_NUM}\b,?[ \t]*\n?[ \t]*(?!(?:19|20)\d\d\b)(?:\d{{4,5}}|\d{{3}} \d{{2}})[ \t]+{_CAP}{_TAIL}",
            0.6,
        ),
        Pattern(
            # "rønningrøa 3, 0599 nygård": the same in lower case, the street a word no
            # dictionary knows ("size 5, 1234 items" stays)
            "lower-case name, number, postcode and town",
            rf"{_START}{_LOWER}(?:[ \t]+{_LOWER})?[ \t]+{_NUM}\b,?[ \t]*\n?[ \t]*(?!(?:19|20)\d\d\b)(?:\d{{4,5}}|\d{{3}} \d{{2}})[ \t]+{_LOWER}{_LOWER_TAIL}",
            0.6,
        ),
        Pattern("name and number", rf"{_START}(?!(?:{_NOT_STREET})\b){_NAME}[ \t]+{_NUM}\b{_TAIL}", 0.25),
    ]

    def adjust_span(self, text: str, start: int, end: int, pattern: Pattern) -> tuple[int, int] | None:
        if pattern.name == _NEEDS_A_STREET_WORD:
            if not _names_a_street(text[start:end]):
                return None
            start += _leading_english_words(text[start:end])  # "address storgarden 52 ..."
        if pattern.name == _STARTS_WITH_A_STREET_WORD and not _street_word(text[start:end].split()[0]):
            return None
        if pattern.name == _NAMED_BEFORE_THE_TYPE and not _names_before_the_type(text[start:end]):
            return None
        while end > start and text[end - 1] in " \t\n,":
            end -= 1
        return start, end


# Lower-case shapes that English words fill too: "i need 3 pairs flat 2" is kept only when a
# word before the flat is a street type or no English word, "size 5, 1234 items" only when
# its first word is.
_NEEDS_A_STREET_WORD = "lower-case street words, number, flat"
_NAMED_BEFORE_THE_TYPE = "number, lower-case name, any street type"
_STARTS_WITH_A_STREET_WORD = "lower-case name, number, postcode and town"
_STREET_TYPES = frozenset(word.lower() for word in _STREET_SUFFIXES)


def _names_a_street(value: str) -> bool:
    """Some word before the flat is a street type or a word no dictionary knows."""
    street = re.split(_FLAT, value, maxsplit=1)[0]
    return any(_street_word(word) for word in re.findall(r"\p{L}[\p{L}'’-]*", street))


def _names_before_the_type(value: str) -> bool:
    """Some word between the house number and the street type is a given name or surname that
    is no English word, or a word no dictionary knows: "347 elaine mount", "679 sara bridge";
    not "2 day pass" nor "2 silver summit bags"."""
    from guardrails.pii.plain_words import is_unknown_word  # plain_words imports this package
    from guardrails.pii.recognizers.gazetteer import is_given_name, is_surname

    words = re.findall(r"\p{L}[\p{L}'’-]*", value.split("\n")[0])[:-1]  # the street type is last
    return any(is_unknown_word(w) or is_given_name(w) or is_surname(w) for w in words)


def _street_word(word: str) -> bool:
    from guardrails.pii.plain_words import is_unknown_word  # plain_words imports this package

    return word in _STREET_TYPES or is_unknown_word(word)


def _leading_english_words(value: str) -> int:
    """How many characters of English words lead the value before its first street word."""
    skipped = 0
    for match in re.finditer(r"(\p{L}[\p{L}'’-]*)[ \t]+", value):
        if match.start() != skipped or _street_word(match.group(1)):
            break
        skipped = match.end()
    return skipped
