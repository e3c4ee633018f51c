"""A fake Twilio REST API on 127.0.0.1 speaking the real wire format: Messages.json and media files.

The official SDK is pointed at it through TWILIO_API_BASE_URL. Answers can be scripted one request at a time:
"ok", a Twilio error code (e.g. 21211 -> 400 with Twilio's error JSON), "429", "500", or "hang".
"""

import base64
import json
import secrets
import threading
import time
from collections import deque
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

ERROR_MESSAGES = {21211: "The 'To' number is not a valid phone number.",
                  21610: "Attempt to send to unsubscribed recipient",
                  63016: "Failed to send freeform message because you are outside the allowed window."}


class FakeTwilio:
    """Start with `with FakeTwilio(account_sid, auth_token) as fake:`; fake.url is the base URL."""

    def __init__(self, account_sid: str = "AC" + "0" * 32, auth_token: str = "test-auth-token",
                 hang_seconds: float = 3.0) -> None:
        self.account_sid, self.auth_token, self.hang_seconds = account_sid, auth_token, hang_seconds
        self.sent: list[dict] = []  # every accepted message's form, in order
        self.requests: list[dict] = []  # every Messages.json request, accepted or not
        self.media_requests: list[dict] = []
        self.media: dict[str, tuple[bytes, str]] = {}
        self._script: deque[str] = deque()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_port}"

    def __enter__(self) -> "FakeTwilio":
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def script(self, *answers: str) -> None:
        """Queue the answers to the next Messages.json requests; "ok" once the script runs out."""
        with self._lock:
            self._script.extend(answers)

    def add_media(self, name: str, content: bytes, content_type: str) -> str:
        """Serve content at a Twilio-like media path (basic auth required); return its URL."""
        path = f"/2010-04-01/Accounts/{self.account_sid}/Messages/MM{secrets.token_hex(16)}/Media/{name}"
        self.media[path] = (content, content_type)
        return self.url + path

    def _next(self) -> str:
        with self._lock:
            return self._script.popleft() if self._script else "ok"

    def _authorized(self, header: str | None) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return header == f"Basic {expected}"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                fake.media_requests.append({"path": self.path, "authorized": fake._authorized(
                    self.headers.get("Authorization"))})
                if self.path not in fake.media:
                    return self._json(404, {"code": 20404, "message": "not found", "status": 404})
                if not fake._authorized(self.headers.get("Authorization")):
                    return self._json(401, {"code": 20003, "message": "Authenticate", "status": 401})
                content, content_type = fake.media[self.path]
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
                expected = f"/2010-04-01/Accounts/{fake.account_sid}/Messages.json"
                if self.path != expected:
                    return self._json(404, {"code": 20404, "message": "not found", "status": 404})
                if not fake._authorized(self.headers.get("Authorization")):
                    return self._json(401, {"code": 20003, "message": "Authenticate", "status": 401})
                answer = fake._next()
                fake.requests.append({**form, "_answer": answer})
                if answer == "hang":
                    time.sleep(fake.hang_seconds)
                    return self._json(503, {"code": 20503, "message": "late", "status": 503})
                if answer in ("429", "500", "503"):
                    return self._json(int(answer), {"code": 20429 if answer == "429" else 20500,
                                                    "message": "Service unavailable", "status": int(answer)})
                if answer != "ok":
                    code = int(answer)
                    return self._json(400, {"code": code, "message": ERROR_MESSAGES.get(code, "Bad request"),
                                            "more_info": f"https://www.twilio.com/docs/errors/{code}", "status": 400})
                sid = "SM" + secrets.token_hex(16)
                with fake._lock:
                    fake.sent.append({**form, "sid": sid})
                self._json(201, fake._resource(sid, form))

            def _json(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def _resource(self, sid: str, form: dict) -> dict:
        now = formatdate(usegmt=True)
        uri = f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json"
        return {"account_sid": self.account_sid, "api_version": "2010-04-01", "body": form.get("Body", ""),
                "date_created": now, "date_sent": None, "date_updated": now, "direction": "outbound-api",
                "error_code": None, "error_message": None, "from": form.get("From"), "messaging_service_sid": None,
                "num_media": "0", "num_segments": "1", "price": None, "price_unit": "USD", "sid": sid,
                "status": "queued", "subresource_uris": {"media": uri.replace(".json", "/Media.json")},
                "to": form.get("To"), "uri": uri}
