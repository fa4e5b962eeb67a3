"""report.html in a real browser: Debian's chromium driven by Playwright (never downloaded).

Skips when chromium or playwright is missing (install: apt-get install -y chromium).
"""

from __future__ import annotations

import shutil

import pytest

from newsfuse.report import write_outputs

from .report_sample import build_run

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None


@pytest.fixture(scope="module")
def browser():
    if sync_playwright is None:
        pytest.skip("playwright (python) is not installed: pip install playwright")
    if CHROMIUM is None:
        pytest.skip("chromium is not installed: apt-get install -y chromium (scripts/ensure-chromium.sh)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return write_outputs(build_run(xss=True), out)["report.html"]


def open_page(browser, report, width=1366):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    return page, problems, requests


def test_opens_cleanly_offline(browser, report):
    page, problems, requests = open_page(browser, report)
    page.wait_for_timeout(200)
    assert problems == []
    assert requests == [report.as_uri()]
    assert page.title().startswith("newsfuse")
    page.close()


def test_hover_citation_shows_sources(browser, report):
    page, problems, _ = open_page(browser, report)
    cite = page.locator(".brief p .cite").first
    pop = cite.locator(".pop")
    assert not pop.is_visible()
    cite.hover()
    assert pop.is_visible()
    text = pop.inner_text()
    assert "2 independent sources" in text and "Coastal Wire" in text and "Harbour Radio" in text
    page.mouse.move(0, 0)
    assert not pop.is_visible()
    cite.focus()  # keyboard and touch users get the same
    assert pop.is_visible()
    assert problems == []
    page.close()


def test_filter_by_status(browser, report):
    page, problems, _ = open_page(browser, report)
    rows = page.locator("#s1-matrix tbody tr")
    total = rows.count()
    assert total == 12 and page.locator("#s1-claims .shown").inner_text() == "12"
    for status in ("corroborated", "evolving", "divergent", "single-source"):
        page.locator(f'#s1-claims input[value="{status}"]').uncheck()
    visible = page.locator("#s1-matrix tbody tr:visible")
    assert visible.count() == 1
    assert visible.first.get_attribute("data-status") == "conflicting"
    assert page.locator("#s1-claims .shown").inner_text() == "1"
    page.locator("#s1-claims button[data-all]").click()
    assert page.locator("#s1-matrix tbody tr:visible").count() == total
    assert problems == []
    page.close()


def test_claim_row_lights_its_sentences(browser, report):
    page, _, _ = open_page(browser, report)
    page.locator('tr[data-claim="c-aboard"]').hover()
    lit = page.locator(".sent.hl")
    assert lit.count() == 4
    assert sorted(el.get_attribute("data-sid") for el in lit.all()) == ["a1:1", "a2:1", "a3:1", "a4:0"]
    page.close()


def test_markup_in_articles_is_text(browser, report):
    page, problems, requests = open_page(browser, report)
    page.wait_for_timeout(200)
    assert page.evaluate("window.__nfPwned") is None
    assert page.locator("img").count() == 0
    column = page.locator("#s1-a4 .art").inner_text()
    assert "<script>window.__nfPwned=1</script>" in column
    assert 'onerror="window.__nfPwned=2"' in column
    assert requests == [report.as_uri()] and problems == []
    page.close()


def test_phone_width_has_no_page_overflow(browser, report):
    page, problems, _ = open_page(browser, report, width=390)
    # Wide parts (the matrix, the article columns) scroll inside their own boxes.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # A tapped citation near the right edge opens fully on screen.
    cite = page.locator(".brief p .cite").last
    cite.focus()
    box = cite.locator(".pop").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert problems == []
    page.close()
