"""Fleet fixtures: the /ready and /metrics routes on an app of their own, the stop flag cleared around each test."""

import httpx
import pytest
from fastapi import FastAPI

from core.config import reload_settings
from core.fleet import stopping
from core.fleet.routes import router
from tests.messaging.conftest import client, echo, twilio  # noqa: F401  (the webhook's fixtures, shared)


@pytest.fixture(autouse=True)
def _not_stopping():
    stopping.reset()
    yield
    stopping.reset()


@pytest.fixture
def settings_env(monkeypatch):
    """Set environment variables and rebuild the settings; everything is undone after the test."""

    def apply(**env: str) -> None:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        reload_settings()

    yield apply
    monkeypatch.undo()
    reload_settings()


def client_from(address: str) -> httpx.AsyncClient:
    """An HTTP client on the fleet routes whose requests come from this peer address."""
    app = FastAPI()
    app.include_router(router)
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")
