"""The `teikit` command: parses arguments and calls the library."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .errors import TeikitError


def _convert(args) -> int:
    from .convert import convert
    report = convert(args.source, args.output, args.profile, force=args.force)
    print(report.summary())
    print(f"wrote {args.output} (report: {Path(args.output) / 'conversion-report.json'})")
    return 0


def default_schema(root: Path) -> Path | None:
    """teikit's own schema when the project has one, else official TEI P5 beside the project."""
    root = root.resolve()
    for candidate in (root / "schema" / "teikit.rng", root.parent / "shared" / "schemas" / "tei_all.rng"):
        if candidate.is_file():
            return candidate
    return None


def _build(args) -> int:
    from .convert import convert
    from .validate import load_schema, validate_file
    root = Path(args.root)
    sources = sorted((root / "sources").glob("*.txt"))
    if not sources:
        raise TeikitError("no sources/*.txt to build", str(root))
    schema_path = Path(args.schema) if args.schema else default_schema(root)
    schema = load_schema(schema_path) if schema_path else None
    status = 0
    for src in sources:
        out = root / "tei" / src.stem
        t0 = time.perf_counter()
        report = convert(src, out, force=True)
        print(report.summary())
        print(f"converted {src} -> {out} in {time.perf_counter() - t0:.2f} s")
        if schema is None:
            print("validation skipped: no schema found (schema/teikit.rng or ../shared/schemas/tei_all.rng)")
            continue
        files = sorted(out.glob("*.xml"))
        bad = 0
        for f in files:
            res = validate_file(f, schema)
            for line, col, msg in res.errors:
                print(f"{f}:{line}:{col}: error: {msg}")
            bad += not res.valid
        print(f"validated {len(files)} files against {schema_path}: {len(files) - bad} valid, {bad} invalid")
        status = status or (1 if bad else 0)
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="teikit", description="TEI toolkit: convert, validate, publish.")
    parser.add_argument("--version", action="version", version=f"teikit {__version__}")
    cmds = parser.add_subparsers(dest="command", required=True)
    c = cmds.add_parser("convert", help="convert a plain-text book to TEI")
    c.add_argument("source", help="the text file")
    c.add_argument("-o", "--output", required=True, help="output folder")
    c.add_argument("--profile", help="conversion profile (TOML); default: SOURCE.toml if present")
    c.add_argument("--force", action="store_true", help="replace an existing output folder")
    c.set_defaults(run=_convert)
    b = cmds.add_parser("build", help="convert and validate the project's bundled books")
    b.add_argument("--root", default=".", help="project folder holding sources/ and tei/")
    b.add_argument("--schema", help="RELAX NG schema to validate against")
    b.set_defaults(run=_build)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except TeikitError as exc:
        print(f"teikit: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("teikit: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
