"""Search in the HTML edition without a server: a Pagefind index written beside the pages.

    build_index(site)      # site/pagefind/: the index, pagefind.js and its WebAssembly
    indexing = Indexing(site)  # the same, started; the caller works on meanwhile
    indexing.finish()

Pagefind (its Python package ships the indexer as a binary) reads the finished pages and
writes a static index that the browser fetches in small pieces as the reader types. What
is indexed is each page's `main` (html.xsl marks it `data-pagefind-body`), so the site's
header, pager and footer do not match every query, and of that neither a heading's link
to itself nor a register entry's list of the pages that name it (`data-pagefind-ignore`),
which would make every register page match the words of every chapter title; each
division heading carries an id, so a result links to the section that holds the passage,
not only to the page.

Only the search library is kept from what Pagefind writes: its ready-made interfaces
(`pagefind-ui.js` and the like) are removed, since teikit's own script (assets/edition.js)
draws the search box and its results, and an edition should carry no script it does not
use. The index is byte-identical from run to run for the same pages on the same file
system (Pagefind names its files by their content), not across file systems: Pagefind
numbers the pages in the order the file system lists the folder (ext4 by a hash of the
names, seeded per file system; tmpfs newest first), and the numbers are part of the index.
Another machine may thus write other index files that find the same passages.

Browsers fetch the index with `fetch()` and load `pagefind.js` as a module: that works
over HTTP (any static server) and, where the browser allows modules from `file:` pages,
from disk; where it does not (Chromium), the search box says that the edition must be
served, and the pages work as before. The pages' Content-Security-Policy gains, when the
edition has search, only what the index needs: `connect-src 'self'`, to fetch its pieces.
(Its WebAssembly is compiled in Pagefind's Web Worker, a script of the site, so the pages
need no `'wasm-unsafe-eval'`.)
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..errors import TeikitError

FOLDER = "pagefind"
# What Pagefind writes for sites that use its ready-made interfaces; teikit's pages do not.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")  # fmt: skip
TIMEOUT = 600  # seconds: far beyond any book; an indexer that hangs must not hang teikit


def build_index(site: Path) -> int:
    """Index the pages of `site` into `site/pagefind/`; returns the number of pages indexed."""
    return Indexing(site).finish()


def indexer() -> list[str]:
    """The command that runs the indexer binary the pagefind package ships, found as the
    package's own command (`python -m pagefind`) finds it: the binary named by
    PAGEFIND_BINARY_PATH, else the extended build's, else the plain build's. Run directly,
    not through that command, which starts an interpreter only to find it (some 0.1 s of
    CPU, while the indexer is what the render waits for); without either build, that
    command, which says what is missing."""
    named = os.environ.get("PAGEFIND_BINARY_PATH")
    if named is not None:
        return [named]
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            found = importlib.import_module(package).get_executable()
        except (ImportError, FileNotFoundError):
            continue
        return [str(Path(found).resolve())]
    return [sys.executable, "-m", "pagefind"]


class Indexing:
    """The indexer at work on `site`, in its own process, from the moment this is made.

    Indexing takes about 0.7 s of CPU for a 2.5 MB book (25 pages, 4.7 MB of HTML), more than
    its HTML transform: half of it parsing the pages, a sixth building the index, a quarter
    writing it; starting the indexer costs next to nothing (0.01 s for one page). While it runs
    on one core, the caller may go on with other work on another (render_editions renders the
    next edition), then call `finish`. `stop` ends it unfinished (on an error).
    """

    def __init__(self, site: Path) -> None:
        self.site = site
        # The indexer runs in the site's folder (which teikit has just written) so that no
        # configuration file lying in the user's working folder can change what it does.
        command = [*indexer(), "--site", ".", "--output-subdir", FOLDER,
                   "--glob", "*.html", "--keep-index-url", "--silent"]  # fmt: skip
        try:
            self.process = subprocess.Popen(
                command, cwd=site, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
        except OSError as exc:
            raise TeikitError(f"cannot build the search index: {exc}", str(site)) from None

    def finish(self) -> int:
        """Wait for the index; returns the number of pages indexed."""
        site = self.site
        try:
            out, err = self.process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.stop()
            raise TeikitError(f"cannot build the search index: no answer in {TIMEOUT} s", str(site)) from None
        said = (err.strip() or out.strip()).splitlines()
        if self.process.returncode != 0 or not (site / FOLDER / "pagefind.js").is_file():
            reason = said[-1] if said else f"the indexer exited with status {self.process.returncode}"
            if "No module named pagefind" in reason:
                reason += " (install teikit again: pagefind is one of its dependencies)"
            raise TeikitError(f"cannot build the search index: {reason}", str(site))
        for name in UNUSED:
            (site / FOLDER / name).unlink(missing_ok=True)
        shutil.rmtree(site / FOLDER / "playground", ignore_errors=True)
        return len(list(site.glob("*.html")))

    def stop(self) -> None:
        """End the indexer if it still runs (its half-written index goes with the site's folder)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()
