"""Books in other shapes than the sample: the converter is driven by what each text says."""

from __future__ import annotations

from lxml import etree

from conftest import NS, convert_book, text


def test_roman_chapters_without_contents_and_chapter_notes(tmp_path):
    out, report = convert_book("lighthouse", tmp_path)
    ch1 = etree.parse(str(out / "ch01.xml"))
    ch2 = etree.parse(str(out / "ch02.xml"))
    assert ch1.xpath("//t:body/t:div/t:head/t:label", namespaces=NS)[0].text == "CHAPTER I."  # as printed
    assert report.counts["notes_linked"] == report.counts["notes"] == 5
    note = ch1.xpath("//t:note[@n='3']", namespaces=NS)[0]
    assert text(note) == "Aberdeen Journal, 2 June 1840, p. 4." and note.getparent().tag.endswith("p")
    assert not ch1.xpath("//t:div[@type='notes']", namespaces=NS)
    paras = [text(p) for p in ch1.xpath("//t:p", namespaces=NS)]
    assert any("wrecks of the previous winter could no longer be borne." in p for p in paras)
    assert not any("THE KEEPERS OF THE LIGHT" in p or p.strip() == "12" for p in paras)
    assert text(ch1.xpath("//t:div[@type='section']/t:head", namespaces=NS)[0]) == "The Tower of 1840"
    assert len(ch1.xpath("//t:table/t:row", namespaces=NS)) == 4
    assert ch1.xpath("//t:figure/t:head", namespaces=NS)
    assert [text(l) for l in ch2.xpath("//t:lg/t:l", namespaces=NS)] == [
        "Keep the lamp a-burning",
        "Keeper of the light",
        "Keep the lamp a-burning",
        "All through the night",
    ]
    assert ch1.xpath("//t:quote/t:p", namespaces=NS)


def test_dotted_contents_superscript_notes_back_matter(tmp_path):
    out, report = convert_book("garden", tmp_path)
    assert report.counts["notes_linked"] == 7 and not report.warnings
    ch2 = etree.parse(str(out / "ch02.xml"))
    assert text(ch2.xpath("//t:body/t:div/t:head", namespaces=NS)[0]) == "Chapter 2 The Age of Glass"
    paras = ch2.xpath("//t:text//t:p", namespaces=NS)
    assert len(paras) == 1 and "back wall. the stove was replaced" in text(paras[0]).replace(
        text(paras[0].xpath("t:note[@n='2']", namespaces=NS)[0]), ""
    )
    front = etree.parse(str(out / "front.xml"))
    assert front.xpath("//t:div[@type='preface']//t:note[@n='1']", namespaces=NS)
    h = front.getroot().find("t:teiHeader", NS)
    assert h.findtext(".//t:imprint/t:publisher", namespaces=NS) == "Greenfield Press"
    assert h.findtext(".//t:imprint/t:pubPlace", namespaces=NS) == "Oxford"
    back = etree.parse(str(out / "back.xml"))
    bibls = back.xpath("//t:bibl", namespaces=NS)
    assert bibls[2].find("t:author", NS).get("sameAs") == "#" + bibls[1].find("t:author", NS).get(
        "{http://www.w3.org/XML/1998/namespace}id"
    )
    assert bibls[1].find("t:date", NS).get("from") == "1834" and bibls[1].find("t:date", NS).get("to") == "1849"
    pears = back.xpath("//t:item[t:term='pears']/t:ref", namespaces=NS)
    assert [(r.get("type"), r.get("n")) for r in pears] == [("page", "3"), ("note", "16n2")]
    assert "*" not in text(etree.parse(str(out / "ch01.xml")).getroot())
