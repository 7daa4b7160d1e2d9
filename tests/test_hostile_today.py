"""Hostile inputs against the day's changes (hostile14c): xml:base written by a document."""

from __future__ import annotations

from lxml import html

from teikit.render import render

NS = 'xmlns="http://www.tei-c.org/ns/1.0"'
HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>{}</title></titleStmt><publicationStmt><p>p</p>"
    "</publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
)


def _tei(title: str, body: str, attrs: str = "") -> str:
    return f"<TEI{attrs}>{HEADER.format(title)}<text><body>{body}</body></text></TEI>"


def test_an_xml_base_a_corpus_writes_on_its_documents_names_no_file(tmp_path):
    """A TEI inside a corpus file is part of that file whatever xml:base it writes: the base
    moves its pointers (as on a <p>), never makes it another file of the collection (whose
    pointers it would capture) nor the file its warnings name."""
    folder = tmp_path / "ed"
    folder.mkdir()
    persons = folder / "persons.xml"
    persons.write_text(
        f"<TEI {NS}>{HEADER.format('P')}<text><body><listPerson>"
        '<person xml:id="a"><persName>Ada Real</persName></person></listPerson></body></text></TEI>',
        encoding="utf-8",
    )
    (folder / "corpus.xml").write_text(
        f"<teiCorpus {NS}>{HEADER.format('Corpus')}"
        + _tei(
            "Moved",
            '<div><head>Moved</head><p><persName ref="../persons.xml#a">up</persName> '
            '<persName ref="nowhere.xml#a">lost</persName></p></div>',
            ' xml:base="sub/"',
        )
        + _tei(
            "Forged",
            '<div><head>Forged</head><listPerson><person xml:id="a"><persName>Mallory Fake'
            "</persName></person></listPerson></div>",
            f' xml:base="{persons.as_uri()}"',
        )
        + "</teiCorpus>",
        encoding="utf-8",
    )
    (folder / "text.xml").write_text(
        f"<TEI {NS}>"
        + _tei("T", '<div><head>Text</head><p><persName ref="persons.xml#a">Ada</persName></p></div>')[5:],
        encoding="utf-8",
    )
    result = render([folder], "html", tmp_path / "out", search=False)
    out = tmp_path / "out"

    def linked(page: str) -> dict[str, str]:
        tree = html.parse(str(out / page))
        return {a.text_content(): a.get("href") for a in tree.xpath("//main//a[contains(@class, 'persName')]")}

    def entry(href: str) -> str:
        page, anchor = href.split("#")
        tree = html.parse(str(out / page))
        return tree.xpath(f"string(//*[@id = '{anchor}'])")

    # the text's pointer leads to the register file it names, not to the corpus's forgery
    [ada] = linked("text.html").values()
    assert "Ada Real" in entry(ada) and "Mallory" not in entry(ada)
    # read against the base the document wrote: ed/sub/../persons.xml
    assert "Ada Real" in entry(linked("moved.html")["up"])
    reported = [w for w in result.warnings if "nowhere.xml" in w]
    assert reported and all(w.startswith("warning: corpus: ") for w in reported), reported


def test_a_person_whose_only_mentions_became_a_shop_leaves_no_entry(tmp_path):
    """The persons' pass made entries for "Napoleon" and "Cromwell" from these mentions only;
    the places' step makes them shops ("outside Napoleon's,", "beyond Cromwell's to"): no
    mention of the men is left, so neither is their entry (the places' pass takes back the
    entries it made and did not use, as here)."""
    from lxml import etree

    from teikit.convert import convert

    source = tmp_path / "book.txt"
    source.write_text(
        "THE WALK\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "We stood outside Napoleon's, and went beyond Cromwell's to see. Stephen Young sang at\n"
        "Saint Stephen's House.\n",
        encoding="utf-8",
    )
    convert(source, tmp_path / "out", force=True)
    t = {"t": "http://www.tei-c.org/ns/1.0"}
    [chapter] = sorted((tmp_path / "out").glob("ch*.xml"))
    places = etree.parse(str(chapter)).xpath("//t:body//t:placeName/@ref", namespaces=t)
    assert len(places) == 3  # the two shops and the house
    mentioned = {r.split("#")[1] for r in etree.parse(str(chapter)).xpath("//t:body//t:persName/@ref", namespaces=t)}
    persons = etree.parse(str(tmp_path / "out" / "persons.xml"))
    entries = {p.get("{http://www.w3.org/XML/1998/namespace}id") for p in persons.xpath("//t:person", namespaces=t)}
    assert entries == mentioned == {"stephen-young"}


def test_evidence_for_a_name_near_a_paragraphs_start_quotes_the_text_once():
    """The persons' pass asks for the words from 20 characters before a name ("by
    Shakespeare's," where the paragraph starts 12 before it): the quotation starts at the
    paragraph's start, not at a negative index that wraps round to its end."""
    from teikit.enrich.namewords import passage

    piece = "We dined by Shakespeare's, then left. We stood outside Napoleon's, and went on."
    start = piece.index("Shakespeare")
    quoted = passage(piece, start - 20, start + len("Shakespeare") + 10)
    words = quoted.strip("“”").rstrip("…")
    assert piece.startswith(words), quoted


def test_a_short_form_after_a_name_with_an_accented_capital_is_no_title(tmp_path):
    """The short form in brackets after a name (convert.inline) is told by the name's
    capitals: an accented one ("the Élysée Palace (*Élysée*)", "the Comité Général") counts
    as "A" does, as the enrichment's names take it (namewords.UPPER); a work after an
    author's name stays a title."""
    from lxml import etree

    from teikit.convert import convert

    book = tmp_path / "book.txt"
    book.write_text(
        "Chapter 1\n\nThey met at the Élysée Palace (*Élysée*) with the Comité Général (*Comité*)"
        " and the Østre Landsret (*Østre*), and read Sir Walter Scott (*Waverley*).\n",
        encoding="utf-8",
    )
    convert(book, tmp_path / "out")
    [chapter] = sorted((tmp_path / "out").glob("ch*.xml"))
    body = etree.parse(str(chapter)).find(".//{http://www.tei-c.org/ns/1.0}body")
    italic = ["".join(h.itertext()) for h in body.iterfind(".//{http://www.tei-c.org/ns/1.0}hi[@rend='italic']")]
    titles = ["".join(t.itertext()) for t in body.iterfind(".//{http://www.tei-c.org/ns/1.0}title")]
    assert italic == ["Élysée", "Comité", "Østre"] and titles == ["Waverley"]
