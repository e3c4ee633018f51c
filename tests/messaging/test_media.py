import sys
import types
from datetime import timedelta

import pytest
from sqlmodel import select

from core import clock
from core.channels import inbound
from core.config import settings
from core.messaging.conversations import Message
from core.messaging.models import MessageStatus, OutboxMessage
from core.service_requests.models import RequestMedia
from tests.messaging.helpers import fetch, form, post

JPEG = b"\xff\xd8\xff\xe0" + b"photo-of-a-leaking-pipe" * 50
OGG = b"OggS" + b"voice" * 100


@pytest.fixture
def models(monkeypatch):
    """A stand-in for the LLM orchestrator; tests set what it answers."""
    import core.llm

    fake = types.SimpleNamespace(described=None, transcript=None, calls=[])

    def describe_image(data, content_type, conversation_id=None):
        fake.calls.append(("describe", len(data), content_type))
        return fake.described

    def transcribe(data, content_type, conversation_id=None):
        fake.calls.append(("transcribe", len(data), content_type))
        return fake.transcript

    module = types.SimpleNamespace(describe_image=describe_image, transcribe=transcribe)
    monkeypatch.setitem(sys.modules, "core.llm.orchestrator", module)
    monkeypatch.setattr(core.llm, "orchestrator", module, raising=False)
    return fake


def _messages() -> list[Message]:
    return fetch(select(Message).where(Message.direction == "in").order_by(Message.id))


def _replies() -> list[str]:
    return [r.body for r in fetch(select(OutboxMessage).order_by(OutboxMessage.id))]


def with_media(url: str, content_type: str, body: str = "", **extra) -> dict:
    return form(body=body, NumMedia="1", MediaUrl0=url, MediaContentType0=content_type, **extra)


async def test_a_photo_is_fetched_with_twilio_credentials_stored_and_described(client, twilio, echo, models):
    models.described = {"description": "Tuyau PVC fissuré sous un évier", "service_type": "plumbing"}
    url = twilio.add_media("ME01", JPEG, "image/jpeg")
    response = await post(client, with_media(url, "image/jpeg", body="Regardez 👇"))
    assert response.status_code == 200
    assert twilio.media_requests == [{"path": url.removeprefix(twilio.url), "authorized": True}]
    [message] = _messages()
    assert message.status == MessageStatus.PROCESSED
    [item] = message.media
    assert item["state"] == "stored" and item["image"]["service_type"] == "plumbing"
    assert (settings.data_dir / item["path"]).read_bytes() == JPEG
    [media] = fetch(select(RequestMedia))
    assert (media.message_id, media.kind, media.content_type) == (message.id, "image", "image/jpeg")
    assert media.description == "Tuyau PVC fissuré sous un évier"
    assert echo == ["Regardez 👇"]


async def test_a_photo_without_text_gives_the_engine_its_description(client, twilio, echo, models):
    models.described = {"description": "Disjoncteur brûlé"}
    await post(client, with_media(twilio.add_media("ME02", JPEG, "image/png"), "image/png"))
    assert echo == ["Disjoncteur brûlé"]


async def test_a_url_outside_twilio_is_never_fetched(client, twilio, echo, models):
    await post(client, with_media("https://evil.example.org/2010-04-01/x.jpg", "image/jpeg", body="photo"))
    [message] = _messages()
    assert message.media[0]["state"] == "refused" and message.status == MessageStatus.PROCESSED
    assert fetch(select(RequestMedia)) == [] and models.calls == []
    assert echo == ["photo"]


async def test_a_failed_download_is_retried_by_the_sweep_then_given_up(client, twilio, echo, models):
    missing = twilio.url + "/2010-04-01/Accounts/AC/Messages/MM1/Media/gone"
    await post(client, with_media(missing, "image/jpeg", body="voici"))
    assert _messages()[0].status == MessageStatus.MEDIA and echo == []
    for _ in range(3):
        clock.advance(timedelta(minutes=1))
        inbound.resume_stalled()
    [message] = _messages()
    assert message.status == MessageStatus.PROCESSED and message.media[0]["state"] == "failed"
    assert echo == ["voici"]


async def test_a_voice_note_without_a_transcript_asks_to_type_and_skips_the_engine(client, twilio, echo, models):
    await post(client, with_media(twilio.add_media("ME03", OGG, "audio/ogg"), "audio/ogg"))
    [message] = _messages()
    assert message.status == MessageStatus.PROCESSED and message.body == ""
    assert echo == []
    assert _replies() == ["Je n'arrive pas à écouter votre message vocal 🙏 Pouvez-vous l'écrire en quelques mots ?"]
    assert models.calls == [("transcribe", len(OGG), "audio/ogg")]


async def test_a_transcribed_voice_note_is_read_as_text(client, twilio, echo, models):
    models.transcript = "  Mon frigo ne refroidit plus à Kotto "
    await post(client, with_media(twilio.add_media("ME04", OGG, "audio/ogg"), "audio/ogg"))
    assert echo == ["Mon frigo ne refroidit plus à Kotto"]
    [media] = fetch(select(RequestMedia))
    assert media.kind == "audio" and media.description.startswith("Mon frigo")


async def test_a_location_pin_becomes_the_nearest_quartier(client, twilio, echo):
    await post(client, form(body="", Latitude="4.0835", Longitude="9.7478", Label="Carrefour Makepe"))
    assert echo == ["Makepe"]
    [message] = _messages()
    [pin] = message.media
    assert (pin["kind"], pin["quartier"], pin["outside"]) == ("location", "Makepe", False)
    assert pin["lat"] == pytest.approx(4.0835)


async def test_a_pin_far_from_douala_is_outside(client, twilio, echo):
    await post(client, form(body="je suis ici", Latitude="3.8480", Longitude="11.5021"))  # Yaoundé
    assert echo == ["je suis ici\nhors de Douala"]
    assert _messages()[0].media[0]["outside"] is True


async def test_an_english_speaker_is_asked_in_english_and_photos_join_the_current_request(client, twilio, echo,
                                                                                          models):
    from core.db import session_scope
    from core.messaging.addresses import conversation_for
    from core.service_requests.models import ServiceRequest

    with session_scope() as session:
        conversation = conversation_for(session=session, channel="whatsapp", external_id="+237699000001")
        request = ServiceRequest(reference="DJB-TEST", customer_id=conversation.customer_id,
                                 conversation_id=conversation.id, service_type="plumbing", quartier="Akwa")
        session.add(request)
        session.flush()
        conversation.language, conversation.current_request_id = "en", request.id
        request_id = request.id
    await post(client, with_media(twilio.add_media("ME05", OGG, "audio/ogg"), "audio/ogg", sid="SM" + "6" * 32))
    assert _replies() == ["I can't listen to your voice note 🙏 Could you type it in a few words?"]
    await post(client, with_media(twilio.add_media("ME06", JPEG, "image/jpeg"), "image/jpeg", body="see",
                                  sid="SM" + "7" * 32))
    assert {m.request_id for m in fetch(select(RequestMedia))} == {request_id}
