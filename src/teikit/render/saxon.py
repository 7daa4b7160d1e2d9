"""Running the XSLT 3.0 transforms in-process with SaxonC-HE.

One Saxon processor per process; each stylesheet is compiled once and reused for
every collection rendered in the process. Their messages come back as plain text
(one line each, XML escapes undone).

A value a stylesheet computes from a tree (`value_of`: a named template's result, kept
as Saxon holds it, nodes of that tree included) may be given to later transforms of the
same tree as a parameter, so that what several editions need is computed once.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Mapping
from pathlib import Path

from ..errors import TeikitError

TRANSFORMS = Path(__file__).resolve().parent.parent / "transforms"


@functools.cache
def processor():
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


@functools.cache
def stylesheet(name: str):
    """The compiled stylesheet transforms/NAME (NAME may be the stylesheet's whole path)."""
    from saxonche import PySaxonApiError

    path = TRANSFORMS / name
    if not path.is_file():
        raise TeikitError("stylesheet not found", str(path))
    try:
        return processor().new_xslt30_processor().compile_stylesheet(stylesheet_file=str(path))
    except PySaxonApiError as exc:
        raise TeikitError(f"stylesheet does not compile: {exc}", str(path)) from None


class Parsed:
    """A document Saxon has read (`parse`), for several transforms to read without
    reading the file again."""

    def __init__(self, path: Path) -> None:
        from saxonche import PySaxonApiError

        self.path = path
        # Values computed from this tree for the transforms that read it (value_of), by name.
        self.values: dict[str, object] = {}
        try:
            self.node = processor().parse_xml(xml_file_name=str(path))
        except PySaxonApiError as exc:
            first = (str(exc).strip().splitlines() or ["unknown error"])[0]
            raise TeikitError(f"Saxon cannot read the collection: {first}") from None


def transform(
    name: str, source: str | Path | Parsed, outdir: Path, params: Mapping[str, object] | None = None
) -> list[str]:
    """Apply transforms/NAME to the document (its text, the file that holds it, or the
    document as Saxon read it); its result documents go into `outdir`. A parameter is a
    bool, int or str, or for a document Saxon read, what `value_of` gave for it.

    Returns the stylesheet's messages (warnings about the input).
    """
    return _run(name, source, outdir, params)[1]


def transform_to_string(name: str, source: Path, params: dict[str, bool | int | str] | None = None) -> str:
    """Apply transforms/NAME to the document in the file `source`; returns its principal result."""
    return _run(name, source, None, params)[0]


def value_of(name: str, source: Parsed, template: str, params: dict[str, bool | int | str] | None = None):
    """The result of the named template `template` (Clark notation, "{uri}local") of
    transforms/NAME for the document `source`, with the stylesheet's parameters `params`:
    the value itself (maps, nodes of `source`'s tree), not serialised, to be given to a
    transform of the same tree as a parameter (see `transform`)."""
    from saxonche import PySaxonApiError

    executable = _prepared(name, params)
    executable.set_result_as_raw_value(True)
    try:
        executable.set_global_context_item(xdm_item=source.node)
        return executable.call_template_returning_value(template)
    except PySaxonApiError as exc:
        first = (str(exc).strip().splitlines() or ["unknown error"])[0]
        raise TeikitError(f"{Path(name).name} failed: {first}") from None
    finally:
        executable.set_result_as_raw_value(False)
        _release(executable)


def _prepared(name: str, params: Mapping[str, object] | None):
    """The compiled transforms/NAME with the parameters `params` set: a bool, int or str
    as that XDM value, anything else as the value it is (what value_of gave)."""
    proc = processor()
    executable = stylesheet(name)
    executable.clear_parameters()
    for key, value in (params or {}).items():
        if isinstance(value, bool):
            made = proc.make_boolean_value(value)
        elif isinstance(value, int):
            made = proc.make_integer_value(value)
        elif isinstance(value, str):
            made = proc.make_string_value(value)
        else:
            made = value
        executable.set_parameter(key, made)
    return executable


def _release(executable) -> None:
    """Leave the executable holding nothing of the tree just read: its global context item
    and its parameters (a value_of result holds nodes of it) would keep that tree alive
    (for the garbage collector) until the next run has built its own."""
    executable.set_global_context_item(xdm_item=_placeholder())
    executable.clear_parameters()


def _run(
    name: str, source: str | Path | Parsed, outdir: Path | None, params: Mapping[str, object] | None
) -> tuple[str, list[str]]:
    from saxonche import PySaxonApiError

    proc = processor()
    executable = _prepared(name, params)
    if outdir is not None:
        executable.set_base_output_uri(outdir.resolve().as_uri() + "/")
    executable.set_save_xsl_message(True, None)
    executable.clear_xsl_messages()
    try:
        if isinstance(source, Parsed):
            document = source.node
        elif isinstance(source, Path):
            document = proc.parse_xml(xml_file_name=str(source))
        else:
            document = proc.parse_xml(xml_text=source)
        executable.set_global_context_item(xdm_item=document)
        output = executable.apply_templates_returning_string(xdm_value=document)
    except PySaxonApiError as exc:
        # Saxon's message may span lines (with its own stack); the user gets its first line.
        first = (str(exc).strip().splitlines() or ["unknown error"])[0]
        raise TeikitError(f"{Path(name).name} failed: {first}") from None
    finally:
        _release(executable)
    messages = executable.get_xsl_messages()
    if messages is None:
        return output or "", []
    # Saxon serialises each message as XML: the reader wants the characters, not &lt; (the
    # html module undoes entities and character references without the urllib that
    # xml.sax.saxutils imports).
    lines = str(messages).splitlines()
    return output or "", [html.unescape(line) for line in lines if line.strip()]


@functools.cache
def _placeholder():
    """A document of one empty element, to leave as a stylesheet's context item between runs."""
    return processor().parse_xml(xml_text="<empty/>")
