"""What a browser session holds (an id and a version, nothing else) and its check against the database."""

import hashlib

from sqlmodel import Session

from core.auth.models import Account
from core.providers.models import Provider

ADMIN_KEY = "admin"
PROVIDER_KEY = "provider"
ROLE_RANK = {"operator": 1, "admin": 2}


def _version(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def account_version(account: Account) -> str:
    """Return the account's session version: it changes with the password, so a new one ends old sessions."""
    return _version(account.id, account.password_hash)


def provider_version(provider: Provider) -> str:
    """Return the provider's session version: it changes with the phone number."""
    return _version(provider.id, provider.phone)


def admin_token(account: Account) -> dict:
    """Return what the browser session keeps for a signed-in admin."""
    return {"id": account.id, "v": account_version(account)}


def provider_token(provider: Provider) -> dict:
    """Return what the browser session keeps for a signed-in provider."""
    return {"id": provider.id, "v": provider_version(provider)}


def resolve_admin(*, session: Session, token: dict | None) -> Account | None:
    """Return the active account of the token, or None (unknown, deactivated, or password changed since)."""
    if not isinstance(token, dict) or not isinstance(token.get("id"), int):
        return None
    account = session.get(Account, token["id"])
    if account is None or not account.active or token.get("v") != account_version(account):
        return None
    return account


def resolve_provider(*, session: Session, token: dict | None) -> Provider | None:
    """Return the provider of the token unless suspended or changed since, else None."""
    if not isinstance(token, dict) or not isinstance(token.get("id"), int):
        return None
    provider = session.get(Provider, token["id"])
    if provider is None or provider.status == "suspended" or token.get("v") != provider_version(provider):
        return None
    return provider


def has_role(account: Account, role: str) -> bool:
    """True when the account's role is at least role (admin > operator)."""
    return ROLE_RANK.get(account.role, 0) >= ROLE_RANK.get(role, 99)
