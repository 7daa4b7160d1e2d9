"""Publishing hostile TEI (issue 11, items 1-3): the site carries no active content from the
document, and publishes no local file but the images of the document's own folder.

The hostile files are in tests/data/hostile/render/: links.xml (javascript:, vbscript:,
data: and disguised targets on ref, ptr and names; scripts, HTML and SVG elements, CSS in
@rend and @style; graphics with such URLs) and graphics/book.xml (graphics that escape
the folder through xml:base, '..', absolute URLs and symlinks, or that name the TEI,
a dot-file, a page or an asset of the site, or a file that is not the image it claims).
Every assertion is on the pages actually written, parsed again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html

from teikit.access import LINK_SCHEMES, is_safe_link
from teikit.cli import main
from teikit.render import render
from teikit.render.saxon import TRANSFORMS
from test_render_browser import browser  # noqa: F401  (the Chromium fixture)

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile" / "render"
ASSETS = TRANSFORMS / "assets"

URL_ATTRIBUTES = (
    "href",
    "src",
    "action",
    "formaction",
    "srcset",
    "data",
    "poster",
    "background",
    "cite",
    "longdesc",
    "manifest",
    "ping",
    "xlink:href",
)
ACTIVE_ELEMENTS = {
    "iframe",
    "frame",
    "object",
    "embed",
    "form",
    "base",
    "svg",
    "math",
    "applet",
    "audio",
    "video",
    "source",
    "track",
    "portal",
    "input",
    "button",
    "style",
}


def pages(site: Path, pattern: str = "*.html"):
    return {p.relative_to(site).as_posix(): html.parse(str(p)) for p in sorted(site.rglob(pattern))}


def active_content(site: Path, pattern: str = "*.html") -> list[str]:
    """Everything in the written pages that could run script or load something not the site's."""
    found = []
    for name, doc in pages(site, pattern).items():
        for el in doc.iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag in ACTIVE_ELEMENTS and not is_the_search_box(el):
                found.append(f"{name}: <{el.tag}>")
            if el.tag == "script" and (el.get("src") != "assets/edition.js" or (el.text or "").strip()):
                found.append(f"{name}: <script src={el.get('src')}>{el.text}")
            if el.tag == "meta" and el.get("http-equiv", "").lower() == "refresh":
                found.append(f"{name}: meta refresh")
            for attr, value in el.attrib.items():
                if attr.lower().startswith("on") or attr.lower() == "style":
                    found.append(f"{name}: <{el.tag} {attr}={value!r}>")
                if attr.lower() in URL_ATTRIBUTES:
                    urls = [u.strip().split(" ")[0] for u in value.split(",")] if attr == "srcset" else [value]
                    found += [f"{name}: <{el.tag} {attr}={u!r}>" for u in urls if not is_safe_link(u)]
    return found


def is_the_search_box(el) -> bool:
    """The one input teikit's page shell makes: the search box, outside the page's text."""
    box = el.getparent()
    return (
        el.tag == "input"
        and el.get("type") == "search"
        and el.get("id") == "search-query"
        and box.get("class") == "search"
        and box.getparent().tag == "body"
        and len(box.getparent().xpath(".//input")) == 1
    )


def csp(doc) -> str:
    return doc.xpath("string(//meta[@http-equiv='Content-Security-Policy']/@content)")


def assert_the_site_is_its_own(site: Path):
    """The assets are teikit's, byte for byte; every page is generated (the CSP is there)."""
    for asset in ASSETS.iterdir():
        assert (site / "assets" / asset.name).read_bytes() == asset.read_bytes(), asset.name
    assert sorted(p.name for p in (site / "assets").iterdir()) == sorted(p.name for p in ASSETS.iterdir())
    for name, doc in pages(site).items():
        assert "script-src 'self'" in csp(doc), name
        assert doc.xpath("//footer/p[@class='made']/text()") == ["Rendered from TEI by teikit."], name
    assert b"HOSTILE" not in b"".join(p.read_bytes() for p in site.rglob("*") if p.is_file())


# ----- links and active content -----


@pytest.fixture(scope="module")
def links_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("links") / "html"
    return render([HOSTILE / "links.xml"], "html", site)


def test_no_page_carries_a_dangerous_link_or_active_content(links_site):
    assert active_content(links_site.outdir) == []
    assert_the_site_is_its_own(links_site.outdir)


@pytest.mark.parametrize(
    "text",
    [
        "js ref",
        "vb ref",
        "data ref",
        "tab ref",
        "upper ref",
        "mixed ref",
        "js person",
        "upper person",
        "vb place",
        "tab place",
        "data name",
        "network-path ref",
        "network-path person",
    ],
)
def test_a_refused_link_is_text(links_site, text):
    page = html.parse(str(links_site.outdir / "links.html"))
    assert page.xpath("//main//span[normalize-space(.) = $t]", t=text), text
    assert not page.xpath("//a[normalize-space(.) = $t]", t=text), text


def test_ptr_with_a_refused_target_shows_it_as_text(links_site):
    page = html.parse(str(links_site.outdir / "links.html"))
    ptrs = page.xpath("//span[contains(@class, 'ptr')]/text()")
    assert ptrs == [
        "javascript:alert('ptr')",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox('ptr')",
    ]


def test_allowed_links_still_link(links_site):
    page = html.parse(str(links_site.outdir / "links.html"))
    hrefs = {" ".join(a.text_content().split()): a.get("href") for a in page.iter("a")}
    assert hrefs["https ref"] == "https://example.org/a"
    assert hrefs["mail ref"] == "mailto:a@example.org"
    assert hrefs["self ref"] == "links.html"
    assert hrefs["web person"] == "http://example.org/p"
    assert hrefs["second ref safe"] == "https://example.org/name"  # the first, refused, is skipped
    assert hrefs["Image: a remote image"] == "https://example.org/remote.png"  # a link, not loaded
    index = html.parse(str(links_site.outdir / "index.html"))
    assert index.xpath("//section[@class='about']//a/@href") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert index.xpath("//section[@class='about']//span[.='header js']")


def test_every_refused_link_is_a_warning(links_site):
    refused = [w for w in links_site.warnings if "shown as text" in w]
    targets = [
        "javascript:alert('header')",
        "javascript:alert('ref')",
        "vbscript:msgbox('ref')",
        "data:text/html,<script>alert('ref')</script>",
        "script:alert('tab')",
        "JAVASCRIPT:alert('upper')",
        "JaVaScRiPt:alert('mixed')",
        "javascript:alert('ptr')",
        "vbscript:msgbox('ptr')",
        "javascript:alert('pers')",
        "JAVASCRIPT:alert('pers')",
        "vbscript:msgbox('place')",
        "script:alert('place')",
        "javascript:alert('name')",
        "//evil.example/share",
        "/\\evil.example/share",
    ]
    for target in targets:
        assert any(f"links to {target}, which pages may not carry" in w for w in refused), target
    assert len(refused) == len(targets) + 2  # and the two data: URLs of ptr and name


def test_graphics_with_script_urls_are_refused_and_reported(links_site):
    page = html.parse(str(links_site.outdir / "links.html"))
    assert page.xpath("//img") == []
    for url, scheme in [
        ("javascript:alert('graphic')", "javascript"),
        (" JAVASCRIPT:alert('graphic')", "javascript"),
        ("vbscript:msgbox('graphic')", "vbscript"),
        ("data:image/svg+xml,", "data"),
    ]:
        assert any(f"graphic '{url}" in w and f"not {scheme}: URLs" in w for w in links_site.warnings), url
    assert any("graphic 'x' not published" in w for w in links_site.warnings)  # the forged rm:src is gone


def test_scripts_and_markup_in_the_text_stay_text(links_site):
    page = html.parse(str(links_site.outdir / "links.html"))
    main_text = page.xpath("string(//main)")
    assert "<script>alert('text')</script> <img src=x onerror=alert('text')>" in main_text
    assert page.xpath("//span[@class='tei-script']/text()") == ["alert('tei script')"]
    assert "HTML: alert('html script')html linkalert('svg script')" in main_text
    assert page.xpath("//p[contains(., 'styled p')]/@class") == ["p x\" onclick=\"alert('rend')"]
    # markup in an attribute stays inside the (quoted, escaped) attribute value
    assert page.xpath("//span[contains(@class, 'seg')]/@class") == ["seg a\"><script>alert('type')</script>"]
    assert len(page.xpath("//script")) == 1
    raw = (links_site.outdir / "links.html").read_text(encoding="utf-8")
    assert "expression(" not in raw and "background" not in raw  # @style and CSS in @rend never copied


def test_the_content_security_policy_allows_only_the_sites_own_files(links_site):
    policy = dict(
        part.strip().split(" ", 1) for part in csp(html.parse(str(links_site.outdir / "index.html"))).split(";")
    )
    assert policy["default-src"] == "'none'"
    # connect-src: the search index's pieces are fetched from the site (teikit.render.search)
    assert policy["script-src"] == policy["style-src"] == policy["img-src"] == policy["connect-src"] == "'self'"
    assert policy["base-uri"] == policy["form-action"] == "'none'"
    assert set(policy) == {
        "default-src",
        "script-src",
        "connect-src",
        "style-src",
        "img-src",
        "base-uri",
        "form-action",
    }


def test_the_transforms_use_the_schemes_of_teikit_access(tmp_path, monkeypatch):
    """One list decides: narrowing teikit.access.LINK_SCHEMES narrows what the pages link to."""
    import teikit.render

    monkeypatch.setattr(teikit.render, "LINK_SCHEMES", ("https",))
    result = render([HOSTILE / "links.xml"], "html", tmp_path / "site")
    page = html.parse(str(tmp_path / "site" / "links.html"))
    assert "https://example.org/a" in page.xpath("//a/@href")
    assert "mailto:a@example.org" not in page.xpath("//a/@href")
    assert any("links to mailto:a@example.org, which" in w for w in result.warnings)
    assert LINK_SCHEMES == ("http", "https", "mailto")


# ----- local files -----


@pytest.fixture(scope="module")
def graphics(tmp_path_factory):
    """graphics/ copied beside an outside image, a hostile index.html and two symlinks out."""
    from renderchecks import hostile_graphics_folder

    root = tmp_path_factory.mktemp("hostile")
    result = render([hostile_graphics_folder(root, HOSTILE)], "html", root / "site")
    return root, result


REFUSED = {  # graphic/@url -> what the warning says
    "passwd": "'/etc/passwd' lies outside",
    "file:///etc/passwd": "'/etc/passwd' lies outside",
    "/etc/passwd": "'/etc/passwd' lies outside",
    "../outside.png": "outside.png' lies outside",
    "images/../../outside.png": "outside.png' lies outside",
    "outside.png": "outside.png' lies outside",  # xml:base="../"
    "link.png": "link.png' lies outside",
    "up/outside.png": "outside.png' lies outside",
    "book.xml": "is not an image file",
    ".secret.png": "is a hidden file",
    "../index.html": "index.html' lies outside",
    "index.html": "is not an image file",
    "assets/edition.js": "is not an image file",
    "fake.png": "does not hold PNG data",
    "drawing.svg": "SVG is not published",
    "notes.txt": "is not an image file",
    "missing.png": "not found",
}


@pytest.mark.parametrize("url", list(REFUSED))
def test_each_refused_graphic_is_a_warning_naming_file_line_and_reason(graphics, url):
    root, result = graphics
    source = root / "graphics" / "book.xml"
    assert any(
        w.startswith(f"{source}:") and f"graphic '{url}' not published" in w and REFUSED[url] in w
        for w in result.warnings
    ), (url, result.warnings)


def test_only_the_images_of_the_documents_folder_are_published(graphics):
    root, result = graphics
    site = root / "site"
    assert sorted(str(p.relative_to(site)) for p in (site / "media").rglob("*") if p.is_file()) == [
        "media/images/ok2.png",
        "media/ok.png",
    ]
    assert (site / "media" / "ok.png").read_bytes() == (root / "graphics" / "ok.png").read_bytes()
    assert (site / "media/images/ok2.png").read_bytes() == (root / "graphics/images/ok2.png").read_bytes()
    page = html.parse(str(site / "figures.html"))
    assert page.xpath("//img/@src") == ["media/ok.png", "media/images/ok2.png", "media/ok.png"]
    # every refused figure keeps its caption, without an image
    assert len(page.xpath("//figure[not(img)]/figcaption")) == len(REFUSED) + 1  # + the forged origin


def test_no_file_outside_the_folder_nor_any_private_file_is_copied(graphics):
    root, _ = graphics
    site = root / "site"
    private = [
        root / "outside.png",
        root / "index.html",
        Path("/etc/passwd"),
        root / "graphics" / "book.xml",
        root / "graphics" / ".secret.png",
        root / "graphics" / "notes.txt",
        root / "graphics" / "fake.png",
        root / "graphics" / "drawing.svg",
        root / "graphics" / "index.html",
        root / "graphics" / "assets" / "edition.js",
    ]
    secrets = {p.read_bytes() for p in private if p.is_file()}
    written = [p for p in site.rglob("*") if p.is_file()]
    assert [p for p in written if p.read_bytes() in secrets] == []
    assert active_content(site) == []
    assert_the_site_is_its_own(site)


def test_the_cli_renders_hostile_graphics_with_warnings_not_a_traceback(graphics, tmp_path, capsys):
    root, _ = graphics
    assert main(["render", str(root / "graphics" / "book.xml"), "--to", "html", "-o", str(tmp_path / "s")]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "graphic 'passwd' not published" in err


def test_images_from_two_folders_do_not_overwrite_each_other(tmp_path):
    png = (HOSTILE / "graphics" / "ok.png").read_bytes()
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "ok.png").write_bytes(png + name.encode())
        (tmp_path / name / f"{name}.xml").write_text(
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
            "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
            f'<text><body><div xml:id="d{name}"><head>{name}</head><figure><graphic url="ok.png"/></figure></div>'
            "</body></text></TEI>"
        )
    result = render([tmp_path / "a", tmp_path / "b"], "html", tmp_path / "site")
    site = tmp_path / "site"
    srcs = [html.parse(str(site / f"d{n}.html")).xpath("string(//img/@src)") for n in ("a", "b")]
    assert srcs == ["media/ok.png", "media/ok-2.png"] and result.warnings == []
    assert [(site / s).read_bytes() for s in srcs] == [png + b"a", png + b"b"]


# ----- in a browser -----


def test_in_chromium_clicking_the_hostile_text_runs_no_script(browser, links_site, graphics):  # noqa: F811 (fixture)
    """Every refused link, name and figure is clicked: no dialog opens, no script runs, nothing
    is fetched from elsewhere; the policy blocks a script injected into the page; images load."""
    from test_render_browser import Reader

    reader = Reader(browser)
    dialogs = []
    try:
        page = reader.page
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page = reader.open(links_site.outdir, "links.html")
        hostile = page.locator("main span.ref, main span.ptr, main span.name, main figcaption, main .tei-script")
        assert hostile.count() == 22
        for i in range(hostile.count()):
            hostile.nth(i).click()
            assert page.url.endswith("/links.html"), page.url
        page = reader.open(links_site.outdir, "index.html")
        page.locator("section.about span.ref").click()
        assert page.url.endswith("/index.html")
        assert reader.errors == [] and reader.remote == [] and dialogs == []
        # the Content-Security-Policy is in force: an inline script does not run
        ran = page.evaluate("""() => { const s = document.createElement('script');
                                       s.textContent = 'window.ranInline = true'; document.head.append(s);
                                       return window.ranInline === true; }""")
        assert ran is False and any("Content Security Policy" in e for e in reader.errors)
        reader.errors.clear()
        page = reader.open(graphics[0] / "site", "figures.html")
        assert page.evaluate("[...document.images].map(i => i.complete && i.naturalWidth)") == [1, 1, 1]
        assert reader.errors == [] and reader.remote == [] and dialogs == []
    finally:
        reader.close()


@pytest.mark.parametrize("to", ["html", "text"])
def test_pointers_that_are_not_uris_lead_nowhere_and_do_not_stop_the_transform(tmp_path, to):
    result = render([HOSTILE / "pointers.xml"], to, tmp_path / to)
    if to == "html":
        page = html.parse(str(tmp_path / "html" / "pointers.html"))
        assert page.xpath("//main//a") == []
        assert [" ".join(s.text_content().split()) for s in page.xpath("//main//span[contains(@class, 'ref')]")] == [
            "colon ref",
            "bad escape ref",
            "ref under a bad base",
        ]
        for pointer in [":x", "a%zz.xml#x", "%", "%%", "other.xml#y"]:
            assert any(f"points to {pointer}, which is not in the collection" in w for w in result.warnings), pointer
    else:
        assert "bad escape ref" in (tmp_path / "text" / "book.txt").read_text(encoding="utf-8")


def test_a_note_in_the_header_is_read_in_place_on_the_opening_page(tmp_path):
    """Found by tests/test_properties.py: such a note has no page, so no list of notes."""
    doc = tmp_path / "doc.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>'
        "</titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p><date>1894"
        "<note>a note in the header</note></date></p></sourceDesc></fileDesc></teiHeader>"
        "<text><body><div><p>text</p></div></body></text></TEI>"
    )
    for to in ("html", "text"):
        render([doc], to, tmp_path / to)
    index = html.parse(str(tmp_path / "html" / "index.html"))
    assert index.xpath("//section[@class='about']//span[@class='note-in-place']/text()") == ["a note in the header"]
    assert index.xpath("//a[@class='noteref']") == []


PARITY = [
    "javascript:x",
    "JAVASCRIPT:x",
    "JavaScript:x",
    "java.script:x",
    "jav-ascript:x",
    "http:x",
    "HTTP://example.org",
    "https:",
    "Mailto:a@example.org",
    "mailto:a@example.org",
    "tel:123",
    "ftp://example.org/f",
    "data:,x",
    "blob:https://example.org/x",
    "x:y",
    "file:///etc/passwd",
    "/a/b",
    "/a:b",
    "//example.org/x",
    "/\\example.org/x",
    "/%2Fexample.org",
]


def test_the_transforms_and_teikit_access_agree_on_every_link(tmp_path):
    """tk:safe-href and is_safe_link are one rule: a pointer that leaves the collection is a
    link exactly when teikit.access says a page may carry it."""
    refs = "".join(f'<item><ref target="{t}">{i}</ref></item>' for i, t in enumerate(PARITY))
    doc = tmp_path / "parity.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>'
        "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
        f'</teiHeader><text><body><div xml:id="d"><head>P</head><list>{refs}</list></div></body></text></TEI>'
    )
    render([doc], "html", tmp_path / "site")
    page = html.parse(str(tmp_path / "site" / "d.html"))
    linked = {int(a.text): a.get("href") for a in page.xpath("//main//li/a")}
    assert {PARITY[i] for i in linked} == {t for t in PARITY if is_safe_link(t)}
    assert all(PARITY[i] == href for i, href in linked.items())


def test_a_document_cannot_claim_another_origin_for_its_graphics(tmp_path):
    """teikit's provenance attributes written by the document itself are not believed: a
    graphic still resolves against the document's own folder."""
    (tmp_path / "doc").mkdir()
    shutil.copy(HOSTILE / "outside.png", tmp_path / "outside.png")
    forged = tmp_path / "forged.xml"
    doc = tmp_path / "doc" / "book.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:v="urn:teikit:validate" xmlns:rm="urn:teikit:render">'
        "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p/></publicationStmt>"
        '<sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><div xml:id="d"><head>D</head>'
        f'<div v:origin="{forged}"><figure><graphic url="outside.png"/></figure></div>'
        f'<div rm:origin="{forged}"><figure><graphic url="outside.png"/></figure></div>'
        f'<TEI v:origin="{forged}"><text><body><figure><graphic url="outside.png"/></figure></body></text></TEI>'
        "</div></body></text></TEI>"
    )
    result = render([doc], "html", tmp_path / "site")
    refused = [w for w in result.warnings if "graphic 'outside.png' not published" in w]
    assert len(refused) == 3 and all(f"'{tmp_path / 'doc' / 'outside.png'}' not found" in w for w in refused)
    assert not (tmp_path / "site" / "media").exists()


def test_a_document_cannot_claim_to_include_another_and_hide_it(tmp_path):
    """A file that writes teikit's XInclude provenance itself does not make render take a
    second file of the collection for already included, and skip it."""
    head = (
        "<teiHeader><fileDesc><titleStmt><title>{0}</title></titleStmt><publicationStmt><p/>"
        "</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
    )
    (tmp_path / "b.xml").write_text(
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{head.format("B")}'
        "<text><body><div><head>Bravo</head><p>Zanzibar quokka</p></div></body></text></TEI>"
    )
    (tmp_path / "a.xml").write_text(
        f'<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:v="urn:teikit:validate">{head.format("A")}'
        f'<TEI v:origin="{tmp_path / "b.xml"}">{head.format("A1")}<text><body><div><head>Alpha</head>'
        "<p>alpha</p></div></body></text></TEI></teiCorpus>"
    )
    site = tmp_path / "site"
    render([tmp_path / "a.xml", tmp_path / "b.xml"], "html", site)
    written = " ".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "Zanzibar quokka" in written and "alpha" in written
