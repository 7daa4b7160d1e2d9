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
    decls = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 12))
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
    doc = tmp_path / "deep.xml"
    doc.write_text(ROOT_OPEN + "<hi>" * 5000 + "</hi>" * 5000 + "</TEI>")
    result = only_result(doc)
    assert not result.valid and "not well-formed" in result.errors[0].message


def test_wrong_encodings_are_reported_with_their_line(tmp_path, capsys):
    latin = tmp_path / "latin.xml"
    latin.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n' + ROOT_OPEN.encode()
                      + b"\n<p>caf\xe9</p></TEI>\n")
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
