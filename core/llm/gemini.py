"""Gemini through the official `google-genai` SDK (POST /v1beta/models/{model}:generateContent)."""

from typing import Any

from google import genai
from google.genai import types

from core.llm.parsing import structured_json
from core.llm.prompts import IMAGE_SCHEMA
from core.llm.provider import MAX_RETRIES, LLMProvider, Usage, call_timeout, text_or_reject

# 429 is left out on purpose: a rate-limited provider is skipped for the next one, not waited for.
_RETRY_STATUSES = [500, 502, 503, 504]
API_VERSION = "v1beta"


class GeminiProvider(LLMProvider):
    """Google's Gemini: photos first (images go inline), voice notes and text as a fallback."""

    name = "gemini"
    capabilities = frozenset({"json", "vision", "audio"})

    def __init__(self, *, api_key: str, model: str, base_url: str = "", timeout: float = 12.0,
                 max_retries: int = MAX_RETRIES) -> None:
        self.model, self.timeout = model, timeout
        self.transcribe_model = model
        retry = types.HttpRetryOptions(attempts=max_retries + 1, initial_delay=0.3, max_delay=1.0, jitter=0.1,
                                       http_status_codes=_RETRY_STATUSES)
        # Pinned so the wire path (/v1beta/models/{model}:generateContent) does not move with the SDK's default.
        options = types.HttpOptions(base_url=base_url or None, api_version=API_VERSION, timeout=int(timeout * 1000),
                                    retry_options=retry)
        self._client = genai.Client(api_key=api_key, vertexai=False, http_options=options)

    def complete_json(self, system: str, user: str, schema: dict[str, Any], *,
                      timeout: float | None = None) -> tuple[dict[str, Any], Usage]:
        """Return the JSON object Gemini answers under the schema (response_json_schema), and the usage."""
        return self._ask([user], system=system, schema=schema, timeout=timeout)

    def describe_image(self, data: bytes, content_type: str, prompt: str, *,
                       timeout: float | None = None) -> tuple[dict[str, Any], Usage]:
        """Return Gemini's JSON about an image sent inline."""
        return self._ask([types.Part.from_bytes(data=data, mime_type=content_type), prompt],
                         system="Answer with one JSON object only.", schema=IMAGE_SCHEMA, timeout=timeout)

    def transcribe(self, data: bytes, content_type: str, *, timeout: float | None = None) -> tuple[str, Usage]:
        """Return the text of a voice note, sent inline."""
        audio = types.Part.from_bytes(data=data, mime_type=content_type.split(";")[0].strip())
        prompt = "Transcribe this voice note word for word, in its own language. Answer with the transcript only."
        text, usage = self._generate([audio, prompt], system=None, schema=None, timeout=timeout)
        return text.strip(), usage

    def _ask(self, contents: list[Any], *, system: str, schema: dict[str, Any],
             timeout: float | None) -> tuple[dict[str, Any], Usage]:
        text, usage = self._generate(contents, system=system, schema=schema, timeout=timeout)
        return structured_json(text, usage), usage

    def _generate(self, contents: list[Any], *, system: str | None, schema: dict[str, Any] | None,
                  timeout: float | None) -> tuple[str, Usage]:
        # Structured output (ai.google.dev/gemini-api/docs/structured-output): a JSON schema with the JSON mime type.
        # Per-request http_options are merged into the client's (google-genai patch_http_options).
        config = types.GenerateContentConfig(
            system_instruction=system, response_mime_type="application/json" if schema else None,
            response_json_schema=schema,
            http_options=types.HttpOptions(timeout=max(1, round(call_timeout(timeout, self.timeout) * 1000))))
        response = self._client.models.generate_content(model=self.model, contents=contents, config=config)
        meta = response.usage_metadata
        # Thinking tokens are billed as output.
        output = ((meta.candidates_token_count or 0) + (meta.thoughts_token_count or 0)) if meta else 0
        usage = Usage(meta.prompt_token_count or 0 if meta else 0, output)
        return text_or_reject(response.text, usage), usage
