"""A fake Monetbil on 127.0.0.1: the widget API v2.1 and checkPayment, scriptable per test.

    with FakeMonetbil(shape="minimal") as fake:
        fake.widget = "down"                    # ok | down | 500 | refuse (success false)
        fake.transactions["T1"] = {"status": 1, "amount": 15000, "currency": "XAF"}
        fake.check = "down"                     # ok | down | 500

checkPayment answers in one of two shapes. "minimal" is all Monetbil's official clients rely on: monetbil-php's
`Monetbil::checkPayment` (and the WooCommerce and PrestaShop modules) read only `transaction.status` and
`transaction.testmode`, so nothing else of a transaction is given. "full" adds every field the test scripted
(amount, currency, payment_ref, ...), the richer answer some integrations describe.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


class FakeMonetbil:
    """A Monetbil stand-in in a thread, on a free port; records every call it gets."""

    def __init__(self, shape: str = "full") -> None:
        assert shape in ("minimal", "full"), shape
        self.shape = shape
        self.widget = "ok"
        self.check = "ok"
        self.transactions: dict[str, dict] = {}
        self.calls: list[tuple[str, dict[str, str]]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)

    @property
    def url(self) -> str:
        """Base URL to give as MONETBIL_API_BASE_URL."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def calls_to(self, path_part: str) -> list[dict[str, str]]:
        """Return the forms posted to paths containing path_part."""
        return [form for path, form in self.calls if path_part in path]

    def __enter__(self) -> "FakeMonetbil":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                form = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
                fake.calls.append((self.path, form))
                if self.path.startswith("/widget/v2.1/"):
                    self._widget(form)
                elif self.path == "/payment/v1/checkPayment":
                    self._check(form)
                else:
                    self._answer(404, {"message": "not found"})

            def _widget(self, form: dict[str, str]) -> None:
                mode = fake.widget
                if mode == "down":
                    self.close_connection = True  # hang up without a word, as a dead upstream does
                    self.connection.close()
                    return
                if mode == "500":
                    self._answer(500, {"message": "internal error"})
                elif mode == "refuse":
                    self._answer(200, {"success": False, "message": "service key invalid"})
                else:
                    ref = form.get("payment_ref", "")
                    self._answer(200, {"success": True, "payment_url": f"https://www.monetbil.com/pay/v2.1/{ref}"})

            def _check(self, form: dict[str, str]) -> None:
                mode = fake.check
                if mode == "down":
                    self.close_connection = True
                    self.connection.close()
                    return
                if mode == "500":
                    self._answer(500, {"message": "internal error"})
                    return
                transaction = fake.transactions.get(form.get("paymentId", ""))
                if transaction is None:
                    self._answer(200, {"message": "Transaction not found"})
                elif fake.shape == "minimal":
                    self._answer(200, {"transaction": {"status": transaction["status"],
                                                       "testmode": transaction.get("testmode", 0)}})
                else:
                    self._answer(200, {"transaction": {"paymentId": form["paymentId"], "testmode": 0,
                                                       **transaction}})

            def _answer(self, code: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
