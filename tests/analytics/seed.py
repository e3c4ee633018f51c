"""Seeded history for dashboard tests: known rows, so expected numbers are computed here, in plain Python."""

import random
import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session

from core import clock
from core.catalog import services
from core.customers.models import Customer
from core.payments.models import Payment, PaymentStatus
from core.providers.models import Provider, ProviderService, ProviderStatus, ProviderZone, Rating
from core.service_requests.models import RequestStatus, ServiceRequest

QUARTIERS = ("Makepe", "Bonamoussadi", "Akwa", "Deido")


@dataclass
class History:
    """What was written, kept as plain Python values."""

    now: datetime
    requests: list[dict] = field(default_factory=list)
    payments: list[dict] = field(default_factory=list)
    ratings: list[dict] = field(default_factory=list)
    providers: list[dict] = field(default_factory=list)


def seed(session: Session, *, count: int = 80, days: int = 45, seed_value: int = 7) -> History:
    """Write providers, requests at known times in known states, payments and ratings."""
    rng = random.Random(seed_value)
    now = clock.now()
    history = History(now=now)
    codes = [s.code for s in services()][:3]
    providers = []
    for i in range(6):
        provider = Provider(name=f"Artisan {i}", phone=f"+23767710{i:04d}", quartier=QUARTIERS[i % 4],
                            status=ProviderStatus.SUSPENDED if i == 5 else ProviderStatus.ACTIVE, rating_sum=9 * i,
                            rating_count=2 * i)
        session.add(provider)
        session.flush()
        trade, zone = codes[i % 3], QUARTIERS[i % 4]
        session.add(ProviderService(provider_id=provider.id, service_code=trade))
        session.add(ProviderZone(provider_id=provider.id, quartier=zone))
        providers.append(provider)
        history.providers.append({"id": provider.id, "status": provider.status, "trade": trade, "zone": zone,
                                  "name": provider.name})
    customer = Customer(phone="+237699000111", name="Client")
    session.add(customer)
    session.flush()
    for i in range(count):
        created = now - timedelta(days=rng.uniform(0, days), minutes=rng.randint(0, 600))
        row = {"created_at": created, "service_type": rng.choice(codes), "quartier": rng.choice(QUARTIERS),
               "offered_at": None, "assigned_at": None, "completed_at": None, "paid_at": None, "provider_id": None,
               "final_price": None, "status": RequestStatus.PENDING}
        fate = rng.random()
        if fate > 0.1:
            row["offered_at"], row["status"] = created + timedelta(seconds=rng.randint(5, 60)), RequestStatus.OFFERED
        if fate > 0.25:
            provider = providers[rng.randrange(5)]
            row["assigned_at"] = created + timedelta(seconds=rng.randint(30, 5400))
            row["provider_id"], row["status"] = provider.id, RequestStatus.ASSIGNED
        if fate > 0.45:
            row["completed_at"] = row["assigned_at"] + timedelta(hours=1)
            row["final_price"], row["status"] = rng.randrange(5000, 30000, 500), RequestStatus.COMPLETED
        if fate > 0.6:
            row["paid_at"] = row["completed_at"] + timedelta(minutes=rng.randint(1, 3000))
        request = ServiceRequest(reference=f"DJB-T{i:03d}", customer_id=customer.id, price_min=1000, price_max=2000,
                                 updated_at=created, **row)
        session.add(request)
        session.flush()
        row["id"] = request.id
        history.requests.append(row)
        if row["paid_at"] is not None:
            amount = row["final_price"]
            status = PaymentStatus.REFUNDED if i % 9 == 0 else PaymentStatus.SUCCESS
            session.add(Payment(payment_ref=f"PAY-{i}", request_id=request.id, customer_id=customer.id,
                                provider_id=row["provider_id"], amount=amount, commission=amount * 15 // 100,
                                payout_amount=amount - amount * 15 // 100, status=status, paid_at=row["paid_at"]))
            history.payments.append({"amount": amount, "commission": amount * 15 // 100, "status": status,
                                     "paid_at": row["paid_at"], "request": row})
        if row["completed_at"] is not None and i % 2 == 0:
            stars = 1 + i % 5
            at = row["completed_at"] + timedelta(hours=2)
            session.add(Rating(request_id=request.id, provider_id=row["provider_id"], customer_id=customer.id,
                               stars=stars, created_at=at))
            history.ratings.append({"stars": stars, "created_at": at, "request": row})
    session.commit()
    return history


def local_date(value: datetime):
    """The Douala calendar day of value."""
    return clock.local(value).date()


def median(values: list[float]) -> float | None:
    """The median of values, or None."""
    return statistics.median(values) if values else None
