from datetime import timedelta

import pytest

from core import clock, counters
from core.auth import throttle
from core.db import session_scope


def test_sign_in_counts_are_pruned_by_the_counters_themselves_and_kept_for_the_hour_they_are_read(engine):
    key = throttle.key_for("login", "someone@example.cm")
    with session_scope() as session:
        throttle.record(session=session, key=key, window_seconds=3600)
    clock.advance(timedelta(minutes=59))
    assert counters.prune() == 0
    with session_scope() as session:
        assert throttle.recent(session=session, key=key, window_seconds=3600) == 1
    clock.advance(timedelta(minutes=2))
    assert counters.prune() == 1
    with session_scope() as session:
        assert throttle.recent(session=session, key=key, window_seconds=3600) == 0


def test_a_window_longer_than_the_counters_keep_is_refused(engine):
    with session_scope() as session, pytest.raises(ValueError):
        counters.total(session=session, key="any", window_seconds=2 * 3600)
