"""A record of each call to a language model, for monitoring and cost."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from core.dbtypes import utc_field


class LlmCall(SQLModel, table=True):
    """One call to one provider: who, what for, how long, how many tokens, what it cost."""

    id: int | None = Field(default=None, primary_key=True)
    provider: str = Field(max_length=20, index=True)  # claude | gemini | openai
    model: str = Field(max_length=80)
    task: str = Field(max_length=30)
    ok: bool = True
    error: str = Field(default="", max_length=500)
    latency_ms: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    # Millionths of a US dollar (integers, no float money); None when the model has no known price.
    cost_microusd: int | None = None
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id", index=True)
    created_at: datetime = utc_field(default_now=True, index=True)
