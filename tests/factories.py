"""Factory helpers: each test builds only what it needs."""

import itertools

from sqlmodel import Session

from core.customers.models import Customer
from core.providers.models import Provider, ProviderService, ProviderStatus, ProviderZone

_seq = itertools.count(1)


def make_provider(session: Session, *, services: tuple[str, ...] = ("plumbing",),
                  zones: tuple[str, ...] = ("Makepe",), **overrides) -> Provider:
    """Create an active, verified, available provider offering services in zones."""
    n = next(_seq)
    fields = {"name": f"Provider {n}", "phone": f"+2376770{n:05d}", "quartier": zones[0], "verified": True,
              "status": ProviderStatus.ACTIVE, "available": True, "work_start_hour": 0, "work_end_hour": 24}
    fields.update(overrides)
    provider = Provider(**fields)
    session.add(provider)
    session.flush()
    for code in services:
        session.add(ProviderService(provider_id=provider.id, service_code=code))
    for q in zones:
        session.add(ProviderZone(provider_id=provider.id, quartier=q))
    session.commit()
    return provider


def make_customer(session: Session, **overrides) -> Customer:
    """Create a customer with a fresh phone number."""
    n = next(_seq)
    fields = {"phone": f"+2376990{n:05d}", "name": f"Customer {n}"}
    fields.update(overrides)
    customer = Customer(**fields)
    session.add(customer)
    session.commit()
    return customer


def signed_in(session: Session, who) -> str:
    """Open a session for an account or a provider as a browser does; return its cookie token."""
    from core.auth import sessions

    ticket = sessions.start(session=session, who=who, browser="test-browser")
    session.flush()
    _, token = sessions.redeem(session=session, ticket=ticket, browser="test-browser")
    session.commit()
    return token
