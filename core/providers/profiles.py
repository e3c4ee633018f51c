"""A provider's profile as an admin or the provider edits it: create, update, suspend, pause, applications."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock
from core.catalog import quartier as find_quartier
from core.catalog import service as find_service
from core.db import stored_id
from core.phones import normalize_phone
from core.providers import hooks
from core.providers.models import (
    ApplicationStatus,
    Provider,
    ProviderApplication,
    ProviderService,
    ProviderStatus,
    ProviderZone,
)
from core.providers.photos import URL_PREFIX
from core.providers.service import set_availability
from core.rules.models import AuditEntry
from core.texts.errors import UserError


@dataclass
class ProviderProfile:
    """What an admin or the provider may edit."""

    name: str
    phone: str
    trades: list[str]
    quartiers: list[str]
    work_start_hour: int = 7
    work_end_hour: int = 19
    photo_url: str = ""
    language: str = "fr"


def validate(profile: ProviderProfile) -> ProviderProfile:
    """Return the profile cleaned up (E.164 phone, known trades and quartiers); raise ValueError otherwise."""
    name = profile.name.strip()
    if not name:
        raise UserError("error.required", "the name is required", field="name")
    trades = sorted({t for t in profile.trades if t})
    unknown = [t for t in trades if find_service(t) is None]
    if not trades or unknown:
        raise UserError("error.choose_one", "choose at least one known trade", field="trades")
    zones = []
    for name_ in profile.quartiers:
        found = find_quartier(name_)
        if found is None:
            raise UserError("error.unknown_quartier", f"unknown quartier: {name_}", name=name_)
        zones.append(found.name)
    if not zones:
        raise UserError("error.choose_one", "choose at least one quartier", field="quartiers")
    start, end = int(profile.work_start_hour), int(profile.work_end_hour)
    if not 0 <= start < end <= 24:
        raise UserError("error.hours", "working hours must go from 0 to 24, start before end")
    photo = profile.photo_url.strip()
    if photo and not photo.startswith(("https://", URL_PREFIX)):
        raise UserError("error.photo_type", "the photo must be an uploaded image or an https:// address")
    return ProviderProfile(name=name[:120], phone=normalize_phone(profile.phone), trades=trades,
                           quartiers=sorted(set(zones)), work_start_hour=start, work_end_hour=end,
                           photo_url=photo[:500], language=profile.language if profile.language in ("fr", "en")
                           else "fr")


def save_provider(*, session: Session, profile: ProviderProfile, actor: str,
                  provider: Provider | None = None) -> Provider:
    """Create a provider, or update one, with trades and quartiers; raise ValueError for bad input."""
    clean = validate(profile)
    clash = session.exec(select(Provider.id).where(Provider.phone == clean.phone)).first()
    if clash is not None and (provider is None or clash != provider.id):
        raise UserError("error.phone_taken", "another provider has this phone number")
    if provider is None:
        provider = Provider(name=clean.name, phone=clean.phone, status=ProviderStatus.ACTIVE, verified=True)
    home = find_quartier(clean.quartiers[0])
    provider.name, provider.phone, provider.language = clean.name, clean.phone, clean.language
    provider.work_start_hour, provider.work_end_hour, provider.photo_url = (
        clean.work_start_hour, clean.work_end_hour, clean.photo_url)
    if not provider.quartier or provider.quartier not in clean.quartiers:
        provider.quartier = clean.quartiers[0]
        if home is not None and provider.lat is None:
            provider.lat, provider.lon = home.lat, home.lon
    provider.updated_at = clock.now()
    session.add(provider)
    session.flush()
    session.execute(sa.delete(ProviderService).where(ProviderService.provider_id == provider.id))
    session.execute(sa.delete(ProviderZone).where(ProviderZone.provider_id == provider.id))
    for code in clean.trades:
        session.add(ProviderService(provider_id=stored_id(provider), service_code=code))
    for q in clean.quartiers:
        session.add(ProviderZone(provider_id=stored_id(provider), quartier=q))
    session.add(AuditEntry(actor=actor, action="provider.save", target=f"provider:{provider.id}"))
    session.flush()
    return provider


def set_status(*, session: Session, provider: Provider, status: ProviderStatus | str, actor: str) -> Provider:
    """Suspend ("suspended") or reactivate ("active") a provider; a suspended one gets no offers."""
    if status not in (ProviderStatus.ACTIVE, ProviderStatus.SUSPENDED):
        raise ValueError("status must be active or suspended")
    if provider.status != status:
        provider.status, provider.updated_at = ProviderStatus(status), clock.now()
        session.add(provider)
        session.add(AuditEntry(actor=actor, action=f"provider.{status}", target=f"provider:{provider.id}"))
        if status == ProviderStatus.SUSPENDED:
            hooks.suspended(session=session, provider=provider)  # their sign-ins end (core.wiring)
    return provider


def toggle_availability(*, session: Session, provider: Provider, available: bool, actor: str) -> Provider:
    """Switch the provider's availability (through the providers' own service)."""
    set_availability(session=session, provider=provider, available=available)
    session.add(AuditEntry(actor=actor, action="provider.available" if available else "provider.paused",
                           target=f"provider:{provider.id}"))
    return provider


def approve_application(*, session: Session, application: ProviderApplication, actor: str,
                        profile: ProviderProfile | None = None) -> Provider:
    """Turn a pending application into an active, verified provider (once)."""
    if application.status != ApplicationStatus.PENDING:
        raise ValueError("this application was already reviewed")
    profile = profile or ProviderProfile(name=application.name, phone=application.phone,
                                         trades=list(application.trades), quartiers=list(application.quartiers))
    existing = session.exec(select(Provider).where(Provider.phone == normalize_phone(profile.phone))).first()
    provider = save_provider(session=session, profile=profile, actor=actor, provider=existing)
    provider.status, provider.verified = ProviderStatus.ACTIVE, True
    session.add(provider)
    application.status, application.provider_id = ApplicationStatus.APPROVED, provider.id
    application.reviewed_by, application.reviewed_at = actor[:120], clock.now()
    session.add(application)
    session.add(AuditEntry(actor=actor, action="application.approve", target=f"application:{application.id}"))
    return provider


def reject_application(*, session: Session, application: ProviderApplication, actor: str) -> None:
    """Refuse a pending application."""
    if application.status != ApplicationStatus.PENDING:
        raise ValueError("this application was already reviewed")
    application.status = ApplicationStatus.REJECTED
    application.reviewed_by, application.reviewed_at = actor[:120], clock.now()
    session.add(application)
    session.add(AuditEntry(actor=actor, action="application.reject", target=f"application:{application.id}"))
