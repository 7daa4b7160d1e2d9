"""What validation finds: problems per file, and the run's summary."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    message: str
    severity: str = "error"  # error | warning
    source: str = "xml"  # xml | relaxng | schematron | teikit
    path: str | None = None  # set when the problem lies in another file (XInclude)


@dataclass
class FileResult:
    path: str
    problems: list[Problem] = field(default_factory=list)
    schema: str | None = None  # the RELAX NG schema the file was checked against
    schematron: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def valid(self) -> bool:
        # Fail closed: an engine that could not judge the file added an error saying so,
        # so "no errors" means every engine that had to judge the file said valid.
        return not self.errors


@dataclass
class Summary:
    files: int = 0
    valid: int = 0
    invalid: int = 0
    errors: int = 0
    warnings: int = 0
    seconds: float = 0.0

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.valid += result.valid
        self.invalid += not result.valid
        self.errors += len(result.errors)
        self.warnings += len(result.problems) - len(result.errors)

    def as_dict(self) -> dict:
        return {
            "files": self.files,
            "valid": self.valid,
            "invalid": self.invalid,
            "errors": self.errors,
            "warnings": self.warnings,
            "seconds": round(self.seconds, 3),
        }

    def line(self) -> str:
        return (
            f"{self.files} files: {self.valid} valid, {self.invalid} invalid; "
            f"{self.errors} errors, {self.warnings} warnings; {self.seconds:.2f} s"
        )
