"""A real server (python main.py) on a free port, a headless Chromium from Debian, and the server's database."""

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session

from core.db import make_engine
from tests.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ADMIN_PASSWORD = "browser-admin-password"
SCREENSHOTS = ROOT / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

if not Path(CHROMIUM).exists():
    pytest.skip("/usr/bin/chromium is absent (apt-get install -y chromium)", allow_module_level=True)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Start the app with demo data and its scheduler; yield (base URL, database URL)."""
    data = tmp_path_factory.mktemp("browser-server")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NICEGUI"))}
    env |= {"PORT": str(port), "DJOBEA_DATA_DIR": str(data), "DATABASE_URL": "", "DJOBEA_DEMO_DATA": "1",
            "DJOBEA_ADMIN_PASSWORD": ADMIN_PASSWORD, "DJOBEA_SCHEDULER": "1", "DJOBEA_ENV": "development"}
    log = (data / "server.log").open("w")
    proc = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.5)
    else:
        proc.terminate()
        proc.wait(timeout=20)
        raise AssertionError("the app did not start:\n" + (data / "server.log").read_text()[-3000:])
    yield base, f"sqlite:///{data / 'djobea.db'}"
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()
    print("server log:", data / "server.log")


@pytest.fixture(scope="session")
def server_db(server):
    """An engine on the running server's own database."""
    engine = make_engine(server[1])
    yield engine
    engine.dispose()


@pytest.fixture
def db(server_db):
    """A session on the server's database (commit before the browser acts: SQLite writers take turns)."""
    with Session(server_db, expire_on_commit=False) as session:
        yield session


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium driven by Playwright (closed after the module: its loop must not outlive it)."""
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


def screenshot(page, name: str) -> None:
    """Save a full-page screenshot for the README when DJOBEA_SCREENSHOTS=1 (from the top, header in place)."""
    if not os.environ.get("DJOBEA_SCREENSHOTS"):
        return
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
