"""The EPUB 3 edition (issue 17): container, package, navigation, notes, registers, words,
images and safety, and EPUBCheck's verdict on the bundled book and on TEI of other shapes."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from lxml import etree

from conftest import EDITION, NS, RENDER_DATA, SHARED
from renderchecks import epubcheck_messages, missing, tei_words, xhtml_words
from teikit.cli import main
from teikit.errors import TeikitError
from teikit.render import render
from teikit.render.epub import ENTRY_TIME, MIMETYPE
from test_render_hostile import HOSTILE, REFUSED, active_content

EDITION_DOCS = sorted(p for p in EDITION.glob("*.xml") if p.name != "iron-lazar.xml")
X = {
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}
CORPUS = SHARED / "corpus" / "tei"
SHARED_SAMPLES = {  # TEI written by other projects, when ../shared holds them
    "play (GerDraCor)": CORPUS / "gerdracor" / "tei" / "scheerbart-das-mirakel.xml",
    "letter (correspDesc)": CORPUS / "correspDesc-SIG" / "examples" / "example05_fictional-letter.xml",
}

# A header with every kind of metadata the package takes from it.
FULL_HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="de">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">Briefe an einen Freund</title>
        <title type="sub">Eine Auswahl</title>
        <author><persName><forename>Anna</forename> <surname>Keller</surname></persName></author>
        <editor role="translator">Jo Brand</editor>
        <respStmt><resp>Translated from the German by</resp><persName>Kim Lee</persName></respStmt>
        <respStmt><resp>TEI encoding</resp><name>Sam Roe</name></respStmt>
      </titleStmt>
      <publicationStmt>
        <publisher>Small Press</publisher>
        <idno type="URL">https://small-press.example/</idno>
        <idno type="ISBN">978-3-16-148410-0</idno>
        <date when="2020-05-01">1 May 2020</date>
        <availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</licence></availability>
      </publicationStmt>
      <sourceDesc><bibl><author>Anna Keller</author>, <title>Briefe</title> (Wien, 1901)</bibl></sourceDesc>
    </fileDesc>
    <revisionDesc>
      <change when="2024-03-02T10:00:00+01:00">corrected</change>
      <change when="2021">first release</change>
    </revisionDesc>
  </teiHeader>
  <text>
    <body>
      <div type="letter"><head>Erster Brief</head>
        <p>Lieber Freund, heute schreibe ich kurz.<note>Der Brief ist undatiert.</note></p></div>
      <div type="letter"><head>Zweiter Brief</head><p>Und heute wieder.</p></div>
    </body>
  </text>
</TEI>
"""


def unpack(epub: Path, folder: Path) -> Path:
    with zipfile.ZipFile(epub) as zf:
        zf.extractall(folder)
    return folder


def xhtml(folder: Path, name: str):
    return etree.parse(str(folder / "EPUB" / name))


def package(folder: Path):
    return etree.parse(str(folder / "EPUB" / "package.opf"))


def attached_notes(tei_path: Path) -> list:
    return etree.parse(str(tei_path)).xpath("//t:text//t:note[not(parent::t:div)]", namespaces=NS)


def plain(el) -> str:
    return " ".join("".join(el.itertext()).split())


def broken_links(folder: Path) -> list[str]:
    """Links between the EPUB's documents to files or ids that are not there."""
    ids: dict[Path, set[str]] = {}
    problems = []
    for page in sorted((folder / "EPUB").glob("*.xhtml")):
        for a in etree.parse(str(page)).iterfind(".//x:a[@href]", X):
            url = urlparse(a.get("href"))
            if url.scheme:
                continue
            target = (page.parent / unquote(url.path)) if url.path else page
            if not target.is_file():
                problems.append(f"{page.name}: {a.get('href')}: no such file")
                continue
            if target not in ids:
                ids[target] = set(etree.parse(str(target)).xpath("//@id"))
            if url.fragment and url.fragment not in ids[target]:
                problems.append(f"{page.name}: {a.get('href')}: no such id")
    return problems


@pytest.fixture(scope="module")
def book_epub(tmp_path_factory):
    """The bundled book as an EPUB: (result, folder it is unpacked in)."""
    base = tmp_path_factory.mktemp("epub")
    result = render([EDITION], "epub", base / "book.epub")
    return result, unpack(base / "book.epub", base / "unpacked")


OTHERS = {
    "drama": [RENDER_DATA / "drama.xml"],
    "letters": [RENDER_DATA / "letters"],
    "varia": [RENDER_DATA / "varia.xml"],
}


@pytest.fixture(scope="module")
def others(tmp_path_factory):
    out = {}
    for name, paths in OTHERS.items():
        base = tmp_path_factory.mktemp(name)
        out[name] = (render(paths, "epub", base / f"{name}.epub"), unpack(base / f"{name}.epub", base / "unpacked"))
    return out


# ----- the container -----


def test_the_zip_is_written_as_epub_requires(book_epub):
    result, _ = book_epub
    data = result.outdir.read_bytes()
    assert data[:4] == b"PK\x03\x04" and data[30:58] == b"mimetype" + MIMETYPE
    with zipfile.ZipFile(result.outdir) as zf:
        entries = zf.infolist()
        first = entries[0]
        assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
        assert zf.read("mimetype") == b"application/epub+zip"
        names = [e.filename for e in entries[1:]]
        assert names == sorted(names) and all(e.date_time == ENTRY_TIME for e in entries)
        assert all(e.compress_type == zipfile.ZIP_DEFLATED for e in entries[1:])
        container = etree.fromstring(zf.read("META-INF/container.xml"))
    assert container.xpath("//*[local-name()='rootfile']/@full-path") == ["EPUB/package.opf"]
    assert result.files == ["mimetype", *names]


def test_the_same_tei_gives_the_same_bytes_wherever_it_is_read(book_epub, tmp_path):
    result, _ = book_epub
    copy = tmp_path / "elsewhere" / "edition"
    shutil.copytree(EDITION, copy)
    again = render([copy], "epub", tmp_path / "again.epub")
    assert again.outdir.read_bytes() == result.outdir.read_bytes()


def test_the_package_lists_every_file_and_reads_in_the_books_order(book_epub):
    _, folder = book_epub
    opf = package(folder)
    hrefs = opf.xpath("//opf:manifest/opf:item/@href", namespaces=X)
    files = sorted(p.relative_to(folder / "EPUB").as_posix() for p in (folder / "EPUB").rglob("*") if p.is_file())
    assert sorted(hrefs) == [f for f in files if f != "package.opf"]
    assert opf.xpath("//opf:item[@properties='nav']/@href", namespaces=X) == ["nav.xhtml"]
    by_id = {i.get("id"): i.get("href") for i in opf.iterfind(".//opf:item", X)}
    spine = [by_id[r] for r in opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=X)]
    chapters = [f"ch{i:02d}.xhtml" for i in range(1, 14)]
    assert spine == [
        "title.xhtml",
        "nav.xhtml",
        "imprint.xhtml",
        "table-of-contents.xhtml",
        "list-of-figures.xhtml",
        "introduction.xhtml",
        *chapters,
        "conclusion.xhtml",
        "bibliography.xhtml",
        "name-index.xhtml",
        "subject-index.xhtml",
        "persons.xhtml",
        "places.xhtml",
        "organisations.xhtml",
        "about.xhtml",
    ]


def test_metadata_comes_from_the_header_and_no_clock(book_epub):
    _, folder = book_epub
    opf = package(folder)
    meta = lambda path: [" ".join(t.split()) for t in opf.xpath(path, namespaces=X)]
    assert meta("//dc:title/text()") == ["Iron Lazar", "A Political Biography of Lazar Kaganovich"]
    assert meta("//opf:meta[@refines='#title']/text()") == ["main"]
    assert meta("//dc:creator/text()") == ["E. A. Rees"]
    assert meta("//opf:meta[@refines='#creator-1'][@property='role']/text()") == ["aut"]
    assert meta("//dc:language/text()") == ["en"]
    assert re.fullmatch(
        r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", meta("//dc:identifier/text()")[0]
    )
    assert opf.getroot().get("unique-identifier") == opf.xpath("//dc:identifier/@id", namespaces=X)[0]
    # the edition states no date of its own: the newest date of its header (the source's)
    assert meta("//opf:meta[@property='dcterms:modified']/text()") == ["2013-01-01T00:00:00Z"]
    assert "rights in the text remain with its copyright holder" in meta("//dc:rights/text()")[0]
    assert "Anthem Press" in meta("//dc:source/text()")[0]


def test_metadata_roles_identifier_and_dates_of_a_full_header(tmp_path):
    doc = tmp_path / "briefe.xml"
    doc.write_text(FULL_HEADER, encoding="utf-8")
    render([doc], "epub", tmp_path / "briefe.epub")
    opf = package(unpack(tmp_path / "briefe.epub", tmp_path / "u"))
    roles = {
        opf.xpath(f"string(//*[@id='{r.get('refines')[1:]}'])", namespaces=X): r.text
        for r in opf.xpath("//opf:meta[@property='role']", namespaces=X)
    }
    assert roles == {"Anna Keller": "aut", "Jo Brand": "trl", "Kim Lee": "trl", "Sam Roe": "mrk"}
    assert opf.xpath("//dc:contributor/text()", namespaces=X) == ["Kim Lee", "Sam Roe"]
    assert opf.xpath("//opf:meta[@property='file-as']/text()", namespaces=X) == ["Keller, Anna"]
    assert opf.xpath("//opf:meta[@property='role']/@scheme", namespaces=X) == ["marc:relators"] * 4
    # the publisher's web site is not this book's identifier; its ISBN is
    assert opf.xpath("//dc:identifier/text()", namespaces=X) == ["urn:isbn:9783161484100"]
    assert opf.xpath("//dc:date/text()", namespaces=X) == ["2020-05-01"]
    # the newest change, in UTC
    assert opf.xpath("//opf:meta[@property='dcterms:modified']/text()", namespaces=X) == ["2024-03-02T09:00:00Z"]
    assert opf.xpath("//dc:language/text()", namespaces=X) == ["de"]
    assert opf.xpath("//dc:rights/text()", namespaces=X) == ["CC BY 4.0"]
    assert opf.xpath("//dc:title/text()", namespaces=X) == ["Briefe an einen Freund", "Eine Auswahl"]


# ----- documents, navigation, notes, registers -----


def test_one_document_per_division_with_its_semantics(book_epub):
    _, folder = book_epub
    ch01 = xhtml(folder, "ch01.xhtml")
    root = ch01.getroot()
    assert root.tag == "{http://www.w3.org/1999/xhtml}html" and root.get("lang") == "en"
    assert ch01.xpath("/x:html/x:body/@epub:type", namespaces=X) == ["bodymatter"]
    assert ch01.xpath("/x:html/x:body/x:section/@epub:type", namespaces=X) == ["chapter"]
    assert plain(ch01.xpath("//x:h1", namespaces=X)[0]).startswith("Chapter 1 The Making of a Bolshevik")
    title = xhtml(folder, "title.xhtml")
    assert title.xpath("//x:section/@epub:type", namespaces=X) == ["titlepage"]
    assert title.xpath("string(//x:h1)", namespaces=X) == "Iron Lazar"
    assert "E. A. Rees" in plain(title.getroot())
    assert broken_links(folder) == []


def test_the_navigation_document_has_every_page_section_and_landmark(book_epub):
    _, folder = book_epub
    nav = xhtml(folder, "nav.xhtml")
    toc = nav.xpath("//x:nav[@epub:type='toc']", namespaces=X)[0]
    top = toc.xpath("x:ol/x:li/x:a/@href", namespaces=X)
    assert top[:2] == ["title.xhtml", "imprint.xhtml"] and top[-1] == "about.xhtml"
    assert {"ch13.xhtml", "persons.xhtml", "places.xhtml", "name-index.xhtml"} <= set(top)
    sections = etree.parse(str(EDITION / "ch01.xml")).xpath("//t:div[@type='section']/t:head", namespaces=NS)
    linked = toc.xpath(".//x:a[starts-with(@href, 'ch01.xhtml#')]", namespaces=X)
    assert [plain(a) for a in linked] == [plain(h) for h in sections]
    landmarks = {
        a.get(f"{{{X['epub']}}}type"): a.get("href")
        for a in nav.xpath("//x:nav[@epub:type='landmarks']//x:a", namespaces=X)
    }
    assert landmarks == {
        "titlepage": "title.xhtml",
        "toc": "nav.xhtml#toc",
        "bodymatter": "introduction.xhtml",
        "bibliography": "bibliography.xhtml",
        "index": "name-index.xhtml",
    }


def test_notes_are_footnotes_that_link_back(book_epub):
    _, folder = book_epub
    for name in ("ch01", "ch07"):
        page = xhtml(folder, f"{name}.xhtml")
        markers = page.xpath("//x:a[@epub:type='noteref']", namespaces=X)
        asides = page.xpath("//x:aside[@epub:type='footnote']", namespaces=X)
        notes = attached_notes(EDITION / f"{name}.xml")
        assert len(markers) == len(asides) == len(notes) > 50
        for marker, aside in zip(markers, asides):
            assert marker.get("href") == f"#{aside.get('id')}"
            assert aside.xpath("x:p/x:a[@role='doc-backlink']/@href", namespaces=X) == [f"#{marker.get('id')}"]
        bodies = [plain(a.xpath("x:div[@class='note-body']", namespaces=X)[0]) for a in asides]
        assert bodies == [plain(n) for n in notes]


def test_registers_and_indexes_are_back_matter(book_epub):
    _, folder = book_epub
    for name in ("persons", "places", "bibliography", "name-index"):
        assert xhtml(folder, f"{name}.xhtml").xpath("/x:html/x:body/@epub:type", namespaces=X) == ["backmatter"], name
    assert xhtml(folder, "name-index.xhtml").xpath("//x:body/x:section/@epub:type", namespaces=X) == ["index"]
    persons = xhtml(folder, "persons.xhtml")
    entry = persons.xpath("//x:section[@id='kaganovich-l-m']", namespaces=X)[0]
    back = entry.xpath(".//x:p[@class='mentions']//x:a[contains(@href, '.xhtml#')]/@href", namespaces=X)
    assert len(back) > 100 and all(re.fullmatch(r"[a-z0-9-]+\.xhtml#m[\w-]+", href) for href in back)


def test_the_epub_keeps_every_word_of_the_book(book_epub):
    _, folder = book_epub
    assert missing(tei_words(EDITION_DOCS), xhtml_words(folder)) == {}


@pytest.mark.parametrize("name", list(OTHERS))
def test_other_tei_keeps_every_word_and_links(others, name):
    result, folder = others[name]
    sources = [f for p in OTHERS[name] for f in ([p] if p.is_file() else sorted(p.glob("*.xml")))]
    assert missing(tei_words(sources), xhtml_words(folder)) == {}
    assert broken_links(folder) == []
    assert result.warnings == []


@pytest.mark.parametrize("name", list(SHARED_SAMPLES))
def test_tei_of_other_projects_keeps_every_word(name, tmp_path):
    path = SHARED_SAMPLES[name]
    if not path.is_file():
        pytest.skip(f"{path} absent (../shared/corpus not laid out here)")
    result = render([path], "epub", tmp_path / "other.epub")
    folder = unpack(result.outdir, tmp_path / "u")
    assert missing(tei_words([path]), xhtml_words(folder)) == {}
    assert broken_links(folder) == []


def test_a_letter_collection_has_its_registers_and_a_play_its_speeches(others):
    _, letters = others["letters"]
    spine = package(letters).xpath("//opf:itemref/@idref", namespaces=X)
    assert {"page-persons", "page-places", "page-organisations"} <= set(spine)
    letter = xhtml(letters, "letter1.xhtml")
    assert letter.xpath("//x:a[contains(@class, 'persName')][.='Ada Finch']/@href", namespaces=X) == [
        "persons.xhtml#pers-ada"
    ]
    _, drama = others["drama"]
    act = xhtml(drama, "act-one.xhtml")
    assert act.xpath("//x:div[@class='sp']/x:p[@class='speaker']/text()", namespaces=X) == ["Wick", "Marrow", "Wick"]
    # a page break of the source is marked, and listed in the navigation document's page list
    pb = act.xpath("//x:span[@epub:type='pagebreak']", namespaces=X)[0]
    assert (pb.get("title"), pb.get("role")) == ("2", "doc-pagebreak")
    page_list = xhtml(drama, "nav.xhtml").xpath("//x:nav[@epub:type='page-list']//x:a", namespaces=X)
    assert [(a.get("href"), a.text) for a in page_list] == [(f"act-one.xhtml#{pb.get('id')}", "2")]
    features = package(drama).xpath("//opf:meta[@property='schema:accessibilityFeature']/text()", namespaces=X)
    assert {"tableOfContents", "pageNavigation"} <= set(features)


# ----- images and hostile input -----


def test_images_are_in_the_epub_and_in_its_manifest(others):
    _, folder = others["varia"]
    assert (folder / "EPUB" / "media" / "quill.png").read_bytes() == (RENDER_DATA / "quill.png").read_bytes()
    opf = package(folder)
    assert opf.xpath("//opf:item[@href='media/quill.png']/@media-type", namespaces=X) == ["image/png"]
    assert xhtml(folder, "entry-two.xhtml").xpath("//x:figure/x:img/@src", namespaces=X) == ["media/quill.png"]


def test_an_image_type_epub_readers_need_not_show_is_refused(tmp_path):
    (tmp_path / "pic.avif").write_bytes(b"\x00\x00\x00\x1cftypavif" + bytes(20))
    doc = tmp_path / "doc.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
        '<text><body><figure><graphic url="pic.avif"/><head>A picture</head></figure></body></text></TEI>'
    )
    result = render([doc], "epub", tmp_path / "out" / "doc.epub")
    assert any("graphic 'pic.avif' not published: AVIF is not an image type" in w for w in result.warnings)
    assert not [n for n in result.files if n.endswith(".avif")]


@pytest.fixture(scope="module")
def hostile_graphics(tmp_path_factory):
    """tests/data/hostile/render/graphics as test_render_hostile sets it up, rendered to EPUB."""
    from renderchecks import hostile_graphics_folder

    root = tmp_path_factory.mktemp("hostile")
    result = render([hostile_graphics_folder(root, HOSTILE)], "epub", root / "book.epub")
    return root, result


def test_hostile_graphics_publish_only_the_folders_images(hostile_graphics):
    root, result = hostile_graphics
    assert [n for n in result.files if n.startswith("EPUB/media/")] == [
        "EPUB/media/images/ok2.png",
        "EPUB/media/ok.png",
    ]
    source = root / "graphics" / "book.xml"
    for url, reason in REFUSED.items():
        assert any(
            f"graphic '{url}' not published" in w and reason in w and str(source) in w for w in result.warnings
        ), url
    private = [
        root / "outside.png",
        Path("/etc/passwd"),
        root / "graphics" / "book.xml",
        root / "graphics" / ".secret.png",
    ]
    secrets = {p.read_bytes() for p in private if p.is_file()}
    with zipfile.ZipFile(result.outdir) as zf:
        assert [n for n in zf.namelist() if zf.read(n) in secrets] == []
        assert not any(b"HOSTILE" in zf.read(n) for n in zf.namelist())


def test_hostile_links_are_text_and_nothing_in_the_epub_runs(tmp_path):
    result = render([HOSTILE / "links.xml"], "epub", tmp_path / "links.epub")
    folder = unpack(result.outdir, tmp_path / "u")
    assert active_content(folder, "*.xhtml") == []
    for path in folder.rglob("*"):
        if path.suffix in (".xhtml", ".opf"):
            doc = etree.parse(str(path))
            assert not doc.xpath("//*[local-name()='script']"), path.name
    assert not package(folder).xpath("//opf:item[contains(@properties, 'scripted')]", namespaces=X)
    assert any("javascript:" in w for w in result.warnings)


# ----- where the file is written -----


def test_the_output_file_is_replaced_only_when_safe(tmp_path, capsys):
    src = RENDER_DATA / "drama.xml"
    out = tmp_path / "play.epub"
    assert main(["render", str(src), "--to", "epub", "-o", str(out)]) == 0
    first = out.read_bytes()
    assert main(["render", str(src), "--to", "epub", "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["render", str(src), "--to", "epub", "-o", str(out), "--force"]) == 0
    assert out.read_bytes() == first
    other = tmp_path / "notes.txt"
    other.write_text("mine")
    assert main(["render", str(src), "--to", "epub", "-o", str(other), "--force"]) == 1
    assert "not an EPUB" in capsys.readouterr().err and other.read_text() == "mine"
    assert main(["render", str(src), "--to", "epub", "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    copy = tmp_path / "in" / "drama.xml"
    copy.parent.mkdir()
    shutil.copy(src, copy)
    assert main(["render", str(copy), "--to", "epub", "-o", str(copy), "--force"]) == 1
    assert "input of this run" in capsys.readouterr().err and copy.read_bytes() == src.read_bytes()
    assert main(["render", str(copy.parent), "--to", "epub", "-o", str(copy.parent / "x.epub")]) == 1
    assert "inside the input folder" in capsys.readouterr().err


def test_a_failed_render_leaves_the_old_epub_and_no_temporary_file(tmp_path):
    out = tmp_path / "book.epub"
    render([RENDER_DATA / "drama.xml"], "epub", out)
    before = out.read_bytes()
    bad = tmp_path / "src" / "bad.xml"
    bad.parent.mkdir()
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>open</body></text></TEI>')
    with pytest.raises(TeikitError):
        render([bad], "epub", out, force=True)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.epub", "src"]


# ----- EPUBCheck -----


def _epubcheck_cases():
    cases = [pytest.param("book", [EDITION], id="bundled book")]
    cases += [pytest.param(name, paths, id=name) for name, paths in OTHERS.items()]
    for name, path in SHARED_SAMPLES.items():
        skip = pytest.mark.skip(reason=f"{path} absent (../shared/corpus not laid out here)")
        cases.append(pytest.param(name, [path], id=name, marks=[] if path.is_file() else [skip]))
    return cases


@pytest.mark.parametrize(("name", "paths"), _epubcheck_cases())
def test_epubcheck_finds_no_error_nor_warning(name, paths, tmp_path, request):
    pytest.importorskip("epubcheck", reason="EPUBCheck is in the test extra: pip install -e .[test]")
    if shutil.which("java") is None:
        pytest.skip("EPUBCheck needs Java")
    if name == "book":
        out = request.getfixturevalue("book_epub")[0].outdir
    else:
        out = tmp_path / "checked.epub"
        render(paths, "epub", out)
    messages = epubcheck_messages(out)
    serious = [m for m in messages if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert serious == [], [(m["ID"], m["message"], m["locations"][:1]) for m in serious]


def test_epubcheck_passes_a_full_header(tmp_path):
    pytest.importorskip("epubcheck", reason="EPUBCheck is in the test extra: pip install -e .[test]")
    if shutil.which("java") is None:
        pytest.skip("EPUBCheck needs Java")
    doc = tmp_path / "briefe.xml"
    doc.write_text(FULL_HEADER, encoding="utf-8")
    render([doc], "epub", tmp_path / "briefe.epub")
    serious = [m for m in epubcheck_messages(tmp_path / "briefe.epub") if m["severity"] != "USAGE"]
    assert serious == [], [(m["ID"], m["message"]) for m in serious]


# Divisions named like the EPUB's own documents, headings without words, a note in a heading,
# a date inside an imprint on the title page, a licence badge inside a link, a note whose
# marker the register does not show.
AWKWARD = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>Awkward</title></titleStmt><publicationStmt><p/></publicationStmt>
<sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><front><titlePage>
<docTitle><titlePart>Awkward</titlePart></docTitle><docImprint><pubPlace>Cleve,</pubPlace>
<docDate>1835.</docDate></docImprint></titlePage></front><body>
<div><head>Licence</head><p><ref target="https://creativecommons.org/licenses/by/4.0/"><graphic
url="https://licensebuttons.net/l/by/4.0/88x31.png"/> CC BY 4.0</ref></p></div>
<div xml:id="nav"><head>Nav</head><p>One.</p><div><head/><p>Two.</p></div></div>
<div xml:id="title"><head><note>Only a note.</note></head><p>Three.</p></div>
<div xml:id="about"><p>Four.</p></div>
<div xml:id="package"><head>Package</head><p>Five.</p></div>
</body></text><standOff><listPlace><place xml:id="zion"><placeName>Zion</placeName>
<location><settlement>Near</settlement><note>Said of a location.</note></location></place>
</listPlace></standOff></TEI>"""


def test_pages_never_replace_the_epubs_own_documents_and_every_entry_has_a_label(tmp_path):
    doc = tmp_path / "awkward.xml"
    doc.write_text(AWKWARD, encoding="utf-8")
    result = render([doc], "epub", tmp_path / "awkward.epub")
    pages = {n.removeprefix("EPUB/") for n in result.files if n.endswith(".xhtml")}
    assert pages == {
        "title.xhtml",
        "nav.xhtml",
        "about.xhtml",
        "nav-2.xhtml",
        "title-2.xhtml",
        "about-2.xhtml",
        "package.xhtml",
        "licence.xhtml",
        "places.xhtml",
    }
    folder = unpack(result.outdir, tmp_path / "u")
    toc = xhtml(folder, "nav.xhtml").xpath("//x:nav[@epub:type='toc']//x:a", namespaces=X)
    assert all(plain(a) for a in toc) and broken_links(folder) == []
    if shutil.which("java") and pytest.importorskip("epubcheck"):
        serious = [m for m in epubcheck_messages(result.outdir) if m["severity"] != "USAGE"]
        assert serious == [], [(m["ID"], m["message"]) for m in serious]


def test_a_picture_on_the_title_page_is_the_cover_image(tmp_path):
    shutil.copy(RENDER_DATA / "quill.png", tmp_path / "cover.png")
    doc = tmp_path / "book.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Quill</title></titleStmt>'
        "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
        '<text><front><titlePage><docTitle><titlePart type="main">Quill</titlePart></docTitle>'
        '<figure><graphic url="cover.png"/><figDesc>A quill pen</figDesc></figure></titlePage></front>'
        "<body><div><head>One</head><p>Text.</p></div></body></text></TEI>"
    )
    result = render([doc], "epub", tmp_path / "quill.epub")
    folder = unpack(result.outdir, tmp_path / "u")
    opf = package(folder)
    assert opf.xpath("//opf:item[@properties='cover-image']/@href", namespaces=X) == ["media/cover.png"]
    title = xhtml(folder, "title.xhtml")
    assert title.xpath("//x:img/@src", namespaces=X) == ["media/cover.png"]
    assert title.xpath("//x:img/@alt", namespaces=X) == ["A quill pen"]
