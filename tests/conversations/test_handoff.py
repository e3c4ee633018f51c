"""Handoff dialogues from data files: a customer (web chat or WhatsApp webhook), providers on WhatsApp, the sweep.

Each file in handoff/ holds dialogues; a dialogue names its channel, the providers (and the customer's past jobs)
and steps: what someone writes, and what each person then received, what the request and the cases hold.
"""

import itertools
import json
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import select

from core import clock
from core.channels.chat import chat_turn
from core.channels.routes import router
from core.config import reload_settings
from core.customers.models import Customer
from core.db import session_scope
from core.matching.sweep import advance_due
from core.messaging.addresses import conversation_for
from core.messaging.conversations import Case, CaseStatus, Conversation, Message
from core.messaging.models import MessageStatus
from core.messaging.takeover import release, take_over
from core.providers.models import Provider
from core.service_requests.models import ServiceRequest
from core.service_requests.service import create_request
from tests.factories import make_provider
from tests.fakes.twilio_server import FakeTwilio
from tests.messaging.helpers import ACCOUNT_SID, AUTH_TOKEN, LOCAL, NUMBER, configure, form, post

HANDOFF = Path(__file__).parent / "handoff"
_sids = itertools.count(1)


def _load() -> list:
    cases = []
    for path in sorted(HANDOFF.glob("*.json")):
        for dialogue in json.loads(path.read_text(encoding="utf-8")):
            cases.append(pytest.param(dialogue, id=f"{path.stem}:{dialogue['id']}"))
    return cases


def test_every_behaviour_is_covered_in_each_language_on_both_channels():
    seen: dict[str, set] = {}
    for case in _load():
        dialogue, language = case.values[0], case.id.split(":")[0]
        for tag in dialogue["covers"]:
            seen.setdefault(tag, set()).add((language, dialogue["channel"]))
    expected = {(lang, channel) for lang in ("fr", "en", "pidgin") for channel in ("web", "whatsapp")}
    for tag in ("phone", "landmark", "handoff", "returning", "same_provider", "history", "follow_up", "truth",
                "takeover", "cancel", "contest", "price"):
        languages = {lang for lang, _ in seen.get(tag, set())}
        channels = {channel for _, channel in seen.get(tag, set())}
        assert languages == {"fr", "en", "pidgin"}, (tag, languages)
        assert channels == {"web", "whatsapp"} or tag in ("phone",), (tag, channels)
    assert {lang for lang, _ in seen["phone"]} == {"fr", "en", "pidgin"}
    assert seen and all(pair in expected for pairs in seen.values() for pair in pairs)


class Scene:
    """The people of one dialogue and what each has received so far."""

    def __init__(self, dialogue: dict, client: httpx.AsyncClient, session):
        self.dialogue, self.client, self.session = dialogue, client, session
        self.channel = dialogue["channel"]
        self.number = next(_sids)
        self.customer_phone = f"+2376991{self.number:05d}"
        self.session_id = f"handoff-{dialogue['id']}"
        self.providers: dict[str, Provider] = {}
        self.seen: set[tuple[str, int]] = set()  # (who, message id) already looked at

    def set_up(self) -> None:
        for key, fields in self.dialogue.get("providers", {}).items():
            self.providers[key] = make_provider(
                self.session, name=fields["name"], services=tuple(fields.get("services", ["plumbing"])),
                zones=tuple(fields.get("zones", ["Makepe"])), language=fields.get("language", "fr"),
                available=fields.get("available", True))
        past = self.dialogue.get("customer")
        if past is None:
            return
        with session_scope() as session:
            customer = Customer(phone=self.customer_phone, name=past["name"], language=past.get("language", "fr"))
            session.add(customer)
            session.flush()
            if self.channel == "web":  # a web chat whose number was proven by a WhatsApp code
                conversation = conversation_for(session=session, channel="web", external_id=self.session_id)
                conversation.customer_id = customer.id
                session.add(conversation)
            for job in past.get("history", []):
                request = create_request(session=session, customer_id=customer.id, service_type=job["service"],
                                         quartier=job["quartier"], address=job.get("landmark", ""),
                                         channel=self.channel)
                request.status, request.final_price = "completed", 15000
                request.provider_id = self.providers[job["provider"]].id if job.get("provider") else None
                request.created_at = request.completed_at = clock.now() - timedelta(days=job.get("days_ago", 20))
                request.paid_at = clock.now() - timedelta(days=job.get("days_ago", 20))
                session.add(request)

    async def customer_says(self, text: str) -> list[str]:
        if self.channel == "web":
            result = chat_turn(session_id=self.session_id, body=text, client="192.0.2.44")
            assert result is not None, "rate-limited"
        else:
            params = form(sender=self.customer_phone, body=text, sid=f"SM{next(_sids):032d}",
                          ProfileName=(self.dialogue.get("customer") or {}).get("name", "Awa Ngo"))
            assert (await post(self.client, params)).status_code == 200
        return self.received("customer")

    async def provider_says(self, key: str, text: str) -> list[str]:
        provider = self.providers[key]
        params = form(sender=provider.phone, body=text, sid=f"SM{next(_sids):032d}", ProfileName=provider.name)
        assert (await post(self.client, params)).status_code == 200
        return self.received(key)

    def conversation(self, who: str) -> Conversation | None:
        with session_scope() as session:
            if who != "customer":
                query = select(Conversation).where(Conversation.provider_id == self.providers[who].id)
            elif self.channel == "web":
                query = select(Conversation).where(Conversation.channel == "web",
                                                   Conversation.external_id == self.session_id)
            else:
                query = (select(Conversation).join(Customer, Customer.id == Conversation.customer_id)
                         .where(Customer.phone == self.customer_phone))
            return session.exec(query).first()

    def received(self, who: str, *, held: bool = False) -> list[str]:
        """Return what was written to who since the last look (held notices only when asked)."""
        conversation = self.conversation(who)
        if conversation is None:
            return []
        key = "held" if held else who
        with session_scope() as session:
            rows = list(session.exec(select(Message).where(Message.conversation_id == conversation.id,
                                                           Message.direction == "out").order_by(Message.id)))
        new = [m for m in rows if (m.status == MessageStatus.HELD) == held and (key, m.id) not in self.seen]
        self.seen.update((key, m.id) for m in new)
        return [m.body for m in new]

    def request(self) -> ServiceRequest:
        conversation = self.conversation("customer")
        with session_scope() as session:
            return session.exec(select(ServiceRequest).where(ServiceRequest.customer_id == conversation.customer_id)
                                .order_by(ServiceRequest.id.desc())).first()  # type: ignore[union-attr]


def _check(said: list[str], step: dict, where: str) -> None:
    text = " ".join(said).replace("\u202f", " ").replace("\xa0", " ").lower()
    for fragment in step.get("got", []):
        assert fragment.lower() in text, f"{where}: {fragment!r} not in {said!r}"
    for fragment in step.get("not", []):
        assert fragment.lower() not in text, f"{where}: {fragment!r} in {said!r}"
    if step.get("nothing"):
        assert said == [], f"{where}: expected nothing, got {said!r}"


@pytest.fixture
async def webhook(monkeypatch, engine):
    """The WhatsApp webhook, signed as Twilio signs, with a fake Twilio on loopback for what goes out."""
    with FakeTwilio(ACCOUNT_SID, AUTH_TOKEN) as fake:
        configure(monkeypatch, TWILIO_ACCOUNT_SID=ACCOUNT_SID, TWILIO_AUTH_TOKEN=AUTH_TOKEN,
                  TWILIO_WHATSAPP_NUMBER=NUMBER, TWILIO_API_BASE_URL=fake.url, PUBLIC_BASE_URL=LOCAL)
        app = FastAPI()
        app.include_router(router)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=LOCAL) as http:
            yield http
    monkeypatch.undo()
    reload_settings()


@pytest.mark.parametrize("dialogue", _load())
async def test_handoff_dialogue(dialogue: dict, webhook, session):
    scene = Scene(dialogue, webhook, session)
    scene.set_up()
    for number, step in enumerate(dialogue["steps"], start=1):
        where = f"step {number} {step}"
        if "say" in step and "provider" not in step:
            _check(await scene.customer_says(step["say"]), step, where)
        elif "say" in step:
            _check(await scene.provider_says(step["provider"], step["say"]), step, where)
        elif "match" in step:
            advance_due()
        elif "minutes" in step:
            clock.advance(timedelta(minutes=step["minutes"]))
            advance_due()
        elif "to" in step:
            _check(scene.received(step["to"]), step, where)
        elif "held" in step:
            _check(scene.received("customer", held=True), {"got": step["held"]}, where)
        elif "takeover" in step or "release" in step:
            with session_scope() as s:
                action = take_over if "takeover" in step else release
                action(session=s, conversation_id=scene.conversation("customer").id, actor="agent@djobea.local")
        elif "request" in step:
            request = scene.request()
            for field, value in step["request"].items():
                actual = getattr(request, field, None)
                if isinstance(value, str) and field in ("address", "description"):
                    assert value.lower() in (actual or "").lower(), f"{where}: {field} is {actual!r}"
                elif field == "preferred_provider":
                    assert request.preferred_provider_id == scene.providers[value].id, where
                else:
                    assert actual == value, f"{where}: {field} is {actual!r}"
        elif "case" in step:
            with session_scope() as s:
                kinds = [c.kind for c in s.exec(select(Case).where(Case.status == CaseStatus.OPEN))]
            assert step["case"] in kinds, f"{where}: open cases {kinds}"
        elif "customer_contact" in step:
            with session_scope() as s:
                customer = s.get(Customer, scene.request().customer_id)
            assert customer.contact_phone == step["customer_contact"], where
            assert customer.phone is None, f"{where}: a number typed on the web chat is not an identity"
        else:
            raise AssertionError(f"unknown step {step}")
