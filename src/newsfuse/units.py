"""Units of measurement as news writes them, with conversion to one canonical unit per family.

Families and their canonical units: length ``km``, speed ``km/h``, mass ``kg``, area ``km2``,
volume ``l``, pressure ``hPa``, temperature ``°C``, percent ``%`` (basis points are 0.01 %), duration ``d``
(days), age ``yr``, magnitude (no unit) and money (one family per currency: ``money:USD``;
amounts in different currencies are never converted, because exchange rates move and a
conversion would invent a disagreement).

Hand-written rather than pint: the work here is the surface lexicon ("kilometres", "mph",
"sq km", "four-year"), which pint does not parse, and the conversions are fixed factors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    family: str
    canonical: str
    factor: float  # canonical = value * factor + offset
    offset: float = 0.0


# (surface regex, Unit).  Order matters only for readability: the alternation is sorted by
# length so "km/h" wins over "km" and "square miles" over "miles".
_LEX: list[tuple[str, Unit]] = []


def _add(names: str, family: str, canonical: str, factor: float, offset: float = 0.0) -> None:
    for name in names.split("|"):
        _LEX.append((name, Unit(family, canonical, factor, offset)))


_add(r"km/h|kph|kmh|km/hr|km per hour|kilometers per hour|kilometres per hour|kilometers an hour|"
     r"kilometres an hour", "speed", "km/h", 1.0)
_add(r"mph|miles per hour|miles an hour", "speed", "km/h", 1.609344)
_add(r"knots|knot|kts|kt", "speed", "km/h", 1.852)
_add(r"m/s|meters per second|metres per second", "speed", "km/h", 3.6)
_add(r"km|kms|kilometers|kilometres|kilometer|kilometre", "length", "km", 1.0)
_add(r"nautical miles|nautical mile|nmi", "length", "km", 1.852)
_add(r"miles|mile|mi", "length", "km", 1.609344)
_add(r"m|meters|metres|meter|metre", "length", "km", 0.001)
_add(r"cm|centimeters|centimetres|centimeter|centimetre", "length", "km", 1e-5)
_add(r"mm|millimeters|millimetres|millimeter|millimetre", "length", "km", 1e-6)
_add(r"ft|feet|foot", "length", "km", 0.0003048)
_add(r"yards|yard|yd|yds", "length", "km", 0.0009144)
_add(r"inches|inch", "length", "km", 2.54e-5)
_add(r"kg|kgs|kilograms|kilogrammes|kilogram|kilos|kilo", "mass", "kg", 1.0)
_add(r"g|grams|grammes|gram", "mass", "kg", 0.001)
_add(r"tonnes|tonne|metric tons|metric ton|tons|ton", "mass", "kg", 1000.0)
_add(r"lb|lbs|pounds|pound", "mass", "kg", 0.45359237)
_add(r"ounces|ounce|oz", "mass", "kg", 0.028349523125)
_add(r"km2|km²|sq km|square kilometers|square kilometres|square kilometer|square kilometre",
     "area", "km2", 1.0)
_add(r"square miles|square mile|sq mi|sq miles", "area", "km2", 2.589988110336)
_add(r"hectares|hectare|ha", "area", "km2", 0.01)
_add(r"acres|acre", "area", "km2", 0.0040468564224)
_add(r"m2|m²|square meters|square metres|square meter|square metre|sq m", "area", "km2", 1e-6)
_add(r"litres|liters|litre|liter", "volume", "l", 1.0)
_add(r"gallons|gallon", "volume", "l", 3.785411784)
_add(r"barrels|barrel|bbl", "volume", "l", 158.987294928)
_add(r"cubic meters|cubic metres|cubic meter|cubic metre|m3|m³", "volume", "l", 1000.0)
_add(r"°c|degrees celsius|degrees centigrade|degree celsius|c°", "temperature", "°C", 1.0)
# "44.5C", "-3C": British and Australian news write the degree sign away (case-sensitive, right
# after the figure: see unit_at).
_add(r"c", "temperature", "°C", 1.0)
_add(r"°f|degrees fahrenheit|degree fahrenheit", "temperature", "°C", 5 / 9, -32 * 5 / 9)
# "117.3F": American copy drops the degree sign as British copy does for "C" (same guard).
_add(r"f", "temperature", "°C", 5 / 9, -32 * 5 / 9)
# Electric power and energy (grid demand, plant capacity), canonical megawatts / megawatt-hours.
_add(r"kw|kilowatts|kilowatt", "power", "MW", 0.001)
_add(r"mw|megawatts|megawatt", "power", "MW", 1.0)
_add(r"gw|gigawatts|gigawatt", "power", "MW", 1000.0)
_add(r"kwh|kilowatt hours|kilowatt hour|kilowatt-hours", "energy", "MWh", 0.001)
_add(r"mwh|megawatt hours|megawatt hour|megawatt-hours", "energy", "MWh", 1.0)
_add(r"gwh|gigawatt hours|gigawatt hour|gigawatt-hours", "energy", "MWh", 1000.0)
# Air pressure (a storm's central pressure, a weather map's lows), canonical hectopascals; a
# millibar is a hectopascal.  "mb" only in lower case: "MB" is megabytes.
_add(r"hpa|hectopascals|hectopascal|mb|mbar|millibars|millibar", "pressure", "hPa", 1.0)
_add(r"kpa|kilopascals|kilopascal", "pressure", "hPa", 10.0)
_add(r"inhg|inches of mercury", "pressure", "hPa", 33.8639)
_add(r"%|percent|per cent|pct|percentage points|percentage point", "percent", "%", 1.0)
_add(r"basis points|basis point|bps|bp", "percent", "%", 0.01)
_add(r"seconds|second|secs|sec", "duration", "d", 1 / 86400)
_add(r"minutes|minute|mins|min", "duration", "d", 1 / 1440)
_add(r"hours|hour|hrs|hr", "duration", "d", 1 / 24)
_add(r"days|day", "duration", "d", 1.0)
_add(r"weeks|week", "duration", "d", 7.0)
_add(r"months|month", "duration", "d", 30.436875)
_add(r"years|year|yrs", "duration", "d", 365.2425)
_add(r"decades|decade", "duration", "d", 3652.425)
_add(r"centuries|century", "duration", "d", 36524.25)
_add(r"years old|year old|years-old|year-old", "age", "yr", 1.0)

_BY_NAME = {name: unit for name, unit in _LEX}
# Units written as symbols or abbreviations must match their case ("m" metres, never "M");
# spelled-out words may be capitalised in headlines.
_CASE_SENSITIVE = {"mb", "mbar", "m", "g", "t", "ha", "mi", "min", "sec", "kt", "bp", "m2", "m3", "yd", "ft", "lb", "oz", "mm", "cm"}
UNIT_RE = re.compile(
    r"\s?-?\s?(?P<unit>"
    + "|".join(re.escape(n).replace(r"\ ", r"[\s-]") for n in sorted(_BY_NAME, key=len, reverse=True))
    + r")(?![\w²³])",
    re.IGNORECASE,
)
_OLD_RE = re.compile(r"\s*-\s*old\b|\s+old\b", re.IGNORECASE)  # "6-year-old", "6-year - old"
_AGE_FACTOR = {"year": 1.0, "years": 1.0, "month": 1 / 12, "months": 1 / 12, "week": 7 / 365.2425,
               "weeks": 7 / 365.2425, "day": 1 / 365.2425, "days": 1 / 365.2425}


@dataclass(frozen=True)
class UnitMatch:
    unit: Unit
    text: str
    end: int  # offset just after the unit in the scanned text


def unit_at(text: str, pos: int) -> UnitMatch | None:
    """The unit written right after a number ending at ``pos`` ("350 km", "four-year", "5%")."""
    m = UNIT_RE.match(text, pos)
    if not m:
        return None
    name = m.group("unit")
    key = re.sub(r"[\s-]+", " ", name.lower())
    unit = _BY_NAME.get(key)
    if unit is None:
        return None
    if key in _CASE_SENSITIVE and name != key:
        return None
    if key in ("c", "f") and (name != key.upper() or m.start("unit") != pos):
        return None  # "44.5C", "117.3F" only: a capital letter right after the figure
    # "four-year-old" is an age; "four-year" alone is a duration.
    if unit.family == "duration" and key in _AGE_FACTOR:
        age = _OLD_RE.match(text, m.end())
        if age:
            return UnitMatch(Unit("age", "yr", _AGE_FACTOR[key]), text[m.start("unit"):age.end()], age.end())
    return UnitMatch(unit, name, m.end())


# ---------------------------------------------------------------- money

CURRENCY_SYMBOLS = {
    "US$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW",
    "₹": "INR", "Rs": "INR", "Rs.": "INR", "₽": "RUB", "R$": "BRL", "₺": "TRY",
    "RMB": "CNY", "Tk": "BDT", "Tk.": "BDT",
    # Symbols that news prints before a figure for currencies without a dollar-like sign.
    "₦": "NGN", "KSh": "KES", "Ksh": "KES", "USh": "UGX", "TSh": "TZS", "₱": "PHP", "₫": "VND",
    "₴": "UAH", "₪": "ILS", "₵": "GHS", "GH₵": "GHS", "GH¢": "GHS", "₸": "KZT", "₾": "GEL", "zł": "PLN", "Rp": "IDR", "NT$": "TWD",
    "MX$": "MXN", "RM": "MYR", "E£": "EGP",
}
# ISO 4217 codes of every currency that is legal tender today (CLDR, through babel) may stand
# before a figure: "SEK 1.9 billion", "ISK 1.1bn", "KES 500,000".  Codes that are also common
# upper-case words or acronyms before numbers in news ("ALL 5", "TOP 10", "AMD 7nm", "PHP 8",
# "COP 28", "NPR 2024", "CRC 32") are left out: a false amount there is worse than a missed one.
_NOT_CODES = frozenset({"ALL", "TOP", "CUP", "PEN", "MAD", "BAM", "MOP", "SOS", "GEL", "BOB", "PHP", "AMD",
                        "NIO", "CVE", "SHP", "FKP", "GIP", "XCG", "ZWG", "XPF", "SAR", "ERN", "LAK", "COP",
                        "CRC", "BSD", "NPR", "MGA", "NAD", "HNL", "SCR", "BTN", "CDF"})


def _current_codes() -> frozenset[str]:
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    codes: set[str] = set()
    for territory in get_global("territory_currencies"):
        codes.update(get_territory_currencies(territory, tender=True, non_tender=False))
    return frozenset(codes - _NOT_CODES)


ISO_CODES = _current_codes()
CURRENCY_SYMBOLS.update({c: c for c in ISO_CODES})

# Currency words after a figure ("1.9 billion kronor", "80 million reais").  Hand-written:
# CLDR's English plurals are not the ones news prints ("reals" for "reais", "krónur" for
# "kronur"), several words name many currencies, and some are English words ("real", "mark",
# "gold").  A word shared by several currencies maps to the one news means by it bare
# ("dollars" US, "pesos" Mexican, "francs" Swiss, "kroner" Norwegian); the nationality-qualified
# names below ("Chilean pesos", "Danish kroner") say which when the report does.
_BARE_WORDS = {
    "USD": "dollars|dollar|us dollars",
    "EUR": "euros|euro",
    "GBP": "pounds sterling|sterling",
    "JPY": "yen",
    "CNY": "yuan|renminbi",
    "KRW": "won",
    "INR": "rupees|rupee",
    "RUB": "roubles|rubles|rouble|ruble",
    "CHF": "swiss francs|francs|franc",
    "MXN": "pesos|peso",
    "THB": "baht",
    "IDR": "rupiah|rupiahs",
    "MYR": "ringgit|ringgits",
    "TRY": "lira|liras|lire",
    "PLN": "zloty|zlotys|zlotych",
    "NGN": "naira|nairas",
    "UAH": "hryvnia|hryvnias|hryvnas|hryvnya",
    "HUF": "forint|forints",
    "KES": "shillings|shilling",
    "VND": "dong",
    "BDT": "taka|takas",
    "SEK": "kronor|krona",
    "NOK": "kroner|krone",
    "ISK": "kronur|krónur|króna",
    "CZK": "koruna|korunas|koruny",
    "ZAR": "rand",
    "BRL": "reais",
    "ILS": "shekels|shekel|shekalim",
    "AED": "dirhams|dirham",
    "SAR": "riyals|riyal",
    "IRR": "rials|rial",
    "GHS": "cedis|cedi",
    "ZMW": "kwacha|kwachas",
    "ETB": "birr|birrs",
    "RON": "lei|leu",
    "BGN": "leva|lev",
    "KZT": "tenge|tenges",
    "MMK": "kyats|kyat",
    "GTQ": "quetzals|quetzales|quetzal",
    "PEN": "soles",
    "PYG": "guaranis|guarani",
    "VES": "bolivars|bolívars|bolivares|bolívares",
    "KHR": "riels|riel",
    "PKR": "pakistani rupees",
}
# Wire services translate krona / krone / koruna as "crown"; the bare word names five
# currencies, so only the qualified forms are read.
_CROWNS = {"SEK": "swedish", "NOK": "norwegian", "DKK": "danish", "CZK": "czech", "ISK": "icelandic"}
def _qualified_names() -> dict[str, str]:
    """"Australian dollars", "Swedish kronor", "Chilean peso": CLDR's English names of every
    current currency, singular and plural, with and without accents."""
    import unicodedata

    from babel.numbers import get_currency_name

    out = {}
    for code in ISO_CODES | _NOT_CODES:
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if " " not in name or not re.fullmatch(r"[^\W\d_]+(?:[ .'’-]+[^\W\d_]+)+", name):
                continue  # one word ("euros") is a bare word above; "&", digits: no news form
            out[name] = code
            plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            out.setdefault(plain, code)
    return out


def _currency_words() -> dict[str, str]:
    words = {name: code for code, names in _BARE_WORDS.items() for name in names.split("|")}
    words.update({f"{nation} {crown}": code for code, nation in _CROWNS.items() for crown in ("crowns", "crown")})
    for name, code in _qualified_names().items():
        words.setdefault(name, code)
    return words


CURRENCY_WORDS: dict[str, str] = _currency_words()
# Hundredths written as their own word: "41 cents a share", "12p a litre" is too terse to trust.
MINOR_UNITS = {"cents": ("USD", 0.01), "cent": ("USD", 0.01), "pence": ("GBP", 0.01)}

CURRENCY_BEFORE_RE = re.compile(
    r"(?P<cur>"
    + "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    + r")\s?$"
)
CURRENCY_AFTER_RE = re.compile(
    # "-euro" too: the currency of a compound adjective ("a 1.45-billion-euro rescue").
    r"[\s-]?(?:(?P<short>bn|mn|m|b|k|tn)\b\s?)?(?P<word>"
    + "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_MINOR_AFTER_RE = re.compile(r"\s?(?P<word>cents|cent|pence)\b", re.IGNORECASE)
# "$5m", "€1.2bn": short scales are only safe right after a currency symbol.
SHORT_AFTER_SYMBOL_RE = re.compile(r"(?P<short>bn|mn|tn|m|b|k)\b")
SHORT_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}


# Letters glued to a figure that news in Nigeria and South Africa prints for its currency:
# "N120 million", "N500,000" (naira, for want of "₦" on keyboards), "R2.5bn" (rand).  A bare
# capital before digits is also a road, a mask or a model ("N95", "R18"), so only a figure
# that reads as money counts: a scale word after it or thousands separators in it.
GLUED_CURRENCY = {"N": "NGN", "R": "ZAR"}
GLUED_CURRENCY_RE = re.compile(
    r"(?<![\w.$€£-])(?P<cur>[NR])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w-])"
    r"|\d+(?:\.\d+)?(?:\s?(?:million|billion|trillion)\b|(?:bn|tn|m|b|k)\b)(?!-))"
)


def currency_before(text: str, pos: int) -> tuple[str, int] | None:
    """(ISO code, start) of a currency symbol written right before offset ``pos``."""
    m = CURRENCY_BEFORE_RE.search(text[max(0, pos - 5):pos])
    if not m:
        return None
    sym = m.group("cur")
    start = max(0, pos - 5) + m.start("cur")
    # Letter codes must stand alone ("USD 5", not "...sUSD5").
    if sym[0].isalpha() and start > 0 and text[start - 1].isalnum():
        return None
    return CURRENCY_SYMBOLS[sym], start


def currency_after(text: str, pos: int) -> tuple[str, float, int] | None:
    """(ISO code, scale, end) of a currency word after a number ("5 million euros")."""
    m = CURRENCY_AFTER_RE.match(text, pos)
    if not m:
        minor = _MINOR_AFTER_RE.match(text, pos)
        if minor:
            code, scale = MINOR_UNITS[minor.group("word").lower()]
            return code, scale, minor.end()
        return None
    scale = SHORT_SCALE[m.group("short").lower()] if m.group("short") else 1.0
    return CURRENCY_WORDS[m.group("word").lower()], scale, m.end()


def format_amount(x: float) -> str:
    """A readable number: 4 significant digits, thousands separators, no float noise."""
    if x != x or x in (float("inf"), float("-inf")):
        return str(x)
    if abs(x) >= 1e9 and abs(x) % 1e6 == 0:
        return f"{x / 1e9:g} billion"
    if abs(x) >= 1e6 and abs(x) % 1e3 == 0:
        return f"{x / 1e6:g} million"
    if abs(x) >= 1000 or x == int(x):
        return f"{x:,.0f}" if abs(x - round(x)) < 1e-9 or abs(x) >= 1000 else f"{x:.4g}"
    return f"{x:.4g}"
