"""The outbox of messages to send, and shared rate-limit counters."""

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from core.dbtypes import enum_field, json_field, utc_field


class MessageStatus(StrEnum):
    """A stored message's state: inbound ones until the engine has read them, outbound ones until delivered."""

    RECEIVED = "received"  # inbound, waiting for the engine
    MEDIA = "media"  # inbound, waiting for its attachments to be fetched
    THROTTLED = "throttled"  # inbound over the sender's rate limit, never processed
    PROCESSED = "processed"
    FAILED = "failed"  # inbound after its last attempt; outbound that could not be delivered
    HELD = "held"  # outbound, kept back during a human takeover
    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"


class OutboxStatus(StrEnum):
    """Where an outbox row is on its way out."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    HELD = "held"  # kept back during a human takeover


class OutboxMessage(SQLModel, table=True):
    """A message to send, written in the same transaction as the change that caused it."""

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=12)  # whatsapp | web | simulator
    to: str = Field(max_length=140)
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id", index=True)
    message_id: int | None = Field(default=None, foreign_key="message.id")
    kind: str = Field(default="reply", max_length=12)  # reply | offer | update | code
    body: str = Field(default="", sa_type=sa.Text)  # what staff may read: a code in it is masked
    # The text the recipient reads when it holds a secret (a code): sealed (core.security.sealed), opened only to
    # send it, and wiped once sent or expired.
    sealed: str = Field(default="", sa_type=sa.Text)
    content_sid: str = Field(default="", max_length=64)
    content_variables: dict = json_field(dict)
    dedupe_key: str | None = Field(default=None, unique=True, max_length=120)
    status: OutboxStatus = enum_field(OutboxStatus, default=OutboxStatus.PENDING, max_length=10, index=True)
    attempts: int = 0
    next_attempt_at: datetime = utc_field(default_now=True, index=True)
    last_error: str = Field(default="", sa_type=sa.Text)
    error_code: str = Field(default="", max_length=12)
    provider_sid: str | None = Field(default=None, max_length=64, index=True)
    delivery_status: str = Field(default="", max_length=12)  # queued | sent | delivered | read | failed
    created_at: datetime = utc_field(default_now=True, index=True)
    sent_at: datetime | None = utc_field()


class WebhookHit(SQLModel, table=True):
    """Timing of one webhook answer, for the monitoring page."""

    id: int | None = Field(default=None, primary_key=True)
    route: str = Field(max_length=40)
    status_code: int
    latency_ms: float
    at: datetime = utc_field(default_now=True, index=True)


class InboundMessage(SQLModel, table=True):
    """A channel message as received, stored by the webhook in one statement; attached to its conversation later.

    The unique (channel, sid) claims a channel's message id at the door; message_id is set once it is a Message.
    """

    __table_args__ = (sa.UniqueConstraint("channel", "sid"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=12)
    sid: str = Field(max_length=64)
    sender: str = Field(max_length=140)
    alias: str = Field(default="", max_length=140)  # the sender's other WhatsApp identity when Twilio gave both
    name: str = Field(default="", max_length=120)
    body: str = Field(default="", sa_type=sa.Text)
    media: list = json_field(list)
    reply_to: dict = json_field(dict)
    received_at: datetime = utc_field(default_now=True)
    message_id: int | None = Field(default=None, index=True)  # no foreign key: pruned independently of messages
    attached_at: datetime | None = utc_field()
