"""Conversation, its messages, cases handed to a human, and codes a web visitor proves a number with."""

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from core.dbtypes import enum_field, json_field, utc_field
from core.messaging.models import MessageStatus


class CaseStatus(StrEnum):
    """Whether a case still waits for a human."""

    OPEN = "open"
    RESOLVED = "resolved"


class Conversation(SQLModel, table=True):
    """One person's chat on one channel; its state is the engine's memory between turns."""

    __table_args__ = (sa.UniqueConstraint("channel", "external_id"),
                      sa.Index("ix_conversation_created_at", "created_at"))  # conversation analytics by period

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=12)  # whatsapp | web | simulator
    # WhatsApp: the address replies go to (E.164 phone or business-scoped user id); the web: the session id
    external_id: str = Field(max_length=140)
    role: str = Field(default="customer", max_length=10)  # customer | provider
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    provider_id: int | None = Field(default=None, foreign_key="provider.id", index=True)
    language: str = Field(default="fr", max_length=2)
    state: dict = json_field(dict)
    current_request_id: int | None = None  # no foreign key: requests already point at conversations
    human_takeover: bool = False
    takeover_by: str = Field(default="", max_length=120)
    turn_count: int = 0
    is_demo: bool = Field(default=False, index=True)
    last_inbound_at: datetime | None = utc_field()
    last_outbound_at: datetime | None = utc_field()
    # Kept by each turn for conversation analytics (a year of conversations is counted without reading its messages):
    read_turns: int = 0  # customer messages the engine read
    first_turn_at: datetime | None = utc_field()
    last_asked: str = Field(default="", max_length=20)  # the question left open after the latest turn
    request_at: datetime | None = utc_field()  # when the conversation's first request was made
    turns_to_request: int | None = None  # turns read up to that request
    created_at: datetime = utc_field(default_now=True)
    updated_at: datetime = utc_field(default_now=True, index=True)


class Message(SQLModel, table=True):
    """One message in or out; an inbound one is stored before it is processed."""

    __table_args__ = (
        sa.UniqueConstraint("channel", "provider_message_id"),
        # Customer turns by period: PostgreSQL answers the analytics from this index alone.
        sa.Index("ix_message_turn", "created_at", "channel", "intent", "language",
                 postgresql_include=["understood", "model_calls", "model_cost_microusd", "model_unpriced",
                                     "conversation_id"],
                 postgresql_where=sa.text("intent IS NOT NULL"), sqlite_where=sa.text("intent IS NOT NULL")),
    )

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    direction: str = Field(max_length=3)  # in | out
    channel: str = Field(max_length=12)
    author: str = Field(default="customer", max_length=10)  # customer | provider | bot | agent | system
    body: str = Field(default="", sa_type=sa.Text)
    provider_message_id: str | None = Field(default=None, max_length=64)  # Twilio MessageSid
    status: MessageStatus = enum_field(MessageStatus, default=MessageStatus.RECEIVED, max_length=12, index=True)
    error_code: str = Field(default="", max_length=12)
    media: list = json_field(list)
    # what the channel says the message answers: {"button_payload": ..., "replied_sid": ...} (Twilio's fields)
    reply_to: dict = json_field(dict)
    analysis: dict | None = json_field(lambda: None)
    attempts: int = 0
    # What the engine made of a customer's turn (None on every other message), for conversation analytics:
    # columns, not the analysis JSON, so a million turns are counted by index on any database.
    intent: str | None = Field(default=None, max_length=20)
    language: str | None = Field(default=None, max_length=2)
    understood: bool | None = None  # False when the answer was "I did not get that"
    model: str = Field(default="", max_length=20)  # the model provider that read the turn; "" for the local engine
    model_calls: int = 0  # calls to any model during the turn (reading, rewording, fallbacks)
    model_cost_microusd: int = 0  # what the priced ones cost, in millionths of a US dollar
    model_unpriced: int = 0  # calls of models without a known price
    asked: str = Field(default="", max_length=20)  # the question left open for the customer after the turn
    sent_by: str = Field(default="", max_length=200)  # the staff member who typed it (simulator) or wrote it (agent)
    created_at: datetime = utc_field(default_now=True, index=True)
    processed_at: datetime | None = utc_field()


class TurnDay(SQLModel, table=True):
    """Customer turns of one Douala day, channel, intent and language, counted as each turn is read."""

    __table_args__ = (sa.UniqueConstraint("day", "channel", "intent", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(index=True)
    channel: str = Field(max_length=12)
    intent: str = Field(max_length=20)
    language: str = Field(max_length=2)
    turns: int = 0
    not_understood: int = 0
    with_model: int = 0
    model_calls: int = 0
    model_cost_microusd: int = 0
    model_unpriced: int = 0


class Case(SQLModel, table=True):
    """A complaint or question that needs a human."""

    __tablename__ = "support_case"

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    request_id: int | None = Field(default=None, foreign_key="servicerequest.id")
    kind: str = Field(default="complaint", max_length=12)
    status: CaseStatus = enum_field(CaseStatus, default=CaseStatus.OPEN, max_length=10, index=True)
    summary: str = Field(default="", sa_type=sa.Text)
    created_at: datetime = utc_field(default_now=True)
    resolved_at: datetime | None = utc_field()
    resolved_by: str = Field(default="", max_length=120)


class PhoneCode(SQLModel, table=True):
    """A hashed six-digit code sent on WhatsApp to a customer's number, typed back on a web chat to prove it."""

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)  # the web chat asking
    customer_id: int = Field(foreign_key="customer.id")  # whom the number belongs to
    phone: str = Field(max_length=20, index=True)
    code_hash: str = Field(max_length=300)
    attempts: int = 0
    expires_at: datetime = utc_field(default_now=True)
    used_at: datetime | None = utc_field()
    created_at: datetime = utc_field(default_now=True)
