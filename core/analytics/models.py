"""Pre-aggregated dashboard tables (daily totals kept by a sweep) and the scheduler's per-process run record."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from core.db import table_of
from core.dbtypes import utc_field
from core.payments.models import Payment
from core.service_requests.models import ServiceRequest

# Money columns are plain integers on purpose: one cell (a day, service and quartier, or a provider's month) stays
# far below 2^31 XAF, and PostgreSQL sums integers as bigint but bigints as the much slower numeric.
# Time to assignment, in minutes: the lower edge of each histogram bucket (the last one is open-ended). The
# dashboard's display buckets (filters.BUCKETS) are unions of these, so its chart stays exact; the finer edges
# bound the error of the median estimated for long periods.
WAIT_EDGES = (0, 1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120, 180, 360)


class DailyTotals(SQLModel, table=True):
    """One Douala day × service × quartier: requests created that day (and how far they went), money paid that
    day and ratings given that day, for requests of this service in this quartier."""

    day: date = Field(primary_key=True)
    service_type: str = Field(primary_key=True, max_length=30)
    quartier: str = Field(primary_key=True, max_length=60)
    requests: int = 0
    offered: int = 0
    assigned: int = 0
    completed: int = 0
    paid: int = 0
    cancelled: int = 0
    expired: int = 0
    assign_seconds: float = 0.0  # sum over the assigned requests, for a mean
    wait_0m: int = 0
    wait_1m: int = 0
    wait_2m: int = 0
    wait_3m: int = 0
    wait_4m: int = 0
    wait_5m: int = 0
    wait_7m: int = 0
    wait_10m: int = 0
    wait_15m: int = 0
    wait_20m: int = 0
    wait_30m: int = 0
    wait_45m: int = 0
    wait_60m: int = 0
    wait_90m: int = 0
    wait_120m: int = 0
    wait_180m: int = 0
    wait_360m: int = 0
    revenue: int = 0
    commission: int = 0
    payments: int = 0
    rating_sum: int = 0
    ratings: int = 0


class ProviderDay(SQLModel, table=True):
    """One Douala day × provider: jobs completed among the requests created that day, and their billed total."""

    day: date = Field(primary_key=True)
    provider_id: int = Field(primary_key=True)
    jobs: int = 0
    billed: int = 0


class ProviderMonth(SQLModel, table=True):
    """ProviderDay summed over a calendar month (month = its first day): a year's leaderboard reads 12 rows per
    provider instead of 365."""

    month: date = Field(primary_key=True)
    provider_id: int = Field(primary_key=True)
    jobs: int = 0
    billed: int = 0


class RollupState(SQLModel, table=True):
    """How far the daily totals are up to date: changes before watermark and rows up to these ids are in."""

    name: str = Field(primary_key=True, max_length=20)
    watermark: datetime = utc_field()
    request_id: int = 0
    payment_id: int = 0
    rating_id: int = 0
    rebuilt_at: datetime | None = utc_field()
    swept_at: datetime | None = utc_field()


# The sweep finds changed rows by updated_at; without these it would scan every request and payment.
sa.Index("ix_servicerequest_updated_at", table_of(ServiceRequest).c.updated_at)
sa.Index("ix_payment_updated_at", table_of(Payment).c.updated_at)
