"""What a call costs, in millionths of a US dollar (integers: no float money); None when the price is not known."""

import re
from dataclasses import dataclass
from datetime import date

from core import clock


@dataclass(frozen=True)
class Price:
    """A list price: micro-USD per 1,000 tokens (= USD per million tokens x 1,000), or per minute of audio."""

    input: int = 0
    output: int = 0
    audio_minute: int = 0
    since: date | None = None  # the day this price starts; the newest one already started applies


# List prices for standard (not batch, not priority) requests with short prompts, like ours (about 2,000 tokens).
# Each line names where its numbers were read and when; a model missing here is shown as "cost unknown".
PRICES: dict[str, tuple[Price, ...]] = {
    # platform.claude.com/docs/en/models/haiku-5-5/overview, "How it compares" and "Pricing" (read 2026-12-03);
    # Haiku 5.5's price holds for prompts up to 100,000 tokens.
    "claude-haiku-5-5": (Price(100, 500),),
    "claude-sonnet-5-5": (Price(2_000, 10_000),),
    "claude-opus-5-5": (Price(4_000, 20_000),),
    "claude-fable-5-1": (Price(10_000, 50_000),),
    # platform.claude.com/docs/en/about-claude/models/overview, model comparison (read 2026-12-03).
    "claude-sonnet-5": (Price(2_000, 10_000),),
    "claude-haiku-4-5": (Price(1_000, 5_000),),
    # ai.google.dev/gemini-api/docs/pricing, paid tier, in the verbatim transcription of 2026-10-07 (repository
    # api-evangelist/deepmind, plans/deepmind-plans-pricing.yml): text, image, video and audio input cost the same
    # for 3.5 Flash-Lite; 3.8 Flash doubles on 2027-01-01 as that page announces.
    "gemini-3.5-flash-lite": (Price(300, 2_500),),
    "gemini-3.5-flash": (Price(1_500, 9_000),),
    "gemini-3.8-flash": (Price(750, 3_750), Price(1_500, 7_500, since=date(2027, 1, 1))),
    # developers.openai.com/api/docs/models/gpt-6-luna and .../gpt-5.6-luna, "Text tokens" (read 2026-12-03).
    "gpt-6-luna": (Price(100, 500),),
    "gpt-5.6-luna": (Price(200, 1_200),),
    # developers.openai.com/api/docs/models/gpt-transcribe: $0.0045 per minute of audio (read 2026-12-03).
    "gpt-transcribe": (Price(audio_minute=4_500),),
}

# A dated snapshot of a known model: "-20251001", "-2026-03-17", "-001". Anything else is another model.
_SNAPSHOT = re.compile(r"-(?:\d{8}|\d{4}-\d{2}-\d{2}|\d{3})$")


def price_of(model: str, on: date | None = None) -> Price | None:
    """Return the price of a model (or of a dated snapshot of it) on a day, or None when it is not known."""
    name = _SNAPSHOT.sub("", model.strip().lower())
    prices = PRICES.get(name)
    if not prices:
        return None
    day = on or clock.local(clock.now()).date()
    started = [p for p in prices if p.since is None or p.since <= day]
    return max(started, key=lambda p: p.since or date.min) if started else None


def cost_microusd(model: str, input_tokens: int, output_tokens: int, audio_seconds: float = 0.0,
                  on: date | None = None) -> int | None:
    """Return the cost of a call in micro-USD, rounded to the nearest one; None for a model without a price."""
    price = price_of(model, on)
    if price is None:
        return None
    tokens = input_tokens * price.input + output_tokens * price.output
    return (tokens + 500) // 1000 + round(audio_seconds * price.audio_minute / 60)
