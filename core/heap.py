"""Garbage collection in a long-running process: what start-up built is kept out of the collector's sight.

A full collection walks every tracked object while holding the GIL. In the web process that is the whole of
NiceGUI, FastAPI, SQLAlchemy, plotly, the catalogue and the NLU model, about 170 000 objects and well over
100 ms: a pause every few seconds under load that every request in flight waits out. Frozen after start-up,
those objects are skipped, and a full collection walks only what requests created since.
"""

import gc


def settle() -> None:
    """Collect what start-up left behind, then freeze every object still alive (call once, start-up done)."""
    gc.collect()
    gc.freeze()
