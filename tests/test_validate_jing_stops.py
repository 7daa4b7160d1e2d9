"""jing stops at the first document it cannot parse: the files after it still get a verdict."""

from pathlib import Path

from teikit.validate import validate

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (ROOT / "tests" / "data" / "validate" / "minimal.xml").read_text(encoding="utf-8")


def test_files_after_one_jing_cannot_parse_are_still_judged(tmp_path):
    # teikit.rng by another name: jing, not libxml2, judges every file, in one batch in the
    # order given; jing prints a fatal error for b.xml and validates nothing after it.
    other = tmp_path / "schema" / "other.rng"
    other.parent.mkdir()
    other.write_text((ROOT / "schema" / "teikit.rng").read_text(encoding="utf-8") + "<!-- other -->\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.xml").write_text(MINIMAL)
    (docs / "b.xml").write_text(MINIMAL.replace("</TEI>", ""))  # not well-formed
    (docs / "c.xml").write_text(MINIMAL.replace("<p>", "<para>", 1).replace("</p>", "</para>", 1))
    (docs / "d.xml").write_text(MINIMAL.replace("</TEI>", ""))
    (docs / "e.xml").write_text(MINIMAL.replace("<p>", "<para>", 1).replace("</p>", "</para>", 1))
    (docs / "f.xml").write_text(MINIMAL)
    run = validate([docs], schema=str(other))
    verdicts = {Path(r.path).name: r.valid for r in run.results}
    assert verdicts == {"a.xml": True, "b.xml": False, "c.xml": False, "d.xml": False, "e.xml": False, "f.xml": True}
    (c,) = [r for r in run.results if r.path.endswith("c.xml")]
    assert any('element "para" not allowed' in p.message for p in c.errors if p.source == "relaxng")


def test_many_files_jing_cannot_parse_cost_a_few_runs_not_one_each(tmp_path, jing_batches):
    """After a second stop the files left are read by libxml2 first: the broken ones get its
    error, the others one more jing run; every file its verdict, none lost or counted twice."""
    other = tmp_path / "schema" / "other.rng"
    other.parent.mkdir()
    other.write_text((ROOT / "schema" / "teikit.rng").read_text(encoding="utf-8") + "<!-- other -->\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    expected = {}
    for i in range(24):
        name = f"f{i:02}.xml"
        if i % 3 == 1:  # eight files not well-formed, spread through the batch
            (docs / name).write_text(MINIMAL.replace("</TEI>", ""))
            expected[name] = False
        elif i % 6 == 0:  # well-formed, invalid
            (docs / name).write_text(MINIMAL.replace("<p>", "<para>", 1).replace("</p>", "</para>", 1))
            expected[name] = False
        else:
            (docs / name).write_text(MINIMAL)
            expected[name] = True
    run = validate([docs], schema=str(other))
    verdicts = {Path(r.path).name: r.valid for r in run.results}
    assert verdicts == expected
    assert len(run.results) == 24 and 1 <= len(jing_batches) <= 3, [len(b) for b in jing_batches]
    broken = [r for r in run.results if r.path.endswith("f04.xml")][0]
    assert broken.errors and all(p.line for p in broken.errors)
