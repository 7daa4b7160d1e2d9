"""Gathering the TEI documents to render into one tree for the transforms.

Every file is parsed by teikit's safe loader (no network, no external entities, local
XIncludes only), so Saxon only ever sees a tree that has already passed those checks.
Each document keeps, as xml:base, the URI of the file it came from: the transforms
resolve pointers such as `ch01.xml#fig1` with it. A corpus file's XIncluded documents
are rendered through the corpus, not a second time on their own.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from lxml import etree

from ..errors import TeikitError
from ..tei import TEI_NS, XML_NS, q
from ..validate.documents import ORIGIN, find_xml_files, load

XML_BASE = f"{{{XML_NS}}}base"
TEI_ROOTS = (q("TEI"), q("teiCorpus"))


def collect(paths, warn=lambda message: None) -> etree._Element:
    """One tree holding every TEI document found in `paths` (files or folders)."""
    files = find_xml_files(paths)
    if not files:
        raise TeikitError("no XML files to render", ", ".join(str(p) for p in paths))
    named = {os.path.abspath(p) for p in paths if not Path(p).is_dir()}
    roots, included = [], set()
    for path in files:
        root = _load(path)
        if root.tag not in TEI_ROOTS:
            if os.path.abspath(path) in named:
                raise TeikitError(f"not a TEI document: the root element is <{etree.QName(root).localname}>", path)
            warn(f"{path}: skipped, not a TEI document")
            continue
        for el in root.iter(*TEI_ROOTS):
            origin = el.attrib.pop(ORIGIN, None)
            if origin:
                included.add(origin)
                el.set(XML_BASE, Path(origin).as_uri())
        root.set(XML_BASE, Path(path).resolve().as_uri())
        roots.append((os.path.abspath(path), root))
    roots = [root for path, root in roots if path not in included]
    if not roots:
        raise TeikitError("no TEI documents to render", ", ".join(str(p) for p in paths))
    if len(roots) == 1:
        return roots[0]
    wrapper = etree.Element(q("teiCorpus"), nsmap={None: TEI_NS})
    wrapper.extend(roots)
    return wrapper


def _load(path: str) -> etree._Element:
    doc = load(path)
    errors = [p for p in doc.problems if p.severity == "error"]
    if errors or not doc.usable:
        first = errors[0] if errors else None
        message = first.message if first else "cannot be read"
        raise TeikitError(message, first.path or path if first else path, first.line if first else None)
    return doc.tree.getroot()


def local_graphics(tree: etree._Element, warn=lambda message: None) -> dict[str, Path]:
    """Images the documents show, by the relative URL they use: the files to publish with them.

    Only files in or below the referring document's folder are taken.
    """
    found: dict[str, Path] = {}
    for graphic in tree.iter(q("graphic")):
        url = graphic.get("url") or ""
        if not url or urlparse(url).scheme or url.startswith("/"):
            continue
        base = next((el.get(XML_BASE) for el in graphic.iterancestors() if el.get(XML_BASE)), None)
        if base is None:
            continue
        folder = Path(url2pathname(urlparse(base).path)).parent
        source = (folder / unquote(url)).resolve()
        if os.path.commonpath([folder.resolve(), source]) != str(folder.resolve()):
            warn(f"{base}: graphic {url} lies outside the document's folder; not published")
        elif not source.is_file():
            warn(f"{url2pathname(urlparse(base).path)}: graphic {url} not found; the image will be missing")
        else:
            found[url] = source
    return found
