"""teikit: convert plain-text books to TEI P5, validate TEI, publish editions."""

__version__ = "0.1.0"
