"""Profile photos uploaded by providers (or the team): checked to be a real image, stored under the data dir."""

import secrets
from pathlib import Path

from core.config import settings
from core.texts.errors import UserError

MAX_BYTES = 3_000_000
URL_PREFIX = "/media/providers/"
# the first bytes of each accepted format: a file is what its bytes say, not what its name or browser says
_SIGNATURES = {b"\xff\xd8\xff": ("image/jpeg", "jpg"), b"\x89PNG\r\n\x1a\n": ("image/png", "png")}


def kind_of(data: bytes) -> tuple[str, str] | None:
    """Return (content type, extension) of a JPEG, PNG or WebP image, else None."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    return next((found for head, found in _SIGNATURES.items() if data.startswith(head)), None)


def store(data: bytes) -> str:
    """Store the photo and return the address the profile keeps; raise UserError for anything but a small image."""
    if len(data) > MAX_BYTES:
        raise UserError("error.photo_size", "the photo is too large", size="3 Mo")
    found = kind_of(data)
    if found is None:
        raise UserError("error.photo_type", "the photo must be a JPEG, PNG or WebP image")
    token = secrets.token_hex(16)
    folder = settings.data_dir / "media" / "providers"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{token}.{found[1]}").write_bytes(data)
    return f"{URL_PREFIX}{token}"


def path_of(token: str) -> Path | None:
    """Return the stored file of a photo token, or None (unknown or malformed token)."""
    if len(token) != 32 or any(c not in "0123456789abcdef" for c in token):
        return None
    folder = settings.data_dir / "media" / "providers"
    return next((p for p in folder.glob(f"{token}.*") if p.suffix in (".jpg", ".png", ".webp")), None)
