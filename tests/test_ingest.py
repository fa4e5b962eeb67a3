"""Local readers: folders, plain files, gzip, encodings, JSONL, CSV, WARC."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsfuse.ingest import is_url, read_inputs
from newsfuse.model import InputError, RawDocument

LATIN1_TEXT = (
    "Le conseil municipal a voté mardi la rénovation du marché couvert. "
    "Les élus ont précisé que les travaux débuteront à l'été et coûteront près de deux millions d'euros.\n"
)
ARTICLE = "The council approved the new bridge on Tuesday after a long debate.\n\nWork starts in spring.\n"
PAGE = "<html><head><title>Bridge</title></head><body><article><p>{}</p></article></body></html>"


def run(*inputs, **kw) -> list[RawDocument | InputError]:
    return list(read_inputs([str(i) for i in inputs], **kw))


def docs(items):
    return [i for i in items if isinstance(i, RawDocument)]


def errors(items):
    return {i.input: i.reason for i in items if isinstance(i, InputError)}


def test_is_url():
    assert is_url("https://example.org/a?b=1")
    assert is_url("HTTP://example.org")
    assert not is_url("ftp://example.org/file")
    assert not is_url("example.org/page")
    assert not is_url("https:///nohost")
    assert not is_url("https://exa mple.org")
    assert not is_url("")


# --------------------------------------------------------------------------- folders


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "b_article.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "a_page.html").write_text(PAGE.format("Hello <b>world</b> café"), encoding="utf-8")
    (root / "c_empty.txt").write_bytes(b"")
    (root / "d_blank.md").write_bytes(b"  \n\n ")
    (root / "e_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    noise = bytes((i * 7919 + 13) % 127 + 129 for i in range(4000))  # high bytes, no NUL
    (root / "e_noise.html").write_bytes(noise)
    (root / "f_latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    (root / "g_packed.txt.gz").write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    whole = gzip.compress((PAGE.format("x " * 5000)).encode("utf-8"))
    (root / "h_cut.html.gz").write_bytes(whole[: len(whole) // 2])
    (root / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "notes.docx").write_bytes(b"PK\x03\x04 not ours")
    (root / "README.md").write_text("# About this folder\n", encoding="utf-8")
    (root / "sub" / "z_inner.htm").write_text(PAGE.format("inner"), encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def test_folder_order_kinds_and_skips(folder: Path):
    items = run(folder)
    names = [Path(i.source if isinstance(i, RawDocument) else i.input).name for i in items]
    # sorted, recursive; hidden files and folders, unknown extensions and README skipped
    assert names == [
        "a_page.html", "b_article.txt", "c_empty.txt", "d_blank.md", "e_binary.txt",
        "e_noise.html", "f_latin1.txt", "g_packed.txt.gz", "h_cut.html.gz", "z_inner.htm",
    ]
    by_name = {Path(d.source).name: d for d in docs(items)}
    assert by_name["a_page.html"].kind == "html" and "café" in by_name["a_page.html"].content
    assert by_name["b_article.txt"].kind == "text"
    assert by_name["g_packed.txt.gz"].kind == "text" and by_name["g_packed.txt.gz"].content == ARTICLE
    assert by_name["z_inner.htm"].kind == "html"
    # deterministic: a second run gives the same sequence
    assert run(folder) == items


def test_folder_errors(folder: Path):
    errs = {Path(k).name: v for k, v in errors(run(folder)).items()}
    assert set(errs) == {"c_empty.txt", "d_blank.md", "e_binary.txt", "e_noise.html", "h_cut.html.gz"}
    assert "undecodable" in errs["e_noise.html"] or "binary" in errs["e_noise.html"]
    assert "empty" in errs["c_empty.txt"] and "empty" in errs["d_blank.md"]
    assert "binary" in errs["e_binary.txt"]
    assert "truncated gzip" in errs["h_cut.html.gz"]


def test_latin1_decoded_and_encoding_recorded(folder: Path):
    [doc] = [d for d in docs(run(folder / "f_latin1.txt"))]
    assert doc.content == LATIN1_TEXT
    assert doc.encoding in ("cp1252", "latin_1", "iso8859-1", "iso8859_15")


@pytest.mark.parametrize(
    "text,encoding",
    [
        ("Der Bürgermeister sagte, die Brücke über den Fluss werde im März geöffnet. Straße gesperrt.\n", "cp1252"),
        ("El alcalde dijo que la reunión será el año próximo en Logroño, según el portavoz.\n", "cp1252"),
        ("Мэр города заявил во вторник, что мост через реку откроют в марте после ремонта.\n", "cp1251"),
        ("Ο δήμαρχος δήλωσε την Τρίτη ότι η γέφυρα θα ανοίξει τον Μάρτιο μετά τις εργασίες.\n", "cp1253"),
    ],
)
def test_legacy_encodings(tmp_path: Path, text: str, encoding: str):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = run(path)
    assert isinstance(doc, RawDocument), doc
    assert doc.content == text


def test_declared_html_charset_used(tmp_path: Path):
    page = '<html><head><meta charset="windows-1251"><title>x</title></head><body><p>Привет, мир</p></body></html>'
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    [doc] = run(path)
    assert "Привет, мир" in doc.content and doc.encoding == "cp1251"


def test_utf16_with_bom(tmp_path: Path):
    path = tmp_path / "wide.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))  # has NUL bytes, yet is text
    [doc] = run(path)
    assert isinstance(doc, RawDocument) and doc.content == ARTICLE


def test_explicit_unknown_extension_is_sniffed(tmp_path: Path):
    (tmp_path / "page.dat").write_text(PAGE.format("sniffed"), encoding="utf-8")
    (tmp_path / "note.dat").write_text(ARTICLE, encoding="utf-8")
    page, note = run(tmp_path / "page.dat", tmp_path / "note.dat")
    assert page.kind == "html" and note.kind == "text"
    # inside a folder the same files are skipped silently
    assert run(tmp_path) == []


def test_missing_oversized_and_bad_scheme(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 400, encoding="utf-8")
    packed = tmp_path / "bomb.txt.gz"
    packed.write_bytes(gzip.compress(b"a " * 100_000))
    items = run(tmp_path / "absent.txt", big, packed, "ftp://example.org/x", max_bytes=1000)
    errs = errors(items)
    assert "no such file" in errs[str(tmp_path / "absent.txt")]
    assert "too large" in errs[str(big)] and "2,000" in errs[str(big)]
    assert "decompressed" in errs[str(packed)]
    assert "http" in errs["ftp://example.org/x"]
    assert len(items) == 4


# --------------------------------------------------------------------------- JSONL / CSV


def test_jsonl_broken_line_and_fields(tmp_path: Path):
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "a-1", "text": ARTICLE, "url": "https://example.org/a", "outlet": "Example",
                    "title": "Bridge", "published": "2026-03-02T09:30:00+01:00"}),
        '{"id": "a-2", "text": "cut off',
        "",
        json.dumps({"id": 3, "html": PAGE.format("three")}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a-5", "text": "   "}),
        json.dumps({"id": {"nested": 1}, "text": ARTICLE}),
        json.dumps({"text": ARTICLE, "title": "no id"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = run(path)
    got = docs(items)
    assert [d.source for d in got] == [f"{path}:1", f"{path}:4", f"{path}:8"]
    first = got[0]
    assert first.kind == "text" and first.get("id") == "a-1" and first.get("outlet") == "Example"
    assert first.get("published") == "2026-03-02T09:30:00+01:00" and first.get("via") == "jsonl"
    assert got[1].kind == "html" and got[1].get("id") == "3"
    assert got[2].get("id") is None and got[2].get("title") == "no id"
    errs = errors(items)
    assert set(errs) == {f"{path}:2", f"{path}:5", f"{path}:6", f"{path}:7"}
    assert "broken JSON" in errs[f"{path}:2"]
    assert "object" in errs[f"{path}:5"]
    assert "'text' or 'html'" in errs[f"{path}:6"]
    assert "'id'" in errs[f"{path}:7"]


def test_jsonl_gz_truncated_keeps_earlier_lines(tmp_path: Path):
    path = tmp_path / "dump.jsonl.gz"
    body = "".join(json.dumps({"id": f"n{i}", "text": f"Article {i}. " + "filler words here " * 200}) + "\n" for i in range(50))
    whole = gzip.compress(body.encode("utf-8"))
    path.write_bytes(whole[: int(len(whole) * 0.6)])
    items = run(path)
    assert len(docs(items)) >= 5
    [err] = [i for i in items if isinstance(i, InputError)]
    assert "truncated" in err.reason and err.input.startswith(f"{path}:")
    assert items[-1] is err


def test_jsonl_oversized_line(tmp_path: Path):
    path = tmp_path / "d.jsonl"
    path.write_text(
        json.dumps({"id": "big", "text": "x" * 5000}) + "\n" + json.dumps({"id": "ok", "text": ARTICLE}) + "\n",
        encoding="utf-8",
    )
    items = run(path, max_bytes=1000)
    assert "too large" in errors(items)[f"{path}:1"]
    assert [d.get("id") for d in docs(items)] == ["ok"]


def test_csv(tmp_path: Path):
    path = tmp_path / "rows.csv"
    buf = io.StringIO()
    buf.write("id,title,text,published\n")
    buf.write('c1,First,"' + ARTICLE.replace('"', '""') + '",2026-03-02\n')  # multi-line field
    buf.write("c2,Empty,,2026-03-03\n")
    buf.write("c3,Extra,some text,2026-03-04,surplus\n")
    buf.write('c4,Fourth,"Short, with a comma.",\n')
    path.write_text(buf.getvalue(), encoding="utf-8")
    items = run(path)
    got = docs(items)
    assert [d.get("id") for d in got] == ["c1", "c4"]
    assert got[0].content == ARTICLE and got[0].get("via") == "csv" and got[0].get("published") == "2026-03-02"
    assert got[1].get("published") is None
    errs = errors(items)
    # rows are named by the line they start on (row c1 spans four lines)
    assert set(errs) == {f"{path}:6", f"{path}:7"}
    assert "more fields" in errs[f"{path}:7"]


def test_csv_without_content_column(tmp_path: Path):
    path = tmp_path / "rows.csv"
    path.write_text("id,title\n1,x\n", encoding="utf-8")
    [err] = run(path)
    assert isinstance(err, InputError) and "column" in err.reason


# --------------------------------------------------------------------------- WARC


def _write_warc(path: Path, gz: bool = True) -> list[str]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    uris = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def response(uri: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                            warc_headers_dict={"WARC-Date": "2026-03-02T10:00:00Z"})
            writer.write_record(rec)

        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "newsfuse tests"}))
        writer.write_record(writer.create_warc_record("https://news.example/1", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        for i in range(1, 4):
            uri = f"https://news.example/story-{i}"
            uris.append(uri)
            response(uri, PAGE.format(f"Story number {i}. " + "More words. " * 300).encode(), "text/html; charset=utf-8")
            response(f"https://news.example/img-{i}.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, "image/png")
        response("https://news.example/gone", PAGE.format("gone").encode(), "text/html", status="404 Not Found")
        writer.write_record(writer.create_warc_record(
            "https://news.example/resource", "resource", payload=io.BytesIO(PAGE.format("stored as a resource").encode()),
            warc_content_type="text/html", warc_headers_dict={"WARC-Date": "2026-03-02T10:00:00Z"}))
        uris.append("https://news.example/resource")
        latin = PAGE.format("Le marché a rouvert à l'été.").encode("latin-1")
        response("https://news.example/latin", latin, "text/html; charset=ISO-8859-1")
        uris.append("https://news.example/latin")
    return uris


@pytest.mark.parametrize("gz", [True, False])
def test_warc_roundtrip(tmp_path: Path, gz: bool):
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    uris = _write_warc(path, gz)
    items = run(path)
    assert all(isinstance(i, RawDocument) for i in items), errors(items)
    assert [d.get("url") for d in items] == uris
    assert all(d.kind == "html" and d.get("crawled") == "2026-03-02T10:00:00Z" for d in items)
    assert all(d.source.startswith(f"{path}#urn:uuid:") for d in items)
    assert len({d.source for d in items}) == len(items)
    assert "Le marché a rouvert à l'été." in items[-1].content


@pytest.mark.parametrize("gz", [True, False])
def test_warc_truncated_keeps_records_before(tmp_path: Path, gz: bool):
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    _write_warc(whole, gz)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: int(len(data) * 0.55)])
    complete = run(whole)
    items = run(cut)
    kept = docs(items)
    assert 1 <= len(kept) < len(complete)
    assert kept == complete[: len(kept)] or [d.get("url") for d in kept] == [d.get("url") for d in complete[: len(kept)]]
    errs = [i for i in items if isinstance(i, InputError)]
    assert len(errs) == 1 and items[-1] is errs[0]
    assert "truncated or damaged" in errs[0].reason and errs[0].input.startswith(f"{cut}#")


def test_warc_not_an_archive(tmp_path: Path):
    path = tmp_path / "junk.warc"
    path.write_text("this is not a web archive\n" * 10, encoding="utf-8")
    [err] = run(path)
    assert isinstance(err, InputError) and str(path) in err.input


# --------------------------------------------------------------------------- decoding details


def test_stray_nul_tolerated_but_not_many(tmp_path: Path):
    stray = tmp_path / "stray.txt"
    stray.write_bytes(ARTICLE.encode() * 20 + b"\x00")
    [doc] = run(stray)
    assert isinstance(doc, RawDocument) and "\x00" not in doc.content


def test_latin1_label_read_as_windows_1252(tmp_path: Path):
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>\u201cQuoted\u201d \u2013 caf\u00e9</p></body></html>'
    path = tmp_path / "w.html"
    path.write_bytes(page.encode("cp1252"))
    [doc] = run(path)
    assert "\u201cQuoted\u201d \u2013 café" in doc.content and doc.encoding == "cp1252"


def test_xhtml_page_with_xml_extension(tmp_path: Path):
    path = tmp_path / "page.xml"
    path.write_text('<?xml version="1.0"?>\n' + PAGE.format("xhtml"), encoding="utf-8")
    [doc] = run(path)
    assert isinstance(doc, RawDocument) and doc.kind == "html"


@pytest.mark.parametrize("gz", [True, False])
def test_warc_any_cut_keeps_a_prefix_and_reports_once(tmp_path: Path, gz: bool):
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    _write_warc(whole, gz)
    data = whole.read_bytes()
    full = [(d.get("url"), d.content) for d in run(whole)]
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    reported = 0
    for size in range(1, len(data), max(1, len(data) // 97)):
        cut.write_bytes(data[:size])
        items = run(cut)
        errs = [i for i in items if isinstance(i, InputError)]
        kept = [(d.get("url"), d.content) for d in docs(items)]
        assert kept == full[: len(kept)], size
        assert len(errs) <= 1 and (not errs or items[-1] is errs[0]), size
        reported += len(errs)
    # only cuts that fall exactly on a record boundary may go unreported
    assert reported >= 90


def test_path_objects_are_accepted(tmp_path: Path):
    # Library callers pass pathlib.Path as often as str; both name the same input.
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    from_path = docs(read_inputs([tmp_path / "a.txt"]))
    from_str = docs(read_inputs([str(tmp_path / "a.txt")]))
    assert [d.source for d in from_path] == [d.source for d in from_str] and len(from_path) == 1
