"""Who may read /metrics: a Bearer METRICS_TOKEN, or without one only a scraper on this host.

Without METRICS_TOKEN the numbers are served only to a loopback peer that did not come through a proxy (no
forwarding header): a reverse proxy on the same host would otherwise hand them to anyone. Everything else gets 404
(no token set: the endpoint does not exist for them) or 401 (a token is set and was not given).
"""

import hmac
import ipaddress

from core.config import settings

FORWARDING_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip")


def verdict(*, peer: str | None, headers: dict[str, str]) -> int:
    """Return 200 when the caller may read the metrics, else the status to answer (401 or 404)."""
    token = settings.metrics_token.get_secret_value()
    if token:
        given = headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        ok = scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())
        return 200 if ok else 401
    if any(headers.get(name) for name in FORWARDING_HEADERS) or not _loopback(peer):
        return 404
    return 200


def _loopback(peer: str | None) -> bool:
    try:
        return peer is not None and ipaddress.ip_address(peer).is_loopback
    except ValueError:
        return False
