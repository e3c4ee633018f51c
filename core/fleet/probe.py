"""The worker's probe port: GET /health, /ready and /metrics for a process that serves no web pages."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from core.config import settings
from core.fleet import guard, metrics, readiness


def start(process: str) -> ThreadingHTTPServer:
    """Serve the probes on WORKER_PROBE_HOST:WORKER_PROBE_PORT in a daemon thread; return the server."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/health":
                self._answer(200, "application/json", json.dumps({"status": "ok", "process": process}).encode())
            elif path == "/ready":
                result = readiness.check(role="worker", worker_process=process)
                self._answer(200 if result.ready else 503, "application/json", json.dumps(result.body()).encode())
            elif path == "/metrics":
                status = guard.verdict(peer=self.client_address[0],
                                       headers={k.lower(): v for k, v in self.headers.items()})
                if status == 200:
                    self._answer(200, metrics.CONTENT_TYPE, metrics.render())
                else:
                    self._answer(status, "text/plain", b"Unauthorized\n" if status == 401 else b"Not Found\n")
            else:
                self._answer(404, "text/plain", b"Not Found\n")

        def _answer(self, status: int, media_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            if status == 401:
                self.send_header("WWW-Authenticate", 'Bearer realm="metrics"')
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:  # probes every few seconds would flood the log
            pass

    server = ThreadingHTTPServer((settings.worker_probe_host, settings.worker_probe_port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="probe", daemon=True).start()
    return server
