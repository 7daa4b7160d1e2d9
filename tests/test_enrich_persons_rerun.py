"""A book converted again into the folder that holds its own earlier output gives the same
edition (issues 14/18): the person register read back is the editor's starting point, but
what the first run found in the text is marked only where this run's rules find it again
(`registers.Register.set_aside`); an editor's own entries, and entries an editor made
theirs, are marked wherever the book names them (teikit.enrich.persons, textnames)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import NS, ROOT, marks_in
from teikit.convert import convert
from teikit.profile import load_profile

CORPUS = ROOT.parent / "shared" / "corpus" / "books"
EDITORS_PROFILES = Path(__file__).resolve().parent / "data" / "enrich" / "profiles"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

# A book whose general index names one person by initials ("Carpenter, W. B."): the persons
# pass links the index's persons and the text's evidence adds the others beside them. Its
# text: James, The Varieties of Religious Experience (1902), lecture I and lecture X; a
# prescription of Parker, Syphilitic Diseases (1845), whose "M." (misce) an earlier rule read
# as an honorific ("M. The"), a finding that, read back as a name, made every "The" a person
# (no title names a short function word now), and whose "R. Zinci" the persons pass still
# takes for initials and a surname here (two lines make no Recipe sign).
_LECTURES = (
    "LECTURES ON THE MIND\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
    "Particularly must this be the case on a soil as sacred to the American\n"
    "imagination as that of Edinburgh. The glories of the philosophic chair of\n"
    "this university were deeply impressed on my imagination in boyhood.\n"
    "Professor Fraser’s Essays in Philosophy, then just published, was the\n"
    "first philosophic book I ever looked into, and I well remember the awe‐\n"
    "struck feeling I received from the account of Sir William Hamilton’s\n"
    "class‐room therein contained. Hamilton’s own lectures were the first\n"
    "philosophic writings I ever forced myself to study, and after that I was\n"
    "immersed in Ninian Stewart and Thomas Brown.\n\n\n"
    "CHAPTER II\n\n"
    "We shall erelong hear still more remarkable illustrations of\n"
    "subconsciously maturing processes eventuating in results of which we\n"
    "suddenly grow conscious. Sir William Hamilton and Professor Laycock of\n"
    "Edinburgh were among the first to call attention to this class of effects;\n"
    "but Dr. Carpenter first, unless I am mistaken, introduced the term\n"
    "“unconscious cerebration,” which has since then been a popular phrase of\n"
    "explanation.\n\n"
    "R. Zinci acetatis, gr. xij.\nAquas, viij. M.\n\n"
    "R. Zinci chloridi, gr. viij.\nAquae, ^vii]. M.\nThe strength gradually increased.\n\n\n"
    "INDEX\n\n\n"
    "  Carpenter, W. B., unconscious cerebration, 2\n\n"
    "  Edinburgh, 1, 2\n\n"
    "  Subconscious, the, 2\n\n"
    "  Zinc, chloride of, 2\n"
)


def _edition(folder: Path) -> dict[str, bytes]:
    """Every file of a converted book (its documents, registers and report), by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _lectures(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "lectures.txt"
    source.write_text(_LECTURES, encoding="utf-8")
    out = tmp_path / "out"
    convert(source, out, allow_loss=True)
    return source, out


def _linked(folder: Path, ident: str) -> list[str]:
    """The mentions linked to a register entry, in document order."""
    out = []
    for f in sorted(folder.glob("ch*.xml")):
        for el in etree.parse(str(f)).iterfind(".//t:persName", NS):
            if el.get("ref") == f"persons.xml#{ident}":
                out.append(" ".join("".join(el.itertext()).split()))
    return out


def test_a_second_run_beside_an_index_marks_what_the_first_marked(tmp_path):
    """The first run's findings beside the index ("Sir William Hamilton", "M. The") are read
    back, but are no index persons to the second: "Sir William Hamilton" stays whole (not
    "William Hamilton", the title outside), "The" is never a surname; byte for byte."""
    source, out = _lectures(tmp_path)
    first = _edition(out)
    persons = marks_in(out, "persName")
    assert persons.count("Sir William Hamilton") == 2 and "The" not in persons
    convert(source, out, force=True, allow_loss=True)
    assert _edition(out) == first


@pytest.mark.parametrize("book", ["james-varieties-of-religious-experience", "parker-syphilitic-diseases-1845-ocr"])
def test_a_book_converted_into_its_own_output_gives_the_same_edition(tmp_path, book):
    """James (Sir William Hamilton, Spirit, Saint) and Parker (19 x "The", "These", and the
    place "St. John's" lost to a forename read back) converted twice into one folder with
    the profile the benchmarks use: the same files, byte for byte."""
    source = CORPUS / f"{book}.txt"
    if not source.is_file():
        pytest.skip(f"the development corpus is not beside the project ({source} absent)")
    own = EDITORS_PROFILES / f"{book}.toml"
    profile = load_profile(own) if own.is_file() else load_profile()
    convert(source, tmp_path / "out", profile=profile, allow_loss=True)
    first = _edition(tmp_path / "out")
    convert(source, tmp_path / "out", profile=profile, force=True, allow_loss=True)
    assert _edition(tmp_path / "out") == first


@pytest.mark.parametrize("edit", ["subtype", "note"])
def test_the_editors_own_persons_are_marked_on_the_next_run(tmp_path, edit):
    """An entry the editor adds (no source note: Ninian Stewart, whom no rule finds here: the
    default profile lists no such forename) is marked where the book names him; an entry the first run found that the editor made
    theirs (`subtype="editor"`, or a note of their own) stays linked wherever written, while
    the first run's other findings are marked as the first run marked them."""
    source, out = _lectures(tmp_path)
    assert "Ninian Stewart" not in marks_in(out, "persName")
    assert _linked(out, "professor-fraser") == ["Professor Fraser"]
    register = etree.parse(str(out / "persons.xml"))
    stewart = etree.SubElement(register.find(".//t:listPerson", NS), f"{{{NS['t']}}}person", {XML_ID: "stewart"})
    name = etree.SubElement(stewart, f"{{{NS['t']}}}persName")
    etree.SubElement(name, f"{{{NS['t']}}}forename").text = "Ninian"
    etree.SubElement(name, f"{{{NS['t']}}}surname").text = "Stewart"
    fraser = register.xpath("//t:person[@xml:id='professor-fraser']", namespaces=NS)[0]
    if edit == "subtype":
        fraser.find("t:note[@type='source']", NS).set("subtype", "editor")
    else:
        etree.SubElement(fraser, f"{{{NS['t']}}}note").text = "Alexander Campbell Fraser, of Edinburgh."
    register.write(str(out / "persons.xml"), encoding="utf-8", xml_declaration=True)
    convert(source, out, force=True, allow_loss=True)
    assert _linked(out, "stewart") == ["Ninian Stewart"]
    # the editor's entry is an authority, as the index's persons are: linked by the persons
    # pass, which beside a subject index holds a title written out inside the mention, as
    # the first run's text pass did
    assert _linked(out, "professor-fraser") == ["Professor Fraser"]
    persons = marks_in(out, "persName")
    assert persons.count("Sir William Hamilton") == 2 and "The" not in persons


def test_an_entry_rejected_beside_an_index_is_neither_marked_nor_entered_again(tmp_path):
    """`<note type="rejected">` in entries the first run found beside the index, by the
    persons pass ("R. Zinci", initials and a drug's name) and by the text's evidence
    ("Professor Fraser"): the next run marks none of their mentions, not even as the
    index's persons are marked, and enters none of them again."""
    source, out = _lectures(tmp_path)
    rejected = ("zinci-r", "professor-fraser")
    register = etree.parse(str(out / "persons.xml"))
    for ident in rejected:
        entry = register.xpath(f"//t:person[@xml:id='{ident}']", namespaces=NS)[0]
        etree.SubElement(entry, f"{{{NS['t']}}}note", type="rejected").text = "no person"
    register.write(str(out / "persons.xml"), encoding="utf-8", xml_declaration=True)
    convert(source, out, force=True, allow_loss=True)
    persons = marks_in(out, "persName")
    assert not [p for p in persons if p in ("The", "M. The", "R. Zinci", "Zinci", "Fraser", "Professor Fraser")]
    assert persons.count("Sir William Hamilton") == 2  # the others stay
    entries = etree.parse(str(out / "persons.xml")).findall(".//t:person", NS)
    names = [" ".join("".join(e.find("t:persName", NS).itertext()).split()) for e in entries]
    assert sorted(n for n in names if "Zinci" in n or "The" in n or "Fraser" in n) == [
        "Professor Fraser",
        "Zinci, R.",
    ]
    for ident in rejected:
        [entry] = [e for e in entries if e.get(XML_ID) == ident]
        assert entry.find("t:note[@type='rejected']", NS) is not None
