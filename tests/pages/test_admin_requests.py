"""Requests list, detail and the admin's actions on a request."""

import csv
import io

from nicegui.testing import User
from sqlmodel import Session, select

from core.matching.models import Offer
from core.messaging.addresses import conversation_for
from core.messaging.models import OutboxMessage
from core.rules.models import AuditEntry
from core.service_requests.models import RequestStatus, ServiceRequest
from core.service_requests.service import create_request, transition
from tests.factories import make_customer, make_provider
from tests.pages.helpers import eventually, sign_in_admin, text_of


def _request(session, *, phone="+237699100200", status_path=(), provider=None, quartier="Makepe"):
    conversation = conversation_for(session=session, channel="simulator", external_id=phone)
    request = create_request(session=session, customer_id=conversation.customer_id, service_type="plumbing",
                             quartier=quartier, conversation_id=conversation.id, description="fuite sous l'évier")
    for target in status_path:
        if target == "assigned":
            request.provider_id = provider.id
        transition(session=session, request=request, target=target, actor="admin")
    session.commit()
    return request


def _fresh(session, request_id) -> ServiceRequest:
    with Session(session.get_bind()) as reader:
        return reader.get(ServiceRequest, request_id)


def _read(session, query):
    with Session(session.get_bind()) as reader:
        return reader.exec(query).first()


async def test_search_by_reference_and_phone_and_filter_by_status(user: User, session):
    first = _request(session, phone="+237699100201")
    _request(session, phone="+237699100202", quartier="Akwa")
    await sign_in_admin(user, session)
    await user.open(f"/admin/requests?period=all&q={first.reference}")
    assert text_of(user, "request-total").startswith("1 ")
    await user.should_see(marker=f"request-row-{first.reference}")
    await user.open("/admin/requests?period=all&q=100202")
    assert text_of(user, "request-total").startswith("1 ")
    await user.should_not_see(marker=f"request-row-{first.reference}")
    await user.open("/admin/requests?period=all&quartier=Akwa&status=pending")
    assert text_of(user, "request-total").startswith("1 ")
    await user.open("/admin/requests?period=all&status=completed")
    assert text_of(user, "request-total").startswith("0 ")


async def test_the_list_pages_through_many_requests(user: User, session):
    customer = make_customer(session)
    for _ in range(30):
        create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Makepe")
    session.commit()
    await sign_in_admin(user, session)
    await user.open("/admin/requests?period=all")
    assert text_of(user, "page-number") == "1 / 2"
    await user.open("/admin/requests?period=all&page=2")
    assert text_of(user, "page-number") == "2 / 2"
    rows = [e for e in user.find(marker="request-list").elements]
    assert rows


async def test_detail_shows_timeline_offers_with_score_parts_and_messages(user: User, session):
    provider = make_provider(session, name="Paul Plombier")
    request = _request(session, status_path=("offered",))
    offer = Offer(request_id=request.id, provider_id=provider.id, score=0.82,
                  score_parts={"distance": 0.9, "rating": 0.7})
    session.add(offer)
    session.commit()
    await sign_in_admin(user, session)
    await user.open(f"/admin/requests/{request.id}")
    await user.should_see(request.reference)
    await user.should_see("Paul Plombier")
    await user.should_see("Distance 90/100 — Plus l'artisan est proche, plus la note est haute.")
    await user.should_see("Avis clients 70/100")
    await user.should_see("Statut : en attente → proposée aux artisans")
    await user.should_see("Score 82/100")


async def test_admin_cancels_a_request_through_the_lifecycle(user: User, session):
    request = _request(session)
    account = await sign_in_admin(user, session)
    await user.open(f"/admin/requests/{request.id}")
    user.find(marker="cancel-request").click()
    await user.should_see(marker="cancel-consequences", retries=100)
    user.find(marker="cancel-confirm").click()  # no reason: refused inside the dialog, nothing changes
    await user.should_see("Indiquez la raison : elle est gardée dans le journal.", retries=100)
    assert _fresh(session, request.id).status == RequestStatus.PENDING
    user.find(marker="cancel-reason").type("Doublon de DJB-XXXX")
    user.find(marker="cancel-confirm").click()
    await eventually(lambda: _fresh(session, request.id).status == RequestStatus.CANCELLED)
    with Session(session.get_bind()) as reader:
        entry = reader.exec(select(AuditEntry).where(AuditEntry.action == "request.cancel",
                                                     AuditEntry.actor == account.email)).first()
    assert entry is not None and entry.detail["reason"] == "Doublon de DJB-XXXX"


async def test_a_status_override_asks_a_reason_and_is_audited(user: User, session):
    provider = make_provider(session, name="Paul Plombier")
    request = _request(session, status_path=("offered", "assigned"), provider=provider)
    account = await sign_in_admin(user, session)
    await user.open(f"/admin/requests/{request.id}")
    user.find(marker="status-apply").click()
    await user.should_see(marker="status-consequences", retries=100)
    user.find(marker="status-target").click()
    user.find("terminée").click()
    user.find(marker="status-reason").type("Travail confirmé par téléphone")
    user.find(marker="status-confirm").click()  # completing without a final price: refused in words
    await user.should_see("Pour terminer un travail, indiquez son prix final en FCFA.", retries=100)
    assert _fresh(session, request.id).status == RequestStatus.ASSIGNED
    user.find(marker="final-price").type("12000")
    user.find(marker="status-confirm").click()
    await eventually(lambda: _fresh(session, request.id).status == RequestStatus.COMPLETED)
    with Session(session.get_bind()) as reader:
        entry = reader.exec(select(AuditEntry).where(AuditEntry.action == "request.status")).first()
    assert entry.actor == account.email
    assert entry.detail == {"to": "completed", "reason": "Travail confirmé par téléphone"}


async def test_admin_messages_the_customer_through_the_outbox(user: User, session):
    request = _request(session, phone="+237699100203")
    await sign_in_admin(user, session)
    await user.open(f"/admin/requests/{request.id}")
    user.find(marker="contact-body").type("Bonjour, le plombier arrive dans 10 minutes.")
    user.find(marker="contact-customer").click()
    row = await eventually(lambda: _read(session, select(OutboxMessage).where(OutboxMessage.to == "+237699100203")))
    assert "10 minutes" in row.body and row.kind == "reply"


async def test_admin_reassigns_to_a_chosen_provider(user: User, session):
    first, second = make_provider(session, name="Premier"), make_provider(session, name="Second")
    request = _request(session, status_path=("offered", "assigned"), provider=first)
    await sign_in_admin(user, session)
    await user.open(f"/admin/requests/{request.id}")
    user.find(marker="reassign-provider").click()
    user.find("Second (Makepe)").click()
    user.find(marker="reassign").click()
    fresh = await eventually(lambda: (r := _fresh(session, request.id)).provider_id == second.id and r)
    assert fresh.status == RequestStatus.ASSIGNED


async def test_csv_export_streams_the_filtered_requests(user: User, session):
    _request(session, phone="+237699100204", quartier="Akwa")
    _request(session, phone="+237699100205", quartier="Deido")
    await sign_in_admin(user, session)
    response = await user.http_client.get("/admin/export/requests.csv?period=all&quartier=Akwa")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert [r["quartier"] for r in rows] == ["Akwa"]
    assert rows[0]["customer_phone"] == "+237699100204"
    conversations = await user.http_client.get("/admin/export/conversations.csv?period=all")
    assert conversations.status_code == 200 and "conversation_id" in conversations.text
