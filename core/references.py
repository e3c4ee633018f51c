"""Reference codes people read aloud over the phone, such as DJB-7K3Q for a request or DJP-... for a payment."""

import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I: read aloud over the phone


def random_reference(prefix: str, length: int) -> str:
    """Return prefix followed by length characters drawn from ALPHABET (the caller checks it is unused)."""
    return prefix + "".join(secrets.choice(ALPHABET) for _ in range(length))
