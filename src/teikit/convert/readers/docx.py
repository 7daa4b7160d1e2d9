"""Word (stub)."""


def read(path, ctx):
    raise NotImplementedError
