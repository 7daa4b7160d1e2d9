"""Publishing: the HTML and text editions of the bundled book and of TEI written by others."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree, html

from conftest import EDITION, NS, RENDER_DATA
from renderchecks import broken_links, html_words, missing, tei_words, text_words, vnu_messages
from teikit.cli import main
from teikit.errors import TeikitError
from teikit.render import render

CHAPTERS = [f"ch{i:02d}" for i in range(1, 14)]
EDITION_DOCS = sorted(p for p in EDITION.glob("*.xml") if p.name != "iron-lazar.xml")


def page(folder: Path, name: str):
    return html.parse(str(folder / name))


def attached_notes(tei_path: Path) -> list:
    tree = etree.parse(str(tei_path))
    return tree.xpath("//t:text//t:note[not(parent::t:div)]", namespaces=NS)


# ----- the book as a site -----


def test_site_has_an_opening_page_and_a_page_per_chapter(book_html):
    for name in [
        "index.html",
        "introduction.html",
        *(f"{c}.html" for c in CHAPTERS),
        "conclusion.html",
        "bibliography.html",
        "name-index.html",
        "subject-index.html",
    ]:
        assert (book_html / name).is_file(), name
    index = page(book_html, "index.html")
    assert index.findtext(".//h1") == "Iron Lazar"
    assert "A Political Biography of Lazar Kaganovich" in index.xpath("string(//main)")
    assert "Anthem Press" in index.xpath("string(//section[@class='about'])")
    toc = index.xpath("//nav[@class='toc']//a/@href")
    assert [h for h in toc if "#" not in h][:4] == [
        "imprint.html",
        "table-of-contents.html",
        "list-of-figures.html",
        "introduction.html",
    ]
    assert {"bibliography.html", "name-index.html", "subject-index.html"} <= set(toc)
    # every section of every chapter is in the contents, as a link to its target
    ch01 = etree.parse(str(EDITION / "ch01.xml"))
    sections = ch01.xpath("//t:div[@type='section']/t:head", namespaces=NS)
    linked = index.xpath("//nav[@class='toc']//a[starts-with(@href, 'ch01.html#')]/text()")
    assert linked == [" ".join("".join(h.itertext()).split()) for h in sections]


def test_chapter_pages_have_sections_navigation_and_notes(book_html):
    ch07 = page(book_html, "ch07.html")
    assert ch07.xpath("//header//a[@rel='prev']/@href") == ["ch06.html"]
    assert ch07.xpath("//header//a[@rel='next']/@href") == ["ch08.html"]
    assert ch07.xpath("//footer//a[@rel='next']/@href") == ["ch08.html"]
    assert ch07.xpath("string(//h1)").startswith("Chapter 7")
    sections = ch07.xpath("//section[contains(@class, 'section')]")
    assert len(sections) == len(etree.parse(str(EDITION / "ch07.xml")).xpath("//t:div[@type='section']", namespaces=NS))
    assert all(s.get("id") and s.xpath("h2/a[@class='self']/@href") == [f"#{s.get('id')}"] for s in sections)
    markers = ch07.xpath("//a[@class='noteref']")
    listed = ch07.xpath("//ol[@class='notes']/li")
    assert len(markers) == len(listed) == len(attached_notes(EDITION / "ch07.xml")) > 100
    first = markers[0]
    note = ch07.xpath(f"//li[@id='{first.get('href')[1:]}']")[0]
    assert note.xpath("a[@class='back']/@href") == [f"#{first.get('id')}"]
    assert note.xpath("string(a[@class='note-label'])").strip() == first.text_content().strip() == "1"


def test_every_note_of_the_book_is_listed_with_its_text(book_html):
    for doc in EDITION_DOCS:
        notes = attached_notes(doc)
        if not notes:
            continue
        rendered = page(book_html, f"{doc.stem}.html") if (book_html / f"{doc.stem}.html").exists() else None
        assert rendered is not None, doc.name
        bodies = rendered.xpath("//ol[@class='notes']/li/div[@class='note-body']")
        assert [" ".join(b.text_content().split()) for b in bodies] == [
            " ".join("".join(n.itertext()).split()) for n in notes
        ]


def test_bibliography_and_indexes_have_pages(book_html):
    bib = page(book_html, "bibliography.html")
    assert len(bib.xpath("//ul[@class='bibl']/li")) == 335
    assert bib.xpath("//li[@id='bibl9']//cite")
    names = page(book_html, "name-index.html")
    top = names.xpath("//article/ul/li")
    assert top[0].text_content().startswith("Akimov, S. A.")
    assert len(names.xpath("//article//li")) == len(
        etree.parse(str(EDITION / "back.xml")).xpath("//t:div[t:head='Name Index']//t:item", namespaces=NS)
    )


def test_figures_have_captions_and_contents_links_resolve(book_html):
    ch01 = page(book_html, "ch01.html")
    fig = ch01.xpath("//figure[@id='fig1']")[0]
    assert "wife Maria in Saratov" in fig.xpath("string(figcaption)")
    figures = page(book_html, "list-of-figures.html")
    assert "ch01.html#fig1" in figures.xpath("//a/@href")
    contents = page(book_html, "table-of-contents.html")
    assert "ch13.html" in contents.xpath("//a/@href")


def test_quotations_verse_table_and_foreign_words(book_html):
    ch08 = page(book_html, "ch08.html")
    verse = ch08.xpath("//blockquote/div[@class='lg']/div[@class='l']")
    assert [" ".join(v.text_content().split()) for v in verse][0] == "The Metro you are building"
    ch01 = page(book_html, "ch01.html")
    assert ch01.xpath("//i[@class='foreign'][@lang='ru-Latn']/text()")[:2] == ["batraks", "stepka"]
    tables = [t for p in book_html.glob("ch*.html") for t in page(book_html, p.name).xpath("//table")]
    assert len(tables) == 1 and tables[0].xpath(".//td")


def test_the_site_keeps_every_word_of_the_edition(book_html):
    assert missing(tei_words(EDITION_DOCS), html_words(book_html)) == {}


def test_no_broken_internal_link_in_the_site(book_html):
    assert broken_links(book_html) == []


def test_the_site_is_valid_html5(book_html):
    errors = [m for m in vnu_messages(book_html) if m["type"] == "error"]
    assert errors == []


# ----- the book as text -----


def test_text_edition_files_and_title_block(book_text):
    names = {p.name for p in book_text.glob("*.txt")}
    assert {"book.txt", "introduction.txt", "conclusion.txt", *(f"{c}.txt" for c in CHAPTERS)} <= names
    book = (book_text / "book.txt").read_text(encoding="utf-8")
    assert book.startswith("Iron Lazar\nA Political Biography of Lazar Kaganovich\nE. A. Rees\n")
    assert "Chapter 13 De-Stalinization and Nemesis, 1953–1991\n=================" in book


def test_text_edition_keeps_every_word_and_no_markup(book_text):
    book = (book_text / "book.txt").read_text(encoding="utf-8")
    assert missing(tei_words(EDITION_DOCS), text_words(book)) == {}
    assert not re.search(r"</?[a-zA-Z][\w:.-]*[\s>/]|&(amp|lt|gt|quot|#\d+);", book)


def test_text_edition_wraps_numbers_headings_and_lists_notes(book_text):
    ch01 = (book_text / "ch01.txt").read_text(encoding="utf-8")
    lines = ch01.splitlines()
    assert all(len(line) <= 78 or " " not in line.strip() for line in lines)
    assert "1.1 Family and Childhood\n------------------------\n" in ch01
    body, notes = ch01.split("\nNotes\n-----\n")
    n = len(attached_notes(EDITION / "ch01.xml"))
    markers = re.findall(r"\[(\d+)\]", body)
    assert len(markers) == n and markers[:3] == ["1", "2", "3"]
    assert len(re.findall(r"^\[\d+\] ", notes, re.M)) == n
    assert "\n[3] PZ, 25.\n" in notes
    paragraphs = body.split("\n\n")
    assert any(p.startswith("Lazar Moiseevich Kaganovich was born") for p in paragraphs)


def test_text_edition_unwrapped(tmp_path):
    render([EDITION / "iron-lazar.xml"], "text", tmp_path / "t", width=0)
    ch01 = (tmp_path / "t" / "ch01.txt").read_text(encoding="utf-8")
    para = next(p for p in ch01.split("\n\n") if p.startswith("Lazar Moiseevich"))
    assert "\n" not in para and len(para) > 300
    wide = tmp_path / "w"
    assert main(["render", str(EDITION), "--to", "text", "-o", str(wide), "--width", "100"]) == 0
    assert max(len(l) for l in (wide / "ch01.txt").read_text(encoding="utf-8").splitlines() if " " in l) <= 100


# ----- TEI written by others -----

OTHERS = {
    "drama": [RENDER_DATA / "drama.xml"],
    "varia": [RENDER_DATA / "varia.xml"],
    "letters": [RENDER_DATA / "letters"],
}


@pytest.fixture(scope="module")
def others(tmp_path_factory):
    out = {}
    for name, paths in OTHERS.items():
        base = tmp_path_factory.mktemp(name)
        out[name] = (render(paths, "html", base / "html"), render(paths, "text", base / "text"))
    return out


def source_files(name):
    return [f for p in OTHERS[name] for f in ([p] if p.is_file() else sorted(p.glob("*.xml")))]


@pytest.mark.parametrize("name", list(OTHERS))
def test_other_tei_keeps_every_word(others, name):
    rendered_html, rendered_text = others[name]
    expected = tei_words(source_files(name))
    assert missing(expected, html_words(rendered_html.outdir)) == {}
    text = (rendered_text.outdir / "book.txt").read_text(encoding="utf-8")
    assert missing(expected, text_words(text)) == {}
    assert broken_links(rendered_html.outdir) == []
    assert rendered_html.warnings == [] and rendered_text.warnings == []


def test_other_tei_is_valid_html5(others):
    for name, (rendered_html, _) in others.items():
        assert [m for m in vnu_messages(rendered_html.outdir) if m["type"] == "error"] == [], name


def test_drama_renders_speeches_stage_directions_and_verse(others):
    site = others["drama"][0].outdir
    act = page(site, "act-one.html")
    assert act.xpath("//div[@class='sp']/p[@class='speaker']/text()") == ["Wick", "Marrow", "Wick"]
    assert act.xpath("//p[@class='stage']/text()")[0] == "A street at dusk. Lamps unlit."
    assert act.xpath("//div[@class='l']/span[@class='stage']/text()") == ["(he yawns)"]
    assert act.xpath("//span[@class='pb']/text()") == ["2"]
    assert act.xpath("//div[@class='lg']/div[@class='l']")
    assert page(site, "drama-front.html").xpath("//div[@class='castList']//span[@class='tei-role']")
    text = (others["drama"][1].outdir / "act-one.txt").read_text(encoding="utf-8")
    assert "1. Act One\n==========" in text
    assert "Wick\n        Another night, another row of flames," in text
    assert "(Exeunt severally.)" in text


def test_editorial_elements_show_reading_and_alternative(others):
    site = others["varia"][0].outdir
    one = page(site, "entry-one.html")
    choice = one.xpath("//span[@class='choice']")[0]
    assert choice.xpath("span[@class='corr']/text()") == ["receive"]
    assert "[sic: recieve]" in choice.text_content()
    assert one.xpath("//del/text()") == ["crossed"] and one.xpath("//ins/text()") == ["struck"]
    assert one.xpath("//span[@class='gap']/text()") == ["[…]"]
    # the lemma marked in the text, its witnesses (no listWit here: the pointers' names) after it
    assert one.xpath("//p[@class='app']/mark[@class='lem']/text()") == ["The lemma reading"]
    apparatus = one.xpath("//p[@class='app']/span[@class='apparatus']")[0].text_content()
    assert apparatus == " [lem. A; the variant reading B]"
    assert one.xpath("//i[@lang='la']/text()") == ["lapsus calami"]
    assert one.xpath("//sup[@class='hi']/text()") == ["raised"]
    assert one.xpath("//blockquote/p/text()")[0].startswith("A block quotation")
    assert len(one.xpath("//a[@class='noteref']")) == 2  # one note has no @n: numbered in place
    two = page(site, "entry-two.html")
    assert two.xpath("//ol[contains(@class, 'ordered')]/li[2]/ul/li/text()") == ["black", "oak-gall"]
    assert two.xpath("//dl/dt/text()") == ["quire", "recto"]
    assert two.xpath("//table/caption/text()") == ["Expenses"] and two.xpath("//th/text()") == ["Item", "Pence"]
    # images are published under media/, where they cannot replace a page or an asset
    assert two.xpath("//figure/img/@src") == ["media/quill.png"]
    assert (site / "media" / "quill.png").read_bytes() == (RENDER_DATA / "quill.png").read_bytes()
    assert two.xpath("//span[@class='tei-mystery']/text()") == ["keeps its words"]
    assert two.xpath("//a[@class='ptr']/@href") == ["entry-one.html"]
    text = (others["varia"][1].outdir / "book.txt").read_text(encoding="utf-8")
    assert "receive [sic: recieve]" in text and "[deleted: crossed]" in text
    assert "Item | Pence" in text and "1. candles" in text


def test_names_link_to_registers_which_list_every_mention(others):
    site = others["letters"][0].outdir
    letter = page(site, "letter1.html")
    ada = letter.xpath("//a[contains(@class, 'persName')][.='Ada Finch']")[0]
    assert ada.get("href") == "persons.html#pers-ada"
    assert letter.xpath("//span[contains(@class, 'persName')]/text()") == ["a stranger"]  # no @ref: no link
    assert letter.xpath("//a[contains(@class, 'placeName')]/@href")[0] == "places.html#pl-harwick"
    assert letter.xpath("//time/@datetime") == ["1893-11-23", "1911-08"]
    assert letter.xpath("//span[@class='date']/@title") == ["1904 – 1905"]
    persons = page(site, "persons.html")
    entry = persons.xpath("//section[@id='pers-ada']")[0]
    assert entry.findtext("h2") == "Finch, Ada"
    back = entry.xpath(".//p[@class='mentions']//a[starts-with(@href, 'letter1.html#')]/@href")
    assert back[0] == f"letter1.html#{ada.get('id')}" and len(back) == 2  # the second is in a note
    tom = persons.xpath("//section[@id='pers-tom']")[0]
    assert "Also: Thomas Marlowe" in tom.text_content()
    assert len(tom.xpath(".//p[@class='mentions']//a[contains(@href, '#')]")) == 3
    index = page(site, "index.html")
    assert {"persons.html", "places.html", "organisations.html"} <= set(index.xpath("//nav//a/@href"))
    text = (others["letters"][1].outdir / "persons.txt").read_text(encoding="utf-8")
    assert "- Finch, Ada — A visitor to the harbour.\n\n  In the text: First letter (2)" in text


# A name inside a link (a ref with a target, a ptr) and the same name outside one.
NAME_IN_LINK = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Names in links</title></titleStmt>
    <publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <div><head>Letters</head>
      <p>Written to <ref target="https://example.org/ada"><persName ref="#ada">Ada Finch</persName></ref>
         and read by <persName ref="#ada">Ada</persName> herself.</p></div>
  </body>
  <back><listPerson><person xml:id="ada"><persName>Ada Finch</persName></person></listPerson></back></text>
</TEI>"""


def test_a_name_inside_a_link_is_not_a_link_of_its_own(tmp_path):
    """Links do not nest: a name inside a ref with a target keeps its words, unlinked; the
    same name outside links to its entry, whose mentions list it."""
    (tmp_path / "names.xml").write_text(NAME_IN_LINK, encoding="utf-8")
    site = render([tmp_path / "names.xml"], "html", tmp_path / "html", search=False).outdir
    letters = page(site, "letters.html")
    outer = letters.xpath("//a[@href='https://example.org/ada']")[0]
    assert outer.xpath(".//a") == [] and outer.xpath("span[contains(@class, 'persName')]/text()") == ["Ada Finch"]
    assert letters.xpath("//a[contains(@class, 'persName')]/text()") == ["Ada"]


def test_names_are_linked_as_without_the_shortcut_for_links_without_elements(tmp_path, monkeypatch):
    """html.xsl asks once whether any link of the document holds an element
    (h:links-hold-elements) and, when none does, links every name without a walk up its
    ancestors: the site is the same, byte for byte, as with that walk for every name (the
    plain form: the variable true), for the book (whose links hold no element) and for a
    document whose link holds a name."""
    import teikit.render as render_module
    from teikit.render import saxon

    transforms = tmp_path / "transforms"
    shutil.copytree(saxon.TRANSFORMS, transforms)
    (transforms / "plain-html.xsl").write_text(
        """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
             xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:h="urn:teikit:html">
          <xsl:import href="html.xsl"/>
          <xsl:variable name="h:links-hold-elements" as="xs:boolean" select="true()"/>
        </xsl:stylesheet>""",
        encoding="utf-8",
    )
    (tmp_path / "names.xml").write_text(NAME_IN_LINK, encoding="utf-8")
    for k, paths in enumerate(([EDITION], [tmp_path / "names.xml"])):
        shortcut = render(paths, "html", tmp_path / f"{k}-shortcut", search=False)
        monkeypatch.setattr(saxon, "TRANSFORMS", transforms)
        monkeypatch.setitem(render_module.FORMATS, "html", "plain-html.xsl")
        plain = render(paths, "html", tmp_path / f"{k}-plain", search=False)
        monkeypatch.undo()
        assert shortcut.files == plain.files and len(plain.files) > 3
        for name in plain.files:
            assert (shortcut.outdir / name).read_bytes() == (plain.outdir / name).read_bytes(), name


# ----- bad input and safe output -----


def test_not_well_formed_input_is_a_clear_error_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body><p>open\n</body></text></TEI>')
    with pytest.raises(TeikitError) as err:
        render([bad], "html", tmp_path / "out")
    assert str(err.value).startswith(f"{bad}:3: not well-formed")
    assert not (tmp_path / "out").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]


def test_hostile_and_foreign_input_is_refused(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    xxe = tmp_path / "xxe.xml"
    xxe.write_text(
        f'<!DOCTYPE TEI [<!ENTITY s SYSTEM "{secret.as_uri()}">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&s;</p></body></text></TEI>'
    )
    assert main(["render", str(xxe), "--to", "text", "-o", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "external entity" in err and "TOP-SECRET" not in err and not (tmp_path / "o").exists()
    other = tmp_path / "svg.xml"
    other.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    assert main(["render", str(other), "--to", "html", "-o", str(tmp_path / "o")]) == 1
    assert "not a TEI document" in capsys.readouterr().err
    assert main(["render", str(tmp_path / "absent.xml"), "--to", "html", "-o", str(tmp_path / "o")]) == 1
    assert "absent.xml" in capsys.readouterr().err


def test_existing_output_is_replaced_only_with_force(tmp_path, capsys):
    out = tmp_path / "site"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    src = RENDER_DATA / "drama.xml"
    assert main(["render", str(src), "--to", "html", "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err and (out / "keep.txt").read_text() == "mine"
    # --force replaces only a folder teikit wrote (more in tests/test_output_safety.py)
    assert main(["render", str(src), "--to", "html", "-o", str(out), "--force"]) == 1
    assert "not written by teikit" in capsys.readouterr().err and (out / "keep.txt").read_text() == "mine"
    (out / "keep.txt").unlink()
    assert main(["render", str(src), "--to", "html", "-o", str(out)]) == 0
    (out / "keep.txt").write_text("mine")
    assert main(["render", str(src), "--to", "html", "-o", str(out), "--force"]) == 0
    assert not (out / "keep.txt").exists() and (out / "act-one.html").is_file()


def test_unresolved_pointers_are_reported(tmp_path):
    doc = tmp_path / "one.xml"
    doc.write_text((RENDER_DATA / "letters" / "letters.xml").read_text(encoding="utf-8"))
    result = render([doc], "html", tmp_path / "out")
    assert any("registers.xml#pers-ada" in w and "not in the collection" in w for w in result.warnings)
    letter = page(tmp_path / "out", "letter1.html")
    assert letter.xpath("//span[contains(@class, 'persName')][.='Ada Finch']")  # kept, not linked
    assert broken_links(tmp_path / "out") == []


def test_a_pointer_leads_to_the_file_it_names_however_it_is_written(tmp_path):
    """common.xsl resolves a plain file name ("registers.xml") by joining it to its document's
    folder, anything else with resolve-uri: both must find the same documents."""
    folder = tmp_path / "ed"
    folder.mkdir()
    shutil.copy(RENDER_DATA / "letters" / "registers.xml", folder)
    elsewhere = (tmp_path / "elsewhere").as_uri()
    (folder / "text.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
        '<text><body><div><head>One</head><p><persName ref="registers.xml#pers-ada">plain</persName> '
        '<persName ref="./registers.xml#pers-ada">dotted</persName> '
        '<persName ref="sub/../registers.xml#pers-ada">climbing</persName> '
        '<persName ref="registers.xml?v=1#pers-ada">queried</persName></p>'
        f'<p xml:base="{elsewhere}/"><persName ref="registers.xml#pers-tom">moved</persName></p>'
        '<p xml:base="sub/"><persName ref="registers.xml#pers-tom">relative</persName> '
        '<persName ref="../registers.xml#pers-tom">back up</persName></p></div></body></text></TEI>',
        encoding="utf-8",
    )
    result = render([folder], "html", tmp_path / "out")
    one = page(tmp_path / "out", "one.html")
    links = {a.text_content(): a.get("href") for a in one.xpath("//main//a[contains(@class, 'persName')]")}
    assert links == {name: "persons.html#pers-ada" for name in ("plain", "dotted", "climbing")} | {
        "back up": "persons.html#pers-tom"  # read against the base the paragraph makes: ed/sub/../
    }
    # another folder's registers.xml, a query (another resource) and a relative base lead nowhere
    for name in ("moved", "relative", "queried"):
        assert one.xpath(f"//main//span[contains(@class, 'persName')][. = '{name}']"), name
    reported = [w for w in result.warnings if "not in the collection" in w]
    assert len(reported) == 3 and sum("registers.xml#pers-tom" in w for w in reported) == 2
    # each names the file the pointer is written in, an xml:base of its own or not
    assert all(w.startswith("warning: text: persName points to") for w in reported), reported


def test_a_corpus_file_renders_its_included_documents_once(tmp_path):
    folder = tmp_path / "ed"
    shutil.copytree(EDITION, folder)
    result = render([folder / "iron-lazar.xml"], "text", tmp_path / "a")
    by_folder = render([folder], "text", tmp_path / "b")
    assert result.files == by_folder.files
    book = (tmp_path / "b" / "book.txt").read_text(encoding="utf-8")
    assert book.count("\nChapter 1 The Making of a Bolshevik, 1893–1917\n===") == 1


def test_the_collection_read_one_document_at_a_time_is_the_whole_collection(tmp_path):
    """What Saxon reads from the file collect_to_file writes is the tree collect builds."""
    from teikit.render.collection import collect, collect_to_file

    def canonical(element) -> str:  # the prefixes lxml makes up for rm: may differ; what they name may not
        return etree.canonicalize(xml_data=etree.tostring(element, encoding="unicode"), rewrite_prefixes=True)

    for paths in ([EDITION, RENDER_DATA], [EDITION / "iron-lazar.xml"], [RENDER_DATA / "drama.xml"]):
        dest = tmp_path / "collection.xml"
        collect_to_file(paths, dest)
        assert canonical(etree.parse(str(dest)).getroot()) == canonical(collect(paths)), paths


def test_a_graphics_warning_names_its_line_in_its_own_file(tmp_path):
    """Documents are read back from a copy before the media plan: the lines are still the file's."""
    doc = tmp_path / "src" / "pictures.xml"
    doc.parent.mkdir()
    body = "\n".join(f"<p>line {k}</p>" for k in range(30))
    doc.write_text(
        f"""<TEI xmlns="{NS["t"]}"><teiHeader><fileDesc><titleStmt><title>Pictures</title></titleStmt>
<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>
<text><body>
{body}
<figure><graphic url="missing.png"/></figure>
</body></text></TEI>""",
        encoding="utf-8",
    )
    line = doc.read_text(encoding="utf-8").splitlines().index('<figure><graphic url="missing.png"/></figure>') + 1
    result = render([doc], "html", tmp_path / "site", search=False)
    assert [w for w in result.warnings if "missing.png" in w] == [
        f"{doc}:{line}: graphic 'missing.png' not published: '{doc.parent / 'missing.png'}' not found"
    ]


def test_an_image_is_described_by_its_own_desc_shown_or_missing(tmp_path):
    """A graphic's own desc is its alt text, before its figure's description; when the image
    is not published (missing here, and reported) the desc stands in its place instead of
    vanishing (the sweep of others' TEI lost such descriptions in the HTML edition)."""
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(RENDER_DATA / "quill.png", folder / "quill.png")
    doc = folder / "leaves.xml"
    doc.write_text(
        f"""<TEI xmlns="{NS["t"]}"><teiHeader><fileDesc><titleStmt><title>Leaves</title></titleStmt>
<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>
<text><body>
<figure><graphic url="quill.png"><desc>A goose quill, trimmed</desc></graphic><figDesc>Writing tools</figDesc></figure>
<p>Before the flood: <graphic url="leaf3.png"><desc>Leaf three, water-stained</desc></graphic> and after.</p>
</body></text></TEI>""",
        encoding="utf-8",
    )
    result = render([doc], "html", tmp_path / "site", search=False)
    mains = [html.parse(str(p)).xpath("//main")[0] for p in sorted((tmp_path / "site").glob("*.html"))]
    assert [img.get("alt") for main in mains for img in main.iter("img")] == ["A goose quill, trimmed"]
    shown = " ".join(" ".join(main.text_content().split()) for main in mains)
    assert "Before the flood: Image: Leaf three, water-stained and after." in shown
    assert [w for w in result.warnings if "leaf3.png" in w] != []


def test_editions_rendered_together_are_those_rendered_apart(tmp_path):
    """render_editions reads the documents once for both editions (and Saxon reads the tree
    once when there is one document): the same files, byte for byte, and the same warnings
    as each edition rendered on its own; a collection with graphics (the HTML edition's
    documents are prepared apart) and the book's folder, whose chapters the corpus includes."""
    from teikit.render import render_editions

    for k, paths in enumerate(([RENDER_DATA], [EDITION])):
        together = render_editions(
            paths, [(to, tmp_path / f"{k}-{to}-together") for to in ("html", "text")], search=False
        )
        for result in together:
            apart = render(paths, result.to, tmp_path / f"{k}-{result.to}-apart", search=False)
            assert result.files == apart.files and len(apart.files) > 5
            for name in apart.files:
                assert (apart.outdir / name).read_bytes() == (result.outdir / name).read_bytes(), name
            assert result.warnings == apart.warnings


def test_editions_rendered_together_read_the_collections_tree_once(tmp_path, monkeypatch):
    """The book's documents fit in one window: render_editions has Saxon read their tree
    once, and gives that tree to both transforms (Reading.parse), as it does one document,
    with what their transforms compute alike, the mentions of the register entries among
    it, computed once for both (Reading.shared);
    the previous test shows the editions are those rendered apart."""
    import teikit.render as rendering
    from teikit.render.saxon import Parsed

    given = []
    gathered = []
    real, real_value_of = rendering.transform, rendering.value_of

    def spy(name, source, outdir, params):
        given.append((name, source, params))
        return real(name, source, outdir, params)

    def spy_value_of(name, source, template, params):
        gathered.append(template)
        return real_value_of(name, source, template, params)

    monkeypatch.setattr(rendering, "transform", spy)
    monkeypatch.setattr(rendering, "value_of", spy_value_of)
    made = rendering.render_editions([EDITION], [(to, tmp_path / to) for to in ("html", "text")], search=False)
    assert [name for name, _, _ in given] == ["html.xsl", "text.xsl"]
    assert isinstance(given[0][1], Parsed) and given[1][1] is given[0][1]
    assert gathered == [rendering.TREE_VALUES]
    mentions = [params[rendering.MENTIONS] for _, _, params in given]
    assert mentions[0] is mentions[1] and mentions[0].size > 1000  # a map for each page and entry named there
    shared = [{key: value for key, value in params.items() if key.startswith("{")} for _, _, params in given]
    assert shared[0] == shared[1] and len(shared[0]) == len(rendering.TREE_VALUE_NAMES)
    assert len(made[0].files) > 20 and "book.txt" in made[1].files


def test_an_id_given_twice_does_not_stop_the_render(tmp_path):
    """Rendering is not validation: a document whose xml:id is given twice (validate reports
    it) renders, with or without a graphic to prepare: it used to stop with libxml2's
    traceback when the document was read back."""
    doc = tmp_path / "src" / "twice.xml"
    doc.parent.mkdir()
    shutil.copy(RENDER_DATA / "quill.png", doc.parent / "quill.png")
    for graphic in ("", '<figure><graphic url="quill.png"/></figure>'):
        doc.write_text(
            f"""<TEI xmlns="{NS["t"]}"><teiHeader><fileDesc><titleStmt><title>Twice</title></titleStmt>
<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>
<text><body><p xml:id="a">First <ref target="#a">here</ref>.</p><p xml:id="a">Second.</p>{graphic}</body></text></TEI>""",
            encoding="utf-8",
        )
        out = tmp_path / f"site{len(graphic)}"
        render([doc], "html", out, search=False)
        page = (out / "twice.html").read_text(encoding="utf-8")
        assert (
            '<p id="a" class="p">First <a href="twice.html#a" class="ref">here</a>.</p><p id="a" class="p">Second.</p>'
            in page
        )


def test_links_outside_ascii_are_escaped_in_the_site_and_found_in_the_epub_and_the_print_edition(tmp_path, monkeypatch):
    """html.xsl escapes the URLs it makes from document data itself (h:uri), as the HTML
    serializer's escape-uri-attributes did: NFC, then each character outside printable
    ASCII as %HH of its UTF-8 bytes. The EPUB leaves that to its serializer, and the print
    edition, which finds a link's target by the link as made, gets it unescaped."""
    import teikit.render.pdf as pdf

    doc = tmp_path / "src" / "une.xml"
    doc.parent.mkdir()
    doc.write_text(
        f"""<TEI xmlns="{NS["t"]}"><teiHeader><fileDesc><titleStmt><title>Une</title></titleStmt>
<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>
<text><body><div xml:id="première"><head>Première</head>
<p>Voir <ref target="#deuxième">la suite</ref>, <ref target="https://example.org/été">l’été</ref> et
<persName ref="#zoë">Zoë</persName>.<note xml:id="n-à" place="foot">Note.</note></p>
<div xml:id="deuxième"><head>Deuxième</head><p><ref target="#première">Retour</ref>.</p></div></div></body></text>
<standOff><listPerson><person xml:id="zoë"><persName>Zoë</persName></person></listPerson></standOff></TEI>""",
        encoding="utf-8",
    )
    render([doc], "html", tmp_path / "site", search=False)
    first = page(tmp_path / "site", "premiere.html")
    links = {a.text_content(): a.get("href") for a in first.xpath("//main//a[@href]")}
    assert links["la suite"] == "premiere.html#deuxi%C3%A8me"
    assert links["l’été"] == "https://example.org/%C3%A9t%C3%A9"
    assert links["Zoë"] == "persons.html#zo%C3%AB"
    assert first.xpath("//a[@class='noteref']/@href") == ["#n-%C3%A0"]
    assert first.xpath("//a[@class='back']/@href") == ["#n-%C3%A0-ref"]
    assert broken_links(tmp_path / "site") == []

    render([doc], "epub", tmp_path / "une.epub")
    with zipfile.ZipFile(tmp_path / "une.epub") as epub:
        xhtml = epub.read("EPUB/premiere.xhtml").decode("utf-8")
    assert 'href="premiere.xhtml#deuxi%C3%A8me"' in xhtml and 'href="https://example.org/%C3%A9t%C3%A9"' in xhtml

    markup: list[str] = []

    def captured(typ_file: Path, warn=lambda message: None) -> tuple[bytes, int]:
        markup.append(typ_file.read_text(encoding="utf-8"))
        return b"%PDF-", 1  # the markup is what is looked at; no layout is needed

    monkeypatch.setattr(pdf, "layout", captured)
    render([doc], "pdf", tmp_path / "une.pdf")
    # both links inside the book lead to their target's label; the address is as written
    assert markup[0].count("#link(<") == 2 and "%C3" not in markup[0]
    assert '#link("https://example.org/été")[l’été]' in markup[0]
