import gc

from core import heap


def test_settle_collects_start_up_garbage_then_freezes_the_rest_out_of_full_collections():
    gc.unfreeze()
    kept = [{"n": n} for n in range(20_000)]
    cycle = [[]]
    cycle[0].append(cycle)  # garbage only the collector can free
    del cycle
    try:
        heap.settle()
        assert gc.get_freeze_count() >= len(kept)
        tracked = {id(o) for o in gc.get_objects()}
        assert not any(id(o) in tracked for o in kept[:100])  # a full collection no longer walks them
        assert gc.garbage == []
    finally:
        gc.unfreeze()
