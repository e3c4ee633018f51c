"""Two web processes behind a real nginx (deploy/nginx.conf): a sign-in on one is honoured by the other, pages keep
their websocket through the proxy on one process, and when that process stops the browser carries on, signed in."""

import datetime
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.processes import answers_ok, child_environment, free_port

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
REDIS = ("127.0.0.1", 6379)
ADMIN_PASSWORD = "admin-password-for-tests"


def _redis_answers() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


pytestmark = [
    pytest.mark.skipif(NGINX is None, reason="nginx is absent (apt-get install -y nginx)"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="/usr/bin/chromium is absent (apt-get install -y chromium)"),
    pytest.mark.skipif(not _redis_answers(), reason="no Redis on 127.0.0.1:6379"),
    pytest.mark.timeout(240),
]


def _certificate(folder: Path) -> None:
    """A self-signed certificate for 127.0.0.1 (cryptography, already a dependency)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    (folder / "fullchain.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "privkey.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                           serialization.PrivateFormat.PKCS8,
                                                           serialization.NoEncryption()))


def _nginx_conf(folder: Path, web: list[int], http_port: int, https_port: int) -> Path:
    """deploy/nginx.conf as shipped, with this machine's ports, certificate and log paths."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    for old, new in (("web1:8080", f"127.0.0.1:{web[0]}"), ("web2:8080", f"127.0.0.1:{web[1]}"),
                     ("listen 80;", f"listen 127.0.0.1:{http_port};"),
                     ("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;"),
                     ("/etc/nginx/tls/", f"{folder}/"), ("/var/log/nginx/", f"{folder}/")):
        assert old in text, f"deploy/nginx.conf no longer has {old!r}"
        text = text.replace(old, new)
    path = folder / "nginx.conf"
    path.write_text(text)
    return path


def _start_web(port: int, env: dict, log: Path) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env | {"PORT": str(port)},
                               stdout=log.open("w"), stderr=subprocess.STDOUT)
    # a machine shared with other work may take minutes to start two servers
    if answers_ok(f"http://127.0.0.1:{port}/ready", process, 150, pause=0.3):
        return process
    process.kill()
    raise AssertionError(f"web process on {port} did not become ready:\n{log.read_text()[-3000:]}")


def _routes(access_log: Path) -> list[tuple[str, str, str, str]]:
    """(route cookie, upstream, request line, status) of each request nginx passed on."""
    found = []
    for line in access_log.read_text().splitlines():
        match = re.search(r'"([^"]*)" (\d{3}) \d+ route=(\S+) upstream="([^"]*)"', line)
        if match:  # the upstream nginx ended on, after any it tried first
            found.append((match[3], match[4].split(",")[-1].strip(), match[1], match[2]))
    return found


def test_two_web_processes_behind_nginx_share_sign_in_and_storage_and_keep_websockets_sticky(engine, tmp_path):
    from playwright.sync_api import sync_playwright

    web, http_port, https_port = [free_port(), free_port()], free_port(), free_port()
    proxy = f"https://127.0.0.1:{https_port}"
    _certificate(tmp_path)
    conf = _nginx_conf(tmp_path, web, http_port, https_port)
    env = child_environment(HOST="127.0.0.1", PUBLIC_BASE_URL=proxy, TRUSTED_PROXIES="127.0.0.1",
                            REDIS_URL=f"redis://{REDIS[0]}:{REDIS[1]}/0",
                            STORAGE_SECRET="one-secret-for-the-whole-fleet", DJOBEA_ADMIN_PASSWORD=ADMIN_PASSWORD,
                            DJOBEA_SCHEDULER="0", LOG_LEVEL="WARNING")
    processes: dict[int, subprocess.Popen] = {}
    nginx = None
    try:
        for n, port in enumerate(web):  # one after the other: the first start creates the admin account
            own = {"DJOBEA_DATA_DIR": str(tmp_path / f"web{n}"),  # as on two machines: nothing shared on disk
                   "NICEGUI_STORAGE_PATH": str(tmp_path / f"web{n}" / "nicegui")}
            processes[port] = _start_web(port, env | own, tmp_path / f"web{n}.log")
        check = subprocess.run([NGINX, "-t", "-c", str(conf), "-g", f"pid {tmp_path}/nginx.pid;"],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        nginx = subprocess.Popen([NGINX, "-c", str(conf), "-g", f"daemon off; pid {tmp_path}/nginx.pid;"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{proxy}/health", verify=False, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        assert httpx.get(f"http://127.0.0.1:{http_port}/admin", timeout=5).status_code == 301  # http goes to TLS
        assert httpx.get(f"{proxy}/metrics", verify=False, timeout=5).status_code == 404  # not through the proxy

        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            context = chromium.new_context(ignore_https_errors=True, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(f"{proxy}/admin")
            page.wait_for_url(re.compile(r"/login"))
            page.get_by_label("Email").fill("admin@djobea.local")
            page.get_by_label("Mot de passe").fill(ADMIN_PASSWORD)
            page.get_by_role("button", name="Se connecter").click()
            page.wait_for_url(re.compile(r"^https://[^/]+/admin$"), timeout=30_000)
            page.get_by_role("button", name="EN").click()  # a websocket event, stored in app.storage.user
            page.get_by_role("link", name="Requests", exact=True).first.wait_for(timeout=15_000)

            cookies = {c["name"]: c["value"] for c in context.cookies()}
            route = cookies["djobea_route"]
            mine = [r for r in _routes(tmp_path / "djobea-access.log") if r[0] == route]
            upstreams = {upstream for _, upstream, _, _ in mine}
            assert len(upstreams) == 1, mine  # sticky: every request of this browser on one process
            serving = int(upstreams.pop().rsplit(":", 1)[1])
            other = next(port for port in web if port != serving)
            assert any("/_nicegui_ws/" in line and status == "101" for _, _, line, status in mine), mine

            # The other process honours the sign-in and reads the language from Redis, never having seen them.
            jar = {name: cookies[name] for name in ("djobea_admin", "session") if name in cookies}
            direct = httpx.get(f"http://127.0.0.1:{other}/admin", cookies=jar, timeout=10)
            assert direct.status_code == 200, direct.status_code
            assert "Requests" in direct.text and "Demandes" not in direct.text  # French without Redis
            anonymous = httpx.get(f"http://127.0.0.1:{other}/admin", timeout=10)
            assert anonymous.status_code == 303 and "/login" in anonymous.headers["location"]

            # The serving process stops (a rolling restart): the browser carries on on the other, signed in.
            processes[serving].send_signal(signal.SIGTERM)
            # uvicorn ends by raising the signal again once it has shut down in order: -15 is its clean exit
            assert processes[serving].wait(timeout=30) in (0, -signal.SIGTERM)
            page.reload()
            page.wait_for_url(re.compile(r"^https://[^/]+/admin$"), timeout=30_000)
            page.get_by_role("link", name="Requests", exact=True).first.wait_for(timeout=15_000)
            page.get_by_role("button", name="FR").click()  # the websocket to the other process carries events
            page.get_by_role("link", name="Demandes", exact=True).first.wait_for(timeout=15_000)
            page.close()  # nginx logs a websocket when it closes
            time.sleep(0.5)
            after = [r for r in _routes(tmp_path / "djobea-access.log") if r[0] == route][len(mine):]
            pages = [upstream for _, upstream, line, _ in after if line.startswith("GET /admin ")]
            assert len(pages) == 2 and all(upstream.endswith(f":{other}") for upstream in pages), after
            assert any("/_nicegui_ws/" in line and status == "101" and upstream.endswith(f":{other}")
                       for _, upstream, line, status in after), after
            chromium.close()
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=20)
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
