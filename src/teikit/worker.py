"""One batch in a process of its own: `python -m teikit.worker` (teikit.cluster, `fresh`).

The process reads from its standard input the pickle of `(fn, batch)`, calls `fn(batch)`
and writes to its standard output the pickle of `(True, result)`, or of `(False, exception)`
when `fn` raised one (an exception that cannot be pickled travels as a TeikitError naming
it), then ends. Whatever the batch itself prints goes to standard error: the output holds
the pickle and nothing else. A process that ends without writing it (killed, out of
memory) is reported by the caller from its exit status.

It imports nothing but what unpickling `fn` and the batch imports: no fork server, no
resource tracker, no pool. It is started by the process that pickled the batch, from the
same interpreter and import path, and is trusted as that process is.
"""

from __future__ import annotations

import os
import pickle
import sys


def main() -> None:
    result = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # what the batch prints goes to standard error, never into the result
    fn, batch = pickle.load(sys.stdin.buffer)
    try:
        outcome: tuple[bool, object] = (True, fn(batch))
    except BaseException as exc:  # raised to the caller, as a pool's worker would
        outcome = (False, _portable(exc))
    data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    result.write(data)
    result.close()


def _portable(exc: BaseException) -> BaseException:
    """`exc` if it survives a pickle round trip, else a TeikitError naming it."""
    try:
        pickle.loads(pickle.dumps(exc, protocol=pickle.HIGHEST_PROTOCOL))
        return exc
    except Exception:
        from .errors import TeikitError

        return TeikitError(f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    main()
