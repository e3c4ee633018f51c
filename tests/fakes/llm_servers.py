"""A fake of the Anthropic, OpenAI and Gemini HTTP APIs on 127.0.0.1, speaking their real wire formats.

Each test scripts what an API answers next (`fake.on("anthropic", Reply.text(...))`); the last scripted reply
repeats. Every request the SDKs send is kept in `fake.requests` so tests can assert paths, models and headers.
Requests the real APIs refuse get their 400 in the API's error format: the structured-output rules of each
provider's documentation (named in `_invalid`). Response envelopes follow the official SDKs' types (anthropic
types/message.py, openai types/chat/chat_completion.py and types/audio/transcription.py, google-genai
types.GenerateContentResponse).
"""

import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

APIS = ("anthropic", "openai", "transcribe", "gemini")
_GEMINI_PATH = re.compile(r"^/v1beta/models/(?P<model>[^/:]+):generateContent$")
_DURATION_BILLED = {"gpt-transcribe", "whisper-1"}
_FORM_MODEL = re.compile(rb'name="model"\r\n(?:[^\r\n]+\r\n)*\r\n([^\r\n]*)\r\n')


@dataclass(frozen=True)
class Reply:
    """One scripted answer: text in the API's success envelope, an HTTP error, or a hang."""

    text: str = ""
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    hang_seconds: float = 0.0
    input_tokens: int = 40
    output_tokens: int = 12
    audio_seconds: float = 6.0  # what a duration-billed transcription reports
    respond: "Callable[[SeenRequest], Reply] | None" = None

    @classmethod
    def using(cls, respond: "Callable[[SeenRequest], Reply]") -> "Reply":
        """Answer each request with what respond(request) returns (a model that reads the prompt)."""
        return cls(respond=respond)

    @classmethod
    def answer(cls, text: str, *, input_tokens: int = 40, output_tokens: int = 12) -> "Reply":
        """Answer with this text (a model's completion, or a transcription)."""
        return cls(text=text, input_tokens=input_tokens, output_tokens=output_tokens)

    @classmethod
    def json(cls, payload: dict, **tokens: int) -> "Reply":
        """Answer with this object serialised as the model's text."""
        return cls.answer(json.dumps(payload, ensure_ascii=False), **tokens)

    @classmethod
    def error(cls, status: int, **headers: str) -> "Reply":
        """Answer with an HTTP error in the API's error format (headers: retry_after="30" -> Retry-After)."""
        return cls(status=status, headers=tuple((k.replace("_", "-"), v) for k, v in headers.items()))

    @classmethod
    def hang(cls, seconds: float = 5.0) -> "Reply":
        """Answer nothing for this long (longer than the client's timeout)."""
        return cls(hang_seconds=seconds)


@dataclass
class SeenRequest:
    """One request as the fake received it."""

    api: str
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    json: dict | None = None
    model: str | None = None


@dataclass
class FakeLlmServers:
    """The three APIs behind one loopback server; `base_url(api)` is what the SDK settings point at."""

    port: int = 0
    requests: list[SeenRequest] = field(default_factory=list)
    _scripts: dict[str, list[Reply]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _release: threading.Event = field(default_factory=threading.Event)

    def base_url(self, api: str) -> str:
        """Return the base URL to give the SDK of this API."""
        root = f"http://127.0.0.1:{self.port}"
        return f"{root}/v1" if api == "openai" else root

    def on(self, api: str, *replies: Reply) -> None:
        """Script the next replies of an API; the last one repeats."""
        assert api in APIS, api
        with self._lock:
            self._scripts[api] = list(replies)

    def seen(self, api: str) -> list[SeenRequest]:
        """Return the requests this API received, oldest first."""
        with self._lock:
            return [r for r in self.requests if r.api == api]

    def _next(self, api: str) -> Reply:
        with self._lock:
            script = self._scripts.get(api) or [Reply.error(500)]
            return script.pop(0) if len(script) > 1 else script[0]

    def _record(self, request: SeenRequest) -> None:
        with self._lock:
            self.requests.append(request)


def _success(api: str, reply: Reply, model: str) -> dict:
    if api == "anthropic":
        return {"id": "msg_fake01", "type": "message", "role": "assistant", "model": model,
                "content": [{"type": "text", "text": reply.text}], "stop_reason": "end_turn", "stop_sequence": None,
                "usage": {"input_tokens": reply.input_tokens, "output_tokens": reply.output_tokens}}
    if api == "openai":
        return {"id": "chatcmpl-fake01", "object": "chat.completion", "created": 1_700_000_000, "model": model,
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": reply.text, "refusal": None}}],
                "usage": {"prompt_tokens": reply.input_tokens, "completion_tokens": reply.output_tokens,
                          "total_tokens": reply.input_tokens + reply.output_tokens}}
    if api == "transcribe":
        # openai SDK types/audio/transcription.py: usage is "duration" (seconds of audio) for models billed by the
        # minute (gpt-transcribe, whisper-1) and "tokens" for the gpt-4o-*-transcribe family.
        if model in _DURATION_BILLED:
            return {"text": reply.text, "usage": {"type": "duration", "seconds": reply.audio_seconds}}
        return {"text": reply.text, "usage": {"type": "tokens", "input_tokens": reply.input_tokens,
                                              "output_tokens": reply.output_tokens,
                                              "total_tokens": reply.input_tokens + reply.output_tokens}}
    return {"candidates": [{"content": {"role": "model", "parts": [{"text": reply.text}]}, "finishReason": "STOP",
                            "index": 0}],
            "usageMetadata": {"promptTokenCount": reply.input_tokens, "candidatesTokenCount": reply.output_tokens,
                              "totalTokenCount": reply.input_tokens + reply.output_tokens},
            "modelVersion": model}


def _invalid(api: str, body: dict) -> str:
    """Return why the real API would refuse this request with a 400 (structured-output rules), or ""."""
    if api == "anthropic":
        # platform.claude.com/docs/en/build-with-claude/structured-outputs: output_config.format is
        # {"type": "json_schema", "schema": ...} and every object schema sets additionalProperties to false;
        # the Messages API reference requires max_tokens.
        if not body.get("max_tokens"):
            return "max_tokens: Field required"
        form = (body.get("output_config") or {}).get("format")
        if form is not None:
            if form.get("type") != "json_schema" or not isinstance(form.get("schema"), dict):
                return "output_config.format: expected {type: json_schema, schema}"
            return _closed_objects(form["schema"], every_key_required=False)
    if api == "openai":
        # developers.openai.com/api/docs/guides/structured-outputs: json_schema needs a name ([a-zA-Z0-9_-], at
        # most 64) and, when strict, every object lists all its keys in required and sets additionalProperties false.
        form = body.get("response_format")
        if form is not None:
            if form.get("type") not in ("text", "json_object", "json_schema"):
                return "response_format.type: invalid value"
            if form["type"] == "json_schema":
                spec = form.get("json_schema") or {}
                if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", str(spec.get("name", ""))):
                    return "response_format.json_schema.name: invalid"
                if not isinstance(spec.get("schema"), dict) or spec["schema"].get("type") != "object":
                    return "response_format.json_schema.schema: the root must be an object"
                if spec.get("strict"):
                    return _closed_objects(spec["schema"], every_key_required=True)
    if api == "gemini":
        # ai.google.dev/gemini-api/docs/structured-output: a response schema needs responseMimeType
        # application/json, and responseSchema and responseJsonSchema are not given together.
        config = body.get("generationConfig") or {}
        schemas = [k for k in ("responseSchema", "responseJsonSchema") if config.get(k)]
        if len(schemas) == 2:
            return "responseSchema and responseJsonSchema are mutually exclusive"
        if schemas and config.get("responseMimeType") != "application/json":
            return "a response schema requires responseMimeType application/json"
    return ""


def _closed_objects(schema: object, *, every_key_required: bool) -> str:
    """Return a complaint about the first object schema that is open (or, strict, leaves a key optional)."""
    if isinstance(schema, list):
        return next((p for p in (_closed_objects(s, every_key_required=every_key_required) for s in schema) if p), "")
    if not isinstance(schema, dict):
        return ""
    if schema.get("type") == "object":
        if schema.get("additionalProperties") is not False:
            return "additionalProperties must be false for every object"
        if every_key_required and set(schema.get("required") or []) != set(schema.get("properties") or {}):
            return "every property must be listed in required"
    children = [*(schema.get("properties") or {}).values(), schema.get("items"), schema.get("anyOf"),
                schema.get("allOf"), *(schema.get("$defs") or {}).values()]
    return next((p for p in (_closed_objects(c, every_key_required=every_key_required) for c in children) if p), "")


def _failure(api: str, status: int, message: str = "") -> dict:
    message = message or f"fake error {status}"
    if api == "anthropic":
        kind = {400: "invalid_request_error", 401: "authentication_error", 429: "rate_limit_error",
                529: "overloaded_error"}.get(status, "api_error")
        return {"type": "error", "error": {"type": kind, "message": message}}
    if api == "gemini":
        kind = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 429: "RESOURCE_EXHAUSTED"}.get(status, "INTERNAL")
        return {"error": {"code": status, "message": message, "status": kind}}
    return {"error": {"message": message, "type": "server_error" if status >= 500 else "invalid_request_error",
                      "param": None, "code": None}}


def _handler(fake: FakeLlmServers) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep test output quiet
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            path = self.path.split("?", 1)[0]
            api, model = self._route(path)
            if api is None:
                self._send(404, {"error": {"message": f"no route {path}"}})
                return
            parsed = json.loads(body) if "json" in (self.headers.get("content-type") or "") else None
            if parsed and parsed.get("model"):
                model = parsed["model"]
            elif form_model := _FORM_MODEL.search(body):
                model = form_model[1].decode()
            seen = SeenRequest(api, "POST", path, {k.lower(): v for k, v in self.headers.items()}, body, parsed, model)
            fake._record(seen)
            if problem := _invalid(api, parsed or {}):
                self._send(400, _failure(api, 400, problem))
                return
            reply = fake._next(api)
            if reply.respond is not None:
                reply = reply.respond(seen)
            if reply.hang_seconds:
                fake._release.wait(reply.hang_seconds)
            if reply.status != 200:
                self._send(reply.status, _failure(api, reply.status), reply.headers)
            else:
                self._send(200, _success(api, reply, model or ""))

        def _route(self, path: str) -> tuple[str | None, str | None]:
            if path == "/v1/messages":
                return "anthropic", None
            if path == "/v1/chat/completions":
                return "openai", None
            if path == "/v1/audio/transcriptions":
                return "transcribe", None
            match = _GEMINI_PATH.match(path)
            return ("gemini", match["model"]) if match else (None, None)

        def _send(self, status: int, payload: dict, headers: tuple[tuple[str, str], ...] = ()) -> None:
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout): nothing to answer

    return Handler


def reading_model(delay: float = 0.0) -> Reply:
    """A healthy model that reads the prompt: it understands as the local engine does and keeps drafts as they are."""
    return Reply.using(lambda request: _read_and_answer(request, delay))


def _read_and_answer(request: SeenRequest, delay: float) -> Reply:
    prompt = _prompt_text(request)
    if "Customer message: «" in prompt:
        payload = _analysis(prompt.rsplit("Customer message: «", 1)[1].rsplit("»", 1)[0])
    elif "Message to rephrase: " in prompt:
        payload = {"reply": prompt.rsplit("Message to rephrase: ", 1)[1]}
    elif request.api == "transcribe":
        return Reply(text="mon robinet fuit à Makepe", hang_seconds=delay)
    else:
        payload = {"answer": "Voir avec le client.", "service_type": None, "severity": "low", "description": "?"}
    return Reply(text=json.dumps(payload, ensure_ascii=False), hang_seconds=delay, input_tokens=900, output_tokens=60)


def _prompt_text(request: SeenRequest) -> str:
    """Return the user prompt of a Messages, Chat Completions or generateContent request."""
    body = request.json or {}
    if request.api == "gemini":
        parts = (body.get("contents") or [{}])[-1].get("parts") or []
        return " ".join(p.get("text", "") for p in parts)
    content = (body.get("messages") or [{}])[-1].get("content") or ""
    if isinstance(content, list):
        return " ".join(block.get("text", "") for block in content if isinstance(block, dict))
    return content


def _analysis(text: str) -> dict:
    from core import nlu

    local = nlu.analyze(text)
    return {"intent": local.intent, "service_type": local.service_type, "location": local.location,
            "urgency": local.urgency, "when": local.when.isoformat() if local.when else None,
            "language": local.language, "confidence": 0.9, "description": local.description or text[:80],
            "outside_area": local.outside_area, "is_correction": local.is_correction, "rating": local.rating}


@pytest.fixture
def llm_servers() -> Iterator[FakeLlmServers]:
    """Run the fake APIs on a free loopback port for one test."""
    with running_fake() as fake:
        yield fake


@contextmanager
def running_fake() -> Iterator[FakeLlmServers]:
    """Run the fake APIs on a free loopback port until the block ends (tests and bench/llm_budget.py)."""
    fake = FakeLlmServers()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    server.block_on_close = False
    fake.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake._release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
