"""Payments, the commission ledger and payouts. Every amount is whole XAF."""

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from core.dbtypes import enum_field, json_field, utc_field


class PaymentStatus(StrEnum):
    """A payment's state, as Monetbil reports it (refunded: by us, after success)."""

    PENDING = "pending"
    SUCCESS = "success"
    FAILED = "failed"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


class Payment(SQLModel, table=True):
    """A customer's mobile-money payment for one finished job."""

    id: int | None = Field(default=None, primary_key=True)
    payment_ref: str = Field(unique=True, max_length=40)  # our id, sent to Monetbil
    request_id: int = Field(foreign_key="servicerequest.id", index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    provider_id: int = Field(foreign_key="provider.id", index=True)
    amount: int
    currency: str = Field(default="XAF", max_length=3)
    commission: int = 0
    payout_amount: int = 0
    status: PaymentStatus = enum_field(PaymentStatus, default=PaymentStatus.PENDING, max_length=10, index=True)
    payment_url: str = Field(default="", max_length=500)
    transaction_id: str = Field(default="", max_length=64)  # Monetbil's paymentId
    operator: str = Field(default="", max_length=30)
    phone: str = Field(default="", max_length=20)  # the customer's, offered to Monetbil's page
    payer: str = Field(default="", max_length=20)  # the number that paid, as Monetbil's notification gives it
    link_attempts: int = 0
    last_error: str = Field(default="", max_length=500)
    notifications: list = json_field(list)
    is_demo: bool = Field(default=False, index=True)
    created_at: datetime = utc_field(default_now=True, index=True)
    updated_at: datetime = utc_field(default_now=True)
    paid_at: datetime | None = utc_field(index=True)  # the dashboard sums payments by payment time
    last_checked_at: datetime | None = utc_field()


class LedgerEntry(SQLModel, table=True):
    """One signed movement of a provider's balance: earning, payout or refund."""

    id: int | None = Field(default=None, primary_key=True)
    provider_id: int = Field(foreign_key="provider.id", index=True)
    payment_id: int | None = Field(default=None, foreign_key="payment.id", index=True)
    kind: str = Field(max_length=12)  # earning | payout | refund | commission
    amount: int  # positive: we owe the provider more
    reference: str = Field(default="", max_length=120)
    note: str = Field(default="", max_length=500)
    created_by: str = Field(default="system", max_length=120)
    created_at: datetime = utc_field(default_now=True)
