"""Attachments on the request page and the provider's job page, and who may fetch the files."""

import pytest
from nicegui.testing import User
from sqlmodel import select

from core.config import settings
from core.customers.models import Customer
from core.service_requests.models import RequestMedia, RequestStatus, ServiceRequest
from tests.factories import make_provider
from tests.messaging.helpers import fetch
from tests.pages.helpers import sign_in_admin, sign_in_provider

JPEG = b"\xff\xd8\xff\xe0" + b"a-leaking-pipe" * 20


@pytest.fixture
def job(session):
    """An assigned request with a photo, a pin and an HTML file a customer sent; returns (request, provider)."""
    provider = make_provider(session)
    customer = Customer(phone="+237699555222")
    session.add(customer)
    session.flush()
    request = ServiceRequest(reference="DJB-PHOT", customer_id=customer.id, service_type="plumbing",
                             quartier="Makepe", status=RequestStatus.ASSIGNED, provider_id=provider.id)
    session.add(request)
    session.flush()
    folder = settings.data_dir / "media"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "t-0.jpg").write_bytes(JPEG)
    (folder / "t-1.html").write_bytes(b"<script>alert(1)</script>")
    session.add_all([
        RequestMedia(request_id=request.id, kind="image", content_type="image/jpeg", path="media/t-0.jpg",
                     description="Tuyau fissuré"),
        RequestMedia(request_id=request.id, kind="location", lat=4.0841, lon=9.7479, description="Makepe"),
        RequestMedia(request_id=request.id, kind="document", content_type="text/html", path="media/t-1.html"),
    ])
    session.commit()
    return request, provider


def _ids(session, request) -> dict[str, int]:
    return {m.kind: m.id for m in fetch(select(RequestMedia).where(RequestMedia.request_id == request.id))}


async def test_fetching_an_attachment_needs_a_session(user: User, session, job):
    response = await user.http_client.get(f"/media/{_ids(session, job[0])['image']}")
    assert response.status_code == 401 and JPEG not in response.content


async def test_the_team_sees_the_photo_and_a_file_that_could_run_a_script_is_only_downloaded(user: User, session, job):
    ids = _ids(session, job[0])
    await sign_in_admin(user, session, role="operator")
    photo = await user.http_client.get(f"/media/{ids['image']}")
    assert (photo.status_code, photo.content, photo.headers["content-type"]) == (200, JPEG, "image/jpeg")
    assert photo.headers["cache-control"].startswith("private")
    page = await user.http_client.get(f"/media/{ids['document']}")
    assert page.headers["content-type"] == "application/octet-stream"
    assert page.headers["content-disposition"].startswith("attachment")
    assert page.headers["x-content-type-options"] == "nosniff"
    assert (await user.http_client.get(f"/media/{ids['location']}")).status_code == 404  # a pin has no file
    assert (await user.http_client.get("/media/999999")).status_code == 404


async def test_the_request_page_shows_photos_pins_and_descriptions(user: User, session, job):
    request, _ = job
    await sign_in_admin(user, session)
    await user.open(f"/admin/requests/{request.id}")
    await user.should_see(marker="request-attachments")
    await user.should_see(marker="attachment-image")
    await user.should_see("Tuyau fissuré")
    await user.should_see("📍 Makepe")


async def test_the_provider_with_the_job_sees_its_photos_another_provider_does_not(user: User, session, job):
    request, provider = job
    photo = _ids(session, request)["image"]
    await sign_in_provider(user, session, provider)
    assert (await user.http_client.get(f"/media/{photo}")).content == JPEG
    await user.open(f"/provider/jobs/{request.id}")
    await user.should_see(marker="job-attachments")
    await user.should_see("Tuyau fissuré")


async def test_another_provider_cannot_fetch_the_photos(user: User, session, job):
    request, _ = job
    photo = _ids(session, request)["image"]
    await sign_in_provider(user, session, make_provider(session))
    response = await user.http_client.get(f"/media/{photo}")
    assert response.status_code == 404 and JPEG not in response.content
