"""Providers sign in with their phone number and a six-digit code sent on WhatsApp."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from core import clock
from core.auth import throttle
from core.auth.models import LoginCode
from core.auth.passwords import hash_password, verify_password
from core.logs import log
from core.phones import InvalidPhone, normalize_phone
from core.providers.models import Provider

CODE_TTL = timedelta(minutes=5)
MAX_TRIES = 5
COOLDOWN = timedelta(minutes=15)  # after a code was tried MAX_TRIES times
MAX_SENDS = 3  # codes per phone per window
MAX_IP_SENDS = 10
WINDOW_SECONDS = 15 * 60
SENT = "Si ce numéro est celui d'un prestataire Djobea, un code vient d'être envoyé sur WhatsApp."
TOO_MANY = "Trop de demandes. Réessayez dans 15 minutes."
INVALID = "Code incorrect ou expiré."
COOLING = "Trop d'essais. Réessayez dans 15 minutes."
BAD_PHONE = "Numéro de téléphone invalide."
_BODY = {
    "fr": "Votre code Djobea : {code}\nIl expire dans 5 minutes. Ne le partagez avec personne 🔒",
    "en": "Your Djobea code: {code}\nIt expires in 5 minutes. Do not share it with anyone 🔒",
}


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of a code check: the provider, or an error safe to show."""

    provider: Provider | None
    error: str = ""


def request_code(*, session: Session, phone: str, ip: str = "") -> str:
    """Send a fresh code to the provider with this phone; return a message that never says whether one exists."""
    try:
        number = normalize_phone(phone)
    except InvalidPhone:
        return BAD_PHONE
    phone_key, ip_key = throttle.key_for("otp-send", number), throttle.key_for("otp-ip", ip or "-")
    if (throttle.recent(session=session, key=phone_key, window_seconds=WINDOW_SECONDS) >= MAX_SENDS
            or throttle.recent(session=session, key=ip_key, window_seconds=WINDOW_SECONDS) >= MAX_IP_SENDS):
        return TOO_MANY
    throttle.record(session=session, key=phone_key, window_seconds=WINDOW_SECONDS)
    throttle.record(session=session, key=ip_key, window_seconds=WINDOW_SECONDS)
    provider = session.exec(select(Provider).where(Provider.phone == number)).first()
    if provider is None or provider.status == "suspended":
        return SENT
    if cooling_until(session=session, provider_id=provider.id) is not None:
        return COOLING
    _send(session, provider)
    return SENT


def _send(session: Session, provider: Provider) -> None:
    from core.conversations.service import provider_conversation
    from core.messaging.outbox import enqueue_code

    now = clock.now()
    for old in session.exec(select(LoginCode).where(LoginCode.provider_id == provider.id,
                                                    LoginCode.used_at.is_(None))):  # type: ignore[union-attr]
        old.expires_at = min(old.expires_at, now)  # one live code at a time
        session.add(old)
    code = f"{secrets.randbelow(1_000_000):06d}"
    row = LoginCode(provider_id=provider.id, code_hash=hash_password(code), expires_at=now + CODE_TTL, created_at=now)
    session.add(row)
    session.flush()
    conversation = provider_conversation(session=session, provider=provider)
    enqueue_code(session=session, conversation=conversation, text=_BODY.get(provider.language, _BODY["fr"]), code=code,
                 dedupe_key=f"login-code:{row.id}")
    log.info("login code sent", provider_id=provider.id)


def cooling_until(*, session: Session, provider_id: int) -> datetime | None:
    """Return when the provider may ask again after a code was tried too often, or None."""
    last = session.exec(select(LoginCode).where(LoginCode.provider_id == provider_id)
                        .order_by(LoginCode.id.desc())).first()  # type: ignore[union-attr]
    if last is None or last.attempts < MAX_TRIES:
        return None
    until = last.expires_at + COOLDOWN  # an exhausted code's expiry is the moment of its last failed try
    return until if until > clock.now() else None


def verify_code(*, session: Session, phone: str, code: str) -> CodeCheck:
    """Check the code for this phone; failures are counted in session, so the caller commits in both cases."""
    try:
        number = normalize_phone(phone)
    except InvalidPhone:
        return CodeCheck(None, BAD_PHONE)
    provider = session.exec(select(Provider).where(Provider.phone == number)).first()
    if provider is None or provider.status == "suspended":
        return CodeCheck(None, INVALID)
    if cooling_until(session=session, provider_id=provider.id) is not None:
        return CodeCheck(None, COOLING)
    now = clock.now()
    row = session.exec(select(LoginCode).where(LoginCode.provider_id == provider.id,
                                               LoginCode.used_at.is_(None),  # type: ignore[union-attr]
                                               LoginCode.expires_at > now)
                       .order_by(LoginCode.id.desc())).first()  # type: ignore[union-attr]
    if row is None:
        return CodeCheck(None, INVALID)
    digits = "".join(c for c in (code or "") if c.isdigit())
    if len(digits) == 6 and verify_password(row.code_hash, digits):
        row.used_at = now
        session.add(row)
        log.info("provider signed in", provider_id=provider.id)
        return CodeCheck(provider)
    row.attempts += 1
    if row.attempts >= MAX_TRIES:
        row.expires_at = now
        log.warning("login code tried too often", provider_id=provider.id)
        session.add(row)
        return CodeCheck(None, COOLING)
    session.add(row)
    return CodeCheck(None, INVALID)
