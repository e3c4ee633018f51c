"""Attachments reach the request they belong to, whenever they were sent, and the provider who gets the job."""

from datetime import timedelta

from sqlmodel import select

from core import clock
from core.db import session_scope
from core.matching.notifications import job_details
from core.messaging.models import OutboxMessage
from core.providers.models import Provider
from core.service_requests.models import RequestMedia, RequestStatus, ServiceRequest
from core.service_requests.service import transition
from tests.factories import make_provider
from tests.messaging.helpers import fetch, form, post
from tests.messaging.test_media import JPEG, with_media

MAKEPE_PIN = {"Latitude": "4.0841", "Longitude": "9.7479", "Label": "Derrière la station"}


def _requests() -> list[ServiceRequest]:
    return fetch(select(ServiceRequest).order_by(ServiceRequest.id))


def _media() -> list[RequestMedia]:
    return fetch(select(RequestMedia).order_by(RequestMedia.id))


def _sid(n: int) -> str:
    return f"SM{n:032d}"


async def test_a_photo_sent_with_the_words_that_create_the_request_belongs_to_it(client, twilio):
    url = twilio.add_media("ME11", JPEG, "image/jpeg")
    await post(client, with_media(url, "image/jpeg", body="Mon tuyau fuit à Makepe, voici la photo", sid=_sid(1)))
    [request] = _requests()
    [photo] = _media()
    assert (photo.kind, photo.request_id) == ("image", request.id)


async def test_a_photo_sent_before_the_request_existed_is_given_to_it(client, twilio):
    await post(client, with_media(twilio.add_media("ME12", JPEG, "image/jpeg"), "image/jpeg", sid=_sid(1)))
    assert _requests() == [] and [m.request_id for m in _media()] == [None]
    await post(client, form(body="c'est l'évier de la cuisine qui fuit, je suis à Bonamoussadi", sid=_sid(2)))
    [request] = _requests()
    assert [m.request_id for m in _media()] == [request.id]


async def test_a_pin_in_the_quartier_gives_the_request_its_exact_place_and_the_provider_a_map_link(client, twilio,
                                                                                                   session):
    await post(client, form(body="", sid=_sid(1), **MAKEPE_PIN))
    await post(client, form(body="j'ai une fuite d'eau dans la douche", sid=_sid(2)))
    [request] = _requests()
    assert request.quartier == "Makepe"
    assert (request.lat, request.lon) == (4.0841, 9.7479)  # the pin, not the quartier's centre
    [pin] = _media()
    assert (pin.kind, pin.request_id, pin.description) == ("location", request.id, "Makepe — Derrière la station")
    provider = make_provider(session, zones=("Makepe",))
    with session_scope() as s:
        text = job_details(session=s, request=s.get(ServiceRequest, request.id), provider=s.get(Provider, provider.id))
    assert "https://maps.google.com/?q=4.084100,9.747900" in text
    assert "photo" not in text.lower()


async def test_the_provider_who_gets_the_job_is_told_where_the_photos_are(client, twilio, session):
    await post(client, with_media(twilio.add_media("ME13", JPEG, "image/jpeg"), "image/jpeg",
                                  body="Fuite sous l'évier à Makepe", sid=_sid(1)))
    [request] = _requests()
    provider = make_provider(session, zones=("Makepe",), language="en")
    with session_scope() as s:
        text = job_details(session=s, request=s.get(ServiceRequest, request.id), provider=s.get(Provider, provider.id))
    assert f"The customer's photos (1): http://testserver/provider/jobs/{request.id}" in text  # PUBLIC_BASE_URL
    assert "maps.google.com" not in text


async def test_a_pin_shared_after_the_request_is_read_as_where_the_job_is(client, twilio):
    await post(client, form(body="Plombier à Akwa svp, fuite d'eau", sid=_sid(1)))
    await post(client, form(body="", sid=_sid(2), **MAKEPE_PIN))
    [request] = _requests()
    assert (request.quartier, request.lat, request.lon) == ("Makepe", 4.0841, 9.7479)
    assert [(m.kind, m.request_id) for m in _media()] == [("location", request.id)]


async def test_a_photo_after_the_job_is_closed_is_not_added_to_it(client, twilio):
    await post(client, form(body="Plombier à Akwa svp, fuite d'eau", sid=_sid(1)))
    [request] = _requests()
    with session_scope() as s:
        transition(session=s, request=s.get(ServiceRequest, request.id), target=RequestStatus.CANCELLED, actor="admin")
    await post(client, with_media(twilio.add_media("ME14", JPEG, "image/jpeg"), "image/jpeg", sid=_sid(2)))
    assert [m.request_id for m in _media()] == [None]


async def test_an_attachment_older_than_a_day_is_not_given_to_a_new_request(client, twilio):
    await post(client, with_media(twilio.add_media("ME15", JPEG, "image/jpeg"), "image/jpeg", sid=_sid(1)))
    clock.advance(timedelta(days=1, minutes=1))
    await post(client, form(body="Fuite d'eau à Makepe", sid=_sid(2)))
    assert len(_requests()) == 1 and [m.request_id for m in _media()] == [None]


async def test_a_photo_and_a_pin_sent_after_the_job_was_taken_reach_its_provider(client, twilio, session):
    await post(client, form(body="Fuite sous l'évier à Makepe", sid=_sid(1)))
    [request] = _requests()
    provider = make_provider(session, zones=("Makepe",), language="en")
    with session_scope() as s:
        taken = s.get(ServiceRequest, request.id)
        taken.provider_id = provider.id
        transition(session=s, request=taken, target=RequestStatus.ASSIGNED, actor="admin")
    await post(client, with_media(twilio.add_media("ME15", JPEG, "image/jpeg"), "image/jpeg", sid=_sid(2)))
    await post(client, form(body="", sid=_sid(3), **MAKEPE_PIN))
    told = [m.body for m in fetch(select(OutboxMessage).where(OutboxMessage.to == provider.phone)
                                  .order_by(OutboxMessage.id))]
    assert any(f"The customer's photos (1): http://testserver/provider/jobs/{request.id}" in m for m in told)
    assert any("maps.google.com/?q=4.084100,9.747900" in m and request.reference in m for m in told)
