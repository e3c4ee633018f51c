"""Service request, its timeline of events and the media attached to it."""

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from core.dbtypes import enum_field, json_field, utc_field


class RequestStatus(StrEnum):
    """Where a request is in its lifecycle (the steps between them are in core.service_requests.lifecycle)."""

    PENDING = "pending"
    OFFERED = "offered"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class ServiceRequest(SQLModel, table=True):
    """One repair job, from the customer's first message to payment."""

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(unique=True, max_length=12)  # DJB-7K3Q
    customer_id: int = Field(foreign_key="customer.id", index=True)
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id", index=True)
    channel: str = Field(default="whatsapp", max_length=12)
    service_type: str = Field(max_length=30, index=True)
    quartier: str = Field(max_length=60, index=True)
    address: str = Field(default="", max_length=300)
    lat: float | None = None
    lon: float | None = None
    description: str = Field(default="", sa_type=sa.Text)
    urgency: str = Field(default="normal", max_length=10)  # urgent | scheduled | normal
    scheduled_for: datetime | None = utc_field()
    language: str = Field(default="fr", max_length=2)
    status: RequestStatus = enum_field(RequestStatus, default=RequestStatus.PENDING, max_length=12, index=True)
    price_min: int = 0
    price_max: int = 0
    final_price: int | None = None
    provider_id: int | None = Field(default=None, foreign_key="provider.id", index=True)
    # The provider the customer asked for again ("le même que la dernière fois"): offered the job alone first.
    preferred_provider_id: int | None = Field(default=None, foreign_key="provider.id")
    # Offers wait until a web customer gives a number the provider can call, or says they will not.
    contact_hold: bool = False
    offer_round: int = 0
    radius_km: float | None = None
    searching_notice_sent: bool = False
    rating_requested: bool = False
    is_demo: bool = Field(default=False, index=True)
    created_at: datetime = utc_field(default_now=True, index=True)
    updated_at: datetime = utc_field(default_now=True)
    offered_at: datetime | None = utc_field()
    assigned_at: datetime | None = utc_field()
    started_at: datetime | None = utc_field()
    completed_at: datetime | None = utc_field()
    paid_at: datetime | None = utc_field()
    closed_at: datetime | None = utc_field()  # cancelled or expired


class RequestEvent(SQLModel, table=True):
    """One step of a request's timeline: a transition or a notable fact, with its actor."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="servicerequest.id", index=True)
    at: datetime = utc_field(default_now=True)
    actor: str = Field(max_length=10)  # customer | provider | admin | system
    actor_id: str = Field(default="", max_length=120)
    kind: str = Field(max_length=30)  # transition | updated | offer | note ...
    from_status: RequestStatus | None = enum_field(RequestStatus, max_length=12)
    to_status: RequestStatus | None = enum_field(RequestStatus, max_length=12)
    detail: dict = json_field(dict)


class RequestMedia(SQLModel, table=True):
    """A photo, voice note or location pin attached to a request."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int | None = Field(default=None, foreign_key="servicerequest.id", index=True)
    message_id: int | None = Field(default=None, foreign_key="message.id", index=True)
    kind: str = Field(max_length=10)  # image | audio | video | document | location
    content_type: str = Field(default="", max_length=100)
    path: str = Field(default="", max_length=500)  # under the data directory; empty for a location pin
    description: str = Field(default="", sa_type=sa.Text)
    lat: float | None = None  # a location pin's coordinates
    lon: float | None = None
    created_at: datetime = utc_field(default_now=True)
