"""Providers sign in with their phone number and a six-digit code sent on WhatsApp."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from core import clock
from core.auth import throttle
from core.auth.models import LoginCode
from core.auth.passwords import hash_password, verify_password
from core.db import stored_id
from core.logs import log
from core.messaging.addresses import provider_conversation
from core.messaging.outbox import enqueue_code
from core.phones import InvalidPhone, normalize_phone
from core.providers.models import Provider, ProviderStatus

CODE_TTL = timedelta(minutes=5)
MAX_TRIES = 5  # wrong guesses per provider, over all its codes, in WINDOW_SECONDS
MAX_IP_GUESSES = 20  # wrong guesses from one address, over all providers, in WINDOW_SECONDS
COOLDOWN = timedelta(minutes=15)  # after MAX_TRIES wrong guesses
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
    if provider is None or provider.status == ProviderStatus.SUSPENDED:
        return SENT
    if cooling(session=session, provider_id=stored_id(provider)):
        return COOLING
    _send(session, provider)
    return SENT


def _send(session: Session, provider: Provider) -> None:
    now = clock.now()
    for old in session.exec(select(LoginCode).where(LoginCode.provider_id == provider.id,
                                                    LoginCode.used_at.is_(None))):
        old.expires_at = min(old.expires_at, now)  # one live code at a time
        session.add(old)
    code = f"{secrets.randbelow(1_000_000):06d}"
    row = LoginCode(provider_id=stored_id(provider), code_hash=hash_password(code),
                    expires_at=now + CODE_TTL, created_at=now)
    session.add(row)
    session.flush()
    conversation = provider_conversation(session=session, provider=provider)
    enqueue_code(session=session, conversation=conversation, text=_BODY.get(provider.language, _BODY["fr"]), code=code,
                 dedupe_key=f"login-code:{row.id}")
    log.info("login code sent", provider_id=provider.id)


def _guess_key(provider_id: int) -> str:
    return throttle.key_for("otp-guess", str(provider_id))


def cooling(*, session: Session, provider_id: int) -> bool:
    """True while the provider's codes were guessed wrong MAX_TRIES times in the window (any codes, any address)."""
    return throttle.recent(session=session, key=_guess_key(provider_id), window_seconds=WINDOW_SECONDS) >= MAX_TRIES


def verify_code(*, session: Session, phone: str, code: str, ip: str = "") -> CodeCheck:
    """Check the code for this phone; failures are counted in session, so the caller commits in both cases.

    Wrong guesses count per provider across codes (a new code does not reset them) and per address.
    """
    try:
        number = normalize_phone(phone)
    except InvalidPhone:
        return CodeCheck(None, BAD_PHONE)
    ip_key = throttle.key_for("otp-guess-ip", ip or "-")
    if throttle.recent(session=session, key=ip_key, window_seconds=WINDOW_SECONDS) >= MAX_IP_GUESSES:
        return CodeCheck(None, COOLING)
    provider = session.exec(select(Provider).where(Provider.phone == number)).first()
    if provider is None or provider.status == ProviderStatus.SUSPENDED:
        throttle.record(session=session, key=ip_key, window_seconds=WINDOW_SECONDS)
        return CodeCheck(None, INVALID)
    if cooling(session=session, provider_id=stored_id(provider)):
        return CodeCheck(None, COOLING)
    now = clock.now()
    row = session.exec(select(LoginCode).where(LoginCode.provider_id == provider.id,
                                               LoginCode.used_at.is_(None),
                                               LoginCode.expires_at > now)
                       .order_by(LoginCode.id.desc())).first()
    digits = "".join(c for c in (code or "") if c.isdigit())
    if row is not None and len(digits) == 6 and verify_password(row.code_hash, digits):
        row.used_at = now
        session.add(row)
        throttle.clear(session=session, key=_guess_key(stored_id(provider)))
        log.info("provider signed in", provider_id=provider.id)
        return CodeCheck(provider)
    throttle.record(session=session, key=ip_key, window_seconds=WINDOW_SECONDS)
    if row is None:
        return CodeCheck(None, INVALID)
    row.attempts += 1
    session.add(row)
    guesses = throttle.record(session=session, key=_guess_key(stored_id(provider)), window_seconds=WINDOW_SECONDS)
    if guesses >= MAX_TRIES:
        row.expires_at = now
        log.warning("login codes guessed too often", provider_id=provider.id)
        return CodeCheck(None, COOLING)
    return CodeCheck(None, INVALID)
