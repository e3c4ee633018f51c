"""Short secrets (one-time codes) kept in the database only sealed, with a key derived from STORAGE_SECRET.

Fernet (AES-128-CBC with HMAC-SHA256, from the cryptography package): a sealed text cannot be read or altered
without the key, and cannot be opened after its time to live, whatever the database still holds.
"""

import base64
from datetime import timedelta
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from core import clock
from core.config import settings

TIME_TO_LIVE = timedelta(minutes=15)  # longer than any code lives: a sealed text is useless after that anyway
_PURPOSE = b"djobea sealed outbox text v1"


def seal(text: str) -> str:
    """Return text encrypted and signed with the storage key, stamped with the current time."""
    return _fernet(settings.storage_secret_value()).encrypt_at_time(
        text.encode(), int(clock.now().timestamp())).decode()


def unseal(token: str, ttl: timedelta = TIME_TO_LIVE) -> str | None:
    """Return the sealed text, or None when it is empty, too old, damaged or sealed with another key."""
    if not token:
        return None
    try:
        raw = _fernet(settings.storage_secret_value()).decrypt_at_time(
            token.encode(), int(ttl.total_seconds()), int(clock.now().timestamp()))
    except (InvalidToken, ValueError):
        return None
    return raw.decode()


@lru_cache(maxsize=4)
def _fernet(secret: str) -> Fernet:
    # A key of its own for this purpose: the storage secret also signs browser sessions.
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(key))
