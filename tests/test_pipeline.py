"""The pass registry: order checked before any work, passes disabled and added from the
Python API and the profile, and `teikit convert --passes`."""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import BOOKS, NS, SAMPLE
from teikit.cli import main
from teikit.convert import FINISHING, PASSES, convert, convert_tree, default_passes
from teikit.enrich import PASSES as ENRICH_PASSES
from teikit.errors import TeikitError
from teikit.pipeline import Pass, PassOrderError, Registry
from teikit.tei import q

GARDEN = BOOKS / "garden.txt"


def test_the_default_order_is_the_documented_one_and_checks():
    reg = default_passes()
    assert reg.names() == [
        "wrapper",
        "outline",
        "furniture",
        "note-bodies",
        "structure",
        "footnotes",
        "drama",
        "letters",
        "verse",
        "notes",
        "sidenotes",
        "bibliography",
        "indexes",
        "inline",
        "title-page",
        "header",
        "registers",
        "dates",
        "orgs",
        "persons",
        "places",
        "navigation",
    ]
    assert list(reg) == list(PASSES) + list(ENRICH_PASSES) + list(FINISHING)
    reg.check(provided=("blocks",), then_needs=("book", "divisions"))


def test_a_need_provided_only_later_is_an_error_naming_the_pass_and_the_provider():
    reg = default_passes()
    header = reg.get("header")
    moved = reg.disable("header").add(header)  # header last: registers runs without a book
    with pytest.raises(PassOrderError, match=r"pass 'registers' needs book.*header provides it but runs after it"):
        moved.check(provided=("blocks",))


def test_a_need_nobody_provides_is_an_error():
    reg = Registry([Pass("a", lambda t, c: t, needs=("x",))])
    with pytest.raises(PassOrderError, match="pass 'a' needs x, which no earlier pass provides; no pass"):
        reg.check()
    Registry([Pass("a", lambda t, c: t, needs=("x",))]).check(provided=("x",))
    with pytest.raises(PassOrderError, match="the writer needs y"):
        Registry([Pass("a", lambda t, c: t, provides=("x",))]).check(then_needs=("y",))


def test_names_are_unique_and_known():
    p = Pass("a", lambda t, c: t)
    with pytest.raises(PassOrderError, match="two passes are named 'a'"):
        Registry([p, p])
    with pytest.raises(PassOrderError, match="no pass is named 'plaecs'"):
        default_passes().disable("plaecs")
    with pytest.raises(PassOrderError, match="one word"):
        Pass("two words", lambda t, c: t)


def test_registries_are_values_the_default_is_never_changed():
    reg = default_passes()
    reg.disable("places")
    reg.add(Pass("extra", lambda t, c: t))
    assert default_passes().names() == reg.names() and "places" in reg and "extra" not in reg


def test_disabling_a_pass_leaves_its_work_undone(tmp_path):
    full, _ = convert_tree(GARDEN)
    without, _ = convert_tree(GARDEN, passes=default_passes().disable("places"))
    assert full.xpath("//t:placeName", namespaces=NS)
    assert not without.xpath("//t:placeName", namespaces=NS)
    assert len(without.xpath("//t:persName", namespaces=NS)) == len(full.xpath("//t:persName", namespaces=NS))


def test_disabling_a_pass_others_need_is_refused_before_any_work(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(PassOrderError, match="pass 'places' needs person-words"):
        convert(GARDEN, out, passes=default_passes().disable("persons"))
    assert not out.exists()
    with pytest.raises(PassOrderError, match="the writer needs book"):
        convert(GARDEN, out, passes=default_passes().disable("header", "registers", "orgs", "persons", "places"))
    assert not out.exists()


def test_the_profile_disables_passes_and_a_wrong_name_is_an_error(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text('[passes]\ndisable = ["places"]\n')
    out = tmp_path / "out"
    convert(GARDEN, out, profile=profile)
    corpus = etree.parse(str(out / "garden.xml"))
    text = "".join(etree.tostring(etree.parse(str(f))).decode() for f in sorted(out.glob("*.xml")))
    assert "placeName" not in text and "persName" in text
    assert corpus.getroot().tag == q("teiCorpus")
    # organisations and persons need dates ("4 May" is a date before "May" can be a surname)
    profile.write_text('[passes]\ndisable = ["dates"]\n')
    with pytest.raises(PassOrderError, match="pass 'orgs' needs dates"):
        convert(GARDEN, tmp_path / "out2", profile=profile)
    assert not (tmp_path / "out2").exists()
    profile.write_text('[passes]\ndisable = "places"\n')
    with pytest.raises(TeikitError, match=r"\[passes\] disable must be a list of strings"):
        convert(GARDEN, tmp_path / "out3", profile=profile)


def test_a_pass_added_from_python_runs_in_its_place_and_its_work_is_written(tmp_path):
    seen = []

    def count_paragraphs(tei, ctx):
        # after inline, before header: the paragraphs exist and the book does not yet
        seen.append((ctx.book, len(tei.xpath("//t:body//t:p", namespaces=NS))))
        for p in tei.xpath("//t:body//t:p", namespaces=NS):
            p.set("n", "counted")
        return tei

    extra = Pass("count", count_paragraphs, needs=("paragraphs",), provides=("counted",), doc="a test pass")
    reg = default_passes().add(extra, after="inline")
    assert reg.names().index("count") == reg.names().index("inline") + 1
    out = tmp_path / "out"
    convert(GARDEN, out, passes=reg)
    assert len(seen) == 1 and seen[0][0] is None and seen[0][1] > 0
    chapters = [etree.parse(str(f)) for f in sorted(out.glob("*.xml"))]
    counted = [p for doc in chapters for p in doc.xpath("//t:body//t:p[@n='counted']", namespaces=NS)]
    assert len(counted) == seen[0][1]
    # placed before what it needs, it is refused
    with pytest.raises(PassOrderError, match="pass 'count' needs paragraphs"):
        default_passes().add(extra, before="structure").check(provided=("blocks",))


def test_cli_lists_the_passes_with_needs_and_provides(capsys, tmp_path):
    assert main(["convert", "--passes"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "reader text: provides blocks"
    assert out[1].split()[:2] == ["1", "wrapper"] and "needs blocks; provides wrapper" in out[1]
    assert out[2].split()[:2] == ["2", "outline"] and "needs blocks; provides outline, divisions" in out[2]
    names = default_passes().names()
    assert [line.split()[1] for line in out[1 : 1 + len(names)]] == names
    assert out[-1] == "writer: needs book, divisions"
    profile = tmp_path / "p.toml"
    profile.write_text('[passes]\ndisable = ["places"]\n')
    assert main(["convert", "--passes", "--profile", str(profile)]) == 0
    out = capsys.readouterr().out
    assert " places " not in out and f"disabled by {profile}: places" in out
    profile.write_text('[passes]\ndisable = ["persons"]\n')
    assert main(["convert", "--passes", "--profile", str(profile)]) == 1
    assert "pass 'places' needs person-words" in capsys.readouterr().err


def test_cli_convert_without_output_is_a_usage_error(capsys):
    assert main(["convert", str(GARDEN)]) == 2
    assert "-o/--output" in capsys.readouterr().err


def test_views_of_the_tree_are_forgotten_when_a_pass_changes_it():
    from teikit.tei import XML_ID, make

    seen = []

    def look(tei, ctx):
        seen.append(sorted(ctx.ids()))
        return tei

    def add_id(tei, ctx):
        el = make("note")
        el.set(XML_ID, "added-by-a-pass")
        tei.append(el)
        return tei

    reg = (
        default_passes()
        .disable("places", "persons", "orgs", "dates", "registers")
        .add(Pass("look1", look, changes_tree=False), after="header")
        .add(Pass("mark", add_id), after="look1")
        .add(Pass("look2", look, changes_tree=False), after="mark")
    )
    tree, ctx = convert_tree(GARDEN, passes=reg)
    assert "added-by-a-pass" not in seen[0] and "added-by-a-pass" in seen[1]
    assert set(seen[1]) - set(seen[0]) == {"added-by-a-pass"}
    assert ctx.ids()["added-by-a-pass"] is tree[-1]


def test_a_pass_that_only_adds_marks_keeps_the_views_it_declares():
    """The unmarked text persons reads is the one places reads (dates and persons add only
    marks it reads through); a pass that declares nothing makes the context forget it."""
    from teikit.enrich.matching import UNMARKED_TEXT, unmarked_text

    texts = []

    def read(tei, ctx):
        texts.append(ctx.view(UNMARKED_TEXT, unmarked_text))
        return tei

    def touch(tei, ctx):
        return tei

    kept = default_passes().add(Pass("read1", read, changes_tree=False), after="dates")
    kept = kept.add(Pass("read2", read, changes_tree=False), after="places")
    tree, _ = convert_tree(GARDEN, passes=kept)
    assert texts[0] is texts[1] and texts[1] == unmarked_text(tree)
    texts.clear()
    forgot = kept.add(Pass("touch", touch), after="persons")
    convert_tree(GARDEN, passes=forgot)
    assert texts[0] == texts[1] and texts[0] is not texts[1]


def test_the_index_divisions_are_found_once_for_the_enrichment_passes():
    """The registers pass only reads the tree, and the marking passes never mark an index:
    the index divisions the registers pass finds (`registers.INDEX_DIVS`) are those places
    reads, the same list, and the final tree's."""
    from teikit.enrich.registers import INDEX_DIVS, index_divs

    found, written = [], []

    def read(tei, ctx):
        found.append(ctx.view(INDEX_DIVS, index_divs))
        return tei

    def serialise(tei, ctx):
        written.append(etree.tostring(tei))
        return tei

    passes = default_passes().add(Pass("before", serialise, changes_tree=False), before="registers")
    passes = passes.add(Pass("after", serialise, changes_tree=False), after="registers")
    passes = passes.add(Pass("read1", read, changes_tree=False), after="registers")
    passes = passes.add(Pass("read2", read, changes_tree=False), after="places")
    tree, _ = convert_tree(SAMPLE, passes=passes)
    assert written[0] == written[1]  # the registers pass changed nothing
    assert found[0] is found[1] and found[1] == index_divs(tree)
    assert found[0][0] or found[0][1]  # the sample has its indexes


@pytest.mark.parametrize("book", [GARDEN, BOOKS / "lighthouse.txt", SAMPLE])
def test_the_text_the_name_passes_learn_from_is_the_text_before_any_mark(book):
    """The view persons and places read, computed from the marked tree, is the text of
    the tree before dates, persons and places marked anything."""
    from teikit.enrich.matching import plain_text, unmarked_text

    before, _ = convert_tree(book, passes=default_passes().disable("dates", "orgs", "persons", "places"))
    after, _ = convert_tree(book)
    assert after.xpath("//t:date | //t:persName", namespaces=NS)
    assert unmarked_text(after) == plain_text(before)
    assert plain_text(after) != plain_text(before)  # the marks do change the plain text


def test_enrich_and_the_pipeline_do_not_import_convert():
    """The orchestration has no cycle: enrich builds on the context, not on convert."""
    import subprocess
    import sys

    code = (
        "import sys, teikit.enrich, teikit.pipeline, teikit.context, teikit.teiheader\n"
        "bad = sorted(m for m in sys.modules if m.startswith('teikit.convert'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_navigation_builds_the_lists_in_the_tree_and_the_writer_only_names_the_files(tmp_path):
    """The contents and list of figures are made by a pass, pointing by anchor; the writer's
    split turns the anchors into file names. Without the pass, the raw lines stay."""
    from teikit.convert import navigation

    tei, _ = convert_tree(BOOKS / "garden.txt")
    refs = tei.xpath("//t:div[@type='contents']//t:ref", namespaces=NS)
    assert refs and all(r.get(navigation.POINTER) and r.get("target") is None for r in refs)
    anchors = {el.get(navigation.ANCHOR) for el in tei.iter() if el.get(navigation.ANCHOR)}
    assert {r.get(navigation.POINTER) for r in refs} <= anchors
    convert(BOOKS / "garden.txt", tmp_path / "with")
    front = etree.parse(str(tmp_path / "with" / "front.xml"))
    targets = [r.get("target") for r in front.xpath("//t:div[@type='contents']//t:ref", namespaces=NS)]
    assert "ch02.xml" in targets and all((tmp_path / "with" / t.split("#")[0]).exists() for t in targets)
    assert not [el for el in front.iter() if el.get(navigation.ANCHOR) or el.get(navigation.POINTER)]
    convert(BOOKS / "garden.txt", tmp_path / "without", passes=default_passes().disable("navigation"))
    front = etree.parse(str(tmp_path / "without" / "front.xml"))
    contents = front.xpath("//t:div[@type='contents']", namespaces=NS)[0]
    assert not contents.xpath(".//t:ref", namespaces=NS)
    assert "The Age of Glass" in "".join(contents.itertext())


def test_navigation_keeps_a_contents_list_as_printed_rather_than_lose_its_words(tmp_path):
    """When the entries as read lack words of the printed list, the list stays as printed."""

    def shorten_titles(tei, ctx):  # as if the parse had kept only each title's first word
        for e in ctx.contents:
            e.title = e.title.split()[0]
        return tei

    passes = default_passes().add(
        Pass("shorten", shorten_titles, needs=("outline",), provides=("shortened",)), before="navigation"
    )
    report = convert(BOOKS / "garden.txt", tmp_path / "out", passes=passes)
    (finding,) = report.of_kind("contents-kept-as-printed")
    assert "age" in finding.message and "glass" in finding.message
    front = etree.parse(str(tmp_path / "out" / "front.xml"))
    contents = front.xpath("//t:div[@type='contents']", namespaces=NS)[0]
    assert not contents.xpath(".//t:list", namespaces=NS)
    assert "Chapter 2 The Age of Glass" in " ".join(contents.itertext())


def test_the_header_names_the_reader_and_the_passes_that_ran():
    tei, _ = convert_tree(BOOKS / "garden.txt", passes=default_passes().disable("places"))
    desc = tei.find(f".//{q('application')}/{q('desc')}").text
    assert desc.startswith("converted from plain text by the teikit pipeline (wrapper, outline,")
    assert "persons, navigation)" in desc and "places" not in desc


def test_python_dash_m_teikit_runs_the_command_line(tmp_path):
    """`python -m teikit` is the `teikit` script for an environment whose scripts are not on PATH:
    the same commands, the same exit status, the same error naming the file and line."""
    import subprocess
    import sys

    broken = tmp_path / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n</TEI>\n', encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "teikit", "validate", str(broken)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 1, run.stderr
    assert "broken.xml:3" in run.stdout + run.stderr
