"""Places on any book (issue 14): rules general enough for every book, tested on the real
sentences that showed each defect (teikit.enrich.places, textplaces, the profile packs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE
from teikit.convert import convert
from teikit.profile import load_profile

CORPUS = ROOT.parent / "shared" / "corpus" / "books"
EDITORS_PROFILES = Path(__file__).resolve().parent / "data" / "enrich" / "profiles"


def _editions(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.xml"))}


def _twice(source: Path, out: Path, profile=None) -> tuple[dict, dict]:
    """The edition of `source` in a fresh folder, and again into the folder holding it."""
    convert(source, out, profile=profile, allow_loss=True)
    first = _editions(out)
    convert(source, out, profile=profile, force=True, allow_loss=True)
    return first, _editions(out)


# Gardiner, The French Revolution (1883), ch. VI-VII: the Abbey and the Temple, prisons.
_PRISONS = (
    "THE FRENCH REVOLUTION\n\nBy S. R. Gardiner\n\n\nCHAPTER I\n\nTHE PRISONS\n\n"
    "At two of the chief prisons, the Abbey and La Force, some show of judicial forms\n"
    "was observed. At the Abbey a dozen individuals appointed themselves\n"
    "judges with a president at their head.\n\n"
    "Since the fall of the throne the King and his family had been kept\n"
    "under harsh durance in the Temple, an old keep once belonging to the\n"
    "Knights Templars.\n\n"
    "It was decreed that the Church of Notre Dame should thenceforth be\n"
    "converted into the Temple of Reason (November 10).\n"
)


def test_a_second_run_marks_a_building_only_where_the_rule_holds(tmp_path):
    """An entry the first run found in the text ("At the Abbey a dozen individuals") is read
    back from its register, but marked only where a rule of this run finds it, as the first
    run did: not "the Abbey and La Force", where the first run's rule did not hold."""
    source = tmp_path / "prisons.txt"
    source.write_text(_PRISONS, encoding="utf-8")
    first, second = _twice(source, tmp_path / "out")
    assert second == first


@pytest.mark.parametrize("book", ["gardiner-french-revolution", "iron-lazar"])
def test_a_conversion_into_its_own_output_changes_nothing(tmp_path, book):
    """Converted again into the folder holding its own edition (its registers read back as
    an editor's starting point), a book gives the same edition, byte for byte."""
    if book == "iron-lazar":
        source, profile = SAMPLE, load_profile(source=SAMPLE)
    else:
        source = CORPUS / f"{book}.txt"
        if not source.is_file():
            pytest.skip(f"the development corpus is not beside the project ({source} absent)")
        own = EDITORS_PROFILES / f"{book}.toml"
        profile = load_profile(own) if own.is_file() else load_profile()
    first, second = _twice(source, tmp_path / "out", profile)
    assert second == first
