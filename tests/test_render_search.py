"""Search in the HTML edition (teikit.render.search): the Pagefind index and the search box.

The index is checked as files (what is written, that it is the same on every run, that an
edition rendered without search has none) and in Chromium: over HTTP a query finds the
page and the section that hold a word, and the result links there; opened from disk the
box says why it cannot search; a hostile document's text is only ever text in a result.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree, html
from playwright.sync_api import expect

from conftest import EDITION, RENDER_DATA
from teikit.errors import TeikitError
from teikit.render import render, render_editions
from teikit.render.search import FOLDER, UNUSED
from test_render_browser import Reader, browser, web_server  # noqa: F401  (the fixtures, shared)

TEI = "{http://www.tei-c.org/ns/1.0}"


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def letters_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("search") / "html"
    render([RENDER_DATA / "letters"], "html", out)
    return out


def test_the_index_is_written_beside_the_pages_and_is_the_same_on_every_run(letters_site, tmp_path):
    index = letters_site / FOLDER
    assert (index / "pagefind.js").is_file() and (index / "pagefind-entry.json").is_file()
    assert list((index / "fragment").iterdir()) and list((index / "index").iterdir())
    assert not [name for name in UNUSED if (index / name).exists()]  # only what teikit's pages use
    again = render([RENDER_DATA / "letters"], "html", tmp_path / "again")
    assert digest(tmp_path / "again") == digest(letters_site)
    assert "search index" in again.seconds


def test_every_page_has_the_box_and_its_text_marked_for_the_index(letters_site):
    for page in sorted(letters_site.glob("*.html")):
        doc = html.parse(str(page))
        assert doc.xpath("count(//div[@role='search'][@hidden]//input[@type='search'])") == 1, page.name
        assert doc.xpath("count(//main[@data-pagefind-body])") == 1, page.name


def records(index: Path) -> dict[str, dict]:
    """What the index holds of each page, by URL: its fragment (gzip; a 12-byte signature, then
    JSON), from which Pagefind's script builds a result's title, excerpt and sections."""
    found = {}
    for fragment in (index / "fragment").iterdir():
        record = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd") :])
        found[record["url"]] = record
    return found


def test_the_index_holds_each_pages_main_text_less_what_is_ignored(letters_site):
    """Pagefind honours the marks: the index holds the text of `main`, not the site's header,
    pager or footer (which would match every page), nor a register entry's list of mentions
    (`data-pagefind-ignore`)."""
    held = records(letters_site / FOLDER)
    assert set(held) == {f"/{page.name}" for page in letters_site.glob("*.html")}
    letter = held["/letter1.html"]
    assert letter["meta"]["title"] == "First letter"
    assert "Dear Tom, Ada Finch came to Harwick in August 1911" in letter["content"]
    assert [a["text"] for a in letter["anchors"] if a["element"] == "h2"] == ["Notes"]  # a result's sections
    persons = held["/persons.html"]["content"]
    assert "Finch, Ada. A visitor to the harbour." in persons
    for record in held.values():
        for elsewhere in ("Skip to the text", "Previous:", "Next:", "Rendered from TEI", "In the text:", "Search"):
            assert elsewhere not in record["content"], (record["url"], elsewhere)
        if record["url"] != "/index.html":  # the book's title heads the site's header on every page
            assert "Letters from the Harbour" not in record["content"], record["url"]


def test_without_search_there_is_no_index_no_box_and_the_strict_policy(tmp_path):
    result = render([RENDER_DATA / "letters"], "html", tmp_path / "plain", search=False)
    assert not (tmp_path / "plain" / FOLDER).exists() and "search index" not in result.seconds
    for page in sorted((tmp_path / "plain").glob("*.html")):
        doc = html.parse(str(page))
        assert not doc.xpath("//div[@role='search'] | //*[@data-pagefind-body]"), page.name
        policy = doc.xpath("string(//meta[@http-equiv='Content-Security-Policy']/@content)")
        assert "wasm" not in policy and "connect-src" not in policy, page.name


def test_the_command_line_turns_search_off(tmp_path):
    from teikit.cli import main

    assert main(["render", str(RENDER_DATA / "letters"), "--to", "html", "-o", str(tmp_path / "s"), "--no-search"]) == 0
    assert not (tmp_path / "s" / FOLDER).exists()


def test_editions_rendered_together_are_those_rendered_apart(letters_site, tmp_path):
    # The index is built while the text edition renders; what is written is the same.
    html_out, text_out = tmp_path / "html", tmp_path / "text"
    results = render_editions([RENDER_DATA / "letters"], [("html", html_out), ("text", text_out)])
    assert [r.to for r in results] == ["html", "text"] and "search index" in results[0].seconds
    assert digest(html_out) == digest(letters_site)
    render([RENDER_DATA / "letters"], "text", tmp_path / "text-apart")
    assert digest(text_out) == digest(tmp_path / "text-apart")


def test_the_indexer_run_directly_writes_what_the_package_command_writes(letters_site, tmp_path, monkeypatch):
    """teikit runs the binary the pagefind package ships (search.indexer), not the package's
    command, which starts an interpreter only to find it: the index is the same, byte for
    byte; PAGEFIND_BINARY_PATH names the binary, as it does for that command; without a
    build of the binary, that command is what runs (and says what is missing)."""
    from teikit.render import search

    command = search.indexer()
    assert len(command) == 1 and Path(command[0]).is_file()
    site = tmp_path / "site"
    shutil.copytree(letters_site, site, ignore=shutil.ignore_patterns(FOLDER))
    options = ["--site", ".", "--output-subdir", FOLDER, "--glob", "*.html", "--keep-index-url", "--silent"]
    subprocess.run([sys.executable, "-m", "pagefind", *options], cwd=site, check=True)
    for name in UNUSED:
        (site / FOLDER / name).unlink(missing_ok=True)
    shutil.rmtree(site / FOLDER / "playground", ignore_errors=True)
    assert digest(site) == digest(letters_site) and (site / FOLDER / "pagefind.js").is_file()
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/opt/elsewhere/pagefind")
    assert search.indexer() == ["/opt/elsewhere/pagefind"]
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")

    def no_build(name):
        raise ImportError(f"No module named '{name}'")

    monkeypatch.setattr(search.importlib, "import_module", no_build)
    assert search.indexer() == [sys.executable, "-m", "pagefind"]


def test_a_failing_edition_leaves_the_unfinished_ones_as_they_were(tmp_path, monkeypatch):
    html_out, text_out = tmp_path / "html", tmp_path / "text"
    render_editions([RENDER_DATA / "letters"], [("html", html_out), ("text", text_out)])
    before = digest(html_out)
    import teikit.render as rendering

    def failing_text(real):
        def run(name, *args, **kwargs):
            if name == "text.xsl":
                raise TeikitError("text.xsl failed: on purpose")
            return real(name, *args, **kwargs)

        return run

    # one document is transformed whole, several by windows: the text fails either way
    monkeypatch.setattr(rendering, "transform", failing_text(rendering.transform))
    monkeypatch.setattr(rendering, "render_windows", failing_text(rendering.render_windows))
    with pytest.raises(TeikitError, match="on purpose"):
        render_editions([RENDER_DATA / "letters"], [("html", html_out), ("text", text_out)], force=True)
    assert digest(html_out) == before  # the indexer was stopped and its half-made folder removed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["html", "text"]


def test_only_site_editions_are_rendered_together(tmp_path):
    from teikit.errors import UsageError

    with pytest.raises(UsageError, match="epub"):
        render_editions([RENDER_DATA / "letters"], [("epub", tmp_path / "book.epub")])


# ----- in the browser -----


class ServedReader:
    """A tab on the served edition, recording errors and any request that leaves the server.

    Requests are watched, not routed: Chromium's routing holds back the fetches of the
    index's Web Worker."""

    def __init__(self, browser, url: str):  # noqa: F811
        self.context = browser.new_context()
        self.errors: list[str] = []
        self.remote: list[str] = []
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.context.on("request", lambda r: None if r.url.startswith(url) else self.remote.append(r.url))
        # The browser asks any server for its icon; the edition names none.
        self.context.route("**/favicon.ico", lambda route: route.fulfill(status=204))

    def close(self):
        self.context.close()


def a_word_of_one_section():
    """A long word the book uses in one section of one chapter only (notes aside), and where.

    Words are compared by their first eight letters, so that the index's stemming finds no
    other form of the word elsewhere."""
    counts: Counter = Counter()
    where: dict[str, tuple[str, str, str]] = {}

    def stems(texts) -> set[str]:
        return {w[:8] for w in re.findall(r"\b[a-z]{11,}\b", " ".join(texts))}

    for path in sorted(EDITION.glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        for div in root.iter(f"{TEI}div"):
            if div.find(f"{TEI}div") is not None or div.find(f"{TEI}head") is None:
                continue
            text = " ".join(div.xpath(".//text()[not(ancestor::tei:note)]", namespaces={"tei": TEI[1:-1]}))
            for word in re.findall(r"\b[a-z]{11,}\b", text):
                head = " ".join(div.find(f"{TEI}head").itertext()).strip()
                where.setdefault(word[:8], (word, path.stem, head))
            for stem in stems([text]):
                counts[stem] += 1
        for stem in stems(root.itertext()):  # every file's words, notes and registers included
            counts[stem] += 1
    once = sorted(s for s, n in counts.items() if n == 2 and s in where and where[s][1].startswith("ch"))
    assert once, "the bundled book has words used in one section only"
    return where[once[len(once) // 2]]


def test_a_query_finds_the_section_and_its_result_links_there(browser, book_html, web_server):  # noqa: F811
    root, url = web_server
    shutil.copytree(book_html, root / "book")
    word, chapter, head = a_word_of_one_section()
    reader = ServedReader(browser, url)
    page = reader.page
    page.goto(f"{url}book/index.html")
    box = page.locator("#search-query")
    expect(box).to_be_visible()
    box.fill(word)
    results = page.locator("#search-results")
    expect(results.locator("ol > li").first).to_be_visible(timeout=15000)
    first = results.locator("ol > li").first
    expect(first.locator("a").first).to_have_attribute("href", re.compile(rf"/book/{chapter}\.html$"))
    section = first.locator("ul a").first
    expect(section).to_contain_text(head.split()[0])
    expect(first.locator("mark").first).to_contain_text(word, ignore_case=True)
    section.click()
    page.wait_for_url(re.compile(rf"/book/{chapter}\.html#.+$"))
    target = page.url.split("#", 1)[1]
    expect(page.locator(f"section:has(> h2#{target}), section:has(> h3#{target})")).to_contain_text(word)
    reader.close()
    assert reader.errors == [] and reader.remote == []


def test_opened_from_disk_the_box_says_the_edition_must_be_served(browser, letters_site):  # noqa: F811
    reader = Reader(browser)
    page = reader.open(letters_site, "index.html")
    page.locator("#search-query").fill("letter")
    expect(page.locator("#search-results")).to_contain_text("served", timeout=10000)
    reader.close()
    # Chromium says why in its console (modules may not load from file:), and nothing else fails
    assert all("CORS" in e or "ERR_FAILED" in e for e in reader.errors), reader.errors
    assert reader.remote == []


HOSTILE_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>Hostile search</title></titleStmt><publicationStmt><p>test</p></publicationStmt>
<sourceDesc><p>written for the test</p></sourceDesc></fileDesc></teiHeader>
<text><body><div><head>Zanzibarite</head>
<p>Zanzibarite &lt;img src=x onerror="window.hacked=1"&gt; &lt;script&gt;window.hacked=2&lt;/script&gt;
&lt;mark onclick="window.hacked=3"&gt;zanzibarite&lt;/mark&gt; ends here.</p></div></body></text></TEI>"""


def test_a_hostile_documents_text_is_only_text_in_the_results(browser, web_server):  # noqa: F811
    root, url = web_server
    source = root / "src" / "hostile.xml"
    source.parent.mkdir()
    source.write_text(HOSTILE_TEI, encoding="utf-8")
    render([source], "html", root / "site")
    reader = ServedReader(browser, url)
    page = reader.page
    page.goto(f"{url}site/index.html")
    page.locator("#search-query").fill("zanzibarite")
    results = page.locator("#search-results")
    expect(results.locator("mark").first).to_be_visible(timeout=15000)
    expect(results).to_contain_text("<script>")  # shown as the characters the document holds
    assert results.locator("img, script, [onclick], [onerror]").count() == 0
    assert page.evaluate("window.hacked") is None
    reader.close()
    assert reader.errors == [] and reader.remote == []
