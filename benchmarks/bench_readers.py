"""The Word, EPUB and Markdown readers: speed on a 200-page Word document, and their figures
on the development corpus.

    python benchmarks/bench_readers.py            # a generated 200-page DOCX, best of --runs
    python benchmarks/bench_readers.py --corpus   # per corpus file: notes, words kept, valid, seconds

The 200-page document is made here (deterministic): 200 pages of about 450 words, a
heading every ten pages and a subheading every two, a footnote and italic and bold runs on
every page, a table every twenty pages. Its time is given for the reader alone and for
the whole conversion (reader, header, enrichment, navigation, writer).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from readers_measure import (  # noqa: E402
    CORPUS,
    DATA,
    docx_source,
    epub_source,
    invalid,
    kept,
    markdown_source,
    output_notes,
    output_words,
    zip_folder,
)
from teikit.context import Context  # noqa: E402
from teikit.convert import convert  # noqa: E402
from teikit.convert.readers import docx  # noqa: E402
from teikit.profile import load_profile  # noqa: E402
from teikit.report import Report  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_WORDS = (
    "the committee considered whether governance of the network should rest with states or with the "
    "bodies that built it and found that neither answer was sufficient on its own"
).split()


def _run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(k: int, words: int = 75) -> str:
    text = [_WORDS[(k * 7 + i) % len(_WORDS)] for i in range(words)]
    third = words // 3
    return (
        "<w:p>"
        + _run(" ".join(text[:third]) + " ")
        + _run(" ".join(text[third : third + 3]), "<w:i/>")
        + _run(" " + " ".join(text[third + 3 : 2 * third]) + " ")
        + _run(" ".join(text[2 * third : 2 * third + 2]), "<w:b/>")
        + _run(" " + " ".join(text[2 * third + 2 :]) + ".")
        + "</w:p>"
    )


def make_docx(out: Path, pages: int = 200) -> Path:
    """A Word document of `pages` pages of about 450 words, with headings, notes and tables."""
    body, notes = [], []
    for page in range(pages):
        if page % 10 == 0:
            body.append(f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>{_run(f"Chapter {page // 10 + 1}")}</w:p>')
        elif page % 2 == 0:
            body.append(f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>{_run(f"Section {page}")}</w:p>')
        for k in range(6):
            body.append(_paragraph(page * 6 + k))
        n = page + 1
        body[-1] = body[-1].replace("</w:p>", f'<w:r><w:footnoteReference w:id="{n}"/></w:r></w:p>')
        notes.append(f'<w:footnote w:id="{n}"><w:p>{_run(f"Note {n}: see the report of page {n}.")}</w:p></w:footnote>')
        if page % 20 == 19:
            cells = "".join(f"<w:tc><w:p>{_run(f'cell {c}')}</w:p></w:tc>" for c in range(4))
            body.append("<w:tbl>" + f"<w:tr>{cells}</w:tr>" * 5 + "</w:tbl>")
    document = f"<w:document {W}><w:body>{''.join(body)}<w:sectPr/></w:body></w:document>"
    footnotes = f"<w:footnotes {W}>{''.join(notes)}</w:footnotes>"
    styles = (
        f"<w:styles {W}>"
        + "".join(
            f'<w:style w:type="paragraph" w:styleId="Heading{k}"><w:name w:val="heading {k}"/></w:style>'
            for k in (1, 2)
        )
        + "</w:styles>"
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" '
        'Target="footnotes.xml"/></Relationships>'
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "word" / "_rels").mkdir(parents=True)
        (folder / "word" / "document.xml").write_text(document, encoding="utf-8")
        (folder / "word" / "footnotes.xml").write_text(footnotes, encoding="utf-8")
        (folder / "word" / "styles.xml").write_text(styles, encoding="utf-8")
        (folder / "word" / "_rels" / "document.xml.rels").write_text(rels, encoding="utf-8")
        return zip_folder(folder, out)


def bench_docx(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = make_docx(Path(tmp) / "report.docx")
        source, refs = docx_source(src)
        reads, totals = [], []
        for k in range(runs):
            ctx = Context(source=src, profile=load_profile(), report=Report())
            t0 = time.perf_counter()
            docx.read(src, ctx)
            reads.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            convert(src, Path(tmp) / f"out{k}")
            totals.append(time.perf_counter() - t0)
        out = Path(tmp) / "out0"
        print(f"200-page DOCX: {sum(source.values())} words, {refs} footnotes, {src.stat().st_size} bytes")
        print(f"  reader alone:     best {min(reads):.3f} s of {runs}")
        print(f"  whole conversion: best {min(totals):.3f} s of {runs}")
        print(
            f"  notes at their references {output_notes(out)}/{refs}, words kept {kept(source, output_words(out)):.4%}"
        )


def bench_corpus() -> None:
    sources = []
    for p in sorted((CORPUS / "docx").glob("*.docx")):
        sources.append((p, docx_source(p)))
    for p in sorted((CORPUS / "epub").iterdir()) if (CORPUS / "epub").is_dir() else []:
        if p.is_dir() or p.suffix == ".epub":
            sources.append((p, epub_source(p)))
    for p in sorted((CORPUS / "markdown").glob("*")):
        if p.suffix in (".md", ".markdown") and p.name != "MANIFEST.md":
            sources.append((p, markdown_source(p)))
    if not sources:
        sys.exit(f"the development corpus is not at {CORPUS}")
    print(f"{'file':58s} {'notes':>11s} {'words kept':>11s} {'valid':>6s} {'seconds':>8s}")
    for p, measured in sources:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            t0 = time.perf_counter()
            convert(p, out)
            seconds = time.perf_counter() - t0
            notes = output_notes(out)
            if measured is None:
                figures = f"{notes:>5d}/{'?':<5s} {'-':>11s}"
            else:
                source, refs = measured
                figures = f"{notes:>5d}/{refs:<5d} {kept(source, output_words(out)):>11.4%}"
            valid = "yes" if not invalid(out) else "NO"
            print(f"{p.name[:58]:58s} {figures} {valid:>6s} {seconds:>8.2f}")
    print(f"(sample data: {DATA})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", action="store_true")
    args = ap.parse_args()
    if args.corpus:
        bench_corpus()
    else:
        bench_docx(args.runs)


if __name__ == "__main__":
    main()
