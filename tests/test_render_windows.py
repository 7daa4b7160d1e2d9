"""Rendering a collection a window at a time (teikit.render.windows) gives the edition the
whole collection gives in one transform, byte for byte."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from conftest import EDITION, RENDER_DATA
from renderchecks import failing_transforms
from teikit.access import LINK_SCHEMES
from teikit.render import FORMATS, media, render, windows
from teikit.render.collection import collect_documents, collect_to_file, located_in
from teikit.render.saxon import processor, transform

# The bundled book's documents as files of their own (the corpus file left out): twenty
# documents, so that the collection's root has a parent pointer among its children.
EDITION_DOCS = sorted(p for p in EDITION.glob("*.xml") if p.name != "iron-lazar.xml")


def whole(paths, to: str, outdir: Path, work: Path) -> list[str]:
    """The edition made as before windows: one transform over the whole collection."""
    source = work / "collection.xml"
    planner = media.Planner(forbidden=[outdir], warn=lambda message: None)
    read: list[str] = []  # what reading the documents reports (a language tag that is none)
    collect_to_file(paths, source, warn=read.append, prepare=planner.mark if to == "html" else lambda root: None)
    params: dict[str, bool | int | str] = {"link-schemes": " ".join(LINK_SCHEMES)}
    if to == "text":
        params["width"] = 78
    outdir.mkdir()
    return read + located_in(paths, transform(FORMATS[to], source, outdir, params))


def files(folder: Path) -> list[str]:
    made = (p for p in folder.rglob("*") if p.is_file() and p.name != ".teikit-output")  # the marker render leaves
    return sorted(str(p.relative_to(folder)) for p in made if not {"assets", "media"} & set(p.parts))


@pytest.mark.parametrize("to", ["html", "text"])
@pytest.mark.parametrize("budget", [1, 400_000, 10**9])
def test_windows_give_the_edition_of_the_whole_collection(to, budget, tmp_path, monkeypatch):
    # budget 1: one document a run; 400 kB: a few; 10**9: all of them (one run, here)
    monkeypatch.setattr(windows, "WINDOW_BYTES", budget)
    (tmp_path / "work").mkdir()
    expected = whole(EDITION_DOCS, to, tmp_path / "whole", tmp_path / "work")
    result = render(EDITION_DOCS, to, tmp_path / "windows", search=False)
    assert files(tmp_path / "windows") == files(tmp_path / "whole")
    assert len(files(tmp_path / "whole")) > 20
    for name in files(tmp_path / "whole"):
        assert filecmp.cmp(tmp_path / "whole" / name, tmp_path / "windows" / name, shallow=False), name
    assert result.warnings == expected


def test_the_windows_are_several(tmp_path):
    documents = collect_documents(EDITION_DOCS, tmp_path)
    assert len(windows.windows(documents, 400_000)) > 5
    assert len(windows.windows(documents, 1)) == len(documents) == 20
    assert windows.windows(documents, 10**9) == [list(range(20))]


def test_a_window_holds_fewer_documents_whole_the_more_the_outlines_take(tmp_path, monkeypatch):
    """A window's tree (its whole documents and the others' outlines) stays within
    TREE_BYTES, unless one document alone is larger or the floor (a quarter of
    WINDOW_BYTES) is reached."""
    documents = collect_documents(EDITION_DOCS, tmp_path)
    outlines, _ = windows.outline_all(documents, tmp_path)
    outlined = sum(p.stat().st_size for p in outlines)
    sizes = [p.stat().st_size for p in documents]
    monkeypatch.setattr(windows, "WINDOW_BYTES", 4 * 10**6)
    monkeypatch.setattr(windows, "TREE_BYTES", outlined)  # the outlines fill the tree
    assert windows.whole_bytes(outlines, windows.WINDOW_BYTES) == 10**6  # the floor
    monkeypatch.setattr(windows, "TREE_BYTES", outlined + 1_500_000)
    budget = windows.whole_bytes(outlines, windows.WINDOW_BYTES)
    assert budget == 1_500_000
    groups = windows.windows(documents, budget)
    assert len(groups) > 1
    for group in groups:
        whole = sum(sizes[k] for k in group)
        others = sum(outlines[k].stat().st_size for k in range(len(documents)) if k not in group)
        assert whole + others <= windows.TREE_BYTES or len(group) == 1
    monkeypatch.setattr(windows, "TREE_BYTES", 10**9)  # room to spare: WINDOW_BYTES decides
    assert windows.whole_bytes(outlines, windows.WINDOW_BYTES) == windows.WINDOW_BYTES


def test_each_root_is_numbered_as_in_the_whole_collection(tmp_path):
    """The numbers outline_all counts are those Saxon gives the documents' roots when it
    reads the whole collection (tk:node-id names elements after them)."""
    documents = collect_documents(EDITION_DOCS, tmp_path)
    _, bases = windows.outline_all(documents, tmp_path)
    source = tmp_path / "collection.xml"
    collect_to_file(EDITION_DOCS, source)
    proc = processor()
    xpath = proc.new_xpath_processor()
    xpath.set_context(xdm_item=proc.parse_xml(xml_file_name=str(source)))
    found = xpath.evaluate("/*/* ! xs:integer(replace(generate-id(.), '^d\\d+e', ''))")
    assert [int(str(item)) for item in found] == bases
    assert bases[11] - bases[10] > 0  # twelve documents and more: a parent pointer came between


def test_small_documents_are_numbered_as_in_the_whole_collection(tmp_path, monkeypatch):
    """Documents that end in an element holding only text (Saxon keeps it as one node),
    with comments and processing instructions, more than twice eleven of them: the
    numbers are still those of the whole collection, and so is the edition."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for k in range(25):
        (docs / f"d{k:02d}.xml").write_text(
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Doc</title>'
            "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
            f"</teiHeader><text><body><!-- a comment --><div><head>Part {k}</head><?pi here?>"
            f"<p>See <ref target='d{(k + 1) % 25:02d}.xml'>the next</ref>.{'<note>n</note>' * (k % 3)}</p>"
            f"<p>{'x' * k}</p></div></body></text></TEI>",
            encoding="utf-8",
        )
    (tmp_path / "work").mkdir()
    documents = collect_documents([docs], tmp_path / "work")
    _, bases = windows.outline_all(documents, tmp_path / "work")
    source = tmp_path / "collection.xml"
    collect_to_file([docs], source)
    proc = processor()
    xpath = proc.new_xpath_processor()
    xpath.set_context(xdm_item=proc.parse_xml(xml_file_name=str(source)))
    found = xpath.evaluate("/*/* ! xs:integer(replace(generate-id(.), '^d\\d+e', ''))")
    assert [int(str(item)) for item in found] == bases
    (tmp_path / "w2").mkdir()
    expected = whole([docs], "html", tmp_path / "whole", tmp_path / "w2")
    monkeypatch.setattr(windows, "WINDOW_BYTES", 1)
    result = render([docs], "html", tmp_path / "windows", search=False)
    for name in files(tmp_path / "whole"):
        assert filecmp.cmp(tmp_path / "whole" / name, tmp_path / "windows" / name, shallow=False), name
    assert result.warnings == expected


@pytest.mark.parametrize("to", ["html", "text"])
def test_windows_with_a_corpus_and_documents_give_the_whole_edition(to, tmp_path, monkeypatch):
    """The corpus file (which includes the book's documents) and the test documents, some
    of which cannot be rendered in part: the same pages and the same warnings."""
    monkeypatch.setattr(windows, "WINDOW_BYTES", 1)
    paths = [EDITION, RENDER_DATA]
    (tmp_path / "work").mkdir()
    expected = whole(paths, to, tmp_path / "whole", tmp_path / "work")
    result = render(paths, to, tmp_path / "windows", search=False)
    names = files(tmp_path / "whole")
    assert files(tmp_path / "windows") == names
    for name in names:
        assert filecmp.cmp(tmp_path / "whole" / name, tmp_path / "windows" / name, shallow=False), name
    assert result.warnings == expected


POINTING = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Pointers</title>
</titleStmt><publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>
<text><body><div xml:id="pointers"><head>Pointers</head><p>See <ref target="ch01.xml#ch01">the first chapter</ref>,
<ref target="nowhere.xml#x">nothing</ref>, <ref target="javascript:alert(1)">a script</ref> and
<persName ref="persons.xml#kaganovich-l-m">Kaganovich</persName>.</p></div></body></text></TEI>"""


@pytest.mark.parametrize("to", ["html", "text"])
def test_windows_report_what_the_whole_collection_reports(to, tmp_path, monkeypatch):
    monkeypatch.setattr(windows, "WINDOW_BYTES", 1)
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("ch01.xml", "persons.xml"):
        (docs / name).write_bytes((EDITION / name).read_bytes())
    (docs / "pointers.xml").write_text(POINTING, encoding="utf-8")
    (tmp_path / "work").mkdir()
    expected = whole([docs], to, tmp_path / "whole", tmp_path / "work")
    result = render([docs], to, tmp_path / "windows", search=False)
    for name in files(tmp_path / "whole"):
        assert filecmp.cmp(tmp_path / "whole" / name, tmp_path / "windows" / name, shallow=False), name
    assert result.warnings == expected
    if to == "html":
        assert any("nowhere.xml#x, which is not in the collection" in w for w in expected)
        assert any("javascript:alert(1), which pages may not carry" in w for w in expected)
    # the name in the third document is listed among the entry's mentions, in its window
    persons = (tmp_path / "windows" / f"persons.{'html' if to == 'html' else 'txt'}").read_text(encoding="utf-8")
    assert "Pointers" in persons


@pytest.mark.parametrize("to", ["html", "text"])
def test_windows_on_a_dask_cluster_and_in_processes_give_the_local_edition(to, tmp_path, monkeypatch):
    """The windows of one collection spread over a LocalCluster's two worker processes,
    and over two local processes: the pages and the warnings of a run here."""
    from distributed import LocalCluster

    monkeypatch.setattr(windows, "WINDOW_BYTES", 400_000)
    docs = tmp_path / "docs"
    docs.mkdir()
    for path in EDITION_DOCS:
        (docs / path.name).write_bytes(path.read_bytes())
    (docs / "pointers.xml").write_text(POINTING, encoding="utf-8")
    here = render([docs], to, tmp_path / "here", search=False)
    names = files(tmp_path / "here")
    in_processes = render([docs], to, tmp_path / "processes", search=False, jobs=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        # the windows are decided here and travel to the workers whole
        on_dask = render([docs], to, tmp_path / "dask", search=False, dask=local.scheduler_address)
    for run, result in (("processes", in_processes), ("dask", on_dask)):
        assert files(tmp_path / run) == names
        for name in names:
            assert filecmp.cmp(tmp_path / "here" / name, tmp_path / run / name, shallow=False), (run, name)
        assert result.warnings == here.warnings
    if to == "html":  # the HTML edition reports the pointers (html.xsl)
        assert any("nowhere.xml#x" in w for w in here.warnings)


@pytest.mark.parametrize("to", ["html", "text"])
def test_a_block_that_fails_in_a_window_is_reported_with_its_file_and_line(to, tmp_path, monkeypatch):
    """A block the transform cannot render, in the third of four documents rendered one a
    run: reported as one transform over the whole collection reports it (its own file and
    line: the window's tree has the shape of the collection's)."""

    name, mode = FORMATS[to], "html" if to == "html" else "txt-inline"
    failing_transforms(tmp_path, monkeypatch, (name, mode))
    monkeypatch.setitem(FORMATS, to, f"failing-{name}")
    monkeypatch.setattr(windows, "WINDOW_BYTES", 1)
    docs = tmp_path / "docs"
    docs.mkdir()
    genres = RENDER_DATA / "genres"
    for source in ("apparatus.xml", "letter.xml", "msdesc.xml"):
        (docs / source).write_bytes((genres / source).read_bytes())
    failing = docs / "m-drama.xml"
    failing.write_text(
        (genres / "drama.xml")
        .read_text(encoding="utf-8")
        .replace("<stage>He turns to go.</stage>", '<stage>He <hi rend="fails">turns</hi> to go.</stage>'),
        encoding="utf-8",
    )
    lines = failing.read_text(encoding="utf-8").splitlines()
    at = next(n for n, text in enumerate(lines) if "fails" in text)
    line = max(n for n, text in enumerate(lines[:at], 1) if "<sp " in text)
    (tmp_path / "work").mkdir()
    expected = whole([docs], to, tmp_path / "whole", tmp_path / "work")
    result = render([docs], to, tmp_path / "windows", search=False)
    message = (
        f"warning: {failing}:{line}: <sp> could not be rendered (this element cannot be rendered); shown as its text"
    )
    assert message in expected
    assert result.warnings == expected
    for name in files(tmp_path / "whole"):
        assert filecmp.cmp(tmp_path / "whole" / name, tmp_path / "windows" / name, shallow=False), name
