"""OpenAI through the official `openai` SDK (POST /v1/chat/completions, /v1/audio/transcriptions)."""

import base64
from typing import Any

import openai

from core.llm.parsing import structured_json
from core.llm.prompts import IMAGE_SCHEMA
from core.llm.provider import (
    MAX_RETRIES,
    LLMProvider,
    RejectedAnswer,
    Usage,
    call_timeout,
    fail_fast_on_rate_limit,
    text_or_reject,
)

TRANSCRIBE_MODEL = "gpt-transcribe"
_AUDIO_SUFFIX = {"audio/ogg": "ogg", "audio/mpeg": "mp3", "audio/mp4": "m4a", "audio/aac": "m4a",
                 "audio/amr": "amr", "audio/wav": "wav", "audio/x-wav": "wav", "audio/webm": "webm"}


class OpenAIProvider(LLMProvider):
    """OpenAI: reasoning first (disputes, unusual requests), voice notes, and a fallback for the rest."""

    name = "openai"
    capabilities = frozenset({"json", "vision", "audio"})

    def __init__(self, *, api_key: str, model: str, base_url: str = "", timeout: float = 12.0,
                 max_retries: int = MAX_RETRIES, transcribe_model: str = TRANSCRIBE_MODEL) -> None:
        self.model, self.timeout = model, timeout
        self.transcribe_model = transcribe_model
        self._client = openai.OpenAI(
            api_key=api_key, base_url=base_url or None, timeout=timeout, max_retries=max_retries,
            http_client=openai.DefaultHttpxClient(event_hooks={"response": [fail_fast_on_rate_limit]}),
        )

    def complete_json(self, system: str, user: str, schema: dict[str, Any], *,
                      timeout: float | None = None) -> tuple[dict[str, Any], Usage]:
        """Return the JSON object the model answers under the schema (strict structured output), and the usage."""
        return self._ask(system, user, schema, timeout)

    def describe_image(self, data: bytes, content_type: str, prompt: str, *,
                       timeout: float | None = None) -> tuple[dict[str, Any], Usage]:
        """Return the model's JSON about an image sent inline as a data URL."""
        url = f"data:{content_type};base64,{base64.b64encode(data).decode()}"
        content = [{"type": "text", "text": prompt}, {"type": "image_url", "image_url": {"url": url}}]
        return self._ask("Answer with one JSON object only.", content, IMAGE_SCHEMA, timeout)

    def transcribe(self, data: bytes, content_type: str, *, timeout: float | None = None) -> tuple[str, Usage]:
        """Return the text of a voice note."""
        filename = f"voice.{_AUDIO_SUFFIX.get(content_type.split(';')[0].strip(), 'ogg')}"
        result = self._client.audio.transcriptions.create(model=self.transcribe_model,
                                                          file=(filename, data, content_type),
                                                          timeout=call_timeout(timeout, self.timeout))
        usage = _transcription_usage(result.usage)
        return text_or_reject(result.text, usage).strip(), usage

    def _ask(self, system: str, content: str | list[Any], schema: dict[str, Any],
             timeout: float | None) -> tuple[dict[str, Any], Usage]:
        completion = self._client.chat.completions.create(
            model=self.model, response_format=response_format(schema),
            messages=[{"role": "system", "content": system}, {"role": "user", "content": content}],
            timeout=call_timeout(timeout, self.timeout),
        )
        usage = Usage(*(_tokens(completion.usage)))
        choice = completion.choices[0] if completion.choices else None
        if choice is not None and (choice.message.refusal or choice.finish_reason == "length"):
            raise RejectedAnswer(f"stopped: {'refusal' if choice.message.refusal else 'length'}", usage)
        text = choice.message.content if choice is not None else ""
        return structured_json(text_or_reject(text, usage), usage), usage


def response_format(schema: dict[str, Any]) -> Any:
    """Return the strict json_schema response_format (developers.openai.com/api/docs/guides/structured-outputs)."""
    body = {k: v for k, v in schema.items() if k != "title"}
    return {"type": "json_schema", "json_schema": {"name": schema.get("title") or "answer", "schema": body,
                                                   "strict": True}}


def _tokens(usage: Any) -> tuple[int, int]:
    if usage is None:
        return 0, 0
    return usage.prompt_tokens or 0, usage.completion_tokens or 0


def _transcription_usage(usage: Any) -> Usage:
    """Read a transcription's usage: tokens (gpt-4o-*-transcribe) or seconds of audio (gpt-transcribe, whisper-1)."""
    kind = getattr(usage, "type", "")
    if kind == "tokens":
        return Usage(getattr(usage, "input_tokens", 0) or 0, getattr(usage, "output_tokens", 0) or 0)
    if kind == "duration":
        return Usage(audio_seconds=float(getattr(usage, "seconds", 0) or 0))
    return Usage()
