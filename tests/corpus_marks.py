"""Test helpers for mentions marked in books of the development corpus: the books
converted once per test module (with the profile their editor chose, as the benchmarks
convert them), and the mentions of a kind marked in the innermost block that writes a
given sentence (the notes set inside it aside)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import NS, ROOT
from teikit.convert import convert
from teikit.profile import load_profile

CORPUS = ROOT.parent / "shared" / "corpus" / "books"
EPUBS = ROOT.parent / "shared" / "corpus" / "epub"
WORD = ROOT.parent / "shared" / "corpus" / "docx"
PROFILES = Path(__file__).resolve().parent / "data" / "enrich" / "profiles"
_BLOCKS = ("p", "l", "item", "head", "note", "bibl", "label", "cell")
_REGISTERS = ("persons.xml", "places.xml", "orgs.xml")


def converted_epub(tmp_path_factory, folder: str) -> Path:
    """The edition of an EPUB source tree of the corpus (../shared/corpus/epub/<folder>),
    converted with the default profile as an editor's first run converts it (skipped, with
    the reason, where the corpus is not beside the project)."""
    source = EPUBS / folder
    if not (source / "content.opf").is_file():
        pytest.skip(f"the shared corpus's EPUB {folder} is not beside the project ({source} absent)")
    out = tmp_path_factory.mktemp("epub") / folder
    convert(source, out, profile=load_profile())
    return out


def converted_word(tmp_path_factory, name: str) -> Path:
    """The edition of a Word document of the corpus (../shared/corpus/docx/<name>.docx),
    converted with the default profile (skipped, with the reason, where the corpus is not
    beside the project)."""
    source = WORD / f"{name}.docx"
    if not source.is_file():
        pytest.skip(f"the shared corpus's Word document {name} is not beside the project ({source} absent)")
    out = tmp_path_factory.mktemp("docx") / name
    convert(source, out, profile=load_profile())
    return out


def converted_books(tmp_path_factory, label: str):
    """A function that gives a corpus book's edition folder by name, converting it once
    (skipped, with the reason, where the corpus is not beside the project)."""
    made: dict[str, Path] = {}

    def converted(name: str) -> Path:
        if name not in made:
            source = CORPUS / f"{name}.txt"
            if not source.is_file():
                pytest.skip(f"the development corpus is not beside the project ({source} absent)")
            own = PROFILES / f"{name}.toml"
            out = tmp_path_factory.mktemp(label) / name
            convert(source, out, profile=load_profile(own) if own.is_file() else load_profile())
            made[name] = out
        return made[name]

    return converted


def plain(el) -> str:
    """The text of a block without the notes set inside it."""
    out = [el.text or ""]
    for child in el:
        if etree.QName(child).localname != "note":
            out.append(plain(child))
        out.append(child.tail or "")
    return "".join(out)


def marks(folder: Path, said: str, tag: str = "persName") -> list[tuple[str, str | None]]:
    """The mentions of `tag` (text, spaces normalised; the id it links to) marked in the
    innermost block of the book that writes `said` (a paragraph of a footnote, not the note;
    spaces normalised), the notes inside it aside."""
    for f in sorted(folder.glob("*.xml")):
        if f.name in _REGISTERS:
            continue
        blocks = etree.parse(str(f)).iter(*(f"{{{NS['t']}}}{b}" for b in _BLOCKS))
        holding = [block for block in blocks if said in " ".join(plain(block).split())]
        for block in holding[-1:]:  # in document order, an inner block after the one holding it
            out = []
            for el in block.iter(f"{{{NS['t']}}}{tag}"):
                inner = el.getparent()
                while inner is not block and etree.QName(inner).localname not in _BLOCKS:
                    inner = inner.getparent()
                if inner is block:
                    ref = el.get("ref")
                    out.append((" ".join("".join(el.itertext()).split()), ref and ref.split("#")[1]))
            return out
    raise AssertionError(f"no block writes {said!r}")


def marked_texts(folder: Path, said: str, tag: str = "persName") -> list[str]:
    """The texts of `marks`, without their links."""
    return [text for text, _ in marks(folder, said, tag)]


def xhtml_paragraph(source: Path, said: str) -> str:
    """The text of the first paragraph (`p`) of an XHTML file that writes `said`: its string
    value, white space collapsed (word joiners kept); skipped where the shared corpus is absent."""
    if not source.is_file():
        pytest.skip(f"the shared corpus is not beside the project ({source} absent)")
    for p in etree.parse(str(source)).iter("{http://www.w3.org/1999/xhtml}p"):
        text = " ".join("".join(p.itertext()).split())
        if said in text:
            return text
    raise AssertionError(f"no paragraph writes {said!r}")
