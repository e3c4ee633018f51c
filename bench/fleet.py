"""The fleet for bench/webhook_load.py --restart: web processes behind nginx, workers, and rolling restarts.

nginx runs with the upstream, sticky hash and retry rules of deploy/nginx.conf (plain HTTP on loopback: the load
generator measures Djobea, not TLS). A rolling restart sends SIGTERM to one process at a time, waits for it to
exit, starts it again and waits until it is ready before going on to the next, as systemd or compose would.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from bench/ by bench/webhook_load.py, which puts the root first
    sys.path.insert(0, str(ROOT))

from tests.processes import answers_ok  # noqa: E402


def nginx_binary() -> str | None:
    """Return the nginx executable, or None when it is not installed."""
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def nginx_conf(folder: Path, web_ports: list[int], port: int) -> Path:
    """deploy/nginx.conf's upstream and its /webhook/ location, served over plain HTTP on loopback."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    upstream = re.search(r"    upstream djobea_web \{.*?\n    \}", text, re.S)[0]
    webhook = re.search(r"        location /webhook/ \{.*?\n        \}", text, re.S)[0]
    options = re.search(r"        server web\d:8080([^;\n]*);", upstream)[1]  # max_fails, fail_timeout as shipped
    servers = "".join(f"        server 127.0.0.1:{p}{options};\n" for p in web_ports)
    upstream = re.sub(r"(        server web\d:8080[^\n]*\n)+", servers, upstream)
    path = folder / "nginx.conf"
    path.write_text(f"""worker_processes 1;
error_log {folder}/nginx-error.log warn;
pid {folder}/nginx.pid;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    map $cookie_djobea_route $djobea_route {{
        ""      $request_id;
        default $cookie_djobea_route;
    }}
{upstream}
    server {{
        listen 127.0.0.1:{port};
        keepalive_requests 100000;
{webhook}
    }}
}}
""")
    return path


@dataclass
class Member:
    """One process of the fleet: how to start it, how to know it is ready, and its current Popen."""

    name: str
    command: list[str]
    env: dict
    ready_url: str
    log: Path
    process: subprocess.Popen | None = None
    restarts: list[float] = field(default_factory=list)  # seconds each restart took, SIGTERM to ready
    stops: list[float] = field(default_factory=list)  # seconds from SIGTERM to exit
    starts: list[float] = field(default_factory=list)  # seconds from start to ready
    cpu: float = 0.0  # CPU seconds used by this member's processes that have ended

    def start(self, timeout: float = 180) -> None:
        began = time.monotonic()
        self.start_until(self.ready_url, timeout)
        self.starts.append(time.monotonic() - began)

    def start_until(self, url: str, timeout: float = 180) -> None:
        """Start the process and wait until url answers 200."""
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env, stdout=self.log.open("a"),
                                        stderr=subprocess.STDOUT)
        if not answers_ok(url, self.process, timeout):
            raise SystemExit(f"{self.name} did not become ready:\n" + self.log.read_text()[-2000:])

    def stop(self, timeout: float = 60) -> int:
        """SIGTERM and wait; return the exit status (a kill after timeout shows as -9)."""
        assert self.process is not None
        began = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        if not _exited(self.process.pid, timeout):
            self.process.kill()
            _exited(self.process.pid, 10)
        self.stops.append(time.monotonic() - began)
        self.cpu += cpu_seconds(self.process.pid)  # read from the ended process before it is reaped
        return self.process.wait()

    def cpu_now(self) -> float:
        """CPU seconds of this member so far: its ended processes and the running one."""
        running = self.process is not None and self.process.poll() is None
        return self.cpu + (cpu_seconds(self.process.pid) if running else 0.0)

    def restart(self) -> int:
        began = time.monotonic()
        status = self.stop()
        self.start()
        self.restarts.append(time.monotonic() - began)
        return status


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user and system) of a running or ended but not yet reaped process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _exited(pid: int, timeout: float) -> bool:
    """Wait up to timeout for the child to end, without reaping it (its CPU times stay readable); True if it did."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT | os.WNOHANG) is not None:
            return True
        time.sleep(0.02)
    return False


def members(env: dict, web_ports: list[int], probe_ports: list[int], logs: Path, nice: int) -> list[Member]:
    """The web processes and the workers (each worker with its probe port, for readiness)."""
    found = [Member(f"web{n}", [sys.executable, "main.py"], env | {"PORT": str(port)},
                    f"http://127.0.0.1:{port}/ready", logs / f"web{n}.log") for n, port in enumerate(web_ports)]
    found += [Member(f"worker{n}", [sys.executable, "-m", "core.cli", "worker", "--nice", str(nice)],
                     env | {"WORKER_PROBE_PORT": str(port)}, f"http://127.0.0.1:{port}/ready",
                     logs / f"worker{n}.log") for n, port in enumerate(probe_ports)]
    return found


class RollingRestart(threading.Thread):
    """After a delay, restart every member one after the other, pausing between them."""

    def __init__(self, fleet: list[Member], *, delay: float, pause: float) -> None:
        super().__init__(name="rolling-restart", daemon=True)
        self.fleet, self.delay, self.pause = fleet, delay, pause
        self.exits: dict[str, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        time.sleep(self.delay)
        for member in self.fleet:
            try:
                self.exits[member.name] = member.restart()
            except (Exception, SystemExit) as exc:  # reported, and the next member is still restarted
                print(f"  FAILED to restart {member.name}: {str(exc)[:300]}", flush=True)
                continue
            print(f"  restarted {member.name} in {member.restarts[-1]:.1f} s (exit status "
                  f"{self.exits[member.name]})", flush=True)
            time.sleep(self.pause)
        self.done.set()


def start_nginx(conf: Path, port: int) -> subprocess.Popen:
    """Start nginx in the foreground on conf; return once it answers."""
    binary = nginx_binary()
    assert binary is not None
    process = subprocess.Popen([binary, "-c", str(conf), "-g", "daemon off;"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/webhook/none", timeout=2)
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("nginx did not start: " + (conf.parent / "nginx-error.log").read_text()[-2000:])


def environment() -> dict:
    """This process's environment without keys or base URLs of real services."""
    return {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_BASE_URL"))}
