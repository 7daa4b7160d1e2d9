"""How often Python's cyclic garbage collector looks at young objects while passes run.

The enrichment passes make small objects by the hundred thousand (matches, spans, tuples),
few of them in cycles, and keep tens of thousands alive between them (the views of the
text they share: text slots and their element proxies). By default (a first threshold of
700 new container objects) the collector ran some 190 times in the passes of the bundled
book, a full collection among them. `young_collected_rarely` raises the first threshold to
`YOUNG_COLLECTED_AFTER` inside and restores the caller's settings on leaving, even after an
error; a collector disabled by a threshold of 0 is left so. A collection still happens
whenever that many more container objects live than at the last one (cycles among them
freed then), so memory stays bounded.

`teikit.pipeline.run` enters it at the first pass that asks (`Pass.collects_rarely`) and
leaves it when the run ends, not after each pass: restoring the threshold between passes
made the collector look at once at everything each pass had left alive (some 20,000
objects after the organisations' and the persons' passes of the bundled book), most of it
views the next pass drops.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# The new container objects after which the collector looks at the young ones: more than
# the bundled book's enrichment keeps alive at its peak (between 50,000 and 100,000), so
# that its conversion collects once, after its passes. Peak memory the same (120 MB).
YOUNG_COLLECTED_AFTER = 100_000


@contextmanager
def young_collected_rarely() -> Iterator[None]:
    """The collector's first threshold raised to `YOUNG_COLLECTED_AFTER` inside, the
    caller's settings restored on leaving (a collector disabled by a threshold of 0 is
    left so)."""
    before = gc.get_threshold()
    if before[0]:
        gc.set_threshold(max(before[0], YOUNG_COLLECTED_AFTER), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
