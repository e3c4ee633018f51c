"""SIGTERM: the payment sweeps stop between payments; what they did not reach stays due for the next sweep."""

from core.fleet import stopping
from core.payments.service import send_due_links
from tests.payments.conftest import finished_job, the_payment


def test_a_stopping_process_leaves_payment_links_to_the_next_sweep(session):
    request, _ = finished_job(session)
    stopping.request()
    try:
        assert send_due_links() == 0
        assert the_payment(request.id).payment_url == ""
    finally:
        stopping.reset()
    assert send_due_links() == 1
    assert the_payment(request.id).payment_url != ""
