import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from nicegui.testing import User

from tests.processes import free_port

ROOT = Path(__file__).resolve().parents[2]


async def test_health_reports_the_database(user: User):
    response = await user.http_client.get("/health")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


async def test_landing_page_shows_services_and_quartiers(user: User):
    await user.open("/")
    await user.should_see("Djobea")
    await user.should_see("Plomberie")
    await user.should_see("Bonamoussadi")


def test_python_main_py_starts_and_serves_the_landing_page(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NICEGUI"))}
    env |= {"PORT": str(port), "DJOBEA_DATA_DIR": str(tmp_path), "DATABASE_URL": "",
           "DJOBEA_DEMO_DATA": "1", "DJOBEA_ADMIN_PASSWORD": ""}
    proc = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                if page.status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            proc.terminate()
            raise AssertionError("the app did not answer within 30 s:\n" + proc.communicate(timeout=20)[0][-3000:])
        assert "Djobea" in page.text
        health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).json()
        assert health["database"] == "ok"
    finally:
        proc.terminate()
        output = proc.communicate(timeout=20)[0]
    assert "Admin login created: admin@djobea.local" in output  # its password: in a file, never in this log
    assert (tmp_path / "first-admin-password.txt").exists()
    assert (tmp_path / "djobea.db").exists()
