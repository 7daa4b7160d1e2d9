"""jing's JVM fills in no stack traces (jing.py, _NO_TRACES): its verdicts and messages are those
of a JVM that does, on the book's chapters made invalid in the ways jing learns from its
exceptions (a date of none of teikit.rng's date types), and a JVM that fails still names its
exception, only not where it was thrown."""

import re
from pathlib import Path

import pytest

from teikit.validate import TEIKIT_RNG, jing
from teikit.validate.schemas import Staged, stage

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "tei" / "iron-lazar"
NO_TRACES = "-XX:-StackTraceInThrowable"
# Each turns a chapter invalid in one way (and one is left as it is).
MUTATIONS = {
    "as-is": lambda t: t,
    "not-a-date": lambda t: re.sub(r'when="(\d{4})', r'when="x\1', t, count=3),
    "month-13": lambda t: re.sub(r'when="(\d{4})-\d\d', r'when="\1-13', t, count=2),
    "unknown-element": lambda t: t.replace("<p>", "<p><bogus/>", 2),
    "empty-token": lambda t: t.replace("<p>", '<p rend="">', 2),
}


@pytest.fixture
def chapters(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    files = []
    for chapter in ("ch01.xml", "ch07.xml"):
        text = (BOOK / chapter).read_text(encoding="utf-8")
        for name, mutate in MUTATIONS.items():
            path = folder / f"{chapter[:-4]}-{name}.xml"
            path.write_text(mutate(text), encoding="utf-8")
            files.append(str(path))
    return files


@pytest.mark.parametrize("options", ["JVM_OPTIONS", "JVM_OPTIONS_LONG"])
def test_verdicts_and_messages_are_those_of_a_jvm_with_stack_traces(tmp_path, monkeypatch, chapters, options):
    work = tmp_path / "work"
    work.mkdir()
    schema = stage(TEIKIT_RNG, str(work / "schema"))
    monkeypatch.setattr(jing, "LONG_RUN", 1 if options == "JVM_OPTIONS_LONG" else 10**9)
    assert NO_TRACES in getattr(jing, options)
    without = jing.run_jing(schema, chapters, str(work))
    monkeypatch.setattr(jing, options, [o for o in getattr(jing, options) if o != NO_TRACES])
    assert without == jing.run_jing(schema, chapters, str(work))
    assert without.checked == set(chapters) and not without.failed
    invalid = {Path(f).stem.split("-", 1)[1] for f in without.problems}
    assert invalid == set(MUTATIONS) - {"as-is"}
    messages = [p[3] for f, found in without.problems.items() if "not-a-date" in f for p in found]
    assert messages and all("must be a year" in m and "must be an ISO date" in m for m in messages)


def test_a_jvm_that_fails_names_its_exception_without_where_it_was_thrown(tmp_path, monkeypatch):
    """A schema that reads a file outside the JVM's folders: the security manager refuses, and
    jing's JVM ends with the refusal's exception, whose message is the reason given."""
    outside = tmp_path / "outside.rng"
    outside.write_text('<element name="x" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>\n')
    work = tmp_path / "work"
    work.mkdir()
    raw = work / "raw.rng"  # as it is: not staged (staging would refuse the reference)
    raw.write_text(f'<externalRef xmlns="http://relaxng.org/ns/structure/1.0" href="{outside.as_uri()}"/>\n')
    doc = tmp_path / "doc.xml"
    doc.write_text("<x/>\n")
    errors: list[str] = []
    real = jing._jing

    def recorded(cmd):
        proc = real(cmd)
        errors.append(proc.stderr)
        return proc

    monkeypatch.setattr(jing, "_jing", recorded)
    outcome = jing.run_jing(Staged(str(raw), compact=False), [str(doc)], str(work))
    if not jing._sandbox_works:
        pytest.skip("this Java has no security manager to refuse the read")
    assert "access denied" in outcome.failed[str(doc)]
    lines = errors[-1].splitlines()
    assert any("java.security.AccessControlException: access denied" in line for line in lines)
    assert not [line for line in lines if line.lstrip().startswith("at ")]
