"""The bundled book, converted: structure, furniture, notes, figures, back matter, header."""

from __future__ import annotations

import re

from conftest import NS, SAMPLE, text

CHAPTER_FILES = ["introduction.xml"] + [f"ch{n:02d}.xml" for n in range(1, 14)] + ["conclusion.xml"]


def body_docs(docs):
    return [docs[name] for name in CHAPTER_FILES]


def test_one_document_per_chapter_plus_front_back_and_corpus(sample_docs):
    registers = {"persons.xml", "places.xml", "orgs.xml"}
    assert set(CHAPTER_FILES) | {"front.xml", "back.xml", "iron-lazar.xml"} | registers == set(sample_docs)
    corpus = sample_docs["iron-lazar.xml"].getroot()
    assert corpus.tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"
    hrefs = [x.get("href") for x in corpus.iter("{http://www.w3.org/2001/XInclude}include")]
    assert hrefs == ["front.xml"] + CHAPTER_FILES + ["back.xml", "persons.xml", "places.xml", "orgs.xml"]


def test_chapter_heads_carry_number_and_title(sample_docs):
    head = sample_docs["ch07.xml"].xpath("//t:body/t:div/t:head", namespaces=NS)[0]
    assert text(head) == "Chapter 7 Stalin's Deputy, 1930–1935"
    assert head.find("t:label", NS).text == "Chapter 7"
    assert text(sample_docs["ch11.xml"].xpath("//t:body/t:div/t:head", namespaces=NS)[0]) == "Chapter 11 The Man"
    div = sample_docs["conclusion.xml"].xpath("//t:body/t:div", namespaces=NS)[0]
    assert div.get("type") == "conclusion"


def test_section_heads_are_heads_not_paragraphs(sample_docs):
    source = SAMPLE.read_text(encoding="utf-8").split("\n")
    expected = [
        "Family and Childhood",
        "The Lenin Enrolment",
        "'Dizzy with Success'",
        "Agriculture and food supply",
        "The Moscow–Volga canal",
        "Pensioner",
        "Kaganovich: The Administrator and the Man",
        "The XXII Party Congress: Judgement",
    ]
    heads = {text(h) for d in body_docs(sample_docs) for h in d.xpath("//t:div/t:div/t:head", namespaces=NS)}
    paras = {text(p) for d in body_docs(sample_docs) for p in d.xpath("//t:p", namespaces=NS)}
    for title in expected:
        assert title in source and title in heads
        assert title not in paras
    sections = sum(
        len(d.xpath("//t:div[@type='section' or @type='subsection']", namespaces=NS)) for d in body_docs(sample_docs)
    )
    assert 120 <= sections <= 130
    sub = sample_docs["ch08.xml"].xpath("//t:div[@type='subsection']/t:head", namespaces=NS)
    assert "Agriculture and food supply" in [text(h) for h in sub]


def test_no_running_heads_or_page_numbers_survive(sample_docs):
    for name, doc in sample_docs.items():
        body = " ".join(text(t) for t in doc.xpath("//t:text", namespaces=NS))
        assert "IRON LAZAR" not in body, name
        assert "NOTES AND REFERENCES TO PAGES" not in body, name
        for p in doc.xpath("//t:p | //t:note", namespaces=NS):
            assert not re.fullmatch(r"\s*\d{1,4}\s*", text(p)), (name, text(p))


def test_paragraphs_rejoined_across_page_breaks(sample_docs):
    paras = [text(p) for p in sample_docs["introduction.xml"].xpath("//t:p", namespaces=NS)]
    joined = [p for p in paras if "the role of ideology, the reliance on coercive" in p]
    assert len(joined) == 1
    ch1 = [text(p) for p in sample_docs["ch01.xml"].xpath("//t:p", namespaces=NS)]
    assert any("Maria and Liza Markovna Privorotskaya. Together with" in p for p in ch1)
    assert not any(
        p[:1].islower()
        for d in body_docs(sample_docs)
        for p in (text(x) for x in d.xpath("//t:div/t:p", namespaces=NS))
    )


def test_every_note_linked_at_its_reference(sample_edition, sample_docs):
    _, report = sample_edition
    assert report.counts["notes"] >= 1600
    assert report.counts["notes_linked"] >= report.counts["notes"] - 2
    for name in CHAPTER_FILES:
        doc = sample_docs[name]
        inline = doc.xpath("//t:p//t:note | //t:head//t:note", namespaces=NS)
        numbers = [int(n.get("n")) for n in inline]
        assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers), name
        assert all(n.get("place") == "end" for n in inline)
    assert sample_docs["back.xml"].xpath("//t:div[@type='notes']", namespaces=NS) == []
    # damaged references read from the sequence: ²⁸⁸ in Chapter 6 is note 88
    ch6 = sample_docs["ch06.xml"]
    n88 = ch6.xpath("//t:note[@n='88']", namespaces=NS)[0]
    before = n88.getprevious().tail if n88.getprevious() is not None else n88.getparent().text
    assert before.endswith("peace in the whole world.")
    assert text(n88).startswith("Ibid., 525-6")
    # a note that lost its number in the list takes it from the sequence
    assert text(sample_docs["ch07.xml"].xpath("//t:note[@n='1']", namespaces=NS)[0]).startswith("E. A. Rees")
    # a displaced note (¹²¹ in Chapter 3's list) fills Chapter 2's gap
    assert text(sample_docs["ch02.xml"].xpath("//t:note[@n='121']", namespaces=NS)[0]) == "PZ, 240."


def test_unresolved_notes_and_references_are_reported(sample_edition):
    _, report = sample_edition
    missing = {(f.where, f.message) for f in report.of_kind("note-without-reference")}
    assert any("note 68" in m for _, m in missing) and any("note 49" in m for _, m in missing)
    assert report.of_kind("reference-without-note")


def test_figures_all_nine_with_full_captions(sample_docs):
    figs = [f for d in body_docs(sample_docs) for f in d.xpath("//t:figure", namespaces=NS)]
    assert sorted(int(f.get("n")) for f in figs) == list(range(1, 10))
    fig4 = [f for f in figs if f.get("n") == "4"][0]
    assert text(fig4.find("t:head", NS)).endswith("in the Kremlin grounds on 1 May 1934")
    front = sample_docs["front.xml"]
    assert front.xpath("//t:figure[@xml:id='frontispiece']", namespaces=NS)
    targets = front.xpath("//t:div[@type='figures']//t:ref/@target", namespaces=NS)
    assert len(targets) == 10 and "ch07.xml#fig4" in targets


def test_quotations_verse_and_table(sample_docs):
    verse = sample_docs["ch08.xml"].xpath("//t:quote/t:lg/t:l", namespaces=NS)
    assert [text(l) for l in verse] == [
        "The Metro you are building",
        "Fired by Stalin's strength",
        "Lazar Kaganovich will launch",
        "On November Seventh.",
    ]
    quotes = [q for d in body_docs(sample_docs) for q in d.xpath("//t:quote", namespaces=NS)]
    assert len(quotes) >= 25
    table = sample_docs["ch12.xml"].xpath("//t:note//t:table", namespaces=NS)[0]
    rows = table.findall("t:row", NS)
    assert rows[0].get("role") == "label" and len(rows) == 17
    assert [text(c) for c in rows[-1]] == ["1953", "7", "0", "0"]


def test_inline_markup(sample_docs):
    all_text = " ".join(text(t) for d in sample_docs.values() for t in d.xpath("//t:text", namespaces=NS))
    assert "*" not in all_text
    intro = sample_docs["introduction.xml"]
    assert intro.xpath("//t:foreign[@xml:lang='fr'][.='bête noir']", namespaces=NS)
    ch1 = sample_docs["ch01.xml"]
    assert ch1.xpath("//t:title[.='The Spider and the Fly']", namespaces=NS)
    assert ch1.xpath("//t:foreign[@xml:lang='ru-Latn'][.='kheder']", namespaces=NS)


def test_bibliography_structured_under_group_heads(sample_docs):
    back = sample_docs["back.xml"]
    bibls = back.xpath("//t:listBibl//t:bibl", namespaces=NS)
    assert len(bibls) >= 330
    heads = [text(h) for h in back.xpath("//t:listBibl/t:head", namespaces=NS)]
    for h in ["Russian Language Sources", "Archival sources", "Books and articles", "Works in Other Languages"]:
        assert h in heads
    larina = [b for b in bibls if text(b).startswith("Larina, Anna")][0]
    assert larina.find("t:author", NS).text == "Larina, Anna"
    assert larina.find("t:title", NS).text == "Nezabyvaemoe"
    assert larina.find("t:pubPlace", NS).text == "Moscow"
    assert larina.find("t:date", NS).get("when") == "1989"
    structured = sum(1 for b in bibls if b.find("t:title", NS) is not None)
    assert structured / len(bibls) > 0.95
    dittos = back.xpath("//t:author[@sameAs]", namespaces=NS)
    ids = set(back.xpath("//@xml:id", namespaces=NS))
    assert dittos and all(a.get("sameAs")[1:] in ids for a in dittos)


def test_indexes_keep_page_references(sample_docs):
    back = sample_docs["back.xml"]
    names, subjects = back.xpath("//t:div[@type='index']", namespaces=NS)
    akimov = names.xpath(".//t:item[t:term='Akimov, S. A.']", namespaces=NS)[0]
    ref = akimov.find("t:ref", NS)
    assert ref.get("type") == "note" and ref.get("n") == "286n27" and ref.text == "286n27"
    andreev = names.xpath(".//t:item[t:term='Andreev, A. A.']/t:ref", namespaces=NS)
    assert "166-171" in [r.get("n") for r in andreev]
    assert len(names.xpath(".//t:item", namespaces=NS)) >= 450
    assert len(subjects.xpath(".//t:item", namespaces=NS)) >= 800
    assert subjects.xpath(".//t:item[t:term='Zionism']", namespaces=NS)


def test_header_from_title_page_and_imprint(sample_docs):
    h = sample_docs["ch03.xml"].getroot().find("t:teiHeader", NS)
    assert h.findtext("t:fileDesc/t:titleStmt/t:title[@type='main']", namespaces=NS) == "Iron Lazar"
    assert (
        h.findtext("t:fileDesc/t:titleStmt/t:title[@type='sub']", namespaces=NS)
        == "A Political Biography of Lazar Kaganovich"
    )
    assert h.findtext("t:fileDesc/t:titleStmt/t:author", namespaces=NS) == "E. A. Rees"
    mono = h.find("t:fileDesc/t:sourceDesc/t:biblStruct/t:monogr", NS)
    assert mono.findtext("t:imprint/t:publisher", namespaces=NS) == "Anthem Press"
    assert [p.text for p in mono.findall("t:imprint/t:pubPlace", NS)] == ["London", "New York"]
    assert mono.find("t:imprint/t:date", NS).get("when") == "2013"
    assert [i.text for i in mono.findall("t:idno", NS)] == ["978-0-85728-349-8", "978 1 78308 057 1", "1 78308 057 4"]
    assert h.find("t:encodingDesc/t:appInfo/t:application", NS).get("ident") == "teikit"


def test_every_word_of_the_source_survives(sample_edition):
    """Each word of the book (furniture removed) occurs at least as often in the edition."""
    from conftest import lost_words

    out, _ = sample_edition
    lost = lost_words(SAMPLE.read_text(encoding="utf-8"), out)
    assert not lost, lost.most_common(20)


def test_valid_against_official_tei_p5(sample_edition, tei_all):
    """The customization is a subset of TEI P5: the book is valid against tei_all too."""
    from teikit.validate import TEIKIT_SCH, validate

    out, _ = sample_edition
    run = validate([out], schema=tei_all, schematron=TEIKIT_SCH)
    assert run.summary.files == 21
    assert run.summary.invalid == 0, [(r.path, r.problems[:3]) for r in run.results if not r.valid]


def test_valid_against_teikit_schemas(sample_edition):
    from teikit.validate import TEIKIT_RNG, TEIKIT_SCH, validate

    out, _ = sample_edition
    run = validate([out], schema=TEIKIT_RNG, schematron=TEIKIT_SCH)
    assert run.summary.files == 21 and run.summary.invalid == 0
    assert all(r.schematron == [TEIKIT_SCH] for r in run.results)


def test_committed_edition_matches_the_converter(sample_edition):
    """tei/iron-lazar is the converter's output: any encoding change shows up as a diff."""
    from conftest import ROOT

    out, _ = sample_edition
    committed = ROOT / "tei" / "iron-lazar"
    fresh = sorted(p.name for p in out.iterdir())
    assert sorted(p.name for p in committed.iterdir()) == fresh
    for name in fresh:
        assert (committed / name).read_bytes() == (out / name).read_bytes(), (
            f"tei/iron-lazar/{name} differs from the converter's output: run `teikit build`"
        )


def test_converting_over_the_committed_edition_changes_nothing(tmp_path):
    """`teikit build` converts into the edition and reads its registers back: what a run wrote
    must lead the next run to the same marks (no name matched only once its entry exists)."""
    import shutil

    from conftest import ROOT
    from teikit.build import schema_hrefs
    from teikit.convert import convert

    committed = ROOT / "tei" / "iron-lazar"
    out = tmp_path / "iron-lazar"
    shutil.copytree(committed, out)
    convert(SAMPLE, out, force=True, schema_hrefs=schema_hrefs(ROOT, committed))
    for path in sorted(committed.iterdir()):
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
