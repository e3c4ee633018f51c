"""What a real browser sends: events over the page's socket, and a second browser holding copied cookies."""

import asyncio

import httpx
from nicegui import Client, app
from nicegui.nicegui import _on_event
from nicegui.testing import User


def send_click(client: Client, marker: str) -> None:
    """Send the click a browser would send for the element with this marker, through the socket's event entry."""
    [element] = [e for e in client.elements.values() if marker in e._markers]
    [listener] = [listener for listener in element._event_listeners.values() if listener.type == "click"]
    _on_event("browser", {"client_id": client.id, "id": element.id, "listener_id": listener.id, "args": []})


def other_browser(cookies: httpx.Cookies) -> httpx.AsyncClient:
    """Return an HTTP client on the app that holds a copy of these cookies (another person's browser)."""
    return httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://test", cookies=httpx.Cookies(cookies))


def copy_cookies(user: User) -> httpx.Cookies:
    """Return a copy of the cookies the simulated browser holds now."""
    copied = httpx.Cookies()
    for cookie in user.http_client.cookies.jar:
        copied.jar.set_cookie(cookie)
    return copied


async def settle(seconds: float = 0.3) -> None:
    """Let background handlers run."""
    await asyncio.sleep(seconds)
