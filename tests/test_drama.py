"""Plays: speeches, stage directions, cast lists, acts and scenes, told by the text's own
evidence (tests/data/books/play-*.txt, and the Wilde play of the corpus when ../shared is there)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import NS, ROOT, TEI_ALL, convert_book, lost_words, text
from teikit.validate import TEIKIT_RNG, validate

WILDE = ROOT.parent / "shared" / "corpus" / "books" / "wilde-importance-of-being-earnest.txt"


def parts(out: Path) -> list:
    return [
        etree.parse(str(p))
        for p in sorted(out.glob("*.xml"))
        if p.name not in ("persons.xml", "places.xml", "orgs.xml")
    ]


def all_of(docs, expr: str) -> list:
    return [e for d in docs for e in d.xpath(expr, namespaces=NS)]


def valid(out: Path) -> None:
    files = [p for p in sorted(out.glob("*.xml")) if p.stem != out.name]
    schemas = [TEIKIT_RNG] + ([str(TEI_ALL)] if TEI_ALL.is_file() else [])
    for schema in schemas:
        run = validate(files, schema=schema)
        assert run.summary.valid == len(files), [(r.path, r.errors[:2]) for r in run.results if r.errors]


def test_speakers_in_capitals_with_a_stop_or_alone_on_the_first_line(tmp_path):
    out, report = convert_book("play-capitals", tmp_path)
    docs = parts(out)
    source = (ROOT / "tests/data/books/play-capitals.txt").read_text(encoding="utf-8")
    speakers = [text(s) for s in all_of(docs, "//t:sp/t:speaker")]
    # every paragraph that opens with a name in capitals and a full stop (or is that name alone)
    expected = re.findall(r"(?<=\n\n)([A-Z][A-Z. ]+[A-Z]\.)(?= \S|\n\S)", source)
    assert speakers == expected and len(speakers) == 16
    assert "MRS. PELL." in speakers  # speaks twice, but the cast list names her
    assert "WICK AND MARROW." in speakers  # speaking together
    marrow = all_of(docs, "//t:sp[t:speaker='MARROW.'][t:p[starts-with(., 'You know very well')]]")[0]
    assert text(marrow.find("t:p/t:stage", NS)) == "He shakes a floury fist."  # the name stood alone
    # a speech of two paragraphs stays one speech
    pell = all_of(docs, "//t:sp[t:speaker='MRS. PELL.'][count(t:p) = 2]")
    assert pell and text(pell[0].xpath("t:p", namespaces=NS)[1]).startswith("And if you fail")
    stages = all_of(docs, "//t:stage")
    assert len(stages) == report.counts["stage_directions"] == 12
    assert {s.get("rend") for s in stages if s.getparent().tag.endswith("sp")} == {"parentheses"}
    assert [text(s) for s in all_of(docs, "//t:div[@type='scene'][1]/t:stage")][:2] == [
        "A street at dusk. The lamps along the quay are not yet lit.",
        "Enter WICK with his pole and ladder.",
    ]
    acts = all_of(docs, "//t:div[@type='act']")
    assert [text(a.find("t:head", NS)) for a in acts] == ["ACT I.", "ACT II."]
    assert [text(h) for h in acts[0].xpath("t:div[@type='scene']/t:head", namespaces=NS)] == ["SCENE 1.", "SCENE 2."]
    cast = all_of(docs, "//t:castList/t:castItem")
    assert [(text(c.find("t:role", NS)), text(c.find("t:roleDesc", NS))) for c in cast] == [
        ("WICK", "a lamplighter"),
        ("MARROW", "a baker"),
        ("MRS. PELL", "a widow who keeps the inn"),
        ("TOBY", "her boy"),
    ]
    # "SCENE 1." and "CURTAIN." repeat in capitals, but not in a page's rhythm: no running
    # heads, so nothing removed and nothing to put back
    assert not report.of_kind("removed-running-head")
    assert not report.of_kind("furniture-restored")
    assert lost_words(source, out) == {}
    valid(out)


def test_speakers_with_a_colon_and_the_speech_on_the_next_line(tmp_path):
    out, report = convert_book("play-colons", tmp_path)
    docs = parts(out)
    source = (ROOT / "tests/data/books/play-colons.txt").read_text(encoding="utf-8")
    speakers = [text(s) for s in all_of(docs, "//t:sp/t:speaker")]
    assert speakers == re.findall(r"(?m)^([A-Z]+:)\n", source)
    assert all_of(docs, "//t:sp[t:speaker='ORLA:']/t:stage[.='After a pause.']")
    brackets = source.count("[")
    assert len(all_of(docs, "//t:stage[@rend='brackets']")) == brackets
    assert [text(r) for r in all_of(docs, "//t:castItem/t:roleDesc")] == [
        "a ferrywoman",
        "a traveller",
        "a fisher girl",
    ]
    # `SCENE` alone labels the setting: no division of its own
    assert [text(s) for s in all_of(docs, "//t:stage[not(@rend)]")][:2] == [
        "SCENE",
        "A landing stage on a wide river. A bell hangs on a post.",
    ]
    assert not all_of(docs, "//t:div[@type='scene']")
    assert lost_words(source, out) == {}
    valid(out)


def test_prose_with_dialogue_is_no_play(tmp_path):
    for name in ("garden", "lighthouse", "letters-harbour"):
        out, report = convert_book(name, tmp_path)
        docs = parts(out)
        assert not all_of(docs, "//t:sp | //t:stage | //t:castList"), name
        assert report.counts["speeches"] == 0


@pytest.mark.skipif(not WILDE.is_file(), reason=f"corpus book absent: {WILDE} (../shared not available)")
def test_wilde_every_speech_direction_and_cast_member(tmp_path):
    from teikit.convert import convert

    out = tmp_path / "wilde"
    report = convert(WILDE, out)
    docs = parts(out)
    source = WILDE.read_text(encoding="ascii").replace("\r\n", "\n")
    play = source[source.index("FIRST ACT") : source.index("TABLEAU")]
    paragraphs = re.split(r"\n\s*\n", play)
    named = [p for p in paragraphs if re.match(r"(?:[A-Z][a-z]+ )?[A-Z][a-z]+\.  \S", p)]
    together = [p for p in paragraphs if re.match(r"\w+ and \w+ \[", p)]
    speeches = all_of(docs, "//t:sp")
    assert len(speeches) == len(named) + len(together) == report.counts["speeches"]
    assert len(all_of(docs, "//t:stage[@rend='brackets']")) == play.count("[")
    cast = source[source.index("THE PERSONS IN THE PLAY") : source.index("THE SCENES OF THE PLAY")]
    persons = [l for l in cast.split("\n")[1:] if l.strip()]
    # the first performance's cast: the block after the row of stars, "Role: Actor." a line
    performance = source.split("* * * * *")[1].strip().split("\n\n")[0].split("\n")
    lists = all_of(docs, "//t:castList")
    assert [len(c) for c in lists] == [len(persons), len(performance)]
    assert len(all_of(docs, "//t:castItem/t:actor")) == len(performance)
    assert [text(a.find("t:head", NS)) for a in all_of(docs, "//t:div[@type='act']")] == [
        "FIRST ACT",
        "SECOND ACT",
        "THIRD ACT",
    ]
    # each act opens with its unnumbered `SCENE` and the setting, as directions, not a division
    acts = all_of(docs, "//t:div[@type='act']")
    assert [text(a.find("t:stage", NS)) for a in acts] == re.findall(r"(?m)^SCENE$", play)
    assert not all_of(docs, "//t:div[@type='act']//t:div")
    assert report.counts["scenes"] == len(acts)
    valid(out)


def _tree(body: str):
    """A TEI tree as `structure` may leave it: divisions already found, paragraphs joined."""
    from teikit.tei import TEI_NS

    xml = f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body>{body}</body></text></TEI>'
    return etree.fromstring(xml)


def _context(tmp_path):
    from teikit.context import Context
    from teikit.profile import load_profile
    from teikit.report import Report

    return Context(source=tmp_path / "absent.txt", profile=load_profile(), report=Report())


def test_acts_found_as_divisions_are_typed_and_filled(tmp_path):
    from teikit.convert import drama

    speeches = "".join(
        f"<p>{who}.  Line {k} of the act, spoken plainly.</p>" for k, who in enumerate(["Ann", "Ben"] * 4)
    )
    body = (
        f'<div type="chapter"><head>FIRST ACT</head><p>A kitchen.</p>{speeches}<p>[Exit Ann.]</p></div>'
        f'<div type="chapter"><head>SECOND ACT</head><p>SCENE 2.</p><p>A garden.</p>{speeches}</div>'
    )
    tei = _tree(body)
    ctx = _context(tmp_path)
    drama.apply(tei, ctx)
    acts = tei.xpath("//t:body/t:div", namespaces=NS)
    assert [a.get("type") for a in acts] == ["act", "act"]
    assert [text(s) for s in acts[0].xpath("t:stage", namespaces=NS)] == ["A kitchen.", "Exit Ann."]
    assert len(acts[0].xpath("t:sp", namespaces=NS)) == 8
    scene = acts[1].xpath("t:div[@type='scene']", namespaces=NS)
    assert len(scene) == 1 and len(scene[0].xpath("t:sp", namespaces=NS)) == 8
    assert text(scene[0].find("t:stage", NS)) == "A garden."
    assert ctx.report.counts["speeches"] == 16 and ctx.report.counts["acts"] == 2


def test_speeches_in_verse_keep_their_lines(tmp_path):
    out, report = convert_book("play-verse", tmp_path)
    docs = parts(out)
    source = (ROOT / "tests/data/books/play-verse.txt").read_text(encoding="utf-8")
    speeches = all_of(docs, "//t:sp")
    assert len(speeches) == len(re.findall(r"(?m)^(?:A )?[A-Z]+(?:\.| \[)", source.split("ACT I.")[1]))
    # a direction between the name and the speech; a scene heading with its title
    maud = all_of(docs, "//t:sp[t:speaker='MAUD'][t:stage='Looking out.']")
    assert maud and text(maud[0].find("t:p", NS)) == "The river has gone down and he is gone."
    assert all_of(docs, "//t:div[@type='scene']/t:head[.='SCENE 2. The same. Morning.']")
    first = speeches[0]
    assert [text(l) for l in first.findall("t:l", NS)] == [
        "The water rises and the moon is down,",
        "And every stone I know is under it.",
        "Who comes so late to cross my river here?",
    ]
    # one line is prose: a paragraph; a direction opening the speech stands before its lines
    assert all_of(docs, "//t:sp[t:speaker='MAUD.'][t:p='He says his errand cannot wait for day.']")
    aside = all_of(docs, "//t:sp[t:stage='Aside']")[0]
    assert [c.tag.split("}")[1] for c in aside] == ["speaker", "stage", "l", "l"]
    # `ACT I. SCENE 1.`: an act and its first scene
    act = all_of(docs, "//t:div[@type='act']")[0]
    assert text(act.find("t:head", NS)) == "ACT I."
    assert text(act.find("t:div[@type='scene']/t:head", NS)) == "SCENE 1."
    assert len(all_of(docs, "//t:sp/t:l")) == report.counts["verse_lines"] == 13
    assert lost_words(source, out) == {}
    valid(out)
