"""Letters (placeholder)."""


def apply(tei, ctx):
    return tei
