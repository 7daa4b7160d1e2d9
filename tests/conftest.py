"""Shared fixtures: the bundled book converted once, TEI P5 compiled once per session."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from lxml import etree

# Property tests (tests/test_properties.py): a bounded, repeatable run by default (CI);
# `--hypothesis-profile=long` for the documented long run with fresh random examples.
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "default", max_examples=15, deadline=None, derandomize=True, suppress_health_check=_SLOW_OK, database=None
)
settings.register_profile("long", max_examples=400, deadline=None, suppress_health_check=_SLOW_OK)

# The tests build their own caches (the gazetteer's index) in a folder of their own, never
# reading or writing the user's ~/.cache/teikit; subprocesses inherit it.
_CACHE = tempfile.mkdtemp(prefix="teikit-test-cache-")
os.chmod(_CACHE, 0o755)
os.environ["TEIKIT_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sources" / "iron-lazar.txt"
BOOKS = Path(__file__).resolve().parent / "data" / "books"
SHARED = ROOT.parent / "shared"
TEI_ALL = SHARED / "schemas" / "tei_all.rng"
NS = {"t": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}


@pytest.fixture(scope="session")
def sample_edition(tmp_path_factory):
    """The bundled book converted into a fresh folder: (folder, report)."""
    from teikit.build import schema_hrefs
    from teikit.convert import convert

    out = tmp_path_factory.mktemp("edition") / "iron-lazar"
    report = convert(SAMPLE, out, schema_hrefs=schema_hrefs(ROOT, ROOT / "tei" / "iron-lazar"))
    return out, report


@pytest.fixture(scope="session")
def sample_docs(sample_edition):
    out, _ = sample_edition
    return {p.name: etree.parse(str(p)) for p in sorted(out.glob("*.xml"))}


@pytest.fixture(scope="session")
def tei_all() -> str:
    """Path of official TEI P5 tei_all.rng (validated with by jing through teikit)."""
    if not TEI_ALL.is_file():
        pytest.skip(f"official TEI P5 schema not available at {TEI_ALL} (../shared absent)")
    return str(TEI_ALL)


def convert_book(name: str, tmp_path: Path):
    from teikit.convert import convert

    out = tmp_path / name
    report = convert(BOOKS / f"{name}.txt", out)
    return out, report


def marks_in(folder: Path, tag: str) -> list[str]:
    """The texts, spaces normalised, of every `tag` element in a converted book's documents
    (its registers aside), in document order."""
    out = []
    for f in sorted(folder.glob("*.xml")):
        if f.name not in ("persons.xml", "places.xml", "orgs.xml", "book.xml"):
            out += [" ".join("".join(e.itertext()).split()) for e in etree.parse(str(f)).iterfind(f".//t:{tag}", NS)]
    return out


def text(el) -> str:
    return "".join(el.itertext())


def words(s: str) -> list[str]:
    """The words of `s` as the converter's word accounting counts them."""
    from teikit.convert.accounting import words as library_words

    return library_words(s)


def lost_words(source: str, out: Path) -> Counter:
    """Words of `source` (the text converted) that the edition in `out` does not hold, by
    the converter's own measure (teikit.convert.accounting): less the lines its report names
    as removed and the words it reports as dropped; the registers and the corpus file's text
    are not counted, the wrapper's lines are answered by the header."""
    from teikit.convert.accounting import lost_words as library_lost_words

    return library_lost_words(source, out)


EDITION = ROOT / "tei" / "iron-lazar"
REGISTERS = ("persons.xml", "places.xml", "orgs.xml")  # the bundled edition's registers


def found_by_find(word: str, text: str) -> list[int]:
    """Every place `word` begins in `text`, overlapping ones too, by `str.find`: the plain
    form the places' scans of words are tested against."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def texts_writing(words: str) -> list[str]:
    """Real texts a shortcut is compared with its plain form on: the bundled edition's pieces
    that write `words`, the bundled book's source and four corpus books (an absent ../shared
    gives none of those)."""
    texts = [piece for pieces in edition_pieces() for piece in pieces if words in piece]
    texts.append(SAMPLE.read_text(encoding="utf-8"))
    corpus = sorted((SHARED / "corpus" / "books").glob("*.txt"))[:4]
    return texts + [path.read_bytes().decode("utf-8", "replace") for path in corpus]


def corpus_book(stem: str) -> str:
    """The text of ../shared/corpus/books/<stem>.txt, for a test module that reads it as it is
    imported; where ../shared is absent the whole module is skipped, saying why (a read at import
    would make an error of the collection, not a skip)."""
    path = SHARED / "corpus" / "books" / f"{stem}.txt"
    if not path.is_file():
        pytest.skip(f"corpus book not available at {path} (../shared absent)", allow_module_level=True)
    return path.read_text(encoding="utf-8")


def date_texts(*own: str) -> list[str]:
    """Real texts a shortcut of the dates pass is compared with its plain form on: the bundled
    book's source, `own` (a test module's edge cases), the date-only development samples and
    Gardiner's book (none where ../shared is absent)."""
    samples = sorted((ROOT / "tests" / "data" / "enrich" / "dates-dev").glob("*.txt"))
    corpus = (SHARED / "corpus" / "books").glob("gardiner-french-revolution.txt")
    texts = [SAMPLE.read_text(encoding="utf-8"), *own]
    texts += [path.read_text(encoding="utf-8") for path in samples]
    return texts + [path.read_bytes().decode("utf-8", "replace") for path in corpus]


def dates_in_shared_contexts(lines: list[str], months) -> tuple[dict, list]:
    """What `dates.find_in_texts` reads in `lines`, each run of 50 lines sharing one year
    context (as a chapter's paragraphs do), every seventh line a heading: the dates found and
    each context's state after them. The dates shortcuts' tests compare it with a shortcut on
    and off."""
    from teikit.enrich import dates

    contexts = [dates.YearContext(months) for _ in range(len(lines) // 50 + 1)]
    shared = [contexts[k // 50] for k in range(len(lines))]
    got = dates.find_in_texts(lines, shared, set(lines[::7]), dates.Reading(months))
    return got, [(c.year, c.month, c.since, c.ahead_of, c.lent) for c in contexts]


def edition_pieces() -> list[list[str]]:
    """The text nodes of the bundled edition's running text, chapter by chapter, as the name
    passes read them (`matching.SKIP` left out): cut by every date, name and note the book has."""
    from teikit.enrich import matching
    from teikit.textnodes import text_slots

    out = []
    for path in sorted(EDITION.glob("ch*.xml")):
        tei = etree.parse(str(path)).getroot()
        out.append([text for region in matching.regions(tei) for _, _, text in text_slots(region, matching.SKIP)])
    return out


def convert_paragraphs(folder: Path, paragraphs: str, profile: str = "") -> Path:
    """A one-chapter book of `paragraphs` written into `folder` with the profile an editor
    writes beside it (`profile`, TOML; empty: teikit's default), converted into folder / "out"
    (replaced if there); returns that folder."""
    from teikit.convert import convert
    from teikit.profile import load_profile

    source = folder / "book.txt"
    source.write_text(f"A BOOK\n\nBy A. Writer\n\n\nCHAPTER I\n\nTHE TEXT\n\n{paragraphs}\n", encoding="utf-8")
    (folder / "book.toml").write_text(profile, encoding="utf-8")
    convert(source, folder / "out", profile=load_profile(folder / "book.toml"), allow_loss=True, force=True)
    return folder / "out"


def convert_with_packs(tmp_path: Path, text: str, include: list[str] | None = None, name: str = "out") -> Path:
    """`text` converted as a book, with a profile that includes the packs `include` (none: no
    profile at all), into tmp_path / name."""
    from teikit.convert import convert
    from teikit.profile import load_profile

    source = tmp_path / "book.txt"
    source.write_text(text, encoding="utf-8")
    profile = None
    if include is not None:
        (tmp_path / f"{name}.toml").write_text(f"include = {include!r}\n".replace("'", '"'), encoding="utf-8")
        profile = load_profile(tmp_path / f"{name}.toml")
    convert(source, tmp_path / name, profile=profile, force=True)
    return tmp_path / name


def copy_registers(folder: Path, edition: Path = EDITION) -> None:
    """The edition's registers beside files made from its chapters, so that their pointers lead somewhere."""
    for name in REGISTERS:
        shutil.copy(edition / name, folder / name)


def edit_at_random(text: str, pattern: str, replace, rng) -> str:
    """`text` with one match of `pattern`, chosen by `rng`, replaced by `replace(match)`;
    unchanged where nothing matches (the mutant tests' one way of placing a fault)."""
    hits = list(re.finditer(pattern, text))
    if not hits:
        return text
    m = rng.choice(hits)
    return text[: m.start()] + replace(m) + text[m.end() :]


RENDER_DATA = Path(__file__).resolve().parent / "data" / "render"


@pytest.fixture
def jing_batches(monkeypatch) -> list[list[str]]:
    """The files each jing run of the test was given, one list per JVM run, in order (jing
    still runs: the list only watches teikit.validate.jing._run_once)."""
    from teikit.validate import jing

    batches: list[list[str]] = []
    real = jing._run_once
    monkeypatch.setattr(
        jing, "_run_once", lambda schema, files, workdir: batches.append(list(files)) or real(schema, files, workdir)
    )
    return batches


@pytest.fixture(scope="session")
def book_html(tmp_path_factory):
    """The committed edition of the bundled book rendered to HTML: the site's folder."""
    from teikit.render import render

    out = tmp_path_factory.mktemp("site") / "html"
    render([EDITION], "html", out)
    return out


@pytest.fixture(scope="session")
def book_text(tmp_path_factory):
    from teikit.render import render

    out = tmp_path_factory.mktemp("site") / "text"
    render([EDITION], "text", out)
    return out


@pytest.fixture(scope="session")
def letters_html(tmp_path_factory):
    """Two letters and their registers (persons, places, organisations) rendered to HTML."""
    from teikit.render import render

    out = tmp_path_factory.mktemp("letters") / "html"
    render([RENDER_DATA / "letters"], "html", out)
    return out


# The EPUB books the enrichment rules' tests read, each converted once a session with the
# default profile, as an editor's first run converts it (their modules only read the editions).
@pytest.fixture(scope="session")
def dante(tmp_path_factory) -> Path:
    """Longfellow's Divine Comedy (../shared/corpus/epub), its edition's folder."""
    from corpus_marks import converted_epub  # it imports this module

    return converted_epub(tmp_path_factory, "dante-alighieri_the-divine-comedy_henry-wadsworth-longfellow")


@pytest.fixture(scope="session")
def prince(tmp_path_factory) -> Path:
    """Machiavelli's The Prince, tr. Marriott (../shared/corpus/epub), its edition's folder."""
    from corpus_marks import converted_epub

    return converted_epub(tmp_path_factory, "niccolo-machiavelli_the-prince_w-k-marriott")


@pytest.fixture(scope="session")
def parker(tmp_path_factory) -> Path:
    """Parker's OCR'd book (../shared/corpus/books), converted once a session as the benchmarks
    convert it: the default profile, the losses its scan makes allowed (test_accounting's)."""
    from teikit.convert import convert
    from teikit.profile import load_profile

    source = ROOT.parent / "shared" / "corpus" / "books" / "parker-syphilitic-diseases-1845-ocr.txt"
    if not source.is_file():
        pytest.skip(f"the development corpus is not beside the project ({source} absent)")
    out = tmp_path_factory.mktemp("parker") / source.stem
    convert(source, out, profile=load_profile(), allow_loss=True)
    return out
