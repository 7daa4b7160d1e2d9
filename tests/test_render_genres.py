"""Anyone's TEI, faithfully (issue 17): small files in the style of each genre, rendered to
the HTML, text and EPUB editions (tests/data/render/genres): a critical apparatus with its
witness list, a manuscript description, a letter, a verse play, a group of texts. And a
sweep: every TEI sample of tests/data renders to every edition, keeping its words."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree, html

from conftest import RENDER_DATA
from renderchecks import (
    epubcheck_messages,
    failing_transforms,
    html_words,
    missing,
    tei_words,
    text_words,
    vnu_messages,
    xhtml_words,
)
from teikit.render import render, saxon
from teikit.render.collection import collect, located

GENRES = RENDER_DATA / "genres"
DATA = Path(__file__).resolve().parent / "data"


def is_tei(path: Path) -> bool:
    try:
        return etree.QName(etree.parse(str(path)).getroot()).localname in ("TEI", "teiCorpus")
    except etree.XMLSyntaxError:  # samples of broken XML, made for the validator's tests
        return False


# Every TEI sample of the tests, but those made to be refused (tests/data/hostile).
SAMPLES = sorted(p for folder in (DATA / "render", DATA / "validate") for p in folder.rglob("*.xml") if is_tei(p))


@pytest.fixture(scope="module")
def genres(tmp_path_factory):
    out = {}
    for path in sorted(GENRES.glob("*.xml")):
        base = tmp_path_factory.mktemp(path.stem)
        out[path.stem] = (render([path], "html", base / "html"), render([path], "text", base / "text"))
    return out


def main_of(result, name: str):
    return html.parse(str(result.outdir / name)).xpath("//main")[0]


def book_text(result) -> str:
    return (result.outdir / "book.txt").read_text(encoding="utf-8")


def test_every_genre_sample_keeps_its_words_without_warnings(genres):
    for name, (site, text) in genres.items():
        expected = tei_words([GENRES / f"{name}.xml"])
        assert missing(expected, html_words(site.outdir)) == {}, name
        assert missing(expected, text_words(book_text(text))) == {}, name
        assert site.warnings == [] and text.warnings == [], name


def test_genre_samples_are_valid_html(genres):
    for name, (site, _) in genres.items():
        assert [m for m in vnu_messages(site.outdir) if m["type"] == "error"] == [], name


def test_apparatus_marks_the_lemma_and_names_the_witnesses_by_their_sigla(genres):
    site, text = genres["apparatus"]
    poem = main_of(site, "the-heron-at-evening.html")
    apps = poem.xpath(".//span[@class='app']")
    assert [a.xpath("string(mark)") for a in apps] == ["shallow", "slowly", "wind", "dusk"]
    notes = [a.xpath("string(span[@class='apparatus'])") for a in apps]
    # sigla from listWit: @n (R), an abbr of type siglum (SV), a label (Pr); an unknown pointer as written
    assert notes == [
        " [lem. R; hollow SV Pr]",
        " [lem. R Pr; om. SV]",
        " [breath SV; breeze Pr]",
        " [dusk R; darkness Lost]",
    ]
    assert apps[1].xpath("span/span[@class='rdg om']/text()") == ["om."]
    assert "#" not in poem.text_content()
    txt = book_text(text)
    assert "The heron stands where shallow [lem. R; hollow SV Pr] water turns," in txt
    assert "And slowly [lem. R Pr; om. SV] the reeds give back the light;" in txt


def test_manuscript_description_is_structured(genres):
    site, text = genres["msdesc"]
    ms = main_of(site, "index.html").xpath(".//section[contains(@class, 'msDesc')]")[0]
    assert ms.xpath("h4/text()") == ["Lindley, Fenwick Library, MS. Fenwick 12"]
    sections = ms.xpath("section[contains(@class, 'ms-section')]")
    assert [s.xpath("string(h5)") for s in sections] == [
        "Identifier",
        "Contents",
        "Physical description",
        "History",
        "Additional information",
    ]
    items = sections[1].xpath("div[contains(@class, 'msItem')]")
    assert [i.xpath("string(p[@class='ms-label'])") for i in items] == ["Item 1 (ff. 1r–40v)", "Item 2"]
    author = items[0].xpath("div[contains(@class, 'author')]")[0]
    assert author.xpath("string(span[@class='ms-label'])") == "Author: " and "al-Qazwīnī" in author.text_content()
    # a note of paragraphs is a field of paragraphs, not a span holding p (invalid HTML)
    note = items[0].xpath("div[contains(@class, 'note')]")[0]
    assert [p.text for p in note.xpath("p")] == [
        "The copyist names himself in a marginal colophon.",
        "Written in two columns from f. 12.",
    ]
    assert not ms.xpath(".//span//p | .//p//p | .//p//div")
    provenance = sections[3].xpath("div[contains(@class, 'provenance')]")[0]
    assert provenance.text_content() == "Provenance: Owned by Harriet Lowe."
    txt = book_text(text)
    assert "Source:\n\n  Lindley, Fenwick Library, MS. Fenwick 12\n    Identifier:\n      Country: England\n" in txt
    assert "\n      Item 1:\n        Folios: ff. 1r–40v\n        Author: Abū Ḥāmid al-Qazwīnī\n" in txt
    assert "\n      Provenance: Owned by Harriet Lowe.\n" in txt


def test_a_letter_has_its_address_dateline_and_closer_on_lines_of_their_own(genres):
    site, text = genres["letter"]
    letter = main_of(site, "letter.html")
    opener = letter.xpath(".//div[@class='opener']")[0]
    assert [d.text for d in opener.xpath("div[@class='tei-address']/div")] == [
        "Herrn Richard Beer-Hofmann",
        "Kopenhagen",
        "Hotel Phoenix",
    ]
    assert opener.xpath("string(div[@class='dateline'])") == "Wien, 3. Mai 1906"
    assert [d.text for d in letter.xpath(".//div[@class='closer']/div")] == ["Herzlich dein", "Arthur"]
    txt = book_text(text)
    assert "Herrn Richard Beer-Hofmann\nKopenhagen\nHotel Phoenix\n\nWien, 3. Mai 1906\n\nLieber Richard," in txt
    assert "\n\nHerzlich dein\n\nArthur" in txt
    # <space/> and elements the transforms do not know are not glued to their neighbours
    words = re.findall(r"\w+", txt)
    assert "gestern" in words and "und" in words and "Poststempel" in words and "bleibt" in words
    assert re.findall(r"\w+", letter.xpath("string(.//p[@class='p'])")).count("Siegel") == 1


def test_drama_speakers_stage_directions_and_numbered_verse(genres):
    site, text = genres["drama"]
    # the page breaks between the acts mark pages; the acts stay pages of their own
    act1, act2 = main_of(site, "act-one.html"), main_of(site, "act-two.html")
    assert act1.xpath(".//span[@class='pb']/text()") == ["1"]
    assert act2.xpath(".//span[@class='pb']/text()") == ["2", "3"]
    assert act1.xpath("article/*[1][@class='pb']") and act2.xpath("article/*[last()][@class='pb']")
    speeches = act1.xpath(".//div[@class='sp']")
    assert [s.xpath("string(p[@class='speaker'])") for s in speeches] == ["Miller", "Reeve", "Miller"]
    # verse outside lg: its number in the margin, apart from the verse
    lines = speeches[0].xpath("div[@class='l']")
    assert [(line.xpath("string(span[@class='l-n'])"), line.xpath("string(text())")) for line in lines] == [
        ("1", "The wheel is still, the water holds its breath,"),
        ("2", "And I am sworn to silence until death."),
    ]
    # a speech or paragraph that opens with a line break does not open with an empty line
    assert not speeches[1].xpath(".//br") and speeches[1].xpath("p/span[@class='stage']/text()") == ["He turns to go."]
    assert [br.tail for br in speeches[2].xpath(".//br")] == ["Hear me out."]
    assert act1.xpath("string(.//p[@class='stage'])") == "A mill by the river. Night."
    txt = (text.outdir / "act-one.txt").read_text(encoding="utf-8")
    verse = [line for line in txt.splitlines() if "wheel is still" in line][0]
    assert verse.startswith("        The wheel") and verse.endswith(" 1") and len(verse) == 78
    assert "Reeve\n    Then keep your oath, and keep your flour dry. (He turns to go.)\n" in txt
    assert "Miller\n    Stay a moment. Hear me out.\n" in txt


def test_the_front_and_back_around_a_group_of_texts_are_published(genres):
    site, text = genres["group"]
    index = main_of(site, "index.html")
    assert index.xpath(".//nav[@class='toc']/ol/li/a/text()") == [
        "Editor's preface",
        "On Floods",
        "Argument",
        "On Patience",
        "Works cited",
    ]
    assert "Marsh Parish Records" in main_of(site, "works-cited.html").text_content()
    # the group's own head and trailer open its first page and close its last
    assert main_of(site, "on-floods.html").xpath("string(article/p[@class='head'][1])") == "The Sermons"
    assert main_of(site, "on-patience.html").xpath("string(article/div[@class='trailer'])") == "Here end the sermons."
    contents = book_text(text).split("Contents\n--------")[1]
    assert contents.index("Editor's preface") < contents.index("On Floods") < contents.index("Works cited")


def test_a_gap_shows_what_the_editor_wrote_of_it_and_a_structured_entry_keeps_its_link(genres):
    """A gap's description stands in its place ("[illegible]"), an undescribed gap is an
    ellipsis; a biblStruct's link and note beside its analytic and monographic parts are
    shown, not dropped (both lost before: the sweep of others' TEI counted the words); a
    bibl's title and page written with no space between are not glued ("Registers41")."""
    site, text = genres["transcription"]
    pages = " ".join("".join(html.parse(str(p)).xpath("//main")[0].itertext()) for p in site.outdir.glob("*.html"))
    gaps = [
        " ".join(g.itertext())
        for p in site.outdir.glob("*.html")
        for g in html.parse(str(p)).xpath("//*[@class='gap']")
    ]
    assert sorted(gaps) == ["[duplicate leaf]", "[illegible]", "[…]"], gaps
    assert "Reedley's article online" in pages and "Lists the water damage leaf by leaf." in pages
    link = [
        a
        for p in site.outdir.glob("*.html")
        for a in html.parse(str(p)).xpath("//a[@href]")
        if "example.org/fenland" in a.get("href")
    ]
    assert link, "the entry's link"
    assert "Fenland Archives Quarterly (1998) 41-57." in " ".join(pages.split())  # no "(, 1998)"
    book = book_text(text)
    assert "baptised the [illegible] day of March" in book and "repeats the last: [duplicate leaf] and" in book
    assert "John Cole […] was baptised" in book
    assert "Reedley's article online" in " ".join(book.split())
    # a citation's parts written one against the other are read apart, without a space before ")"
    assert "dated by Reedley (Registers II 41) to the 1710s." in " ".join(pages.split())
    assert "dated by Reedley (Registers II 41) to the 1710s." in " ".join(book.split())


def test_an_element_the_transforms_fail_on_is_reported_and_shown_as_its_text(tmp_path, monkeypatch):
    """A template that fails (here one added to the transforms for the test) costs its block
    only: the block is shown as its text, the failure reported with the file and line."""
    failing_transforms(tmp_path, monkeypatch, ("html.xsl", "html"), ("text.xsl", "txt-inline"))
    source = tmp_path / "failing.xml"
    source.write_text(
        (GENRES / "drama.xml")
        .read_text(encoding="utf-8")
        .replace("<stage>He turns to go.</stage>", '<stage>He <hi rend="fails">turns</hi> to go.</stage>'),
        encoding="utf-8",
    )
    lines = source.read_text(encoding="utf-8").splitlines()
    failing = next(n for n, text in enumerate(lines) if "fails" in text)
    line = max(n for n, text in enumerate(lines[:failing], 1) if "<sp " in text)  # the block it is in
    tree = collect([source])
    xml_text = etree.tostring(tree, encoding="unicode")
    params = {"link-schemes": "http https"}
    (tmp_path / "html").mkdir()
    (tmp_path / "text").mkdir()
    messages = located(tree, saxon.transform("failing-html.xsl", xml_text, tmp_path / "html", params))
    messages += located(tree, saxon.transform("failing-text.xsl", xml_text, tmp_path / "text", params))
    assert (
        messages
        == [
            f"warning: {source}:{line}: <sp> could not be rendered (this element cannot be rendered); shown as its text"
        ]
        * 2
    )
    act = html.parse(str(tmp_path / "html" / "act-one.html"))
    shown = act.xpath("//div[@class='unrendered tei-sp']")[0]
    assert shown.text == "Reeve Then keep your oath, and keep your flour dry. He turns to go."
    assert len(act.xpath("//div[@class='sp']")) == 2  # the other speeches as they are
    txt = (tmp_path / "text" / "act-one.txt").read_text(encoding="utf-8")
    assert "\nReeve Then keep your oath, and keep your flour dry. He turns to go.\n" in txt
    assert "Miller\n    Stay a moment. Hear me out.\n" in txt


# ----- the sweep -----


@pytest.fixture(scope="module")
def sweep(tmp_path_factory):
    out = {}
    for k, path in enumerate(SAMPLES):
        base = tmp_path_factory.mktemp(f"sample{k}")
        out[path] = {
            to: render([path], to, base / (to + (".epub" if to == "epub" else ""))) for to in ("html", "text", "epub")
        }
    return out


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: str(p.relative_to(DATA)))
def test_every_tei_sample_renders_to_every_edition_keeping_its_words(sweep, path, tmp_path):
    rendered = sweep[path]
    expected = tei_words([path])
    assert missing(expected, html_words(rendered["html"].outdir)) == {}
    text = text_words((rendered["text"].outdir / "book.txt").read_text(encoding="utf-8"))
    assert missing(expected, text) == {}
    with zipfile.ZipFile(rendered["epub"].outdir) as zf:
        zf.extractall(tmp_path)
    assert missing(expected, xhtml_words(tmp_path)) == {}


def test_the_genre_samples_pass_epubcheck(sweep):
    for path in sorted(GENRES.glob("*.xml")):
        errors = [m for m in epubcheck_messages(sweep[path]["epub"].outdir) if m["severity"] in ("ERROR", "FATAL")]
        assert errors == [], (path.name, errors[:3])


def test_mathml_reads_as_a_typed_formula_in_the_text_edition(genres):
    """A formula in the text edition is a line a reader can type: scripts after _ and ^,
    fractions with /, a root with √, parts of more than one token in parentheses, a number
    written digit by digit as one number, invisible operators and annotations left out
    (before, every token stood apart: "v end = 2 g h 0", "9 . 8 1")."""
    _, text = genres["formula"]
    book = " ".join(book_text(text).split())
    assert "from a height h_0 reaches" in book
    assert "v_end = √(2 g h_0)" in book
    assert "where g = 9.81 metres" in book
    assert "is t = v_end/g, and" in book and "x-tex" not in book and "v_{end}" not in book
    assert "(m v^2)/2 = m g (h_0 − h) at a height h." in book


def test_mathml_is_drawn_by_the_page_and_nothing_of_it_runs(genres, tmp_path):
    """The HTML edition writes a formula as MathML (before: its tokens glued as text, the TeX
    annotation shown): elements Core dropped rewritten to show (mfenced → fences in a row,
    semantics → its presentation), no href, event handler, style, class or id kept, no
    annotation; the EPUB declares the "mathml" property for the page that has it."""
    site, _ = genres["formula"]
    page = (site.outdir / "speed-at-the-ground.html").read_text(encoding="utf-8")
    main = html.fromstring(page).xpath("//main")[0]
    maths = main.xpath(".//math")
    assert len(maths) == 7
    assert [m.get("display") for m in maths].count("block") == 1
    assert maths[1].xpath(".//msqrt") and not main.xpath(".//mfenced | .//semantics | .//annotation")
    assert [mo.text for mo in maths[4].xpath(".//mo[@fence]")] == ["(", ")"]
    assert "v_{end}" not in page and "alert" not in page and "javascript" not in page
    for el in main.xpath(".//math//*"):
        assert not set(el.attrib) & {"href", "onclick", "style", "class", "id"}, el.tag
    epub = render([GENRES / "formula.xml"], "epub", tmp_path / "formula.epub")
    with zipfile.ZipFile(epub.outdir) as z:
        opf = etree.fromstring(z.read("EPUB/package.opf"))
    items = {i.get("href"): i.get("properties") for i in opf.iter("{http://www.idpf.org/2007/opf}item")}
    assert items["speed-at-the-ground.xhtml"] == "mathml" and items["title.xhtml"] is None


def test_an_example_of_encoding_is_shown_as_its_markup(genres):
    """An egXML (TEI's example of encoding) shows the markup it is, in a code block, its
    common indentation removed and the Examples namespace left out — before, its text was
    read as prose and glued ("17421724"); a script in an example is shown as text."""
    site, text = genres["example"]
    page = (site.outdir / "errors-in-the-copy.html").read_text(encoding="utf-8")
    main = html.fromstring(page).xpath("//main")[0]
    codes = ["".join(c.itertext()) for c in main.xpath(".//pre/code")]
    assert codes == [
        "<p>The tenant paid <choice><sic>1742</sic><corr>1724</corr></choice> shillings.</p>\n"
        "<!-- the year, not the sum, was misprinted -->",
        '<hi rend="bold">Smith &amp; Sons</hi><script>alert(1)</script>',
    ]
    assert not main.xpath(".//script | .//choice") and "Examples" not in page
    book = book_text(text)
    assert "\n    <p>The tenant paid <choice><sic>1742</sic>" in book
    assert "\n    <!-- the year, not the sum, was misprinted -->" in book
