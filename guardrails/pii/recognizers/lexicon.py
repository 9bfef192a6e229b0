"""Word lists the recognizers share: words that are never names, places or streets."""

from __future__ import annotations

WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
    " weekend weekday today tomorrow yesterday tonight".split()
)

MONTHS = frozenset(
    "january february march april june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

# Function words and chat words that follow "I'm" / "this is" without being a name,
# or start a capitalised phrase without being part of a street or place name.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at back be because been before
    being below between both but by can cannot could did do does doing done down during each either
    else even ever every few for from further had has have having he her here hers herself him himself
    his how i if in into is it its itself just least less let like made many may me might mine more
    most much must my myself neither never next no nor not now of off often on once one only or other
    our ours ourselves out over own per please quite rather really same she should since so some still
    such than that the their theirs them themselves then there these they this those though through
    thus to too under until up upon us very via was we well were what when where whether which while
    who whom whose why will with within without would yet you your yours yourself yourselves
    hi hello hey dear thanks thank cheers regards ok okay yes yeah yep no nope sorry
    i'm i’m im i've i'd i'll it's that's we're you're he's she's they're let's don't can't won't
    """.split()
)

# Words that follow "I'm" / "I am" / "this is" and describe a state, not a person.
NOT_A_NAME = frozenset(
    """
    able about absolutely afraid after almost already also angry annoyed anxious asking at awaiting
    away back bit calling certain checking concerned confused contacting curious currently disappointed
    done eager excited expecting fine frustrated getting glad going good gonna great happy having here
    hoping hungry in interested just kind leaving left looking lost messaging moving new not now off
    ok okay on only out over pleased posting quite ready really reaching returning right sad satisfied
    still stuck sure talking texting the there thinking tired trying unable unhappy unsure upset using
    very waiting wondering worried writing a an your my his her their our its this that so too also
    customer member buyer user visitor guest shopper subscriber client order account trying afraid
    confused sorry planning hoping happy pleased unhappy disappointed
    """.split()
)

COUNTRIES = (
    "Afghanistan",
    "Albania",
    "Algeria",
    "Andorra",
    "Angola",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahamas",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia and Herzegovina",
    "Botswana",
    "Brazil",
    "Brunei",
    "Bulgaria",
    "Burkina Faso",
    "Burundi",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Cape Verde",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Comoros",
    "Costa Rica",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic",
    "Czechia",
    "Denmark",
    "Djibouti",
    "Dominica",
    "Dominican Republic",
    "Ecuador",
    "Egypt",
    "El Salvador",
    "England",
    "Eritrea",
    "Estonia",
    "Eswatini",
    "Ethiopia",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Gambia",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Greenland",
    "Grenada",
    "Guatemala",
    "Guinea",
    "Guyana",
    "Haiti",
    "Honduras",
    "Hong Kong",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Ivory Coast",
    "Jamaica",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "Laos",
    "Latvia",
    "Lebanon",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Maldives",
    "Mali",
    "Malta",
    "Mauritania",
    "Mauritius",
    "Mexico",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Namibia",
    "Nepal",
    "Netherlands",
    "New Zealand",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "North Korea",
    "North Macedonia",
    "Northern Ireland",
    "Norway",
    "Oman",
    "Pakistan",
    "Palestine",
    "Panama",
    "Papua New Guinea",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Puerto Rico",
    "Qatar",
    "Romania",
    "Russia",
    "Rwanda",
    "Samoa",
    "San Marino",
    "Saudi Arabia",
    "Scotland",
    "Senegal",
    "Serbia",
    "Seychelles",
    "Sierra Leone",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Somalia",
    "South Africa",
    "South Korea",
    "South Sudan",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "Suriname",
    "Sweden",
    "Switzerland",
    "Syria",
    "Taiwan",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Togo",
    "Tonga",
    "Trinidad and Tobago",
    "Tunisia",
    "Turkey",
    "Türkiye",
    "Turkmenistan",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
    "United States of America",
    "Uruguay",
    "Uzbekistan",
    "Vanuatu",
    "Vatican City",
    "Venezuela",
    "Vietnam",
    "Wales",
    "Yemen",
    "Zambia",
    "Zimbabwe",
    "USA",
    "UK",
    "U.K.",
    "U.S.",
    "U.S.A.",
    "UAE",
    "Great Britain",
    "Britain",
)

US_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY"
    " NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()

# Brands a retail chat names that no dictionary knows as words, lower-case: never part of a
# person's name ("a case for nike airmax", "exchange it for sony wh-1000xm5"). Brands that
# are also names ("hugo", "ralph", "philips") are left out; shops add their own brands to
# config.yml's allow_list.
BRANDS = frozenset(
    """
    adidas nike reebok asics umbro skechers timberland birkenstock crocs ugg wrangler uniqlo primark
    prada superdry patagonia northface samsung sony bose jbl sennheiser iphone ipad macbook airpods
    lenovo asus acer huawei xiaomi oneplus oppo nokia motorola garmin fitbit gopro nikon fujifilm
    logitech razer corsair nintendo playstation xbox kindle alexa lego hasbro mattel dyson tefal
    delonghi nespresso breville smeg vileda ikea loreal nivea garnier clinique paypal klarna
    clearpay afterpay venmo revolut monzo amex mastercard maestro dhl dpd ups fedex usps evri
    parcelforce inpost ebay etsy
    """.split()
)

# Words of chat that a dictionary lacks as lower-case entries: chat shorthand, retail and
# banking acronyms, contractions typed without the apostrophe ("i dont want"), holidays.
CHAT_WORDS = frozenset(
    """
    ok okay pls thx lol hey hiya yo asap tbh btw idk omg wifi app email christmas xmas easter
    rec recs bday signup signups
    iban atm dob pin ssn sku cvv cvc bic swift vat nino otp faq
    dont cant wont didnt doesnt isnt wasnt arent werent havent hasnt hadnt couldnt shouldnt wouldnt
    mustnt neednt im ive id youre youve youd theyre theyve weve thats whats wheres theres heres hows
    lets aint ill
    halloween thanksgiving hanukkah ramadan diwali eid passover black friday cyber
    """.split()
)
