"""Finding 8: no 500 on bad input, anywhere. Deeply nested JSON, lone surrogates, NUL bytes (PostgreSQL refuses
them), out-of-range numbers in ids, `after=`, `page=` and filters get a clear 4xx or a friendly page, on the JSON
API, /media, the webhooks (fast lane included) and every page; exception text is never shown; logs keep the
traceback but not customer text or SQL parameters. The suite runs on SQLite and on PostgreSQL alike."""

import json
import re
from urllib.parse import quote, urlencode

import httpx
import pytest
import sqlalchemy as sa
from fastapi.routing import APIRoute
from nicegui import app
from nicegui.testing import User
from sqlmodel import select

from core.channels.routes import fast_lane
from core.messaging.conversations import Message
from tests.factories import make_provider
from tests.messaging.helpers import ACCOUNT_SID, AUTH_TOKEN, configure, fetch, form, sign
from tests.pages.helpers import sign_in_admin, sign_in_provider

# Each goes into a URL as it is (already percent-encoded where it must be).
HOSTILE = ["99999999999999999999999999", "-99999999999999999999", "9223372036854775808", "2147483648", "-1", "0",
           "abc", "%00", "a%00b", "%ED%A0%80", "%C0%AF", "1e309", "NaN", quote("²"), "..%2F..%2Fetc%2Fpasswd",
           "A" * 3000]
NAMES_OF_ERRORS = re.compile(r"Traceback|OverflowError|DataError|OperationalError|ProgrammingError|IntegrityError|"
                             r"UnicodeEncodeError|RecursionError|ValueError|KeyError|psycopg|sqlite3")


def _get_routes() -> list[APIRoute]:
    """Every GET route of the app, the included routers' too (FastAPI keeps each as one lazy route)."""
    routes = [inner for route in app.routes
              for inner in (route.original_router.routes if hasattr(route, "original_router") else [route])]
    return [r for r in routes if isinstance(r, APIRoute) and "GET" in r.methods]


def _urls(route: APIRoute, value: str) -> list[str]:
    path = re.sub(r"\{[^}]+\}", value, route.path)
    names = [p.alias for p in route.dependant.query_params]
    urls = [path]
    if names:
        urls.append(path + "?" + "&".join(f"{n}={value}" for n in names))
    return urls


def _problem(response: httpx.Response) -> str:
    if response.status_code >= 500:
        return f"{response.status_code}"
    shown = NAMES_OF_ERRORS.search(response.text)
    return f"shows {shown.group(0)}" if shown else ""


async def _signed_in_everywhere(user: User, session) -> None:
    await sign_in_provider(user, session, make_provider(session))
    await sign_in_admin(user, session)  # one browser holding both sessions reaches every page


async def test_every_page_and_route_answers_hostile_values_without_a_server_error(user: User, session):
    await _signed_in_everywhere(user, session)
    routes = _get_routes()
    assert len(routes) > 25, [r.path for r in routes]
    problems = []
    for route in routes:
        for value in HOSTILE:
            for url in _urls(route, value):
                try:
                    response = await user.http_client.get(url, follow_redirects=False)
                except Exception as exc:  # the test transport raises what a server would answer with a 500
                    problems.append(f"{url[:120]}: raised {type(exc).__name__}")
                    continue
                if problem := _problem(response):
                    problems.append(f"{url[:120]}: {problem}")
    print("PROBLEMS\n" + "\n".join(problems))
    assert problems == []


@pytest.mark.parametrize("body", [
    b"[" * 5000 + b"]" * 5000,
    b'{"session_id": "web-x", "message": ' + b'{"a": ' * 3000 + b"1" + b"}" * 3001,
    b'{"session_id": "web-x", "message": "bonjour \\ud800 makepe"}',
    b'{"session_id": "web-x", "message": "robinet\\u0000 qui fuit"}',
    b'{"session_id": "web-x", "message": "salut", "name": "Awa\\u0000\\udfff"}',
    b'{"session_id": "web-x", "message": "salut", "phone": "\\u0000699\\ud800"}',
    b'{"session_id": "web\\u0000x", "message": "salut"}',
    b'{"session_id": 1e999, "message": 123456789012345678901234567890}',
    b'{"session_id": "web-x", "message": "salut", "phone": 99999999999999999999999999}',
    b"\xff\xfe\x00\x00",
    b'{"session_id": "web-x", "message": "' + "é".encode() * 900 + b'"}',
])
async def test_the_chat_api_answers_hostile_json_clearly(user: User, body: bytes):
    response = await user.http_client.post("/api/chat", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code < 500, response.text
    assert not NAMES_OF_ERRORS.search(response.text)
    if response.status_code == 200:
        json.dumps(response.json(), ensure_ascii=False).encode("utf-8")  # what it answers is valid text


async def test_text_with_nul_or_a_lone_surrogate_is_kept_as_readable_text(user: User):
    response = await user.http_client.post("/api/chat", content=b'{"session_id": "web-nul", '
                                           b'"message": "mon robinet\\u0000 fuit \\ud83d a Makepe"}',
                                           headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    [stored] = fetch(select(Message).where(Message.direction == "in"))
    assert stored.body == "mon robinet fuit \ufffd a Makepe"
    later = await user.http_client.get("/api/chat/web-nul/messages?after=0")
    assert later.status_code == 200 and later.json()[0]["body"] == stored.body


@pytest.mark.parametrize("after", ["99999999999999999999", "-99999999999999999999", "9223372036854775808", "1e3",
                                   "%00", "²"])
async def test_after_out_of_range_is_a_clear_422(user: User, after: str):
    await user.http_client.post("/api/chat", json={"session_id": "web-after", "message": "bonjour"})
    response = await user.http_client.get(f"/api/chat/web-after/messages?after={after}")
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert "after" in response.json()["error"]


@pytest.fixture
def twilio_on(monkeypatch):
    """The WhatsApp webhook is on (a token and an account), so hostile posts reach the parsing."""
    from core.config import reload_settings

    configure(monkeypatch, TWILIO_AUTH_TOKEN=AUTH_TOKEN, TWILIO_ACCOUNT_SID=ACCOUNT_SID, PUBLIC_BASE_URL="http://test")
    yield
    monkeypatch.undo()
    reload_settings()


HOSTILE_FORMS = [
    {"Body": "robinet\x00 fuit", "ProfileName": "Awa\x00"},
    {"NumMedia": "99999999999999999999", "MediaUrl0": "https://api.twilio.com/x\x00",
     "MediaContentType0": "image/jpeg\x00"},
    {"NumMedia": "-5", "Latitude": "1e999", "Longitude": "NaN"},
    {"Latitude": "4.05\x00", "Longitude": "9.7", "Address": "Makepe\x00", "Label": "\x00"},
    {"From": "whatsapp:+237\x00699000001"},
    {"Body": "ab" * 800},
]


@pytest.mark.parametrize("extra", HOSTILE_FORMS)
@pytest.mark.parametrize("lane", ["route", "fast lane"])
async def test_the_whatsapp_webhook_answers_hostile_forms_without_a_server_error(user: User, twilio_on, extra, lane):
    served = fast_lane(app.build_middleware_stack()) if lane == "fast lane" else app
    params = form(sid=f"SM{abs(hash((lane, json.dumps(extra)))):032d}"[:34], **extra)
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "X-Twilio-Signature": sign("http://test/webhook/whatsapp", params)}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(served), base_url="http://test") as client:
        response = await client.post("/webhook/whatsapp", content=urlencode(params), headers=headers)
        status = await client.post("/webhook/whatsapp/status", content=urlencode(
            {"MessageSid": "SM\x00" + "1" * 32, "MessageStatus": "delivered\x00", "ErrorCode": "9" * 40}),
            headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": sign(
                "http://test/webhook/whatsapp/status", {"MessageSid": "SM\x00" + "1" * 32,
                                                        "MessageStatus": "delivered\x00", "ErrorCode": "9" * 40})})
    assert response.status_code < 500 and status.status_code < 500


@pytest.mark.parametrize("fields", [
    {"payment_ref": "PAY\x00-1", "transaction_id": "TX\x00", "amount": "99999999999999999999999"},
    {"payment_ref": "A" * 5000, "status": "success", "amount": "1e999"},
    {"payment_ref": "PAY-1", "item_ref": "-1", "amount": "NaN", "fee": "-99999999999999999999"},
])
async def test_the_payment_webhook_answers_hostile_forms_without_a_server_error(user: User, fields):
    from core.payments import monetbil

    signed = {**fields, "sign": monetbil.sign(fields, monetbil.notification_secret())}  # so they reach the lookup
    response = await user.http_client.post("/webhook/monetbil", data=signed)
    assert response.status_code < 500


async def test_an_unexpected_error_shows_a_friendly_page_without_its_text(user: User, session, monkeypatch, caplog):
    import sys

    def broken(params):
        raise RuntimeError("texte secret du client")

    await sign_in_admin(user, session)
    monkeypatch.setattr(sys.modules["pages.admin.dashboard"], "_load", broken)
    response = await user.http_client.get("/admin")
    assert "texte secret" not in response.text and "RuntimeError" not in response.text
    assert "Oups, quelque chose s'est mal passé de notre côté." in response.text
    caplog.clear()  # the failure is logged, as it should be


def test_sql_parameters_never_reach_the_logs():
    from core.config import settings
    from core.db import make_engine

    engine = make_engine(settings.resolved_database_url)
    with pytest.raises(sa.exc.DBAPIError) as raised, engine.connect() as conn:
        conn.execute(sa.text("SELECT * FROM no_such_table WHERE name = :name"), {"name": "Awa texte privé"})
    engine.dispose()
    assert "Awa texte privé" not in str(raised.value)


def test_logged_errors_keep_the_traceback(capsys):
    from core.logs import log, setup_logging

    setup_logging()
    try:
        raise ValueError("boom")
    except ValueError:
        log.exception("something failed")
    line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert "test_logged_errors_keep_the_traceback" in line["traceback"]
