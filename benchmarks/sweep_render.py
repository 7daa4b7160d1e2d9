"""Render TEI written by others to every edition and count what survives.

    python benchmarks/sweep_render.py ../shared/corpus/tei [--no-epubcheck] [--no-vnu]

Every TEI file under the folders given is rendered on its own to the HTML site, the
text edition and the EPUB. For each format it prints how many files rendered, the
words of the TEI's text (tests/renderchecks.tei_words) and how many of them the
edition kept; then how many EPUBs EPUBCheck passes (no error or fatal message) and how
many HTML pages the Nu HTML Checker finds errors in. Files that fail, lose words or
fail a checker are listed by name, with what went wrong.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from lxml import etree  # noqa: E402

from renderchecks import (  # noqa: E402
    epubcheck_messages,
    html_words,
    missing,
    tei_words,
    text_words,
    vnu_messages,
    xhtml_words,
)
from teikit.errors import TeikitError  # noqa: E402
from teikit.render import render  # noqa: E402


def tei_files(folders: list[str]) -> list[Path]:
    found = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.xml")):
            try:
                root = etree.parse(str(path)).getroot()
            except etree.XMLSyntaxError:
                continue
            if etree.QName(root).localname in ("TEI", "teiCorpus"):
                found.append(path)
    return found


def book_words(folder: Path) -> Counter:
    """The words of the text edition's book.txt (the whole collection; the pages repeat it)."""
    return text_words((folder / "book.txt").read_text(encoding="utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--no-epubcheck", action="store_true")
    ap.add_argument("--no-vnu", action="store_true")
    ap.add_argument("--formats", default="html,text,epub", help="the editions to render, comma-separated")
    args = ap.parse_args()
    files = tei_files(args.folders)
    rendered = Counter()
    total = Counter()
    kept = Counter()
    epub_ok = 0
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        sites = []
        for k, path in enumerate(files):
            name = path.name
            expected = tei_words([path])
            n = sum(expected.values())
            for to in args.formats.split(","):
                total[to] += n  # a file that fails to render loses all its words
                target = out / f"{k}-{to}" if to != "epub" else out / f"{k}.epub"
                try:
                    result = render([path], to, target)
                except TeikitError as exc:
                    problems.append(f"{name}: {to} failed: {exc}")
                    continue
                rendered[to] += 1
                if to == "html":
                    found = html_words(target)
                    sites.append((name, target))
                elif to == "text":
                    found = book_words(target)
                else:
                    import zipfile

                    unpacked = out / f"{k}-epub-unpacked"
                    with zipfile.ZipFile(target) as zf:
                        zf.extractall(unpacked)
                    found = xhtml_words(unpacked)
                lost = missing(expected, found)
                kept[to] += n - sum(lost.values())
                if lost:
                    sample = ", ".join(sorted(lost)[:8])
                    problems.append(f"{name}: {to} lost {sum(lost.values())} of {n} words ({sample})")
                if result.warnings:
                    first = result.warnings[0][:160]
                    problems.append(f"{name}: {to}: {len(result.warnings)} warnings, first: {first}")
                if to == "epub" and not args.no_epubcheck:
                    bad = [m for m in epubcheck_messages(target) if m["severity"] in ("ERROR", "FATAL")]
                    if bad:
                        problems.append(
                            f"{name}: EPUBCheck: {bad[0]['ID']} {bad[0]['message'][:150]} (+{len(bad) - 1})"
                        )
                    else:
                        epub_ok += 1
            print(f"[{k + 1}/{len(files)}] {name}", file=sys.stderr, flush=True)
        vnu_bad = None
        if not args.no_vnu and sites:
            # One run of the checker over every site (it starts a JVM each time).
            vnu_bad = Counter()
            names = {site.name: name for name, site in sites}
            for m in vnu_messages(out):
                folder = next((part for part in Path(urlparse(m.get("url", "")).path).parts if part in names), None)
                if m.get("type") == "error" and folder:
                    if not vnu_bad[names[folder]]:
                        problems.append(f"{names[folder]}: Nu checker: {m['message'][:150]}")
                    vnu_bad[names[folder]] += 1
    print("\n".join(problems))
    print(f"\n{len(files)} TEI files")
    for to in args.formats.split(","):
        share = kept[to] / total[to] * 100 if total[to] else 0
        print(f"{to:5}: {rendered[to]}/{len(files)} rendered; words kept {kept[to]}/{total[to]} ({share:.3f}%)")
    if not args.no_epubcheck:
        print(f"EPUBCheck: {epub_ok}/{rendered['epub']} EPUBs pass")
    if vnu_bad is not None:
        print(f"Nu HTML checker: {len(sites) - len(vnu_bad)}/{len(sites)} sites without errors")


if __name__ == "__main__":
    main()
