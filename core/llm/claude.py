"""Claude through the official `anthropic` SDK (POST /v1/messages), answers shaped by structured outputs."""

import base64
from typing import Any

import anthropic

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

MAX_OUTPUT_TOKENS = 700


class ClaudeProvider(LLMProvider):
    """Anthropic's Claude: understanding and phrasing first, images as a fallback."""

    name = "claude"
    capabilities = frozenset({"json", "vision"})

    def __init__(self, *, api_key: str, model: str, base_url: str = "", timeout: float = 12.0,
                 max_retries: int = MAX_RETRIES) -> None:
        self.model, self.timeout = model, timeout
        self._client = anthropic.Anthropic(
            api_key=api_key, base_url=base_url or None, timeout=timeout, max_retries=max_retries,
            http_client=anthropic.DefaultHttpxClient(event_hooks={"response": [fail_fast_on_rate_limit]}),
        )

    def complete_json(self, system: str, user: str, schema: dict[str, Any], *,
                      timeout: float | None = None) -> tuple[dict[str, Any], Usage]:
        """Return the JSON object Claude answers under the schema, and the usage."""
        return self._ask(system, user, schema, timeout)

    def describe_image(self, data: bytes, content_type: str, prompt: str, *,
                       timeout: float | None = None) -> tuple[dict[str, Any], Usage]:
        """Return Claude's JSON about an image sent inline as base64."""
        image = {"type": "image",
                 "source": {"type": "base64", "media_type": content_type, "data": base64.b64encode(data).decode()}}
        return self._ask("Answer with one JSON object only.", [image, {"type": "text", "text": prompt}],
                         IMAGE_SCHEMA, timeout)

    def _ask(self, system: str, content: str | list[Any], schema: dict[str, Any],
             timeout: float | None) -> tuple[dict[str, Any], Usage]:
        # Structured outputs (output_config.format, platform.claude.com/docs/en/build-with-claude/structured-outputs):
        # the SDK's transform_schema drops what the API does not support into descriptions.
        output_config: Any = {"format": {"type": "json_schema", "schema": anthropic.transform_schema(schema)}}
        message = self._client.messages.create(
            model=self.model, max_tokens=MAX_OUTPUT_TOKENS, system=system,
            messages=[{"role": "user", "content": content}],
            output_config=output_config, timeout=call_timeout(timeout, self.timeout),
        )
        usage = Usage(message.usage.input_tokens or 0, message.usage.output_tokens or 0)
        if message.stop_reason in ("refusal", "max_tokens"):
            raise RejectedAnswer(f"stopped: {message.stop_reason}", usage)
        text = "".join(block.text for block in message.content if block.type == "text")
        return structured_json(text_or_reject(text, usage), usage), usage
