"""The one interface every language-model provider implements, and what they share."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

# One retry for a dropped connection or a 5xx, with the SDK's short backoff; anything longer is better spent on
# the next provider in the chain.
MAX_RETRIES = 1


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

    @abstractmethod
    def complete_json(self, system: str, user: str, schema: dict[str, Any]) -> tuple[dict[str, Any], Usage]:
        """Return the JSON object the model answers to this prompt, and the usage."""

    def describe_image(self, data: bytes, content_type: str, prompt: str) -> tuple[dict[str, Any], Usage]:
        """Return the JSON object the model answers about this image, and the usage."""
        raise NotImplementedError(f"{self.name} does not look at images here")

    def transcribe(self, data: bytes, content_type: str) -> tuple[str, Usage]:
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
