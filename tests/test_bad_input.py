"""Bad input: a clear message naming the file, never a traceback, never a half-written folder."""

from __future__ import annotations

import codecs

import pytest
from lxml import etree

from conftest import BOOKS, NS, text
from teikit.cli import main


def run(tmp_path, data: bytes, capsys, *extra):
    src = tmp_path / "book.txt"
    src.write_bytes(data)
    code = main(["convert", str(src), "-o", str(tmp_path / "out"), *extra])
    return code, capsys.readouterr()


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "empty"),
        (b"  \n\n \t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ],
)
def test_unusable_files_get_a_clear_error(tmp_path, capsys, data, words):
    code, out = run(tmp_path, data, capsys)
    assert code == 1
    assert out.err.startswith("teikit: error: ") and str(tmp_path / "book.txt") in out.err
    assert words in out.err and "Traceback" not in out.err
    assert not (tmp_path / "out").exists()


def test_other_encodings_are_decoded(tmp_path, capsys):
    book = (BOOKS / "lighthouse.txt").read_text("utf-8").replace("Reed", "Réed")
    for enc, data in [("cp1252", book.encode("cp1252")), ("utf-16", codecs.BOM_UTF16_LE + book.encode("utf-16-le"))]:
        out = tmp_path / enc
        src = tmp_path / f"{enc}.txt"
        src.write_bytes(data)
        assert main(["convert", str(src), "-o", str(out)]) == 0
        assert "Réed" in text(etree.parse(str(out / "ch01.xml")).getroot())


def test_characters_illegal_in_xml_are_removed_and_reported(tmp_path, capsys):
    book = (BOOKS / "lighthouse.txt").read_text("utf-8").replace("retired pilot", "retired\x07 pi\x0blot")
    code, _ = run(tmp_path, book.encode(), capsys)
    assert code == 0
    doc = etree.parse(str(tmp_path / "out" / "ch01.xml"))
    assert "retired pilot" in text(doc.getroot())
    import json

    report = json.loads((tmp_path / "out" / "conversion-report.json").read_text())
    assert [f["line"] for f in report["findings"] if f["kind"] == "illegal-character"] == [15, 15]


def test_text_without_chapters_still_converts(tmp_path, capsys):
    code, out = run(tmp_path, b"A short note.\n\nIt has two paragraphs and no chapters at all.\n", capsys)
    assert code == 0
    docs = sorted(p.name for p in (tmp_path / "out").glob("*.xml"))
    assert docs == ["book.xml", "chapter.xml"]
    paras = etree.parse(str(tmp_path / "out" / "chapter.xml")).xpath("//t:text//t:p", namespaces=NS)
    assert [text(p) for p in paras] == ["A short note.", "It has two paragraphs and no chapters at all."]


def test_existing_output_is_not_clobbered_without_force(tmp_path, capsys):
    (tmp_path / "out").mkdir()
    keep = tmp_path / "out" / "mine.txt"
    keep.write_text("precious")
    code, out = run(tmp_path, (BOOKS / "garden.txt").read_bytes(), capsys)
    assert code == 1 and "--force" in out.err and keep.read_text() == "precious"
    # a folder teikit did not write is not replaced even with --force (tests/test_output_safety.py)
    code, out = run(tmp_path, (BOOKS / "garden.txt").read_bytes(), capsys, "--force")
    assert code == 1 and "not written by teikit" in out.err and keep.read_text() == "precious"
    keep.unlink()
    code, _ = run(tmp_path, (BOOKS / "garden.txt").read_bytes(), capsys)
    assert code == 0 and (tmp_path / "out" / "ch01.xml").exists()
    code, _ = run(tmp_path, (BOOKS / "garden.txt").read_bytes(), capsys, "--force")
    assert code == 0 and (tmp_path / "out" / "ch01.xml").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("command", ["convert", "validate", "render"])
def test_a_file_name_cannot_forge_error_lines_or_drive_the_terminal(tmp_path, capsys, command):
    # a missing input whose name holds a newline and an ANSI escape: each command names it
    # on one `teikit: error:` line, the control characters escaped as the text report does
    name = str(tmp_path / "no\nsuch \x1b[31mbook.xml")
    argv = {
        "convert": ["convert", name, "-o", str(tmp_path / "out")],
        "render": ["render", name, "--to", "html", "-o", str(tmp_path / "out")],
    }
    code = main(argv.get(command, ["validate", name]))
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert err.startswith("teikit: error: ") and err.count("\n") == 1
    assert "\x1b" not in err and "no\\nsuch \\x1b[31mbook.xml" in err
    assert not (tmp_path / "out").exists()
