"""Who may open what: anonymous visitors, operators, admins, and providers on each other's data."""

import pytest
from nicegui.testing import User

from core.customers.models import Customer
from core.providers.models import ProviderStatus
from core.service_requests.models import RequestStatus, ServiceRequest
from tests.factories import make_provider
from tests.pages.helpers import sign_in_admin, sign_in_provider

ADMIN_ROUTES = ["/admin", "/admin/requests", "/admin/requests/1", "/admin/providers", "/admin/providers/1",
                "/admin/providers/new", "/admin/conversations", "/admin/conversations/1", "/admin/payments",
                "/admin/monitoring", "/admin/settings", "/admin/team", "/admin/account",
                "/admin/conversation-analytics", "/admin/conversation-analytics/conversations"]
PROVIDER_ROUTES = ["/provider", "/provider/history", "/provider/earnings", "/provider/profile", "/provider/jobs/1"]
PUBLIC_ROUTES = ["/", "/chat", "/login", "/provider/login", "/health"]


@pytest.mark.parametrize("path", ADMIN_ROUTES)
async def test_anonymous_visitors_are_sent_to_the_admin_login(user: User, path: str):
    response = await user.http_client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize("path", ["/admin/export/requests.csv", "/admin/export/conversations.csv"])
async def test_exports_need_an_admin_session(user: User, path: str):
    response = await user.http_client.get(path, follow_redirects=False)
    assert response.status_code == 401
    assert "reference" not in response.text


@pytest.mark.parametrize("path", PROVIDER_ROUTES)
async def test_anonymous_visitors_are_sent_to_the_provider_login(user: User, path: str):
    response = await user.http_client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/provider/login?next=")


@pytest.mark.parametrize("path", PUBLIC_ROUTES)
async def test_public_pages_need_no_sign_in(user: User, path: str):
    response = await user.http_client.get(path, follow_redirects=False)
    assert response.status_code == 200


async def test_operators_are_refused_admin_only_settings(user: User, session):
    await sign_in_admin(user, session, role="operator")
    assert (await user.http_client.get("/admin/settings")).status_code == 403
    assert (await user.http_client.get("/admin")).status_code == 200
    assert (await user.http_client.get("/admin/payments")).status_code == 200


async def test_operators_see_no_payout_or_refund_buttons(user: User, session):
    await sign_in_admin(user, session, role="operator")
    await user.open("/admin/payments")
    await user.should_see(marker="balances")
    assert not [e for e in user.find(marker="balances").elements if "payout-" in " ".join(e._markers)]
    await user.should_not_see("Rembourser")


async def test_admins_open_every_admin_page(user: User, session):
    await sign_in_admin(user, session)
    for path in ADMIN_ROUTES:
        response = await user.http_client.get(path)
        assert response.status_code in (200, 404), path  # 404: no request/provider/conversation 1 yet


async def test_a_provider_never_sees_another_providers_job(user: User, session):
    mine, other = make_provider(session), make_provider(session)
    customer = Customer(phone="+237699555111")
    session.add(customer)
    session.flush()
    theirs = ServiceRequest(reference="DJB-THRS", customer_id=customer.id, service_type="plumbing",
                            quartier="Makepe", status=RequestStatus.ASSIGNED, provider_id=other.id,
                            description="secret address")
    session.add(theirs)
    session.commit()
    await sign_in_provider(user, session, mine)
    response = await user.http_client.get(f"/provider/jobs/{theirs.id}")
    assert response.status_code == 404
    assert "DJB-THRS" not in response.text and "secret address" not in response.text
    await user.open("/provider")
    await user.should_not_see("DJB-THRS")


async def test_a_provider_session_is_not_an_admin_session(user: User, session):
    await sign_in_provider(user, session, make_provider(session))
    response = await user.http_client.get("/admin", follow_redirects=False)
    assert response.status_code == 303


async def test_a_suspended_provider_is_signed_out(user: User, session):
    provider = make_provider(session)
    await sign_in_provider(user, session, provider)
    assert (await user.http_client.get("/provider", follow_redirects=False)).status_code == 200
    provider.status = ProviderStatus.SUSPENDED
    session.add(provider)
    session.commit()
    assert (await user.http_client.get("/provider", follow_redirects=False)).status_code == 303


async def test_a_deactivated_admin_is_signed_out(user: User, session):
    account = await sign_in_admin(user, session)
    account.active = False
    session.add(account)
    session.commit()
    assert (await user.http_client.get("/admin", follow_redirects=False)).status_code == 303
