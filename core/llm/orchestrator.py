"""Route each task to the right provider, fall back along the chain, and keep the local engine as the last word."""

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from datetime import timedelta
from functools import partial
from typing import Any, TypeVar

from sqlmodel import Session

from core.config import Settings, settings
from core.llm.breaker import COOL_DOWN, FAILURES_TO_OPEN, CircuitBreaker
from core.llm.deadline import Deadline, current_deadline
from core.llm.guard import keeps_facts
from core.llm.parsing import analysis_from, image_report_from, text_field
from core.llm.prompts import (
    ANALYSIS_SCHEMA,
    ANSWER_SCHEMA,
    REPLY_SCHEMA,
    reasoning_prompt,
    reply_prompt,
    understand_prompt,
    vision_prompt,
)
from core.llm.provider import LLMProvider, RejectedAnswer, Usage
from core.llm.records import CallRecord, Recorder, record_call
from core.logs import log
from core.nlu.schema import Analysis

T = TypeVar("T")

# Who answers first for each task, then who takes over; providers without a key are left out.
ROUTES: dict[str, tuple[str, ...]] = {
    "understand": ("claude", "openai", "gemini"),
    "reply": ("claude", "openai", "gemini"),
    "vision": ("gemini", "openai", "claude"),
    "reasoning": ("openai", "claude", "gemini"),
    "transcribe": ("openai", "gemini"),
}
_NEEDS = {"vision": "vision", "transcribe": "audio"}
# Less time than this left in the turn: no call is started, the local result is used at once.
MIN_CALL_SECONDS = 0.05
# A server error or a dropped connection is tried once more on the same provider after this pause, when the
# deadline allows; the SDKs' own retries are off (they would go on after the deadline).
RETRY_PAUSE = 0.2
_TRANSIENT_STATUS = frozenset({500, 502, 503, 504, 529})
_DROPPED = frozenset({"APIConnectionError", "ConnectError", "RemoteProtocolError"})
# Calls run here so a turn stops waiting at its deadline even when an SDK does not (a hang, a slow drip, retries).
_CALLS = ThreadPoolExecutor(max_workers=32, thread_name_prefix="llm-call")


class DeadlineExceeded(Exception):
    """No answer before the turn's deadline: the provider's failure, counted by its breaker."""


class Orchestrator:
    """The providers that have a key, one circuit breaker each, and the policy that decides when to call them."""

    def __init__(self, providers: Sequence[LLMProvider], *, mode: str = "hybrid", threshold: float = 0.6,
                 recorder: Recorder = record_call, failures_to_open: int = FAILURES_TO_OPEN,
                 cool_down: timedelta = COOL_DOWN, deadline_seconds: float = 2.5,
                 call_timeout: float | None = None) -> None:
        self.providers = {p.name: p for p in providers}
        self.mode = mode
        self.threshold = threshold
        self.recorder = recorder
        self.deadline_seconds = deadline_seconds  # for calls made outside a turn (which brings its own deadline)
        self.call_timeout = call_timeout  # at most this for one call, so a hang leaves time for the next provider
        self.breakers = {p.name: CircuitBreaker(failures_to_open=failures_to_open, cool_down=cool_down)
                         for p in providers}

    def chain(self, task: str) -> list[LLMProvider]:
        """Return the providers able to do this task, in the order they are tried."""
        order = ROUTES.get(task, ROUTES["understand"])
        names = [n for n in order if n in self.providers] + [n for n in self.providers if n not in order]
        need = _NEEDS.get(task, "json")
        return [self.providers[n] for n in names if self.providers[n].supports(need)]

    def run(self, task: str, call: Callable[[LLMProvider, float], tuple[T, Usage]], *,
            conversation_id: int | None = None, session: Session | None = None) -> T | None:
        """Return the first usable answer along the task's chain before the deadline, or None (local result).

        call(provider, timeout) makes one call; the turn's deadline (or one of deadline_seconds) bounds the whole
        chain, fallbacks and retries included: past it, nothing more is waited for.
        """
        deadline = current_deadline() or Deadline(self.deadline_seconds)
        for provider in self.chain(task):
            if deadline.remaining() < MIN_CALL_SECONDS:
                log.info("llm deadline reached; local result kept", task=task, provider=provider.name)
                return None
            breaker = self.breakers[provider.name]
            if not breaker.allow():
                continue
            answered, result = self._ask(provider, task, call, deadline, conversation_id, session)
            if answered:
                breaker.record_success()
                return result
            breaker.record_failure()
        return None

    def _ask(self, provider: LLMProvider, task: str, call: Callable[[LLMProvider, float], tuple[T, Usage]],
             deadline: Deadline, conversation_id: int | None, session: Session | None) -> tuple[bool, T | None]:
        """Call one provider; retry once a server error or a dropped connection while the deadline leaves time."""
        model = provider.transcribe_model if task == "transcribe" else provider.model
        for attempt in (1, 2):
            left = deadline.remaining()
            timeout = min(left, self.call_timeout or left)
            started = time.perf_counter()
            try:
                result, usage = _within(timeout, partial(call, provider, timeout))
            except Exception as exc:  # any failure of a provider, even a bug in an adapter, means: try the next
                error = _describe(exc)
                log.opt(exception=exc).warning("llm call failed", provider=provider.name, task=task, error=error,
                                               attempt=attempt)
                self._record(provider.name, model, task, started, getattr(exc, "usage", Usage()), error,
                             conversation_id, session)
                if attempt == 1 and _transient(exc) and deadline.remaining() >= RETRY_PAUSE + MIN_CALL_SECONDS:
                    time.sleep(RETRY_PAUSE)
                    continue
                return False, None
            self._record(provider.name, model, task, started, usage, "", conversation_id, session)
            return True, result
        return False, None

    def understand(self, text: str, *, local: Analysis, context: dict[str, Any] | None = None,
                   conversation_id: int | None = None, session: Session | None = None,
                   mode: str | None = None) -> Analysis:
        """Return the analysis to act on: the local one, or a model's when the policy asks and a model answers."""
        mode = mode or self.mode
        if mode == "local" or (mode == "hybrid" and local.confidence >= self.threshold):
            return local
        system, user = understand_prompt(text, context)

        def ask(provider: LLMProvider, timeout: float) -> tuple[Analysis, Usage]:
            raw, usage = provider.complete_json(system, user, ANALYSIS_SCHEMA, timeout=timeout)
            found = analysis_from(raw, source=provider.name, fallback_language=local.language, usage=usage)
            return with_local_signals(found, local), usage

        return self.run("understand", ask, conversation_id=conversation_id, session=session) or local

    def phrase_reply(self, draft: str, *, language: str, facts: dict[str, Any], conversation_id: int | None = None,
                     session: Session | None = None) -> str:
        """Return the draft rephrased warmly, or the draft itself (local mode, failure, or a fact went missing)."""
        if self.mode == "local" or not draft.strip():
            return draft
        system, user = reply_prompt(draft, language, facts)

        def ask(provider: LLMProvider, timeout: float) -> tuple[str, Usage]:
            raw, usage = provider.complete_json(system, user, REPLY_SCHEMA, timeout=timeout)
            reply = text_field(raw, "reply", usage)
            if not keeps_facts(draft, reply):
                raise RejectedAnswer("rephrasing changed a reference or an amount", usage)
            return reply, usage

        return self.run("reply", ask, conversation_id=conversation_id, session=session) or draft

    def describe_image(self, data: bytes, content_type: str, *, conversation_id: int | None = None,
                       session: Session | None = None) -> dict[str, Any] | None:
        """Return {"service_type", "severity", "description"} for a customer's photo, or None."""
        if self.mode == "local" or not data:
            return None

        def ask(provider: LLMProvider, timeout: float) -> tuple[dict[str, Any], Usage]:
            raw, usage = provider.describe_image(data, content_type, vision_prompt(), timeout=timeout)
            return image_report_from(raw, usage), usage

        return self.run("vision", ask, conversation_id=conversation_id, session=session)

    def transcribe(self, data: bytes, content_type: str, *, conversation_id: int | None = None,
                   session: Session | None = None) -> str | None:
        """Return the text of a voice note, or None."""
        if self.mode == "local" or not data:
            return None
        return self.run("transcribe", lambda p, timeout: p.transcribe(data, content_type, timeout=timeout),
                        conversation_id=conversation_id, session=session)

    def reason(self, question: str, *, facts: dict[str, Any], conversation_id: int | None = None,
               session: Session | None = None) -> str | None:
        """Return a model's considered answer about a delicate case, or None."""
        if self.mode == "local":
            return None
        system, user = reasoning_prompt(question, facts)

        def ask(provider: LLMProvider, timeout: float) -> tuple[str, Usage]:
            raw, usage = provider.complete_json(system, user, ANSWER_SCHEMA, timeout=timeout)
            return text_field(raw, "answer", usage), usage

        return self.run("reasoning", ask, conversation_id=conversation_id, session=session)

    def _record(self, provider: str, model: str, task: str, started: float, usage: Usage, error: str,
                conversation_id: int | None, session: Session | None) -> None:
        record = CallRecord(provider=provider, model=model, task=task, ok=not error, error=error,
                            latency_ms=round((time.perf_counter() - started) * 1000),
                            input_tokens=usage.input_tokens, output_tokens=usage.output_tokens,
                            audio_seconds=usage.audio_seconds, conversation_id=conversation_id)
        try:
            self.recorder(record, session)
        except Exception as exc:  # an injected recorder must not break a turn either
            log.opt(exception=exc).warning("llm call not recorded", provider=provider, task=task,
                                           error=type(exc).__name__)


def _within(seconds: float, call: Callable[[], tuple[T, Usage]]) -> tuple[T, Usage]:
    """Return what call returns, or raise DeadlineExceeded after seconds (the call is left to end on its own)."""
    future = _CALLS.submit(call)
    try:
        return future.result(timeout=seconds)
    except FuturesTimeout:
        if future.done():
            raise  # the call itself raised a TimeoutError: an ordinary failure
        future.cancel()
        raise DeadlineExceeded(f"no answer within {seconds:.2f} s") from None


def _transient(exc: Exception) -> bool:
    """True for a failure worth one more try: a 5xx or 529, or a connection dropped (not a timeout, not a 429)."""
    status = getattr(exc, "status_code", None) or getattr(exc, "code", None)
    if isinstance(status, int):
        return status in _TRANSIENT_STATUS
    return type(exc).__name__ in _DROPPED


def _describe(exc: Exception) -> str:
    status = getattr(exc, "status_code", None) or getattr(exc, "code", None)
    head = f"{type(exc).__name__} {status}" if isinstance(status, int) else type(exc).__name__
    return f"{head}: {str(exc)[:200]}"


def configured_providers(config: Settings = settings) -> list[LLMProvider]:
    """Return an adapter for every provider whose key is set (SDKs are imported only then)."""
    found: list[LLMProvider] = []
    timeout = config.llm_timeout_seconds
    if key := config.anthropic_api_key.get_secret_value():
        from core.llm.claude import ClaudeProvider

        found.append(ClaudeProvider(api_key=key, model=config.anthropic_model, base_url=config.anthropic_base_url,
                                    timeout=timeout))
    if key := config.gemini_api_key.get_secret_value():
        from core.llm.gemini import GeminiProvider

        found.append(GeminiProvider(api_key=key, model=config.gemini_model, base_url=config.gemini_base_url,
                                    timeout=timeout))
    if key := config.openai_api_key.get_secret_value():
        from core.llm.gpt import OpenAIProvider

        found.append(OpenAIProvider(api_key=key, model=config.openai_model, base_url=config.openai_base_url,
                                    timeout=timeout, transcribe_model=config.openai_transcribe_model))
    return found


_default: Orchestrator | None = None  # per-process cache: clients built from settings, no shared state
_default_lock = threading.Lock()


def default_orchestrator() -> Orchestrator:
    """Return the process's orchestrator, built from settings on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Orchestrator(configured_providers(settings), mode=settings.effective_llm_mode,
                                    threshold=settings.llm_confidence_threshold,
                                    deadline_seconds=settings.llm_turn_deadline_seconds,
                                    call_timeout=settings.llm_timeout_seconds)
        return _default


def warm_up() -> None:
    """Build the process's orchestrator now, so the SDKs load at start and not inside a customer's turn."""
    if settings.effective_llm_mode != "local":
        default_orchestrator()


def reset() -> None:
    """Forget the process's orchestrator so the next call rebuilds it from (changed) settings."""
    global _default
    with _default_lock:
        _default = None


def with_local_signals(found: Analysis, local: Analysis) -> Analysis:
    """Return a model's analysis with what the local engine read besides the intent and slots.

    The model is not asked for directions, price questions or follow-ups; the local reading of them is kept, a
    follow-up only when the model agrees on the intent (a follow-up means nothing under another reading).
    """
    same = found.intent == local.intent
    return found.model_copy(update={
        "landmark": found.landmark or local.landmark,
        "asks_price": found.asks_price or local.asks_price,
        "asks_history": found.asks_history or (local.asks_history and found.intent == "status_check"),
        "follow_up": found.follow_up or (local.follow_up if same else None),
        "detail": found.detail or (local.detail if same else None),
    })


def understand(text: str, *, local: Analysis, context: dict[str, Any] | None = None,
               conversation_id: int | None = None, session: Session | None = None) -> Analysis:
    """Return the analysis to act on for a customer message, by the LLM_MODE policy; never raises."""
    if settings.effective_llm_mode == "local":
        return local
    return default_orchestrator().understand(text, local=local, context=context, conversation_id=conversation_id,
                                             session=session)


def phrase_reply(draft: str, *, language: str, facts: dict[str, Any], conversation_id: int | None = None,
                 session: Session | None = None) -> str:
    """Return the reply to send: the draft, or a warmer wording of it with the same facts."""
    if settings.effective_llm_mode == "local":
        return draft
    return default_orchestrator().phrase_reply(draft, language=language, facts=facts,
                                               conversation_id=conversation_id, session=session)


def describe_image(data: bytes, content_type: str, *, conversation_id: int | None = None,
                   session: Session | None = None) -> dict[str, Any] | None:
    """Return {"service_type", "severity", "description"} for a photo, or None without a vision provider."""
    return default_orchestrator().describe_image(data, content_type, conversation_id=conversation_id,
                                                 session=session)


def transcribe(data: bytes, content_type: str, *, conversation_id: int | None = None,
               session: Session | None = None) -> str | None:
    """Return the text of a voice note, or None without an audio provider."""
    return default_orchestrator().transcribe(data, content_type, conversation_id=conversation_id, session=session)


def reason(question: str, *, facts: dict[str, Any], conversation_id: int | None = None,
           session: Session | None = None) -> str | None:
    """Return a model's answer about a dispute, complaint or unusual request, or None."""
    return default_orchestrator().reason(question, facts=facts, conversation_id=conversation_id, session=session)
