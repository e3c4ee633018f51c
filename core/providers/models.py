"""Provider profile, trades, zones served, onboarding applications and ratings."""

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from core.dbtypes import enum_field, json_field, utc_field
from core.providers.quality import CELL_SQL, QUALITY_SQL


class ProviderStatus(StrEnum):
    """Whether a provider may receive offers and sign in."""

    PENDING = "pending"
    ACTIVE = "active"
    SUSPENDED = "suspended"


class ApplicationStatus(StrEnum):
    """An onboarding application's review."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Provider(SQLModel, table=True):
    """A plumber, electrician or repairer who receives offers on WhatsApp."""

    __table_args__ = (sa.Index("ix_provider_cell_quality", "cell", "quality"),)  # matching walks this

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    phone: str = Field(unique=True, max_length=20)
    # WhatsApp business-scoped user id, linked once Twilio gave it together with this phone in one signed message
    bsuid: str | None = Field(default=None, unique=True, index=True, max_length=140)
    language: str = Field(default="fr", max_length=2)
    quartier: str = Field(default="", max_length=60, index=True)
    lat: float | None = None
    lon: float | None = None
    photo_url: str = Field(default="", max_length=500)
    bio: str = Field(default="", max_length=1000)
    status: ProviderStatus = enum_field(ProviderStatus, default=ProviderStatus.ACTIVE, max_length=12, index=True)
    verified: bool = Field(default=False)
    available: bool = Field(default=True)
    max_concurrent_jobs: int = Field(default=2)
    work_start_hour: int = Field(default=7)  # Douala time
    work_end_hour: int = Field(default=19)
    work_days: str = Field(default="0123456", max_length=7)  # Monday = 0
    rating_sum: int = Field(default=0)
    rating_count: int = Field(default=0)
    jobs_completed: int = Field(default=0)
    offers_received: int = Field(default=0)
    offers_accepted: int = Field(default=0)
    offers_declined: int = Field(default=0)
    offers_expired: int = Field(default=0)
    response_seconds_total: int = Field(default=0)
    responses: int = Field(default=0)
    last_offered_at: datetime | None = utc_field()
    # Kept by the database (see core/providers/quality.py); never written by the application.
    quality: float | None = Field(default=None, sa_column=sa.Column(sa.Float, sa.Computed(QUALITY_SQL, persisted=True)))
    cell: int | None = Field(default=None, sa_column=sa.Column(sa.Integer, sa.Computed(CELL_SQL, persisted=True)))
    is_demo: bool = Field(default=False, index=True)
    created_at: datetime = utc_field(default_now=True)
    updated_at: datetime = utc_field(default_now=True)

    @property
    def rating(self) -> float | None:
        """Plain average rating, or None before the first one."""
        return self.rating_sum / self.rating_count if self.rating_count else None


class ProviderService(SQLModel, table=True):
    """A trade a provider offers (catalogue code)."""

    provider_id: int = Field(foreign_key="provider.id", primary_key=True)
    service_code: str = Field(primary_key=True, max_length=30, index=True)


class ProviderZone(SQLModel, table=True):
    """A quartier a provider serves."""

    provider_id: int = Field(foreign_key="provider.id", primary_key=True)
    quartier: str = Field(primary_key=True, max_length=60, index=True)


class ProviderApplication(SQLModel, table=True):
    """A tradesperson's request to join, from WhatsApp onboarding, for admins to verify."""

    id: int | None = Field(default=None, primary_key=True)
    phone: str = Field(max_length=20, index=True)
    name: str = Field(default="", max_length=120)
    trades: list = json_field(list)
    quartiers: list = json_field(list)
    status: ApplicationStatus = enum_field(ApplicationStatus, default=ApplicationStatus.PENDING, max_length=12,
                                           index=True)
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id")
    provider_id: int | None = Field(default=None, foreign_key="provider.id")
    reviewed_by: str = Field(default="", max_length=120)
    created_at: datetime = utc_field(default_now=True)
    reviewed_at: datetime | None = utc_field()


class Rating(SQLModel, table=True):
    """A customer's 1-5 rating of a finished job."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="servicerequest.id", unique=True)
    provider_id: int = Field(foreign_key="provider.id", index=True)
    customer_id: int = Field(foreign_key="customer.id")
    stars: int
    comment: str = Field(default="", max_length=1000)
    created_at: datetime = utc_field(default_now=True, index=True)  # the dashboard averages by rating time
