"""Nothing lost: the converter counts the words of the source against what it writes."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from conftest import NS, ROOT, lost_words
from teikit.cli import WORDS_LOST, main
from teikit.convert import accounting, convert, default_passes
from teikit.pipeline import Pass
from teikit.tei import xpath

DATA = Path(__file__).resolve().parent / "data" / "wrapper"
CORPUS = ROOT.parent / "shared" / "corpus" / "books"


def _lose_a_word(tei, ctx):
    """A faulty pass: a word of the book's first paragraph goes, unreported."""
    p = xpath(tei, "//t:body//t:div//t:p")[0]
    assert " ledger " in p.text
    p.text = p.text.replace(" ledger ", " ", 1)
    return tei


def _lossy():
    return default_passes().add(Pass("lossy", _lose_a_word, needs=("paragraphs",)), after="structure")


def test_a_lossy_pass_fails_the_conversion_with_the_figures(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(accounting.WordsLost) as caught:
        convert(DATA / "modern.txt", out, passes=_lossy())
    message = str(caught.value)
    assert "1 words of the source are missing" in message and "(ledger)" in message and "--allow-loss" in message
    report = json.loads((out / "conversion-report.json").read_text("utf-8"))  # written, to be read
    [finding] = [f for f in report["findings"] if f["kind"] == "words-lost"]
    assert finding["text"] == "ledger" and "kept 99." in finding["message"]
    lines = (DATA / "modern.txt").read_text("utf-8").split("\n")
    assert finding["line"] == next(k for k, line in enumerate(lines, 1) if "ledger" in line)
    assert report["counts"]["words_lost"] == 1
    assert "WORDS LOST: 1 words" in caught.value.report.summary()
    # allowed: the same edition, the same report, no exception
    report = convert(DATA / "modern.txt", out, passes=_lossy(), force=True, allow_loss=True)
    assert report.counts["words_lost"] == 1 and report.of_kind("words-lost")


def test_the_command_exits_with_its_own_status_unless_loss_is_allowed(tmp_path, monkeypatch, capsys):
    import teikit.convert

    monkeypatch.setattr(teikit.convert, "default_passes", _lossy)
    out = tmp_path / "out"
    assert main(["convert", str(DATA / "modern.txt"), "-o", str(out)]) == WORDS_LOST == 3
    captured = capsys.readouterr()
    assert "WORDS LOST: 1 words" in captured.out
    assert "teikit: error:" in captured.err and "--allow-loss" in captured.err
    assert main(["convert", str(DATA / "modern.txt"), "-o", str(out), "--force", "--allow-loss"]) == 0
    assert "WORDS LOST: 1 words" in capsys.readouterr().out  # accepted, still said
    monkeypatch.undo()
    assert main(["convert", str(DATA / "modern.txt"), "-o", str(out), "--force"]) == 0
    assert "WORDS LOST" not in capsys.readouterr().out


def _doc(body: str) -> etree._Element:
    return etree.fromstring(
        f'<TEI xmlns="{NS["t"]}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>'
        f"<text><body>{body}</body></text></TEI>"
    )


def test_the_measure_is_not_fooled_by_glued_or_split_words():
    # a note placed against a word neither hides two words nor invents a third
    source = "The word.\nA note about it.\n"
    assert not accounting.measure(source, [], {}, [_doc("<p>The word<note>A note about it.</note>.</p>")]).lost
    # two words glued together are two words lost (and no third found)
    glued = accounting.measure("over the\nhill\n", [], {}, [_doc("<p>over thehill</p>")])
    assert glued.lost == Counter({"the": 1, "hill": 1})
    # a word hyphenated at a line end and joined is the same word; joined elsewhere it is not
    hyphen = "the syphi-\nlitic sore\n"
    assert not accounting.measure(hyphen, [], {}, [_doc("<p>the syphilitic sore</p>")]).lost
    assert accounting.measure("the syphi litic sore\n", [], {}, [_doc("<p>the syphilitic sore</p>")]).lost
    # the header answers for the wrapper's lines only, never for the text
    doc = _doc("<p>Body text.</p>")
    doc.find(".//t:title", NS).text = "Body Licence"
    counts = {"wrapper_head_to": 1}
    assert not accounting.measure("Licence\nBody text.\n", [], counts, [doc]).lost
    assert accounting.measure("Licence\nBody text, Licence.\n", [], counts, [doc]).lost == Counter({"licence": 1})


def test_word_counts_are_the_words_counted_in_the_order_they_came():
    """The byte-table count gives what counting `words` gives, word for word and in the
    same order (the order the report's examples of lost words are told in)."""
    texts = [
        "The cat sat. THE CAT! the-cat_sat 42 cats",
        "Don’t ‘quote’ me—the bête noire, café & naïve¹ x²y",
        "ΟΔΥΣΣΕΥΣ Ἀχιλλεύς and Zoë went",
        "Kélvin ſome İstanbul ﬁne oﬃce ٣٤ tab\there\r\nnext",
        "—— … © ½",
        "",
    ]
    for text in texts:
        counted = accounting.word_counts(text)
        assert counted == Counter(accounting.words(text)) and list(counted) == list(Counter(accounting.words(text)))
    book = (CORPUS / "parker-syphilitic-diseases-1845-ocr.txt") if CORPUS.is_dir() else None
    if book is not None:
        text = book.read_text("utf-8")
        assert list(accounting.word_counts(text).items()) == list(Counter(accounting.words(text)).items())


def test_a_line_in_ascii_has_the_title_shape_when_it_has_the_titles_words():
    title_words = accounting.words("The Importance of Being Earnest")
    shape = accounting._title_shape(title_words)
    for line in [
        "THE IMPORTANCE OF BEING EARNEST",
        "  The Importance of  Being Earnest.",
        "The importance of being earnest 2",
        "The Importance of Being Earnestly",
        "A The Importance of Being Earnest",
        "The Importance of Being",
        "",
    ]:
        assert (shape.fullmatch(line) is not None) == (accounting.words(line) == title_words), line
    # a title word outside ASCII is in no line in ASCII (the long s is no `s`)
    assert accounting._title_shape(accounting.words("ſome Poems")) is None
    assert accounting._title_shape([]).fullmatch("1984.") and not accounting._title_shape([]).fullmatch("a")


def test_removed_and_dropped_findings_are_not_expected():
    findings = [
        {"kind": "removed-running-head", "line": 2, "text": "RUNNING HEAD"},
        {"kind": "dropped-toc-cell", "line": 3, "text": "stray"},
    ]
    tally = accounting.measure("Kept.\nRUNNING HEAD\nstray cell\n", findings, {}, [_doc("<p>Kept. cell</p>")])
    assert not tally.lost and tally.source == 5 and tally.removed == 3


def _corpus_books():
    if not CORPUS.is_dir():
        return [
            pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not available at {CORPUS} (../shared absent)"))
        ]
    return [p.name for p in sorted(CORPUS.glob("*.txt"))]


@pytest.mark.parametrize("name", _corpus_books())
def test_every_corpus_book_keeps_its_words_and_sheds_its_wrapper(tmp_path, name):
    """One conversion per book (the whole corpus converts in seconds): the accounting's
    figures, the book's title in the header, no distributor's text in the book's text."""
    from teikit.convert import reader
    from teikit.report import Report

    src = CORPUS / name
    out = tmp_path / "out"
    report = convert(src, out, allow_loss=True)
    source = reader.text_of(src, Report())
    lost = accounting.lost_words(source, out)
    assert sum(lost.values()) == report.counts["words_lost"]  # the check and the written edition agree
    tally = accounting.measure(
        source, report.findings, report.counts, [etree.parse(str(p)).getroot() for p in sorted(out.glob("*.xml"))]
    )
    title = etree.parse(str(out / f"{src.stem}.xml")).findtext(".//t:titleStmt/t:title", namespaces=NS)
    assert "gutenberg" not in title.lower() and "ebook" not in title.lower()
    for p in sorted(out.glob("*.xml")):
        for el in etree.parse(str(p)).xpath("//t:text//t:head | //t:text//t:p", namespaces=NS):
            assert "project gutenberg" not in "".join(el.itertext()).lower(), (p.name, el.sourceline)
    if report.of_kind("wrapper"):
        assert report.counts["wrapper_head_to"] > 0 and title == report.of_kind("wrapper")[0].text
    assert tally.kept >= 0.999, (f"{100 * tally.kept:.3f}%", lost.most_common(10))


def test_a_word_the_reader_writes_in_nfc_is_no_loss(tmp_path):
    """The reader writes the text in Unicode NFC: a compatibility ideograph (U+2FA01 is
    U+295B6) or a decomposed letter (e + combining acute) is the same word composed."""
    from teikit.convert import convert

    src = tmp_path / "book.txt"
    src.write_text("CHAPTER I.\n\nThe caf\u0065\u0301 sold \U0002fa01 tea.\n", encoding="utf-8")
    out = tmp_path / "out"
    report = convert(src, out)
    assert not lost_words(src.read_text(encoding="utf-8"), out)
    assert "words_lost" not in report.counts


def test_no_register_entry_takes_an_id_the_book_uses(tmp_path):
    """The corpus file includes every document and register: a person named "Chapter" (the
    subject of "said" twice) gets an id of its own, not the division's "chapter"."""
    src = tmp_path / "book.txt"
    src.write_text(
        "the\n\n\nCHAPTER V.\n\nthe\nthe\nthe the the Chapter said the the the\nthe\n\n"
        "CHAPTER I.\n\n\nChapter 1\n\n\nCHAPTER I.\n\nthe\nthe\nthe the of Chapter said",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    convert(src, out, allow_loss=True)
    ids = [
        el.get("{http://www.w3.org/XML/1998/namespace}id")
        for path in sorted(out.glob("*.xml"))
        for el in etree.parse(str(path)).iter()
        if el.get("{http://www.w3.org/XML/1998/namespace}id")
    ]
    assert ids and len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
