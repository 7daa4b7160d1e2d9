"""The HTML edition read in a browser: Playwright driving Debian's Chromium, offline.

Every request that is not for a local file is refused and recorded: the edition must
not need the network.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see the README's test command)")
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"]
        )
        yield b
        b.close()


class Reader:
    """A browser tab that records console errors, page errors and requests leaving the machine."""

    def __init__(self, browser, local: str = "file:", **context_options):
        self.local = local
        self.context = browser.new_context(**context_options)
        self.errors: list[str] = []
        self.remote: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on(
            "console", lambda m: self.errors.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None
        )
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))

    def _route(self, route):
        if route.request.url.startswith(self.local):
            route.continue_()
        else:
            self.remote.append(route.request.url)
            route.abort()

    def open(self, folder: Path, name: str):
        self.page.goto((folder / name).as_uri())
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser):
    r = Reader(browser)
    yield r
    r.close()
    assert r.errors == [] and r.remote == []


def test_a_note_marker_opens_the_note_in_place(reader, book_html):
    page = reader.open(book_html, "ch01.html")
    marker = page.locator("a.noteref").first
    marker.click()
    popover = page.locator("#note-popover")
    expect(popover).to_be_visible()
    expect(popover).to_contain_text("Pamyatnye zapiski rabochego")
    expect(popover).to_contain_text("Note 1")
    assert page.url.endswith("ch01.html")  # read in place, no jump to the list
    box, mark = popover.bounding_box(), marker.bounding_box()
    assert abs(box["y"] - (mark["y"] + mark["height"])) < 40  # beside the marker
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "ch01-n1-ref"
    page.locator("a.noteref").nth(2).click()
    expect(popover).to_contain_text("PZ, 25.")


def test_without_scripts_a_marker_links_to_the_note_and_back(browser, book_html):
    r = Reader(browser, java_script_enabled=False)
    try:
        page = r.open(book_html, "ch01.html")
        page.locator("a.noteref").first.click()
        assert page.url.endswith("ch01.html#ch01-n1")
        note = page.locator("li#ch01-n1")
        expect(note).to_be_in_viewport()
        note.locator("a.back").click()
        assert page.url.endswith("#ch01-n1-ref")
        expect(page.locator("#ch01-n1-ref")).to_be_in_viewport()
        assert r.remote == []
    finally:
        r.close()


def test_contents_next_and_previous(reader, book_html):
    page = reader.open(book_html, "index.html")
    page.get_by_role("link", name="Chapter 1 The Making of a Bolshevik, 1893–1917").click()
    assert page.url.endswith("/ch01.html")
    page.locator("header a[rel=next]").click()
    assert page.url.endswith("/ch02.html")
    expect(page.locator("h1")).to_contain_text("Red Terror and Civil War")
    page.locator("footer a[rel=prev]").click()
    assert page.url.endswith("/ch01.html")
    page.get_by_role("link", name="Contents").first.click()
    assert page.url.endswith("/index.html")
    page.locator(
        "nav.toc a[href='ch03.html#"
        + page.locator("nav.toc a[href^='ch03.html#']").first.get_attribute("href").split("#")[1]
        + "']"
    ).click()
    assert "/ch03.html#" in page.url


def test_a_name_leads_to_its_register_entry_and_back(reader, letters_html):
    page = reader.open(letters_html, "letter1.html")
    name = page.get_by_role("link", name="Ada Finch")
    mention_id = name.get_attribute("id")
    name.click()
    assert page.url.endswith("/persons.html#pers-ada")
    entry = page.locator("section#pers-ada")
    expect(entry).to_be_in_viewport()
    expect(entry.locator("h2")).to_have_text("Finch, Ada")
    entry.get_by_role("link", name="mention 1 in First letter").click()
    assert page.url.endswith(f"/letter1.html#{mention_id}")
    expect(page.locator(f"#{mention_id}")).to_have_text("Ada Finch")
    expect(page.locator(f"#{mention_id}")).to_be_in_viewport()


def all_pages(*folders: Path) -> list[tuple[Path, str]]:
    return [(f, p.name) for f in folders for p in sorted(f.glob("*.html"))]


def test_no_console_errors_and_no_remote_requests_on_any_page(reader, book_html, letters_html):
    pages = all_pages(book_html, letters_html)
    assert len(pages) > 25
    for folder, name in pages:
        page = reader.open(folder, name)
        assert page.title()
        if page.locator("a.noteref").count():
            page.locator("a.noteref").first.click()
            expect(page.locator("#note-popover")).to_be_visible()
    # reader fixture asserts no errors and no remote requests on teardown


def test_readable_on_a_phone_and_in_print(browser, book_html):
    r = Reader(browser, viewport={"width": 375, "height": 740})
    try:
        for name in ["index.html", "ch08.html", "name-index.html"]:
            page = r.open(book_html, name)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
        page.emulate_media(media="print")
        assert page.locator("header.site").is_hidden()
        assert r.errors == [] and r.remote == []
    finally:
        r.close()


@pytest.fixture
def web_server(tmp_path):
    """A local web server over a folder: the edition must work served as well as from files."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_accessibility_no_serious_or_critical_violations(browser, book_html, letters_html, web_server):
    import shutil

    from conftest import RENDER_DATA
    from teikit.render import render

    root, url = web_server
    shutil.copytree(book_html, root / "book")
    shutil.copytree(letters_html, root / "letters")
    render([RENDER_DATA / "drama.xml", RENDER_DATA / "varia.xml"], "html", root / "others")
    axe = Axe()
    checked = [
        ("book", n)
        for n in (
            "index.html",
            "ch01.html",
            "ch08.html",
            "bibliography.html",
            "name-index.html",
            "list-of-figures.html",
        )
    ]
    checked += [(f.name, n) for f, n in all_pages(root / "letters", root / "others")]
    reader = Reader(browser, local=url)
    found = {}
    for folder, name in checked:
        page = reader.page
        page.goto(f"{url}{folder}/{name}")
        page.locator("a.noteref").first.click() if page.locator("a.noteref").count() else None
        violations = axe.run(page).response["violations"]
        serious = [
            f"{v['id']} ({v['impact']}): {len(v['nodes'])} nodes"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[f"{folder}/{name}"] = serious
    reader.close()
    assert found == {}
    assert reader.errors == [] and reader.remote == []
