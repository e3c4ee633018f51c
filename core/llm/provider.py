"""The one interface every language-model provider implements, and what they share."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

# The SDKs do not retry: a retry sleeping past the turn's deadline would be paid for and never read. The
# orchestrator retries a 5xx or a dropped connection once itself, only while the deadline leaves time.
MAX_RETRIES = 0


@dataclass(frozen=True)
class Usage:
    """Tokens a call consumed, as the provider's SDK reported them."""

    input_tokens: int = 0
    output_tokens: int = 0
    audio_seconds: float = 0.0  # what transcription models priced by the minute report instead of tokens


class RejectedAnswer(Exception):
    """The provider answered, but not with something usable (no JSON, wrong fields): counts as a failure."""

    def __init__(self, reason: str, usage: Usage | None = None) -> None:
        super().__init__(reason)
        self.usage = usage or Usage()


class LLMProvider(ABC):
    """A language-model provider: JSON completions, and optionally images and audio."""

    name: ClassVar[str]
    capabilities: ClassVar[frozenset[str]] = frozenset({"json"})
    model: str
    transcribe_model: str = ""
    timeout: float = 12.0  # the client's own timeout for one request

    # timeout: the seconds this one call may take (SDK retries included), from what the turn's deadline leaves.
    @abstractmethod
    def complete_json(self, system: str, user: str, schema: dict[str, Any], *,
                      timeout: float | None = None) -> tuple[dict[str, Any], Usage]:
        """Return the JSON object the model answers to this prompt under the schema, and the usage."""

    def describe_image(self, data: bytes, content_type: str, prompt: str, *,
                       timeout: float | None = None) -> tuple[dict[str, Any], Usage]:
        """Return the JSON object the model answers about this image, and the usage."""
        raise NotImplementedError(f"{self.name} does not look at images here")

    def transcribe(self, data: bytes, content_type: str, *, timeout: float | None = None) -> tuple[str, Usage]:
        """Return the text spoken in this audio, and the usage."""
        raise NotImplementedError(f"{self.name} does not transcribe audio here")

    def supports(self, capability: str) -> bool:
        """True when this provider can do this kind of call ("json", "vision", "audio")."""
        return capability in self.capabilities


def fail_fast_on_rate_limit(response: Any) -> None:
    """httpx response hook: tell the SDK not to wait out a 429's Retry-After; the next provider answers instead."""
    if response.status_code == 429:
        response.headers["x-should-retry"] = "false"


def text_or_reject(text: str | None, usage: Usage) -> str:
    """Return the model's text, or reject an empty answer."""
    if not text or not text.strip():
        raise RejectedAnswer("empty answer", usage)
    return text


def call_timeout(timeout: float | None, client_timeout: float) -> float:
    """Return the seconds one request may take: what the turn leaves, never more than the client's own timeout."""
    return min(timeout, client_timeout) if timeout else client_timeout
