"""Network readers against a real HTTP server on 127.0.0.1: pages, URL lists, feeds.

Timeouts are short (0.5 s) so that the slow page costs under a second; nothing leaves the machine.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Request, Response

from newsfuse import __version__
from newsfuse.ingest import read_inputs
from newsfuse.model import InputError, RawDocument

TIMEOUT = 0.5
WORDS = " ".join(f"word{i}" for i in range(150))
PAGE = "<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"


def page(title: str, body: str = "The council met on Tuesday and approved the plan.") -> str:
    return PAGE.format(title=title, body=body)


class Concurrency:
    """Counts requests in flight on the /busy pages: the per-host bound must hold."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = self.peak = 0

    def __call__(self, request: Request) -> Response:
        with self.lock:
            self.now += 1
            self.peak = max(self.peak, self.now)
        time.sleep(0.15)
        with self.lock:
            self.now -= 1
        return Response(page("busy " + request.path), content_type="text/html")


def rss(base: str, items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{link}</link><pubDate>Tue, 03 Mar 2026 08:15:00 GMT</pubDate>"
        f"<description><![CDATA[{d}]]></description></item>"
        for t, link, d in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test Wire</title>{entries}</channel></rss>'


FEED_ITEMS = [
    ("Good item", "/article", "A teaser."),
    ("Missing page, long item", "/missing", "<p>" + WORDS + "</p>"),
    ("Broken page, teaser only", "/error", "Only a teaser."),
    ("Relative", "/redirect/1", "x"),
]


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    base = srv.url_for("")[:-1]
    busy = Concurrency()
    srv.busy = busy  # type: ignore[attr-defined]

    def slow(request: Request) -> Response:
        time.sleep(TIMEOUT * 3)
        return Response(page("slow"), content_type="text/html")

    def huge_stream(request: Request) -> Response:
        return Response((b"<p>" + b"x" * 10_000 + b"</p>" for _ in range(100)), content_type="text/html")

    def agent(request: Request) -> Response:
        return Response(page("agent", request.headers.get("User-Agent", "")), content_type="text/html")

    srv.expect_request("/article").respond_with_data(page("Bridge approved"), content_type="text/html; charset=utf-8")
    srv.expect_request("/latin").respond_with_data(
        page("Marché", "Le marché a rouvert à l'été.").encode("latin-1"), content_type="text/html; charset=iso-8859-1")
    srv.expect_request("/missing").respond_with_data("not here", status=404)
    srv.expect_request("/error").respond_with_data("boom", status=500)
    srv.expect_request("/slow").respond_with_handler(slow)
    srv.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    for i in range(1, 4):
        srv.expect_request(f"/redirect/{i}").respond_with_data("", status=301, headers={"Location": f"/redirect/{i + 1}"})
    srv.expect_request("/redirect/4").respond_with_data("", status=302, headers={"Location": "/article"})
    srv.expect_request("/huge").respond_with_data(page("huge", "x" * 200_000), content_type="text/html")
    srv.expect_request("/huge-stream").respond_with_handler(huge_stream)
    srv.expect_request("/image.png").respond_with_data(b"\x89PNG\r\n", content_type="image/png")
    srv.expect_request("/agent").respond_with_handler(agent)
    srv.expect_request("/feed.xml").respond_with_data(rss(base, FEED_ITEMS), content_type="application/rss+xml")
    srv.expect_request("/feed-as-xml").respond_with_data(rss(base, FEED_ITEMS[:1]), content_type="text/xml")
    srv.expect_request("/feed-as-html").respond_with_data(rss(base, FEED_ITEMS[:1]), content_type="text/html")
    srv.expect_request("/broken-feed").respond_with_data("<rss><channel><item><title>x</ti", content_type="application/rss+xml")
    for i in range(6):
        srv.expect_request(f"/busy/{i}").respond_with_handler(busy)
    yield srv
    srv.clear()
    srv.stop()


def base(server: HTTPServer) -> str:
    return server.url_for("")[:-1]


def run(*inputs, **kw) -> list[RawDocument | InputError]:
    kw.setdefault("timeout", TIMEOUT)
    return list(read_inputs([str(i) for i in inputs], **kw))


def test_page_fetched_with_final_url(server):
    [doc] = run(base(server) + "/article")
    assert isinstance(doc, RawDocument) and doc.kind == "html" and "Bridge approved" in doc.content
    assert doc.source == base(server) + "/article" and doc.get("url") == base(server) + "/article"


def test_redirect_chain_resolves_to_final_url(server):
    [doc] = run(base(server) + "/redirect/1")
    assert isinstance(doc, RawDocument), doc
    assert doc.source == base(server) + "/redirect/1" and doc.get("url") == base(server) + "/article"


def test_charset_from_header(server):
    [doc] = run(base(server) + "/latin")
    assert "Le marché a rouvert à l'été." in doc.content


def test_user_agent(server):
    [doc] = run(base(server) + "/agent")
    assert f"newsfuse/{__version__} (+https://github.com/newsfuse)" in doc.content


@pytest.mark.parametrize(
    "path,words",
    [
        ("/missing", "HTTP 404"),
        ("/error", "HTTP 500"),
        ("/slow", "timed out"),
        ("/loop", "redirects"),
        ("/huge", "too large"),
        ("/huge-stream", "too large"),
        ("/image.png", "image/png"),
        ("/broken-feed", "feed"),
    ],
)
def test_page_errors(server, path, words):
    started = time.monotonic()
    [err] = run(base(server) + path, max_bytes=100_000)
    assert isinstance(err, InputError), err
    assert err.input == base(server) + path and words in err.reason
    assert time.monotonic() - started < TIMEOUT * 2 + 1


def test_connection_refused():
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    [err] = run(f"http://127.0.0.1:{port}/x")
    assert isinstance(err, InputError) and "connect" in err.reason


def test_feed_url_items_followed_with_fallbacks(server):
    items = run(base(server) + "/feed.xml")
    assert len(items) == 4
    good, fallback, failed, relative = items
    assert isinstance(good, RawDocument) and "Bridge approved" in good.content
    assert good.get("via") == "feed" and good.get("title") == "Good item"
    assert good.get("published") == "2026-03-03T08:15:00+00:00" and good.get("feed_title") == "Test Wire"
    # page 404 but the item carries a full text: used, and said so
    assert isinstance(fallback, RawDocument) and fallback.get("via") == "feed-content"
    assert "404" in fallback.get("fetch_error") and "word149" in fallback.content
    assert fallback.get("url") == base(server) + "/missing"
    # page 500 and only a teaser: an error naming the item's link and both causes
    assert isinstance(failed, InputError) and failed.input == base(server) + "/error"
    assert "500" in failed.reason and "words" in failed.reason
    assert isinstance(relative, RawDocument) and relative.get("url") == base(server) + "/article"


@pytest.mark.parametrize("path", ["/feed-as-xml", "/feed-as-html"])
def test_feed_detected_by_sniffing(server, path):
    [doc] = run(base(server) + path)
    assert isinstance(doc, RawDocument) and doc.get("via") == "feed" and doc.get("url") == base(server) + "/article"


def test_local_feed_file(server, tmp_path: Path):
    path = tmp_path / "wire.rss"
    path.write_text(rss(base(server), FEED_ITEMS[:2]), encoding="utf-8")
    items = run(path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"]
    assert items[0].get("feed") == str(path)
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><item><title>x</ti", encoding="utf-8")
    [err] = run(broken)
    assert isinstance(err, InputError) and err.input == str(broken) and "feed" in err.reason


def test_url_list_files(server, tmp_path: Path):
    b = base(server)
    listed = tmp_path / "list.urls"
    listed.write_text(f"# today's links\n{b}/article\n\nnot a url\n{b}/missing\n", encoding="utf-8")
    items = run(listed)
    assert isinstance(items[0], RawDocument) and items[0].get("url") == f"{b}/article"
    assert items[1] == InputError(f"{listed}:4", items[1].reason) and "not an http(s) URL" in items[1].reason
    assert isinstance(items[2], InputError) and "404" in items[2].reason
    # a .txt whose lines are all URLs is a list; one with prose is an article
    as_txt = tmp_path / "links.txt"
    as_txt.write_text(f"{b}/article\n{b}/redirect/3\n", encoding="utf-8")
    assert [d.get("url") for d in run(as_txt)] == [f"{b}/article", f"{b}/article"]
    prose = tmp_path / "prose.txt"
    prose.write_text(f"See {b}/article for more.\n{b}/article\n", encoding="utf-8")
    [doc] = run(prose)
    assert doc.kind == "text" and doc.source == str(prose)


def test_order_kept_and_per_host_concurrency_bounded(server):
    urls = [base(server) + f"/busy/{i}" for i in range(6)]
    server.busy.peak = 0
    items = run(*urls)
    assert [d.source for d in items] == urls
    assert 1 < server.busy.peak <= 2  # the brief: at most 2 requests in flight per host


def test_mixed_inputs_keep_input_order(server, tmp_path: Path):
    note = tmp_path / "note.txt"
    note.write_text("A local note about the bridge vote.\n", encoding="utf-8")
    items = run(base(server) + "/article", note, base(server) + "/missing")
    assert [getattr(i, "source", None) or i.input for i in items] == [
        base(server) + "/article", str(note), base(server) + "/missing"]


def test_stopping_early_leaves_no_fetch_threads(server, tmp_path: Path):
    listed = tmp_path / "many.urls"
    listed.write_text("\n".join(base(server) + f"/busy/{i}" for i in range(6)), encoding="utf-8")
    items = read_inputs([str(listed)], timeout=TIMEOUT)
    first = next(items)
    assert isinstance(first, RawDocument)
    items.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("newsfuse-fetch")]
