"""The search index made while the pages are written: a feeder that hands each page to Pagefind
as soon as the transform has finished writing it.

    python pagefeed.py INDEXER SITE     # run by its path: it imports nothing but the standard library

The feeder starts the indexer as a service (`INDEXER --service`: requests and answers are JSON,
base64-encoded, each closed by a comma, on its standard input and output), watches SITE for
pages, and adds each finished page (its text read once, ending in `</html>`) in the order of
`reading_order`, which is a function of the pages alone: the page `index.html`, then the page
whose `rel="prev"` link names the page before, and so on; the pages off that chain last, by
name. So the indexer parses the pages on a second core while the transform still writes the
next ones, and the index's page numbers (Pagefind numbers the pages in the order it is given
them) do not depend on the timing, nor on the file system.

A line on its standard input (or its end) says that the transform has finished: the feeder adds
the pages not yet added, in that order, has the indexer write the index into SITE/pagefind, and
prints one JSON object: `{"pages": [[name, sha256 of its bytes], ...]}` in the order added, or
`{"error": reason}`. teikit.render.search checks that account against the pages as they are at
the end and, if they differ (a page changed after it was read, another order), indexes the
folder again the plain way. If the feeder dies, the indexer sees its input end and exits.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

END = b"</html>"
POLL = 0.02  # seconds between looks at the folder while the transform writes
PREV = re.compile(rb'<(?:a|link)\s+rel="prev"\s+href="([^"#?/]+\.html)"')


def previous_page(text: bytes) -> str | None:
    """The page that `text` names as the one before it (html.xsl's pager: `rel="prev"`)."""
    found = PREV.search(text)
    return found.group(1).decode("utf-8", "replace") if found else None


def reading_order(prev: dict[str, str | None]) -> list[str]:
    """The pages (`prev`: each page's name and that of the page before it) in the order they
    are given to the indexer: `index.html`, then, while exactly one page names the last as the
    one before it, that page; the others by name."""
    following: dict[str, list[str]] = {}
    for name, before in prev.items():
        if before is not None:
            following.setdefault(before, []).append(name)
    order: list[str] = []
    page = "index.html" if "index.html" in prev else None
    while page is not None and page not in order:
        order.append(page)
        after = following.get(page, [])
        page = after[0] if len(after) == 1 else None
    placed = set(order)
    return order + sorted(name for name in prev if name not in placed)


class Service:
    """The indexer as a service: requests written at once, answers read by a thread of their own
    (so that the indexer never waits on a full pipe)."""

    def __init__(self, indexer: list[str], site: Path) -> None:
        self.process = subprocess.Popen(
            [*indexer, "--service"], cwd=site, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.answers: dict[int, dict] = {}
        self.arrived = threading.Condition()
        self.sent = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        pending = b""
        while chunk := self.process.stdout.read1(1 << 16):
            pending += chunk
            *messages, pending = pending.split(b",")
            for message in messages:
                answer = json.loads(base64.b64decode(message))
                with self.arrived:
                    self.answers[answer.get("message_id") or 0] = answer["payload"]
                    self.arrived.notify_all()
        with self.arrived:
            self.answers[-1] = {"type": "Error", "message": "the indexer ended"}
            self.arrived.notify_all()

    def send(self, payload: dict) -> int:
        self.sent += 1
        request = {"message_id": self.sent, "payload": payload}
        assert self.process.stdin is not None
        self.process.stdin.write(base64.b64encode(json.dumps(request).encode("utf-8")) + b",")
        self.process.stdin.flush()
        return self.sent

    def answer(self, message_id: int) -> dict:
        """The answer to request `message_id`; an error answered to none (an unreadable
        request) or the indexer's end is raised too."""
        with self.arrived:
            while message_id not in self.answers and 0 not in self.answers and -1 not in self.answers:
                self.arrived.wait()
            payload = self.answers.get(message_id) or self.answers.get(0) or self.answers[-1]
        if payload.get("type") == "Error":
            raise RuntimeError(payload.get("message", "the indexer failed"))
        return payload


def feed(indexer: list[str], site: Path, finished: threading.Event) -> list[tuple[str, str]]:
    """Add the pages of `site` to a new index as they are finished, the rest once `finished` is
    set; write the index. Returns the pages added (name, sha256) in order."""
    service = Service(indexer, site)
    index = service.answer(service.send({"type": "NewIndex", "config": {"keep_index_url": True}}))["index_id"]
    done: dict[str, bytes] = {}  # the finished pages read, by name
    prev: dict[str, str | None] = {}
    sizes: dict[str, int] = {}
    added: list[tuple[str, str]] = []
    requests: list[int] = []

    def add(name: str) -> None:
        text = done[name]
        requests.append(service.send({"type": "AddFile", "index_id": index, "url": f"/{name}",
                                      "file_path": None, "file_contents": text.decode("utf-8")}))  # fmt: skip
        added.append((name, hashlib.sha256(text).hexdigest()))

    while True:
        last = finished.wait(POLL)
        for page in site.glob("*.html"):
            name = page.name
            if name in done:
                continue
            size = page.stat().st_size
            if not last and (size == sizes.get(name) or size < len(END)):
                continue  # unchanged since it was seen unfinished
            sizes[name] = size
            text = page.read_bytes()
            if last or text.rstrip().endswith(END):
                done[name], prev[name] = text, previous_page(text)
        if last:
            break
        # Along the chain as far as its pages are finished: index.html, then the one page
        # that names the page added last as the one before it.
        while True:
            names = {name for name, _ in added}
            if not added:
                following = ["index.html"] if "index.html" in done else []
            else:
                following = [name for name in done if prev[name] == added[-1][0] and name not in names]
            if len(following) != 1:
                break
            add(following[0])
    names = {name for name, _ in added}
    for name in reading_order(prev):
        if name not in names:
            add(name)
    for message_id in requests:
        service.answer(message_id)
    output = str((site / "pagefind").resolve())
    service.answer(service.send({"type": "WriteFiles", "index_id": index, "output_path": output}))
    assert service.process.stdin is not None
    service.process.stdin.close()
    service.process.wait()
    return added


def main() -> None:
    indexer, site = sys.argv[1:-1], Path(sys.argv[-1])
    finished = threading.Event()

    def wait_for_the_transform() -> None:
        sys.stdin.readline()
        finished.set()

    threading.Thread(target=wait_for_the_transform, daemon=True).start()
    try:
        account: dict[str, object] = {"pages": feed(indexer, site, finished)}
    except Exception as exc:  # reported to teikit, which indexes the plain way
        account = {"error": f"{type(exc).__name__}: {exc}"}
    print(json.dumps(account), flush=True)


if __name__ == "__main__":
    main()
