"""What a conversion did and what it could not do, for people and for machines."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Finding:
    kind: str  # e.g. "unresolved-reference", "unplaced-line", "removed-running-head"
    line: int | None
    message: str
    severity: str = "warning"  # "info" for decisions taken, "warning" for what needs an editor
    text: str | None = None
    where: str | None = None  # the division (chapter) concerned

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class Report:
    source: str = ""
    counts: Counter = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)

    def add(
        self,
        kind: str,
        line: int | None,
        message: str,
        *,
        severity: str = "warning",
        text: str | None = None,
        where: str | None = None,
    ) -> None:
        if text is not None and len(text) > 200:
            text = text[:197] + "..."
        self.findings.append(Finding(kind, line, message, severity, text, where))

    def info(self, kind: str, line: int | None, message: str, **kw) -> None:
        self.add(kind, line, message, severity="info", **kw)

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def as_dict(self) -> dict:
        kinds = Counter(f.kind for f in self.findings)
        return {
            "source": self.source,
            "counts": dict(self.counts),
            "findings_by_kind": dict(sorted(kinds.items())),
            "findings": [f.as_dict() for f in self.findings],
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=1)

    def summary(self) -> str:
        c = self.counts
        lines = [
            f"{self.source}: {c['chapters']} chapters, {c['sections']} sections, "
            f"{c['paragraphs']} paragraphs, {c['quotes']} quotations, {c['verse'] + c['stanzas']} verse groups, "
            f"{c['figures']} figures, {c['tables']} tables",
            f"notes: {c['notes_linked']} linked of {c['notes']} "
            f"({c['refs_corrected']} references corrected by sequence), "
            f"{c['notes_unreferenced']} without a reference, "
            f"{c['refs_unresolved']} references without a note",
            f"back matter: {c['bibl']} bibliography entries, {c['index_entries']} index entries",
            f"removed: {c['running_heads']} running heads, {c['page_numbers']} page numbers",
        ]
        if c["persons"] or c["places"] or c["date"]:
            lines.append(
                f"names: {c['persName']} persName ({c['persName_linked']} linked) to {c['persons']} "
                f"persons, {c['placeName']} placeName to {c['places']} places, {c['date']} dates"
            )
        if c["wrapper_head_to"]:
            foot = f" and from line {c['wrapper_foot_from']}" if c["wrapper_foot_from"] else ""
            lines.append(f"wrapper: the distributor's lines 1-{c['wrapper_head_to']}{foot} moved into the header")
        if c["words_lost"]:
            lines.append(
                f"WORDS LOST: {c['words_lost']} words of the source are not in the edition "
                "and were not reported as removed (see the words-lost finding)"
            )
        warn = Counter(f.kind for f in self.warnings)
        if warn:
            lines.append("needs attention: " + ", ".join(f"{n} {k}" for k, n in sorted(warn.items())))
        else:
            lines.append("needs attention: nothing")
        return "\n".join(lines)
