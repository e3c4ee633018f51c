"""The model budget: model calls per customer message and answer times over the dialogue files, in four weathers.

Every dialogue of tests/conversations/dialogues/*.json goes through the web chat path (store, engine, replies) in
hybrid mode, with Claude, Gemini and OpenAI keys pointing at the fake model APIs on loopback (tests/fakes), once
per mode:

- healthy: every API answers at once, with what the local engine reads (understanding) or the draft (rephrasing);
- slow: the same answers, each after 1.5 s;
- hanging: no API ever answers;
- failing: Claude answers 500, OpenAI 429 (Retry-After 30), Gemini 503.

It prints, per mode: customer messages, model calls (LlmCall rows) and HTTP requests per message, and the answer
time of a message (p50, p95, max). Each mode starts with fresh circuit breakers. A second table plays messages
a model is there for (an unsure reading, a complaint, a free-form question, words not understood), one per new
conversation, so the waiting under each weather shows even where the dialogue files need no model.

    .venv/bin/python bench/llm_budget.py [--modes healthy,slow,hanging,failing] [--deadline 2.5] [--limit N]
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_TMP = Path(tempfile.mkdtemp(prefix="djobea-llm-budget-"))
os.environ.update({"DJOBEA_ENV": "test", "DJOBEA_DATA_DIR": str(_TMP / "data"),
                   "DATABASE_URL": f"sqlite:///{_TMP / 'bench.db'}", "DJOBEA_DEMO_DATA": "0",
                   "DJOBEA_SCHEDULER": "0", "LOG_LEVEL": "CRITICAL", "STORAGE_SECRET": "bench-secret-x"})
for _key in ("ANTHROPIC_API_KEY", "GEMINI_API_KEY", "OPENAI_API_KEY", "LLM_MODE", "TWILIO_AUTH_TOKEN"):
    os.environ.pop(_key, None)

import sqlalchemy as sa  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from tests.fakes.llm_servers import FakeLlmServers, Reply, reading_model, running_fake  # noqa: E402

DIALOGUES = ROOT / "tests" / "conversations" / "dialogues"
MODES = ("healthy", "slow", "hanging", "failing")
MODEL_WORTHY = ["le machin là ne va pas, viens voir", "abeg di ting for my house don spoil", "j'ai un souci",
                "le plombier est venu hier et ça fuit encore plus, je ne suis pas content",
                "The electrician no come at all, I wait all day", "est-ce que vous travaillez le dimanche ?",
                "do you also fix generators?", "zzz qwerty"]
SLOW_SECONDS = 1.5
HANG_SECONDS = 60.0


def main() -> int:
    """Run the modes asked for and print one line per mode."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--deadline", type=float, default=None, help="LLM_TURN_DEADLINE_SECONDS (default: setting)")
    parser.add_argument("--limit", type=int, default=None, help="play only the first N conversations of each set")
    args = parser.parse_args()
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if unknown := set(modes) - set(MODES):
        parser.error(f"unknown modes: {', '.join(sorted(unknown))}")

    from core import db, wiring
    from core.logs import setup_logging

    setup_logging()
    db.upgrade()
    wiring.connect()  # a request's transitions reach matching and payments, as in the server
    dialogues = [(d["id"], d["turns"]) for d in _dialogues()][:args.limit]
    worthy = [(f"worthy-{n}", [text]) for n, text in enumerate(MODEL_WORTHY)][:args.limit]
    from core.config import settings

    for title, conversations in ((f"{len(dialogues)} dialogue files", dialogues),
                                 (f"{len(worthy)} messages a model is for", worthy)):
        turns = sum(len(t) for _, t in conversations)
        print(f"\n{title}: {turns} customer messages, hybrid mode, Claude + OpenAI + Gemini on fakes, "
              f"turn deadline {args.deadline or settings.llm_turn_deadline_seconds:g} s, "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'mode':<9} {'messages':>8} {'calls':>6} {'calls/msg':>9} {'http/msg':>8} {'p50 ms':>8} "
              f"{'p95 ms':>8} {'max ms':>8}  calls by task")
        for mode in modes:
            with running_fake() as fake:
                row = _run(mode, fake, conversations, args.deadline)
            print(f"{mode:<9} {row['messages']:>8} {row['calls']:>6} {row['calls'] / row['messages']:>9.2f} "
                  f"{row['http'] / row['messages']:>8.2f} {row['p50']:>8.0f} {row['p95']:>8.0f} "
                  f"{row['max']:>8.0f}  {row['tasks']}", flush=True)
    return 0


def _run(mode: str, fake: FakeLlmServers, conversations: list[tuple[str, list[str]]],
         deadline: float | None) -> dict:
    """Play every conversation in this mode; return the counts and answer-time percentiles."""
    from core.channels.chat import chat_turn
    from core.config import reload_settings
    from core.db import get_engine
    from core.llm import orchestrator
    from core.llm.models import LlmCall

    for api in ("anthropic", "openai", "gemini", "transcribe"):
        fake.on(api, _script(mode, api))
    overrides: dict[str, object] = {
        "LLM_MODE": "hybrid", "ANTHROPIC_API_KEY": "sk-ant-bench", "ANTHROPIC_BASE_URL": fake.base_url("anthropic"),
        "OPENAI_API_KEY": "sk-oai-bench", "OPENAI_BASE_URL": fake.base_url("openai"),
        "GEMINI_API_KEY": "gm-bench", "GEMINI_BASE_URL": fake.base_url("gemini")}
    if deadline is not None:
        overrides["LLM_TURN_DEADLINE_SECONDS"] = deadline
    reload_settings(**overrides)
    orchestrator.reset()
    orchestrator.warm_up()  # as the server and the worker do at start
    with Session(get_engine()) as session:
        first_call = session.exec(select(sa.func.coalesce(sa.func.max(LlmCall.id), 0))).one()

    times = []
    for number, (name, turns) in enumerate(conversations):
        session_id = f"{mode}-{name}"[:100]
        client = f"198.18.{number // 256}.{number % 256}"  # one benchmarking address each: no per-address limit
        for text in turns:
            started = time.perf_counter()
            chat_turn(session_id=session_id, body=text, client=client)
            times.append((time.perf_counter() - started) * 1000)

    with Session(get_engine()) as session:
        tasks = dict(session.exec(select(LlmCall.task, sa.func.count()).where(LlmCall.id > first_call)
                                  .group_by(LlmCall.task)).all())
    times.sort()
    return {"messages": len(times), "calls": sum(tasks.values()), "http": len(fake.requests),
            "p50": statistics.median(times), "p95": times[max(0, round(0.95 * len(times)) - 1)], "max": times[-1],
            "tasks": ", ".join(f"{task} {count}" for task, count in sorted(tasks.items())) or "-"}


def _script(mode: str, api: str) -> Reply:
    if mode == "hanging":
        return Reply.hang(HANG_SECONDS)
    if mode == "failing":
        return {"anthropic": Reply.error(500), "openai": Reply.error(429, retry_after="30"),
                "gemini": Reply.error(503), "transcribe": Reply.error(500)}[api]
    return reading_model(delay=SLOW_SECONDS if mode == "slow" else 0.0)


def _dialogues() -> list[dict]:
    found = []
    for path in sorted(DIALOGUES.glob("*.json")):
        found.extend(json.loads(path.read_text(encoding="utf-8")))
    return found


if __name__ == "__main__":
    sys.exit(main())
