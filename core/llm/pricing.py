"""What a call costs, in millionths of a US dollar (integers: no float money)."""

# Micro-USD per 1,000 tokens (= USD per million tokens x 1,000), input then output; list prices, kept small.
PRICES: dict[str, tuple[int, int]] = {
    "claude-opus-4": (15_000, 75_000),
    "claude-opus-4-5": (5_000, 25_000),
    "claude-sonnet-4": (3_000, 15_000),
    "claude-haiku-4-5": (1_000, 5_000),
    "claude-3-5-haiku": (800, 4_000),
    "gemini-2.5-pro": (1_250, 10_000),
    "gemini-2.5-flash": (300, 2_500),
    "gemini-2.5-flash-lite": (100, 400),
    "gemini-2.0-flash": (100, 400),
    "gpt-4o": (2_500, 10_000),
    "gpt-4o-mini": (150, 600),
    "gpt-4.1": (2_000, 8_000),
    "gpt-4.1-mini": (400, 1_600),
    "gpt-5": (1_250, 10_000),
    "gpt-5-mini": (250, 2_000),
    "gpt-4o-mini-transcribe": (1_250, 5_000),
    "gpt-4o-transcribe": (2_500, 10_000),
}


def price_of(model: str) -> tuple[int, int] | None:
    """Return the price of a model, matching dated or suffixed names by their longest known prefix."""
    name = model.lower()
    known = [prefix for prefix in PRICES if name == prefix or name.startswith(prefix + "-")]
    return PRICES[max(known, key=len)] if known else None


def cost_microusd(model: str, input_tokens: int, output_tokens: int) -> int:
    """Return the cost of a call in micro-USD, rounded to the nearest one; 0 for a model without a price."""
    price = price_of(model)
    if price is None:
        return 0
    return (input_tokens * price[0] + output_tokens * price[1] + 500) // 1000
