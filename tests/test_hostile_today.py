"""Hostile inputs against the day's changes (hostile14c): xml:base written by a document."""

from __future__ import annotations

from pathlib import Path

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
        + _tei("Moved", '<div><head>Moved</head><p><persName ref="../persons.xml#a">up</persName> '
               '<persName ref="nowhere.xml#a">lost</persName></p></div>', ' xml:base="sub/"')
        + _tei("Forged", '<div><head>Forged</head><listPerson><person xml:id="a"><persName>Mallory Fake'
               "</persName></person></listPerson></div>", f' xml:base="{persons.as_uri()}"')
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
