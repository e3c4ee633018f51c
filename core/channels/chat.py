"""The web chat JSON API: POST /api/chat and GET /api/chat/{session_id}/messages."""

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from core import clock
from core.channels.inbound import process_message, receive
from core.channels.schemas import ApiError, ChatIn, ChatMessage, ChatRequest, ChatTurn
from core.config import settings
from core.conversations.engine import reply_key
from core.conversations.phone_codes import note_contact
from core.db import get_existing, run_io, session_scope, storable
from core.messaging.conversations import Conversation, Message
from core.messaging.models import MessageStatus, OutboxMessage, OutboxStatus
from core.messaging.ratelimit import client_key, hit
from core.phones import InvalidPhone, normalize_phone
from core.security.clients import client_address
from core.service_requests.models import ServiceRequest
from core.text import plain_text

router = APIRouter()

SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,100}$")
MAX_MESSAGE = 2000
MAX_BODY_BYTES = 16_000
MESSAGES_PER_MINUTE = 10


class ChatError(ValueError):
    """Bad chat input, answered with its HTTP status and a clear message."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


_ERRORS: dict[int | str, dict[str, Any]] = {status: {"model": ApiError} for status in (413, 422, 429)}
_CHAT_BODY = {"requestBody": {"required": True,
                              "content": {"application/json": {"schema": ChatIn.model_json_schema()}}}}


@router.post("/api/chat", response_model=ChatTurn, responses=_ERRORS, openapi_extra=_CHAT_BODY)
async def chat(request: Request) -> Any:
    """Store the visitor's message, run the engine on it, and return the replies of this turn."""
    try:
        fields = _validated(await request.body())
    except ChatError as exc:
        return _error(str(exc), exc.status)
    result = await run_io(chat_turn, **fields, client=client_address(request))
    if result is None:
        return _error("Doucement 🙏 Trop de messages d'un coup : attendez une minute puis réessayez. "
                      "(Too many messages: please wait a minute.)", 429)
    return result


@router.get("/api/chat/{session_id}/messages", response_model=list[ChatMessage],
            responses={404: {"model": ApiError}, 422: {"model": ApiError}})
async def chat_messages(session_id: str, after: str | None = None) -> Any:
    """Return the conversation's messages after the given id, so the client sees later updates."""
    if not SESSION_ID.match(session_id):
        return _error("session_id must be 1-100 letters, digits, '-' or '_'", 422)
    try:
        after_id = int(after) if after not in (None, "") else 0
    except ValueError:
        after_id = None
    if after_id is None or not storable(after_id):
        return _error("after must be a message id (a whole number)", 422)
    result = await run_io(_messages, session_id, after_id)
    if result is None:
        return _error("unknown chat session", 404)
    return result


def _validated(raw: bytes) -> dict[str, Any]:
    import json

    if len(raw) > MAX_BODY_BYTES:
        raise ChatError(f"message too long: at most {MAX_MESSAGE} characters", 413)
    try:
        data = json.loads(raw or b"null")
    except (ValueError, RecursionError) as exc:  # RecursionError: nested deeper than any chat message
        raise ChatError("the body must be JSON: {\"session_id\": ..., \"message\": ...}") from exc
    if not isinstance(data, dict):
        raise ChatError("the body must be a JSON object with session_id and message")
    session_id, message = data.get("session_id"), data.get("message")
    if not isinstance(session_id, str) or not SESSION_ID.match(session_id):
        raise ChatError("session_id is required: 1-100 letters, digits, '-' or '_'")
    if not isinstance(message, str) or not message.strip():
        raise ChatError("message is required and must be non-empty text")
    message = plain_text(message).strip()
    if not message:
        raise ChatError("message is required and must be non-empty text")
    if len(message) > MAX_MESSAGE:
        raise ChatError(f"message too long: at most {MAX_MESSAGE} characters", 413)
    phone, name = data.get("phone"), data.get("name")
    if phone not in (None, ""):
        if not isinstance(phone, str):
            raise ChatError("phone must be text, e.g. +237 6 99 12 34 56")
        try:
            phone = normalize_phone(phone)
        except InvalidPhone as exc:
            raise ChatError("phone must be a valid Cameroonian number, e.g. +237 6 99 12 34 56") from exc
        if not phone.startswith("+237"):
            raise ChatError("phone must be a valid Cameroonian number, e.g. +237 6 99 12 34 56")
    if name is not None and not isinstance(name, str):
        raise ChatError("name must be text")
    return {"session_id": session_id, "body": message, "phone": phone or None,
            "name": plain_text(name or "").strip()[:120]}


def chat_turn(*, session_id: str, body: str, client: str, phone: str | None = None,
              name: str = "") -> ChatTurn | None:
    """Store one web chat message from the client address, process it, and return its replies and the request.

    None when rate-limited (per session and per client address). Raises InvalidPhone for a phone that is not one.
    """
    phone = normalize_phone(phone) if phone else None
    message_id = _store(session_id=session_id, body=body, phone=phone, name=name, client=client_key(client))
    if message_id is None:
        return None
    process_message(message_id)
    return _turn_result(message_id)


def _store(*, session_id: str, body: str, phone: str | None, name: str, client: str) -> int | None:
    """Count the message against the session's and the client's limits and store it; None when over a limit.

    A session id is a name the client picks: the client address is what a visitor cannot rotate at will.
    """
    with session_scope() as session:
        allowed = (hit(session=session, key=f"chat:{session_id}", limit=MESSAGES_PER_MINUTE).allowed
                   and hit(session=session, key=f"chat-ip:{client}",
                           limit=settings.web_chat_messages_per_ip_per_minute).allowed)
    if not allowed:
        return None
    for attempt in range(3):
        try:
            with session_scope() as session:
                message = receive(session=session, channel="web", external_id=session_id, body=body, name=name)
                if message is None:  # web messages carry no channel id, so this does not happen
                    raise RuntimeError("web message not stored")
                conversation = get_existing(session, Conversation, message.conversation_id)
                if (conversation.state or {}).get("client") != client:  # the engine caps new requests per client
                    session.flush()  # keep receive()'s changes, then read the state again under the row's lock
                    session.refresh(conversation, with_for_update=True)  # a turn being answered writes it too
                    conversation.state = {**(conversation.state or {}), "client": client}
                    session.add(conversation)
                if phone:  # a number to call back, never an identity: joining a customer takes a WhatsApp code
                    note_contact(session=session, conversation=conversation, phone=phone)
                return message.id
        except IntegrityError:  # a first message of the session (or phone) raced another: it exists now
            if attempt == 2:
                raise
    raise RuntimeError("web message not stored")


def _turn_result(message_id: int) -> ChatTurn:
    """Return the replies written for this inbound message, marked sent, and the conversation's request."""
    with session_scope() as session:
        inbound = get_existing(session, Message, message_id)
        rows = list(session.exec(select(OutboxMessage).where(
            OutboxMessage.conversation_id == inbound.conversation_id,
            OutboxMessage.dedupe_key.like(reply_key(message_id, 0)[:-1] + "%"))
            .order_by(OutboxMessage.id)))
        replies = []
        for row in rows:
            replies.append(row.body)
            _mark_sent(session, row)
        conversation = get_existing(session, Conversation, inbound.conversation_id)
        request = session.get(ServiceRequest, conversation.current_request_id) if conversation.current_request_id \
            else None
        return ChatTurn(replies=replies, request=_chat_request(request))


def _mark_sent(session: Session, row: OutboxMessage) -> None:
    """The web client reads its messages itself: a web outbox row is sent once it is there to read."""
    if row.status != OutboxStatus.PENDING or row.channel != "web":
        return
    now = clock.now()
    row.status, row.sent_at, row.delivery_status = OutboxStatus.SENT, now, "sent"
    session.add(row)
    message = session.get(Message, row.message_id) if row.message_id else None
    if message is not None and message.status == MessageStatus.QUEUED:
        message.status = MessageStatus.SENT
        session.add(message)


def _messages(session_id: str, after_id: int) -> list[ChatMessage] | None:
    with session_scope() as session:
        conversation = session.exec(select(Conversation).where(Conversation.channel == "web",
                                                                Conversation.external_id == session_id)).first()
        if conversation is None:
            return None
        for row in session.exec(select(OutboxMessage).where(OutboxMessage.conversation_id == conversation.id,
                                                            OutboxMessage.status == OutboxStatus.PENDING)):
            _mark_sent(session, row)
        session.flush()
        messages = session.exec(select(Message).where(Message.conversation_id == conversation.id, Message.id > after_id,
                                                      Message.status != MessageStatus.HELD)  # held during a takeover
                                .order_by(Message.id).limit(200))
        return [ChatMessage(id=m.id, direction=m.direction, author=m.author, body=m.body,
                            created_at=clock.as_utc(m.created_at).isoformat(), status=m.status) for m in messages]


def _chat_request(request: ServiceRequest | None) -> ChatRequest | None:
    if request is None:
        return None
    return ChatRequest(id=request.id, reference=request.reference, service_type=request.service_type,
                       location=request.quartier, urgency=request.urgency, status=request.status)


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)
