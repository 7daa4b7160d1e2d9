"""Structured readers in the pipeline: which reader reads an input (by content), which passes
run after it (Registry.after_reader), and hostile packages refused with a clear error."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from readers_measure import DATA, png, zip_folder
from teikit.cli import main
from teikit.convert import READERS, WRITER_NEEDS, convert, default_passes, passes_for, reader_for
from teikit.convert.readers import package
from teikit.errors import TeikitError
from teikit.pipeline import Pass, Registry
from teikit.profile import load_profile


def _nothing(tei, ctx):
    return tei


def test_after_reader_leaves_out_exactly_the_passes_whose_facts_the_reader_provides():
    reg = Registry(
        [
            Pass("a", _nothing, provides=("x", "y")),
            Pass("b", _nothing, needs=("x",), provides=("y",)),
            Pass("c", _nothing, needs=("y",), provides=("y", "z")),
            Pass("d", _nothing, needs=("z",)),
        ]
    )
    kept, left_out = reg.after_reader(("x", "y"))
    assert left_out == ["a", "b"]
    assert kept.names() == ["c", "d"]  # c provides z too; d provides nothing: both run
    kept.check(provided=("x", "y"))
    assert reg.after_reader(("w",))[0].names() == reg.names()


def test_after_a_structured_reader_only_header_enrichment_and_navigation_run():
    docx = next(r for r in READERS if r.name == "docx")
    active = passes_for(load_profile(), default_passes(), docx)
    assert active.names() == ["header", "registers", "dates", "orgs", "persons", "places", "navigation"]
    active.check(provided=docx.provides, then_needs=WRITER_NEEDS)
    text = READERS[-1]
    assert passes_for(load_profile(), default_passes(), text).names() == default_passes().names()


def test_the_reader_is_chosen_by_content_not_by_name(tmp_path):
    docx = zip_folder(DATA / "docx", tmp_path / "a-word-file.bin")
    epub = zip_folder(DATA / "epub", tmp_path / "book.zip", first="mimetype")
    folder = shutil.copytree(DATA / "epub" / "OEBPS", tmp_path / "unpacked")
    (tmp_path / "notes.txt").write_text("---\ntitle: x\n---\n# Not markdown: named .txt\n", encoding="utf-8")
    (tmp_path / "front-matter").write_text("---\ntitle: x\n---\n# Heading\n", encoding="utf-8")
    (tmp_path / "plain").write_text("Chapter 1\n\nText.\n", encoding="utf-8")
    disguised = zip_folder(DATA / "docx", tmp_path / "really-word.txt")
    got = {
        p.name: reader_for(p).name
        for p in (docx, epub, folder, tmp_path / "notes.txt", tmp_path / "front-matter", tmp_path / "plain", disguised)
    }
    assert got == {
        "a-word-file.bin": "docx",
        "book.zip": "epub",
        "unpacked": "epub",
        "notes.txt": "text",
        "front-matter": "markdown",
        "plain": "text",
        "really-word.txt": "docx",
    }
    assert reader_for(DATA / "sample.md").name == "markdown"


def test_passes_listing_says_what_the_reader_leaves_out(tmp_path, capsys):
    docx = zip_folder(DATA / "docx", tmp_path / "sample.docx")
    assert main(["convert", str(docx), "--passes"]) == 0
    out = capsys.readouterr().out
    assert "reader docx" in out
    assert (
        "left out after the docx reader, which provides their facts: wrapper, outline, furniture, note-bodies, structure"
        in out
    )


# ---------------------------------------------------------------- hostile packages


def _refused(src: Path, tmp_path: Path, *words: str) -> str:
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(TeikitError) as err:
        convert(src, tmp_path / "out")
    message = str(err.value)
    assert src.name in message, message
    for w in words:
        assert w in message, message
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written, not even OUTDIR
    return message


def test_a_corrupted_zip_is_refused_naming_the_file(tmp_path):
    good = zip_folder(DATA / "docx", tmp_path / "whole.docx").read_bytes()
    bad = tmp_path / "broken.docx"
    bad.write_bytes(good[: len(good) // 2])
    _refused(bad, tmp_path, "not a readable zip package")


def test_a_word_document_without_a_part_it_names_is_refused(tmp_path):
    src = shutil.copytree(DATA / "docx", tmp_path / "parts")
    (src / "word" / "footnotes.xml").unlink()
    docx = zip_folder(src, tmp_path / "no-notes.docx")
    _refused(docx, tmp_path, "word/footnotes.xml is missing")
    (src / "word" / "document.xml").unlink()
    _refused(zip_folder(src, tmp_path / "no-body.docx"), tmp_path, "word/document.xml is missing")


def test_an_encrypted_document_is_refused(tmp_path):
    ole = tmp_path / "secret.docx"
    ole.write_bytes(package.OLE_MAGIC + bytes(504))  # what Word writes for a password-protected file
    _refused(ole, tmp_path, "encrypted")
    data = bytearray(zip_folder(DATA / "docx", tmp_path / "flagged.docx").read_bytes())
    for sig, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set "encrypted" in every header
        i = data.find(sig)
        while i >= 0:
            data[i + at] |= 1
            i = data.find(sig, i + 4)
    (tmp_path / "flagged.docx").write_bytes(bytes(data))
    _refused(tmp_path / "flagged.docx", tmp_path, "is encrypted")


def test_a_zip_bomb_stops_early(tmp_path):
    bomb = zip_folder(DATA / "docx", tmp_path / "bomb.docx", {"word/document.xml": b"<a>" + b" " * (64 << 20)})
    assert bomb.stat().st_size < 1 << 20
    _refused(bomb, tmp_path, "zip bomb")


def test_a_member_that_leads_outside_the_package_is_refused(tmp_path):
    evil = tmp_path / "evil.epub"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("META-INF/container.xml", (DATA / "epub/META-INF/container.xml").read_bytes())
        z.writestr("../../escaped.txt", "outside")
    _refused(evil, tmp_path, "leads outside the package")
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_a_broken_package_document_is_refused(tmp_path):
    src = shutil.copytree(DATA / "epub", tmp_path / "book")
    opf = src / "OEBPS" / "content.opf"
    opf.write_text(opf.read_text(encoding="utf-8").replace("</manifest>", ""), encoding="utf-8")
    _refused(
        zip_folder(src, tmp_path / "broken-opf.epub", first="mimetype"),
        tmp_path,
        "OEBPS/content.opf is not well-formed",
    )
    opf.unlink()
    _refused(zip_folder(src, tmp_path / "no-opf.epub", first="mimetype"), tmp_path, "does not hold")


def test_entities_are_not_expanded(tmp_path):
    src = shutil.copytree(DATA / "epub", tmp_path / "book")
    ch = src / "OEBPS" / "text" / "dedication.xhtml"
    laughs = '<!DOCTYPE html [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    text = ch.read_text(encoding="utf-8").replace("<html", laughs + "<html", 1).replace("every sea", "&b;")
    ch.write_text(text, encoding="utf-8")
    convert(src, tmp_path / "out")
    front = (tmp_path / "out" / "front.xml").read_text(encoding="utf-8")
    assert "lol" not in front
    assert "To the sailors of" in front


def test_images_are_copied_only_from_inside_the_input(tmp_path):
    (tmp_path / "secret.png").write_bytes(png())
    book = tmp_path / "book"
    book.mkdir()
    (book / "dot.png").write_bytes(png(2, 2))
    (book / "text.md").write_text(
        "# One\n\n![in](dot.png) ![out](../secret.png) ![abs](/etc/passwd)\n", encoding="utf-8"
    )
    report = convert(book / "text.md", tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out" / "media").iterdir()) == ["dot.png"]
    assert (tmp_path / "out" / "media" / "dot.png").read_bytes() == png(2, 2)
    assert any("images not found" in f.message for f in report.of_kind("not-mapped"))


def test_an_epub_whose_text_is_encrypted_is_refused(tmp_path):
    src = shutil.copytree(DATA / "epub", tmp_path / "book")
    (src / "META-INF" / "encryption.xml").write_text(
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/text/chapter-1.xhtml"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>",
        encoding="utf-8",
    )
    _refused(zip_folder(src, tmp_path / "drm.epub", first="mimetype"), tmp_path, "chapter-1.xhtml is encrypted")
