"""Bytes → text, shared by every reader: encoding detection and the binary / empty checks.

Order of evidence, strongest first: a byte-order mark; valid UTF-8 (non-ASCII text that is
valid UTF-8 by accident is vanishingly rare, so it beats any label); the charset the container
declares (HTTP header, ``<meta charset>``, XML declaration); then detection with
charset-normalizer, with one correction described in :func:`_detect`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer


class ReadError(Exception):
    """An item that cannot be used; the message is the user-facing reason.  Never leaves ingest."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.I)

# Punctuation that Western legacy text commonly carries above ASCII (typographic quotes,
# dashes, euro, degree, section sign...); anything else non-letter above ASCII makes a
# windows-1252 reading implausible.
_COMMON_SYMBOLS = set("\u00a0“”‘’„‚–—…€«»°·×÷§£¥¢©®™•‰¿¡´¨¸ºª±²³¹¼½¾µ¶†‡‹›")


_WINDOWS_1252_LABELS = frozenset({"ascii", "iso8859-1", "latin-1", "latin_1", "iso-8859-1"})


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration names in the first 4 KB, if any."""
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _cp1252_plausible(text: str) -> bool:
    """True when a windows-1252 reading gives Latin letters and common punctuation only.

    A single-byte file in another script (Cyrillic cp1251, Greek...) also decodes without error
    as windows-1252, but then nearly every letter comes out accented; in real Western text the
    accented letters are a minority (French, German, Spanish run at 2-6 % of letters), so the
    25 % bound separates the two with a wide margin.
    """
    letters = accented = 0
    for ch in text[:100_000]:  # a sample: the whole file already decoded without error
        if ch.isascii():
            letters += ch.isalpha()
            continue
        if ch.isalpha():
            if not unicodedata.name(ch, "").startswith("LATIN"):
                return False
            letters += 1
            accented += 1
        elif ch not in _COMMON_SYMBOLS:
            return False
    return letters > 0 and accented / letters < 0.25


def _case_anomalies(text: str) -> float:
    """Share of letters that are capitals right after a small letter ("лЩП ЦНПНДЮ").

    Reading a file with the wrong code page of the right script swaps letter case at random
    (cp1251 read as KOI8-R); real prose almost never puts a capital inside a word.
    """
    letters = odd = 0
    previous_lower = False
    for ch in text[:20000]:
        if ch.isalpha():
            letters += 1
            if ch.isupper() and previous_lower:
                odd += 1
            previous_lower = ch.islower()
        else:
            previous_lower = False
    return odd / letters if letters else 0.0


def _detect(data: bytes) -> Decoded:
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise ReadError("binary or undecodable content: no text encoding fits these bytes")
    candidates: list[Decoded] = []
    # charset-normalizer guesses short Western text poorly (French Latin-1 comes out as cp1257,
    # Spanish ñ as cp1250 ń).  windows-1252 is the web's default fallback for unlabelled legacy
    # pages (WHATWG Encoding), so it comes first whenever it reads the bytes as plausible Latin
    # text; known limit: a Central European cp1250 file without tell-tale symbols reads as cp1252.
    try:
        western = data.decode("cp1252")
        if _cp1252_plausible(western):
            candidates.append(Decoded(western, "cp1252"))
    except UnicodeDecodeError:
        pass
    # Then charset-normalizer's near-best guesses (0.1 chaos = its own default tolerance step).
    floor = min(m.chaos for m in matches)
    candidates += [Decoded(str(m), m.encoding) for m in matches if m.chaos <= floor + 0.1]
    # Among those, the reading with sane letter case wins; ties keep the order above.
    return min(candidates, key=lambda d: round(_case_anomalies(d.text), 3))


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return bad / len(sample)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode one item's bytes; raise :class:`ReadError` for empty or binary content.

    ``declared`` is the charset the container states (an HTTP header); an HTML/XML in-document
    declaration is read here as well.
    """
    if not data.strip():
        raise ReadError("empty: the item has no content")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                decoded = Decoded(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise ReadError(f"undecodable: starts with a {name} byte-order mark but {exc.reason}") from None
            return _checked(decoded)
    nuls = data.count(b"\x00")
    if nuls:
        # A stray NUL or two happens in scraped text; more than one byte in a thousand is a
        # binary file (images, office documents, UTF-16 without a byte-order mark).
        if nuls > len(data) / 1000:
            raise ReadError("binary content (NUL bytes): not a text, HTML, JSONL, CSV or WARC file")
        data = data.replace(b"\x00", b"")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    for name in (_codec(declared), _codec(declared_charset(data))):
        if name in _WINDOWS_1252_LABELS:
            name = "cp1252"  # as browsers do (WHATWG Encoding): these labels mean windows-1252 on the web
            try:
                return _checked(Decoded(data.decode(name), name))
            except UnicodeDecodeError:
                name = "iso8859-1"  # bytes windows-1252 leaves undefined: take the label literally
        if name and name not in ("utf-8",):
            try:
                return _checked(Decoded(data.decode(name), name))
            except (UnicodeDecodeError, LookupError):
                continue
    return _checked(_detect(data))


def _checked(decoded: Decoded) -> Decoded:
    if not decoded.text.strip():
        raise ReadError("empty: the item has only whitespace")
    # More than 1 % control characters is not prose in any encoding.
    if _control_share(decoded.text) > 0.01:
        raise ReadError("binary content (control characters): not a text, HTML, JSONL, CSV or WARC file")
    return decoded


_MARKUP = re.compile(r"<\s*(!doctype\s+html|html|head|body|p|div|article|section|br|h[1-6]|title|meta)\b", re.I)
_FEED = re.compile(r"<\s*(rss|feed|rdf:RDF)\b", re.I)


def looks_like_feed(text: str) -> bool:
    """RSS, Atom or RSS 1.0 (RDF) root element near the start, and not an HTML page."""
    head = text[:2000]
    return bool(_FEED.search(head)) and not re.search(r"<\s*html\b", head, re.I)


def looks_like_html(text: str) -> bool:
    """Markup tags near the start: enough to prefer HTML extraction over plain-text reading."""
    return bool(_MARKUP.search(text[:5000]))
