"""The client's address: the direct peer, or what a trusted proxy says it saw (TRUSTED_PROXIES).

X-Forwarded-For (or Forwarded, with FORWARDED_HEADER=forwarded) is read only when the direct peer is one of
TRUSTED_PROXIES; the hops are walked from the right, past every trusted proxy, and the first one that is not
trusted is the client. Hops further left were written by the client itself and are never believed.
"""

import ipaddress
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from core.config import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
_FOR = re.compile(r'(?:^|;)\s*for\s*=\s*("[^"]*"|[^;,\s]*)', re.I)
MAX_ADDRESS = 64


def server_options() -> dict[str, Any]:
    """Return the web server's options: its own proxy-header rewriting is off, TRUSTED_PROXIES decides instead."""
    return {"proxy_headers": False, "server_header": False}


def client_address(source: Any) -> str:
    """Return the address of the client of a Starlette Request/WebSocket or a raw ASGI scope ('' when unknown)."""
    scope = source if isinstance(source, dict) else source.scope
    peer = (scope.get("client") or (None,))[0]
    if not peer:
        return ""
    peer = _plain(peer)
    networks = _networks(settings.trusted_proxies)
    if not networks or not _trusted(peer, networks):
        return peer
    hops = _hops(scope.get("headers") or [], settings.forwarded_header)
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            return hop
    return hops[0] if hops else peer


@lru_cache(maxsize=8)
def _networks(setting: str) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in setting.replace(",", " ").split())


def _trusted(address: str, networks: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def _plain(address: str) -> str:
    """Return the address without brackets or port, IPv4-mapped IPv6 as IPv4; unreadable text as given (shortened)."""
    text = address.strip().strip('"').strip()
    if text.startswith("["):  # "[2001:db8::1]:4711"
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:  # "203.0.113.9:4711"
        text = text.split(":", 1)[0]
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return text[:MAX_ADDRESS]
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ip)


def _hops(headers: list[tuple[bytes, bytes]], which: str) -> list[str]:
    """Return the forwarded-for hops of every header line of this kind, in order, left to right."""
    name = which.encode()
    values = [v.decode("latin-1") for k, v in headers if k.lower() == name]
    if which == "forwarded":
        found = [m.group(1) for value in values for element in value.split(",") for m in [_FOR.search(element)] if m]
    else:
        found = [part for value in values for part in value.split(",")]
    return [_plain(hop) for hop in found if hop.strip()]
