"""Finding 4: permission is checked on every action, not only when the page loads.

A deactivated or signed-out staff member, or a suspended provider, can do nothing from a page left open; the
page tells them and goes to sign-in. Clicks are sent the way a browser sends them, over the page's socket.
"""

from nicegui.testing import User
from sqlmodel import Session, select

from core.auth.models import Account
from core.channels.inbound import receive
from core.matching.models import Offer, OfferStatus
from core.messaging.conversations import Conversation
from core.providers.models import Provider, ProviderStatus
from core.service_requests.models import RequestStatus, ServiceRequest
from core.service_requests.service import create_request, transition
from tests.factories import make_customer, make_provider
from tests.pages.helpers import eventually, sign_in_admin, sign_in_provider, wait_for_path
from tests.security.browser import send_click, settle


def _read(session, query):
    with Session(session.get_bind()) as reader:
        return reader.exec(query).first()


def _update(session, model, row_id: int, **values) -> None:
    with Session(session.get_bind()) as writer:
        row = writer.get(model, row_id)
        for key, value in values.items():
            setattr(row, key, value)
        writer.add(row)
        writer.commit()


def _open_request(session) -> ServiceRequest:
    customer = make_customer(session)
    request = create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Makepe")
    session.commit()
    return request


def _told_to_sign_in_again(user: User) -> bool:
    return any("reconnect" in m.lower() or "sign in" in m.lower() for m in user.notify.messages)


async def test_a_deactivated_operator_cannot_cancel_a_request_from_an_open_page(user: User, session):
    request = _open_request(session)
    account = await sign_in_admin(user, session, role="operator")
    await user.open(f"/admin/requests/{request.id}")
    page = user.client
    _update(session, Account, account.id, active=False)
    send_click(page, "cancel-request")
    await wait_for_path(user, "/login")
    assert _read(session, select(ServiceRequest).where(ServiceRequest.id == request.id)).status == RequestStatus.PENDING
    assert _told_to_sign_in_again(user)


async def test_an_active_operator_still_can(user: User, session):
    request = _open_request(session)
    await sign_in_admin(user, session, role="operator")
    await user.open(f"/admin/requests/{request.id}")
    send_click(user.client, "cancel-request")
    user.find(marker="cancel-reason").type("Le client a trouvé quelqu'un d'autre")
    send_click(user.client, "cancel-confirm")
    cancelled = select(ServiceRequest).where(ServiceRequest.status == RequestStatus.CANCELLED)
    await eventually(lambda: _read(session, cancelled))


async def test_a_signed_out_staff_member_cannot_take_over_from_another_tab(user: User, session):
    message = receive(session=session, channel="simulator", external_id="+237699300400", body="Allô ?")
    session.commit()
    await sign_in_admin(user, session)
    await user.open(f"/admin/conversations/{message.conversation_id}")
    left_open = user.client
    await user.open("/admin")
    user.find(marker="logout").click()  # signed out in another tab
    await wait_for_path(user, "/login")
    send_click(left_open, "take-over")
    await settle()
    conversation = _read(session, select(Conversation).where(Conversation.id == message.conversation_id))
    assert conversation.human_takeover is False


async def test_an_admin_demoted_to_operator_cannot_act_on_the_team_page(user: User, session):
    admin = await sign_in_admin(user, session)
    other = await _second_admin(session)
    await user.open("/admin/team")
    page = user.client
    _update(session, Account, admin.id, role="operator")
    send_click(page, f"active-{other.id}")
    await settle()
    assert _read(session, select(Account).where(Account.id == other.id)).active is True


async def _second_admin(session) -> Account:
    from tests.pages.helpers import make_account

    return make_account(session, email="second@djobea.cm")


async def test_a_suspended_provider_cannot_accept_an_offer_from_an_open_page(user: User, session):
    provider = make_provider(session)
    request = _open_request(session)
    transition(session=session, request=request, target="offered", actor="system")
    session.add(Offer(request_id=request.id, provider_id=provider.id))
    session.commit()
    await sign_in_provider(user, session, provider)
    page = user.client
    _update(session, Provider, provider.id, status=ProviderStatus.SUSPENDED)
    send_click(page, f"accept-{request.reference}")
    await wait_for_path(user, "/provider/login")
    assert _read(session, select(Offer)).status == OfferStatus.PENDING
    assert _told_to_sign_in_again(user)


async def test_a_page_left_open_goes_to_sign_in_by_itself(user: User, session, monkeypatch):
    from ui import guard

    monkeypatch.setattr(guard, "WATCH_SECONDS", 0.2)
    account = await sign_in_admin(user, session, role="operator")
    await user.open("/admin/conversations")
    _update(session, Account, account.id, active=False)
    await wait_for_path(user, "/login")
