"""The one policy for local files and link schemes (teikit.access)."""

import os

import pytest

from teikit.access import AccessDenied, LocalFiles, is_safe_link, link_scheme


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "\x01javascript:x",
        "java\tscript:alert(1)",
        "java\nscript:x",
        "vbscript:msgbox",
        "data:text/html,<script>x</script>",
        "file:///etc/passwd",
        "blob:https://x/y",
        "\x00data:,x",
        "//evil.example/share",
        "\\\\evil.example\\share",
        "/\\evil.example",
        " /\t/evil.example",
    ],
)
def test_dangerous_links_are_refused(url):
    assert not is_safe_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a",
        "http://example.org",
        "mailto:a@example.org",
        "ch01.xml#p3",
        "#n12",
        "../persons.html#p-1",
        "page.html?x=javascript:1",
        "",
        "./a:b",
    ],
)
def test_ordinary_links_are_kept(url):
    assert is_safe_link(url)


def test_scheme_is_read_as_a_browser_reads_it():
    assert link_scheme("  HTTPS://x") == "https"
    assert link_scheme("j\ra\nvascript:1") == "javascript"
    assert link_scheme("a/b:c") is None


@pytest.fixture
def tree(tmp_path):
    doc = tmp_path / "edition"
    (doc / "img").mkdir(parents=True)
    (doc / "book.xml").write_text("<TEI/>")
    (doc / "img" / "a.png").write_bytes(b"png")
    (doc / ".secret").write_text("key")
    (tmp_path / "outside.txt").write_text("private")
    os.symlink(tmp_path / "outside.txt", doc / "link.txt")
    (tmp_path / "site").mkdir()
    return tmp_path


def test_relative_references_stay_in_the_documents_folder(tree):
    policy = LocalFiles.for_documents([tree / "edition" / "book.xml"])
    within = tree / "edition" / "book.xml"
    assert policy.resolve("img/a.png", within) == (tree / "edition" / "img" / "a.png").resolve()
    assert policy.resolve("img/a%2Epng", within).name == "a.png"
    for hostile in [
        "../outside.txt",
        "link.txt",
        ".secret",
        "img/../../outside.txt",
        (tree / "outside.txt").as_uri(),
        "file:///etc/passwd",
        "http://example.org/x.png",
        "file://evil.example/share/x",
        "",
    ]:
        with pytest.raises(AccessDenied):
            policy.resolve(hostile, within)


def test_forbidden_folders_win_over_allowed_ones(tree):
    site = tree / "site"
    policy = LocalFiles([tree], forbidden=[site])
    assert policy.allows(tree / "outside.txt")
    assert not policy.allows(site / "index.html")
    assert not policy.allows(site)


def test_widening_allows_another_folder(tree):
    narrow = LocalFiles.for_documents([tree / "edition"])
    wide = LocalFiles.for_documents([tree / "edition"], widen=[tree])
    assert not narrow.allows(tree / "outside.txt")
    assert wide.allows(tree / "outside.txt")
