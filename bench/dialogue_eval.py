"""Multi-turn chats through POST /api/chat: how many end as expected, per file, and which fields fail.

Each file is a JSON list of chats: {"id", "turns": [customer messages], "expect": {...}} where expect may hold
service_type, location (the request's quartier), urgency, language (the conversation's), request_by_turn (the
request exists by that turn; null: no request is to be made), landmark (words the request's directions hold,
accents and case aside), and, as the dialogue tests read them, no_request_by_end and requests (how many).
Fields an expect does not name are not checked. The fields are read from the first request the chat made.

Every chat runs in one in-process app (the chat router only) on a fresh SQLite database with the demo catalogue and
demo providers, with the local engine (no model is called), one session per chat, as a web visitor would.

    .venv/bin/python bench/dialogue_eval.py tests/conversations/dialogues/*.json
    .venv/bin/python bench/dialogue_eval.py --show some_set.json   # also the replies of the chats that failed

A blind set's failures name only the chat and the field: --show prints its turns and replies, which then makes
it training material.
"""

import argparse
import contextlib
import io
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("service_type", "location", "urgency", "landmark", "language", "request_by_turn", "no_request_by_end",
          "requests")


def _environment(data_dir: Path) -> None:
    """Point the app at a fresh SQLite database with demo data and the local engine, before it is imported."""
    os.environ.update({
        "DJOBEA_ENV": "test", "DJOBEA_DATA_DIR": str(data_dir), "DATABASE_URL": f"sqlite:///{data_dir / 'chat.db'}",
        "DJOBEA_DEMO_DATA": "1", "DJOBEA_SCHEDULER": "0", "LOG_LEVEL": "WARNING", "LLM_MODE": "local",
        "STORAGE_SECRET": "dialogue-eval-secret", "DJOBEA_ADMIN_PASSWORD": "dialogue-eval-password",
        "WEB_CHAT_MESSAGES_PER_IP_PER_MINUTE": "100000", "WEB_REQUESTS_PER_IP_PER_HOUR": "100000",
    })
    for key in ("ANTHROPIC_API_KEY", "GEMINI_API_KEY", "OPENAI_API_KEY", "TWILIO_AUTH_TOKEN", "TWILIO_ACCOUNT_SID",
                "PUBLIC_BASE_URL"):
        os.environ.pop(key, None)


def _chat_router() -> Any:
    """Return the router serving POST /api/chat, wherever it lives."""
    try:
        from core.channels.chat import router  # type: ignore[import-not-found]
    except ImportError:
        from core.channels.chat import router
    return router


class Chats:
    """One in-process app on a fresh database; say() posts a message as a web visitor."""

    def __init__(self) -> None:
        from fastapi import FastAPI
        from fastapi.testclient import TestClient

        from core.bootstrap import prepare

        with contextlib.redirect_stdout(io.StringIO()):  # the first admin's notice is no figure
            prepare()
        app = FastAPI()
        app.include_router(_chat_router())
        self.client = TestClient(app)

    def say(self, session_id: str, text: str) -> dict[str, Any]:
        """Post one message; return the JSON answer ({"replies", "request"})."""
        response = self.client.post("/api/chat", json={"session_id": session_id, "message": text})
        if response.status_code != 200:
            raise RuntimeError(f"POST /api/chat answered {response.status_code}: {response.text}")
        return response.json()

    @staticmethod
    def stored(session_id: str) -> tuple[str | None, list[Any]]:
        """Return the conversation's language and its requests, oldest first, as stored."""
        from sqlmodel import select

        from core.db import session_scope
        from core.messaging.conversations import Conversation
        from core.service_requests.models import ServiceRequest

        with session_scope() as session:
            conversation = session.exec(select(Conversation).where(Conversation.channel == "web",
                                                                   Conversation.external_id == session_id)).first()
            if conversation is None:
                return None, []
            made = list(session.exec(select(ServiceRequest).where(ServiceRequest.conversation_id == conversation.id)
                                     .order_by(ServiceRequest.id)))
            return conversation.language, [{"service_type": r.service_type, "location": r.quartier,
                                             "urgency": r.urgency, "landmark": r.address, "status": r.status}
                                            for r in made]


def run_chat(chats: Chats, session_id: str, chat: dict[str, Any]) -> dict[str, Any]:
    """Play a chat's turns; return the failed fields (expected, got) and the replies by turn."""
    from core.catalog import fold

    replies, first_turn = [], None
    for number, text in enumerate(chat["turns"], start=1):
        answer = chats.say(session_id, text)
        replies.append(answer.get("replies") or [])
        if first_turn is None and answer.get("request"):
            first_turn = number
    language, made = chats.stored(session_id)
    if first_turn is None and made:  # a request made then closed in the same turn is still made
        first_turn = len(chat["turns"])
    expect, failed = dict(chat.get("expect", {})), {}
    if "request_by_turn" in expect and expect["request_by_turn"] is None:
        # "request_by_turn": null says no request is to be made (a chat that ends outside Douala, or with no trade
        # and place): the fields then tell what the customer described, and there is no request to read them from.
        expect = {key: value for key, value in expect.items() if key in {"language", "requests"}}
        expect["no_request_by_end"] = True
    first = made[0] if made else {}
    for field in ("service_type", "location", "urgency"):
        if field in expect and first.get(field) != expect[field]:
            failed[field] = (expect[field], first.get(field))
    if "landmark" in expect and fold(expect["landmark"]) not in fold(first.get("landmark") or ""):
        failed["landmark"] = (expect["landmark"], first.get("landmark"))
    if "language" in expect and language != expect["language"]:
        failed["language"] = (expect["language"], language)
    if "request_by_turn" in expect and (first_turn is None or first_turn > expect["request_by_turn"]):
        failed["request_by_turn"] = (expect["request_by_turn"], first_turn)
    from core.service_requests.models import RequestStatus

    standing = [r for r in made if r.get("status") != RequestStatus.CANCELLED]  # one the chat withdrew is none
    if expect.get("no_request_by_end") and standing:
        failed["no_request_by_end"] = (True, len(standing))
    if "requests" in expect and len(made) != expect["requests"]:
        failed["requests"] = (expect["requests"], len(made))
    return {"failed": failed, "replies": replies, "first_turn": first_turn}


def evaluate_file(chats: Chats, path: Path, show: bool = False) -> tuple[int, int]:
    """Run every chat of a file and print its figures; return (passed, total)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    by_field: Counter[str] = Counter()
    failures: dict[str, list[str]] = {}
    passed = 0
    for index, chat in enumerate(data):
        name = str(chat.get("id", index))
        session_id = re.sub(r"[^A-Za-z0-9_-]", "-", f"eval-{path.stem}-{index}-{name}")[:100]
        outcome = run_chat(chats, session_id, chat)
        if not outcome["failed"]:
            passed += 1
            continue
        for field, (expected, got) in outcome["failed"].items():
            by_field[field] += 1
            failures.setdefault(field, []).append(f"{name} (expected {expected!r}, got {got!r})")
        if show:
            print(f"  -- {name}: failed {sorted(outcome['failed'])}")
            for text, said in zip(chat["turns"], outcome["replies"], strict=True):
                print(f"     > {text}")
                for reply in said:
                    print(f"     < {reply}")
    total = len(data)
    print(f"== {path}: {passed}/{total} chats passed ({100 * passed / total if total else 0:.1f}%)")
    for field in FIELDS:
        if by_field[field]:
            print(f"  {field}: {by_field[field]} failed")
            for line in failures[field]:
                print(f"     {line}")
    return passed, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="print the turns and replies of the chats that failed")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="djobea-dialogues-") as tmp:
        _environment(Path(tmp))
        sys.path.insert(0, str(ROOT))
        from core import db

        chats = Chats()
        passed = total = 0
        try:
            for path in args.files:
                p, t = evaluate_file(chats, path, show=args.show)
                passed, total = passed + p, total + t
        finally:
            chats.client.close()
            db.dispose_engine()
        if len(args.files) > 1:
            print(f"all files: {passed}/{total} chats passed ({100 * passed / total if total else 0:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
