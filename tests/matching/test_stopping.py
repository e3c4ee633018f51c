"""SIGTERM: the matching sweep stops between requests; what it did not reach stays due for the next sweep."""

from core.fleet import stopping
from core.matching.sweep import advance_due
from core.service_requests.models import ServiceRequest
from tests.factories import make_provider
from tests.matching.conftest import fresh, new_request


def test_a_stopping_process_leaves_due_requests_to_the_next_sweep(session):
    make_provider(session, lat=4.0834, lon=9.7512)
    request = new_request(session)
    stopping.request()
    try:
        assert advance_due() == 0
        assert fresh(ServiceRequest, request.id).status == "pending"
    finally:
        stopping.reset()
    assert advance_due() == 1
    assert fresh(ServiceRequest, request.id).status == "offered"
