"""Real processes for tests and benchmarks: a free port, a clean environment, waiting until a process answers."""

import os
import socket
import subprocess
import time

import httpx


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_environment(**settings: str) -> dict[str, str]:
    """This process's environment without pytest's and NiceGUI's own variables, plus settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NICEGUI"))}
    return env | settings


def answers_ok(url: str, process: subprocess.Popen, seconds: float, pause: float = 0.2) -> bool:
    """Poll url until it answers 200 (True), the process ends or seconds pass (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(pause)
    return False
