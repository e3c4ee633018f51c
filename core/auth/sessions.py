"""Sign-in sessions kept in the database: a browser holds only a random token in an HttpOnly cookie.

Every sign-in starts a new session (a cookie planted before it is worth nothing after it) and every sign-out ends
it. Staff sessions end after STAFF_IDLE_MINUTES without activity; providers, on their phones, stay signed in for
PROVIDER_IDLE. A session also ends when its account is deactivated, its password changes, or the provider is
suspended or changes number: each session keeps the version it started with.
"""

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock
from core.auth.models import Account, SignInSession
from core.config import settings
from core.db import rows_changed, session_scope, stored_id, table_of
from core.providers.models import Provider, ProviderStatus

ADMIN_KEY = "admin"
PROVIDER_KEY = "provider"
KINDS = (ADMIN_KEY, PROVIDER_KEY)
COOKIES = {ADMIN_KEY: "djobea_admin", PROVIDER_KEY: "djobea_provider"}
ROLE_RANK = {"operator": 1, "admin": 2}
TICKET_TTL = timedelta(seconds=60)
PROVIDER_IDLE = timedelta(days=30)
TOUCH_EVERY = timedelta(seconds=30)  # activity is written at most this often


def _version(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def account_version(account: Account) -> str:
    """Return the account's session version: it changes with the password, so a new one ends old sessions."""
    return _version(account.id, account.password_hash)


def provider_version(provider: Provider) -> str:
    """Return the provider's session version: it changes with the phone number."""
    return _version(provider.id, provider.phone)


def idle_limit(kind: str) -> timedelta:
    """Return how long a session of this kind lives without activity."""
    return timedelta(minutes=settings.staff_idle_minutes) if kind == ADMIN_KEY else PROVIDER_IDLE


def start(*, session: Session, who: Account | Provider, browser: str, address: str = "") -> str:
    """Begin a sign-in for who, bound to this browser; return the single-use ticket that sets the cookie."""
    kind = ADMIN_KEY if isinstance(who, Account) else PROVIDER_KEY
    version = account_version(who) if isinstance(who, Account) else provider_version(who)
    ticket = secrets.token_urlsafe(32)
    session.add(SignInSession(kind=kind, subject_id=stored_id(who), version=version, ticket_hash=_hash(ticket),
                              browser_hash=_hash(browser), address=address[:64]))
    return ticket


def redeem(*, session: Session, ticket: str, browser: str) -> tuple[str, str] | None:
    """Trade a fresh ticket from this same browser for a new session; return (kind, cookie token) or None."""
    if not ticket or not browser:
        return None
    now = clock.now()
    row = session.exec(select(SignInSession).where(SignInSession.ticket_hash == _hash(ticket))
                       .with_for_update()).first()
    if row is None or row.token_hash is not None or row.ended_at is not None:
        return None
    row.ticket_hash = None  # single use, whatever happens next
    session.add(row)
    if row.browser_hash != _hash(browser) or now - row.created_at > TICKET_TTL:
        row.ended_at = now
        return None
    token = secrets.token_urlsafe(32)
    row.token_hash, row.last_seen_at = _hash(token), now
    return row.kind, token


def resolve(*, session: Session, kind: str, token: str | None, touch: bool = True) -> Account | Provider | None:
    """Return the account or provider of a live session of this kind, or None; touch counts as activity."""
    if not token or kind not in KINDS:
        return None
    row = session.exec(select(SignInSession).where(SignInSession.token_hash == _hash(token))).first()
    now = clock.now()
    if row is None or row.kind != kind or row.ended_at is not None or now - row.last_seen_at > idle_limit(kind):
        return None
    who = _subject(session, row)
    if who is None:  # deactivated, suspended or changed since: this session never comes back
        row.ended_at = now
        session.add(row)
        return None
    if touch and now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
        session.add(row)
    return who


def _subject(session: Session, row: SignInSession) -> Account | Provider | None:
    if row.kind == ADMIN_KEY:
        account = session.get(Account, row.subject_id)
        if account is None or not account.active or account_version(account) != row.version:
            return None
        return account
    provider = session.get(Provider, row.subject_id)
    if provider is None or provider.status == ProviderStatus.SUSPENDED or provider_version(provider) != row.version:
        return None
    return provider


def end(*, session: Session, kind: str, token: str | None) -> None:
    """End this browser's session of this kind (sign-out)."""
    if token:
        session.execute(sa.update(SignInSession).where(
            SignInSession.token_hash == _hash(token), SignInSession.kind == kind,
            SignInSession.ended_at.is_(None)).values(ended_at=clock.now()))


def end_all(*, session: Session, kind: str, subject_id: int) -> None:
    """End every session of this account or provider (deactivated or suspended)."""
    session.execute(sa.update(SignInSession).where(
        SignInSession.kind == kind, SignInSession.subject_id == subject_id,
        SignInSession.ended_at.is_(None)).values(ended_at=clock.now()))


def end_provider_sessions(*, session: Session, provider: Provider) -> None:
    """End every session of a provider who was just suspended."""
    end_all(session=session, kind=PROVIDER_KEY, subject_id=stored_id(provider))


def keep(*, session: Session, token: str | None, account: Account) -> None:
    """Keep this browser's session alive across its own password change (the others end)."""
    if token:
        session.execute(sa.update(SignInSession).where(
            SignInSession.token_hash == _hash(token), SignInSession.kind == ADMIN_KEY,
            SignInSession.subject_id == account.id).values(version=account_version(account)))


def has_role(account: Account, role: str) -> bool:
    """True when the account's role is at least role (admin > operator)."""
    return ROLE_RANK.get(account.role, 0) >= ROLE_RANK.get(role, 99)


def prune() -> int:
    """Delete sessions ended, idle or never redeemed for over a day; return how many."""
    horizon = clock.now() - timedelta(days=1)
    staff_idle, provider_idle = horizon - idle_limit(ADMIN_KEY), horizon - PROVIDER_IDLE
    table = table_of(SignInSession)
    with session_scope() as session:
        return rows_changed(session.execute(sa.delete(table).where(sa.or_(
            table.c.ended_at < horizon,
            sa.and_(table.c.token_hash.is_(None), table.c.created_at < horizon),
            sa.and_(table.c.kind == ADMIN_KEY, table.c.last_seen_at < staff_idle),
            sa.and_(table.c.kind == PROVIDER_KEY, table.c.last_seen_at < provider_idle)))))
