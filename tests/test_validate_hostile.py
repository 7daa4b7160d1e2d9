"""Hostile and broken files: reported as errors in bounded time; nothing fetched, nothing leaked."""

from __future__ import annotations

import json

from teikit.cli import main
from teikit.validate import validate

ROOT_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0">'
SECRET = "TOP-SECRET-7f3a9c"


def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n")
    return path


def only_result(path, **kw):
    (result,) = validate([path], **kw).results
    return result


def run_cli(capsys, *args) -> str:
    main(["validate", *map(str, args)])
    main(["validate", "--format", "json", *map(str, args)])
    return capsys.readouterr().out


def test_external_entity_is_not_read(tmp_path, capsys):
    secret = secret_file(tmp_path)
    doc = tmp_path / "xxe.xml"
    doc.write_text(f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>\n{ROOT_OPEN}<p>&x;</p></TEI>\n')
    result = only_result(doc)
    assert not result.valid
    assert "external entity 'x'" in result.errors[0].message
    assert SECRET not in run_cli(capsys, doc)


def test_external_parameter_entity_is_not_read(tmp_path, capsys):
    secret = secret_file(tmp_path)
    doc = tmp_path / "pe.xml"
    doc.write_text(f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>\n{ROOT_OPEN}<p>x</p></TEI>\n')
    assert not only_result(doc).valid
    assert SECRET not in run_cli(capsys, doc)


def test_entity_expansion_bomb_is_stopped(tmp_path):
    decls = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 12))
    doc = tmp_path / "bomb.xml"
    doc.write_text(f"<!DOCTYPE TEI [{decls}]>\n{ROOT_OPEN}<p>&a11;</p></TEI>\n")
    result = only_result(doc)
    assert not result.valid and "not well-formed" in result.errors[0].message


def test_dtd_on_the_network_is_not_fetched(tmp_path):
    doc = tmp_path / "net.xml"
    doc.write_text(f'<!DOCTYPE TEI SYSTEM "http://192.0.2.1/tei.dtd">\n{ROOT_OPEN}<p>x</p></TEI>\n')
    result = only_result(doc)
    assert not result.valid
    assert "external DTD (http://192.0.2.1/tei.dtd)" in result.errors[0].message


def test_files_over_the_size_limit_are_not_read(tmp_path):
    doc = tmp_path / "big.xml"
    doc.write_text(ROOT_OPEN + "<p>" + "word " * 2000 + "</p></TEI>")
    result = only_result(doc, max_bytes=4096)
    assert not result.valid and "over the limit" in result.errors[0].message


def test_absurd_nesting_is_refused(tmp_path):
    """Deeper than libxml2 reads (256, XML_PARSE_HUGE kept off) but well-formed: jing, which
    reads it, judges it, as it would in a run of any size (tests/test_validate_limits.py)."""
    doc = tmp_path / "deep.xml"
    doc.write_text(ROOT_OPEN + "<hi>" * 5000 + "</hi>" * 5000 + "</TEI>")
    result = only_result(doc)
    assert not result.valid and {p.source for p in result.errors} == {"relaxng"}
    assert 'element "hi" not allowed here' in result.errors[0].message
    assert not any("well-formed" in p.message for p in result.problems)


def test_wrong_encodings_are_reported_with_their_line(tmp_path, capsys):
    latin = tmp_path / "latin.xml"
    latin.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n' + ROOT_OPEN.encode() + b"\n<p>caf\xe9</p></TEI>\n")
    unknown = tmp_path / "unknown.xml"
    unknown.write_bytes(b'<?xml version="1.0" encoding="x-no-such"?>\n' + ROOT_OPEN.encode() + b"</TEI>")
    results = {r.path: r for r in validate([latin, unknown]).results}
    assert results[str(latin)].errors[0].line == 3
    assert "not well-formed" in results[str(latin)].errors[0].message
    assert not results[str(unknown)].valid
    main(["validate", "--format", "json", str(tmp_path)])
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["invalid"] == 2


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    from conftest import ROOT

    doc = tmp_path / "utf16.xml"
    text = (ROOT / "tests" / "data" / "validate" / "minimal.xml").read_text(encoding="utf-8")
    doc.write_bytes(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    assert only_result(doc).valid


# ---------------------------------------------------------------- issue 11: schemas, jing, fail-closed, limits

import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest
from lxml import etree

import teikit.validate.jing as jing_module
from conftest import ROOT
from teikit.validate import MAX_JOBS, TEIKIT_RNG
from teikit.validate.jing import run_jing
from teikit.validate.schemas import Staged

HOSTILE = ROOT / "tests" / "data" / "hostile" / "validate"
MINIMAL = (ROOT / "tests" / "data" / "validate" / "minimal.xml").read_text(encoding="utf-8")
INVALID = MINIMAL.replace("<head>One</head>", "<head>One</head><para/>")
TINY = ROOT_OPEN + "text</TEI>\n"


@pytest.fixture
def jing_grammar(tmp_path_factory):
    """teikit.rng as a schema other than teikit's own (one comment more): judged by jing alone,
    so that what is tested here is what jing does (teikit.validate.owngrammar)."""
    path = tmp_path_factory.mktemp("grammar") / "other.rng"
    path.write_text(Path(TEIKIT_RNG).read_text(encoding="utf-8") + "<!-- another grammar -->\n", encoding="utf-8")
    return path


@pytest.fixture
def listener():
    """A local port that records every connection made to it: nothing may arrive."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.05)
    hits, stop = [], threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            hits.append(conn.recv(200))
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join()
    server.close()


@pytest.fixture
def hostile(tmp_path, listener):
    """The hostile files, with the listener's port and secret files (outside their folder) filled in."""
    port, _ = listener
    secrets = tmp_path / "private"
    secrets.mkdir()
    (secrets / "secret.txt").write_text(SECRET + "\n")
    (secrets / "secret.xml").write_text(f"<s>{SECRET}</s>\n")
    folder = tmp_path / "hostile"
    shutil.copytree(HOSTILE, folder)
    for f in folder.rglob("*.*"):
        text = f.read_text(encoding="utf-8")
        text = (
            text.replace("{port}", str(port))
            .replace("{secret_txt}", str(secrets / "secret.txt"))
            .replace("{secret_xml}", str(secrets / "secret.xml"))
        )
        f.write_text(text, encoding="utf-8")
    return folder


def every_format(tmp_path, *args) -> tuple[int, dict]:
    """Run the CLI once per format, written with -o; check that each output is strict UTF-8 and parses."""
    outputs, status = {}, set()
    for fmt in ("text", "json", "junit"):
        out = tmp_path / f"report-{fmt}.out"
        status.add(main(["validate", "--format", fmt, "-o", str(out), *map(str, args)]))
        outputs[fmt] = out.read_bytes().decode("utf-8", "strict")
    assert len(status) == 1, status
    outputs["parsed_json"] = json.loads(outputs["json"])
    outputs["parsed_junit"] = etree.fromstring(outputs["junit"].encode("utf-8"))
    return status.pop(), outputs


def text_of(outputs) -> str:
    return outputs["text"] + outputs["json"] + outputs["junit"]


@pytest.mark.parametrize(
    "name", ["include-http.rng", "externalref-http.rng", "include-http.rnc", "external-escaped.rnc"]
)
def test_schema_includes_never_reach_the_network(tmp_path, hostile, listener, capsys, name):
    doc = tmp_path / "doc.xml"
    doc.write_text(TINY)
    # A given schema that is refused stops the run: one line on standard error, exit status 2.
    assert main(["validate", str(doc), "--schema", str(hostile / name)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert f"{name}:" in err and f"http://127.0.0.1:{listener[0]}/evil" in err and "refused" in err
    assert listener[1] == []


def test_only_relax_ng_is_given_to_jing(tmp_path, hostile, listener, capsys):
    doc = tmp_path / "doc.xml"
    doc.write_text(TINY)
    assert main(["validate", str(doc), "--schema", str(hostile / "xsd-import-http.rng")]) == 2
    assert "not a RELAX NG schema" in capsys.readouterr().err
    assert listener[1] == []


def test_jing_itself_cannot_open_a_url(tmp_path, hostile, listener):
    """Even given an unstaged schema, jing's JVM has no network and no file outside its folder."""
    doc = tmp_path / "doc.xml"
    doc.write_text(TINY)
    work = tmp_path / "work"  # the only folder the JVM may read
    work.mkdir()
    for name in ["externalref-http.rng", "entity-secret.rng", "xsd-import-http.rng"]:
        raw = work / name  # as it is: neither staged nor sanitized
        shutil.copy(hostile / name, raw)
        outcome = run_jing(Staged(str(raw), compact=False), [str(doc)], str(work))
        assert str(doc) not in outcome.checked  # no verdict: fails closed
        assert "no RELAX NG verdict" in outcome.failed[str(doc)]
        # Java < 24: the security manager said no (this jing build has no XML Schema
        # implementation at all, so it stops before any import)
        if jing_module._sandbox_works and name != "xsd-import-http.rng":
            assert "access denied" in outcome.failed[str(doc)]
        assert SECRET not in repr(outcome)
    assert listener[1] == []


def test_schema_entities_are_never_expanded(tmp_path, hostile, capsys):
    doc = tmp_path / "doc.xml"
    doc.write_text(TINY)
    for fmt in ("text", "json", "junit"):
        assert main(["validate", str(doc), "--format", fmt, "--schema", str(hostile / "entity-secret.rng")]) == 2
    captured = capsys.readouterr()
    assert "external entity 'secret'" in captured.err
    assert SECRET not in captured.out + captured.err


def test_schema_includes_stay_in_the_schemas_folder(tmp_path, hostile, capsys):
    doc = tmp_path / "doc.xml"
    doc.write_text(TINY)
    schema = hostile / "schemas" / "include-outside.rng"
    assert main(["validate", str(doc), "--schema", str(schema)]) == 2
    assert "'../outside.rng', refused" in capsys.readouterr().err
    # widened on request, the same include is read and the file validates
    assert main(["validate", str(doc), "--schema", str(schema), "--allow-read", str(hostile)]) == 0
    link = hostile / "schemas" / "link.rng"
    os.symlink(hostile / "outside.rng", link)
    link_schema = hostile / "schemas" / "via-link.rng"
    link_schema.write_text(schema.read_text().replace("../outside.rng", "link.rng"))
    assert main(["validate", str(doc), "--schema", str(link_schema)]) == 2


def test_schematron_document_reads_only_the_documents_folders(tmp_path, hostile):
    doc = tmp_path / "docs" / "doc.xml"
    doc.parent.mkdir()
    doc.write_text(TINY)
    status, outputs = every_format(
        tmp_path, doc, "--schema", hostile / "outside.rng", "--schematron", hostile / "document-secret.sch"
    )
    assert status == 1 and "leak:" in outputs["text"]
    assert SECRET not in text_of(outputs)
    # the test can fail: with the secret's folder allowed, document() reads it
    wide = validate(
        [doc],
        schema=str(hostile / "outside.rng"),
        schematron=str(hostile / "document-secret.sch"),
        allow_read=[tmp_path / "private"],
    )
    assert SECRET in wide.results[0].errors[0].message


def test_schematron_includes_stay_in_the_schemas_folder(tmp_path, hostile, capsys):
    doc = tmp_path / "doc.xml"
    doc.write_text(TINY)
    assert main(["validate", str(doc), "--schematron", str(hostile / "include-secret.sch")]) == 2
    err = capsys.readouterr().err
    assert "sch:include" in err and "refused" in err and SECRET not in err


def test_embedded_rules_in_a_grammar_that_includes_files_are_refused(tmp_path, hostile, capsys):
    doc = tmp_path / "doc.xml"
    doc.write_text(TINY)
    assert main(["validate", str(doc), "--schematron", str(hostile / "embedded-include.rng")]) == 2
    err = capsys.readouterr().err
    assert "embedded Schematron" in err and SECRET not in err


def test_a_document_cannot_name_a_hostile_schema_for_itself(tmp_path, hostile, listener):
    status, outputs = every_format(tmp_path, hostile / "declares-hostile.xml")
    assert status == 2
    (entry,) = outputs["parsed_json"]["files"]
    assert entry["valid"] is False
    assert any("not checked against the RELAX NG schema" in e["message"] for e in entry["errors"])
    assert SECRET not in text_of(outputs)
    assert listener[1] == []


def test_messages_cannot_forge_report_lines(tmp_path, hostile):
    named = tmp_path / "two\nforged.xml:1:1: error: x.xml"
    named.write_text(INVALID)
    status, outputs = every_format(tmp_path, hostile / "forge-lines.xml", named)
    assert status == 1
    lines = outputs["text"].splitlines()
    problems = sum(len(f["errors"]) for f in outputs["parsed_json"]["files"])
    assert len(lines) == problems + 1  # one line per problem, then the summary
    assert lines[-1].startswith("teikit validate: 2 files: 0 valid, 2 invalid")
    assert not any(line.startswith(("forged", "teikit validate: 9")) for line in lines)
    assert "\\nforged.xml:1:1: error: forged\\n" in outputs["text"]
    failure = outputs["parsed_junit"].find(".//failure").text
    assert len(failure.splitlines()) == len(outputs["parsed_json"]["files"][0]["errors"])


def test_file_names_that_are_not_utf8_are_validated_and_escaped(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    good = os.path.join(os.fsencode(folder), b"good-\xff.xml")
    bad = os.path.join(os.fsencode(folder), b"bad-\xfe.xml")
    with open(good, "w", encoding="utf-8") as fh:
        fh.write(MINIMAL)
    with open(bad, "w", encoding="utf-8") as fh:
        fh.write(INVALID)
    status, outputs = every_format(tmp_path, folder)
    assert status == 1
    verdicts = {Path(f["path"]).name: f["valid"] for f in outputs["parsed_json"]["files"]}
    assert verdicts == {"good-\\xff.xml": True, "bad-\\xfe.xml": False}
    assert 'element "para" not allowed' in outputs["text"] and "bad-\\xfe.xml:13:" in outputs["text"]
    assert len(outputs["parsed_junit"].findall(".//failure")) == 1


def test_a_file_named_like_a_jing_message_gets_its_own_verdict(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "x.xml").write_text(MINIMAL)
    (folder / "a.xml:1:1: error: x.xml").write_text(INVALID)
    (folder / "b.xml:2:2: error: y.xml").write_text(MINIMAL)
    run = validate([folder])
    verdicts = {Path(r.path).name: r.valid for r in run.results}
    assert verdicts == {"x.xml": True, "a.xml:1:1: error: x.xml": False, "b.xml:2:2: error: y.xml": True}
    bad = next(r for r in run.results if not r.valid)
    assert [(p.line, p.source) for p in bad.errors] == [(13, "relaxng")]


def test_a_schema_that_fails_to_load_fails_its_files(tmp_path, hostile):
    status, outputs = every_format(tmp_path, hostile / "declares-broken.xml")
    assert status == 2
    (entry,) = outputs["parsed_json"]["files"]
    assert entry["valid"] is False and "broken.rng failed to load" in entry["errors"][0]["message"]
    assert "nowhere" in outputs["text"] and "0 valid, 1 invalid" in outputs["text"]
    assert outputs["parsed_junit"].find(".//failure") is not None


def test_a_jvm_out_of_memory_fails_every_file_it_had(tmp_path, monkeypatch, capsys, jing_grammar):
    # 2 MiB of heap: jing runs out of memory while it compiles teikit.rng.
    monkeypatch.setattr(jing_module, "JVM_OPTIONS", jing_module.JVM_OPTIONS + ["-Xmx2m"])
    for name in ("a.xml", "b.xml"):
        (tmp_path / name).write_text(MINIMAL)
    assert main(["validate", "--format", "json", "--schema", str(jing_grammar), str(tmp_path)]) == 1
    files = json.loads(capsys.readouterr().out)["files"]
    assert [f["valid"] for f in files] == [False, False]
    assert all(f["errors"][0]["message"] == "no RELAX NG verdict: jing ran out of memory" for f in files)


def test_a_batch_jing_cannot_finish_is_rerun_in_halves(tmp_path, monkeypatch, jing_grammar):
    """jing dies on one file of a batch (as on a 130 MB nested file): only that file fails."""
    real = jing_module._jing

    def dies_on_poison(cmd):
        if len(cmd) > 2 and any(os.path.realpath(a).endswith("b-poison.xml") for a in cmd):
            done = real(cmd[:-1])  # what jing printed before it died
            return subprocess.CompletedProcess(
                cmd, 1, done.stdout, 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space'
            )
        return real(cmd)

    runs = []
    monkeypatch.setattr(jing_module, "_jing", lambda cmd: runs.append(cmd) or dies_on_poison(cmd))
    (tmp_path / "a.xml").write_text(MINIMAL)
    (tmp_path / "b-poison.xml").write_text(MINIMAL)
    (tmp_path / "c.xml").write_text(INVALID)
    for i in range(13):
        (tmp_path / f"d{i:02}.xml").write_text(MINIMAL)
    run = validate([tmp_path], schema=str(jing_grammar))
    verdicts = {Path(r.path).name: r.valid for r in run.results}
    assert [k for k, v in verdicts.items() if not v] == ["b-poison.xml", "c.xml"]
    assert run.results[1].errors[0].message == "no RELAX NG verdict: jing ran out of memory"
    assert run.results[2].errors[0].line == 13
    assert len(runs) <= 1 + 2 * 4  # halves, not one run per file (16 files)


def test_the_jvm_naming_its_environment_options_is_no_failure(tmp_path, monkeypatch):
    monkeypatch.setenv("JAVA_TOOL_OPTIONS", "-Dteikit.test=1")
    doc = tmp_path / "doc.xml"
    doc.write_text(MINIMAL)
    assert validate([doc]).results[0].valid


def test_xincluded_files_over_the_size_limit_are_not_read(tmp_path):
    (tmp_path / "part.xml").write_text(ROOT_OPEN + "<p>" + "word " * 4000 + "</p></TEI>")
    doc = tmp_path / "corpus.xml"
    doc.write_text(
        '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        '<xi:include href="part.xml"/></teiCorpus>'
    )
    result = only_result(doc, max_bytes=8192)
    assert not result.valid and "over the limit" in result.errors[0].message


@pytest.mark.parametrize(
    "returncode, stdout, stderr",
    [
        (1, "", 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space'),
        (0, "", "Error occurred during initialization of VM"),
        (137, "", ""),  # killed
        (1, "", ""),  # failed, saying nothing
        (0, "fatal: file not found: x.xml\n", ""),
    ],
)
def test_whatever_jing_cannot_account_for_is_an_error(tmp_path, monkeypatch, returncode, stdout, stderr, jing_grammar):
    monkeypatch.setattr(jing_module, "_jing", lambda cmd: subprocess.CompletedProcess(cmd, returncode, stdout, stderr))
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a.xml", "b.xml"):
        (folder / name).write_text(MINIMAL)
    status, outputs = every_format(tmp_path, "--schema", jing_grammar, folder)
    assert status == 1
    assert [f["valid"] for f in outputs["parsed_json"]["files"]] == [False, False]
    assert all("no RELAX NG verdict" in f["errors"][0]["message"] for f in outputs["parsed_json"]["files"])
    assert "0 valid, 2 invalid" in outputs["text"]
    assert len(outputs["parsed_junit"].findall(".//failure")) == 2


def test_jobs_are_capped_at_the_number_of_processors(tmp_path, monkeypatch):
    runs = []
    real = jing_module._jing
    monkeypatch.setattr(jing_module, "_jing", lambda cmd: runs.append(cmd) or real(cmd))
    for i in range(MAX_JOBS + 3):
        (tmp_path / f"f{i}.xml").write_text(MINIMAL)
    run = validate([tmp_path], jobs=1000)
    assert run.summary.valid == MAX_JOBS + 3
    assert len(runs) <= MAX_JOBS


def test_files_over_the_size_limit_never_reach_jing(tmp_path, monkeypatch, jing_grammar, jing_batches):
    prologs = []
    import teikit.validate as validate_module

    real_prolog = validate_module.read_prolog
    monkeypatch.setattr(validate_module, "read_prolog", lambda f: prologs.append(f) or real_prolog(f))
    big = tmp_path / "big.xml"
    big.write_text(MINIMAL.replace("<head>One</head>", "<head>One</head>" + "<p>word</p>" * 2000))
    small = tmp_path / "small.xml"
    small.write_text(MINIMAL)
    results = {Path(r.path).name: r for r in validate([tmp_path], max_bytes=8192, schema=str(jing_grammar)).results}
    assert not results["big.xml"].valid and "over the limit" in results["big.xml"].errors[0].message
    assert results["small.xml"].valid
    given = [f for batch in jing_batches for f in batch]
    assert str(big) not in given and str(small) in given
    assert str(big) not in prologs  # not even its prolog is read


def test_xinclude_does_not_follow_symlinks_out_of_the_folder(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (tmp_path / "private.xml").write_text(f"<TEI xmlns='http://www.tei-c.org/ns/1.0'><p>{SECRET}</p></TEI>")
    os.symlink(tmp_path / "private.xml", folder / "part.xml")
    doc = folder / "corpus.xml"
    doc.write_text(
        '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        '<xi:include href="part.xml"/></teiCorpus>'
    )
    status, outputs = every_format(tmp_path, doc)
    assert status == 1
    assert "XInclude of 'part.xml' refused" in outputs["text"]
    assert SECRET not in text_of(outputs)


def test_local_schema_parts_still_work_when_staged(tmp_path, listener):
    """Staging keeps what schemas may do: includes under their folder, in both syntaxes, lines kept."""
    port = listener[0]
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "p.rnc").write_text(
        'default namespace = "http://www.tei-c.org/ns/1.0"\np = element p { text }\n'
    )
    (tmp_path / "main.rnc").write_text(
        f'# include "http://127.0.0.1:{port}/in-a-comment.rnc" is only a comment\n'
        'default namespace = "http://www.tei-c.org/ns/1.0"\n'
        'include """parts/p.rnc"""\n'
        "start = element TEI { p+ }\n"
    )
    (tmp_path / "parts" / "p.rng").write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">'
        '<define name="p"><element name="p"><text/></element></define></grammar>'
    )
    (tmp_path / "main.rng").write_text(
        '<?xml version="1.0"?>\n<!-- line 2 -->\n'
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">\n'
        '<include href="parts/p.rng"/>\n<start><element name="TEI"><oneOrMore><ref name="p"/></oneOrMore>'
        '</element></start>\n<define name="q"><ref name="nowhere"/></define></grammar>'
    )
    good = tmp_path / "good.xml"
    good.write_text(ROOT_OPEN + "<p>x</p></TEI>")
    bad = tmp_path / "bad.xml"
    bad.write_text(ROOT_OPEN + "<q/></TEI>")
    run = validate([good, bad], schema=str(tmp_path / "main.rnc"))
    assert [r.valid for r in run.results] == [True, False]
    assert listener[1] == []
    # a schema error is reported at the schema's own file and line
    broken = validate([good], schema=str(tmp_path / "main.rng"))
    assert broken.schema_errors and broken.schema_errors[0].startswith(f"{tmp_path / 'main.rng'}:6:")


XSLT2_READERS = [
    "doc('file://{secret}')",
    "document('file://{secret}')",
    "unparsed-text('file://{secret}')",
    "Q{http://www.w3.org/2005/xpath-functions}doc('file://{secret}')",
    "fn:unparsed-text-lines ('file://{secret}')",
    "function-lookup(xs:QName('fn:doc'), 1)('file://{secret}')",
    "collection('file://{dir}')",
    "environment-variable('HOME')",
]


@pytest.mark.parametrize("expression", XSLT2_READERS)
def test_xslt2_schematron_reads_nothing_outside_the_document(tmp_path, capsys, expression):
    (tmp_path / "private").mkdir()
    secret = tmp_path / "private" / "secret.xml"
    secret.write_text(f"<s>{SECRET}</s>\n")
    sch = tmp_path / "leak.sch"
    expression = expression.replace("{secret}", str(secret)).replace("{dir}", str(secret.parent))
    sch.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<ns prefix="fn" uri="http://www.w3.org/2005/xpath-functions"/><pattern><rule context="/*">'
        f'<report test="true()">leak: <value-of select="{expression}"/></report></rule></pattern></schema>'
    )
    doc = tmp_path / "doc.xml"
    doc.write_text(TINY)
    # Refused even with the secret's folder allowed: XSLT 2/3 rules read no other file.
    assert main(["validate", str(doc), "--schematron", str(sch), "--allow-read", str(secret.parent)]) == 2
    captured = capsys.readouterr()
    assert "reads outside the document" in captured.err
    assert SECRET not in captured.out + captured.err


@pytest.mark.parametrize(
    "xslt",
    [
        '<xsl:include href="file:///etc/passwd"/>',
        '<xsl:function name="f:x"><xsl:result-document href="/tmp/teikit-x.txt">x</xsl:result-document></xsl:function>',
        '<xsl:function name="f:x"><xsl:evaluate xpath="\'doc(1)\'"/></xsl:function>',
    ],
)
def test_xslt2_schematron_may_not_carry_xslt_that_writes_or_includes(tmp_path, capsys, xslt):
    sch = tmp_path / "xslt.sch"
    sch.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2" '
        'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:f="urn:f">'
        f'{xslt}<pattern><rule context="/*"><assert test="true()">x</assert></rule></pattern></schema>'
    )
    doc = tmp_path / "doc.xml"
    doc.write_text(TINY)
    assert main(["validate", str(doc), "--schematron", str(sch)]) == 2
    assert "Schematron schema refused: xsl:" in capsys.readouterr().err


from teikit.validate import TEIKIT_SCH  # noqa: E402
from teikit.validate.documents import load  # noqa: E402
from teikit.validate.schematron import Schematron  # noqa: E402


def _own_and_compiled(path):
    """teikit.sch's findings on `path`, told with ownrules and by the compiled rules alone."""
    folder = str(path.parent)
    tree = load(str(path), 10**9, ()).tree
    own = Schematron(TEIKIT_SCH, (folder,)).check(tree)
    return own, Schematron(TEIKIT_SCH, (folder,), own_rules=False).check(tree)


@pytest.mark.parametrize(
    "body",
    [
        '<date from="1905&#10;" to="1904">x</date>',
        '<date notBefore="1905-06&#10;" notAfter="1905">x</date>',
        '<date from="1905-06-01&#10;" to="1905-05">x</date>',
        '<note place="end" n="2&#10;">a</note><note place="end" n="1">b</note>',
        '<ptr target="persons.xml&#10;#p1"/>',
    ],
)
def test_a_value_ending_in_a_newline_gets_the_compiled_rules_verdict(tmp_path, body):
    """A character reference puts a newline at the end of an attribute value: ownrules' plain
    forms must be matched whole ('$' also matches before a final newline; from="1905&#10;" was
    a ValueError out of validate)."""
    (tmp_path / "persons.xml").write_text(
        f'{ROOT_OPEN}<text><body><listPerson><person xml:id="p1"/></listPerson></body></text></TEI>'
    )
    doc = tmp_path / "doc.xml"
    doc.write_text(f"{ROOT_OPEN}<teiHeader/><text><body><p>x{body}</p></body></text></TEI>\n")
    own, compiled = _own_and_compiled(doc)
    assert own == compiled


@pytest.mark.parametrize("register", ["<TEI", "", '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&nbsp;</p></TEI>'])
def test_a_register_that_is_not_well_formed_is_an_error_on_it_not_a_traceback(tmp_path, register):
    """document() raised the register's parse error out of the transformation (through check,
    check_many and validate): the error is said on the register, with its line."""
    (tmp_path / "persons.xml").write_text(register)
    docs = []
    for n in range(2):
        doc = tmp_path / f"doc{n}.xml"
        doc.write_text(
            f'{ROOT_OPEN}<teiHeader/><text><body><p>x<ptr target="persons.xml#p{n}"/></p></body></text></TEI>\n'
        )
        docs.append(doc)
    own, compiled = _own_and_compiled(docs[0])
    assert own == compiled
    (problem,) = compiled
    assert problem.path == str(tmp_path / "persons.xml") and "not well-formed XML" in problem.message
    loaded = [load(str(d), 10**9, ()) for d in docs]
    for rules in (Schematron(TEIKIT_SCH, (str(tmp_path),)), Schematron(TEIKIT_SCH, (str(tmp_path),), own_rules=False)):
        found = rules.check_many([d.tree for d in loaded], [d.on_disk for d in loaded])
        assert [[p.path for p in f] for f in found] == [[str(tmp_path / "persons.xml")]] * 2
