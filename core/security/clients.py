"""Who is on the other end of a request: the address limits and throttles count by."""

from typing import Any


def client_address(scope_or_request: Any) -> str:
    """Return the client's IP address from a Starlette request or an ASGI scope ("" when unknown).

    Forwarded addresses (X-Forwarded-For) are honoured only from configured proxies; the peer address is used
    otherwise.
    """
    client = scope_or_request.get("client") if isinstance(scope_or_request, dict) else scope_or_request.client
    if not client:
        return ""
    host = client.host if hasattr(client, "host") else client[0]
    return str(host or "")
