"""Offers of a job to a provider, with deadline and the score that chose them."""

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from core.dbtypes import enum_field, json_field, utc_field


class OfferStatus(StrEnum):
    """A provider's answer to an offer, or what happened to it without one."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class Offer(SQLModel, table=True):
    """A job offered to one provider; the first acceptance wins."""

    __table_args__ = (sa.UniqueConstraint("request_id", "provider_id"),)

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="servicerequest.id", index=True)
    provider_id: int = Field(foreign_key="provider.id", index=True)
    round: int = 1
    status: OfferStatus = enum_field(OfferStatus, default=OfferStatus.PENDING, max_length=10, index=True)
    score: float = 0.0
    score_parts: dict = json_field(dict)
    created_at: datetime = utc_field(default_now=True)
    expires_at: datetime = utc_field(default_now=True, index=True)
    responded_at: datetime | None = utc_field()
    # withdrawn, and the provider is still to be told (by the sweep, outside the transaction that withdrew it)
    notice_pending: bool = Field(default=False, index=True)
