"""The web chat API's bodies as pydantic models, so the OpenAPI schema describes them."""

from pydantic import BaseModel, Field


class ChatIn(BaseModel):
    """POST /api/chat: one visitor message (checked by hand for clear errors; this model names the fields)."""

    session_id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,100}$", description="the visitor's chat, chosen by the client")
    message: str = Field(min_length=1, max_length=2000, description="what the visitor wrote")
    phone: str | None = Field(default=None, description="a Cameroonian number to call back, e.g. +237 6 99 12 34 56")
    name: str | None = Field(default=None, max_length=120, description="how the visitor wants to be called")


class ChatRequest(BaseModel):
    """The repair request the conversation is about."""

    id: int
    reference: str = Field(description="e.g. DJB-7K3Q")
    service_type: str
    location: str = Field(description="the quartier")
    urgency: str
    status: str


class ChatTurn(BaseModel):
    """The answer to one message: the replies of this turn and the conversation's request, if any."""

    replies: list[str]
    request: ChatRequest | None


class ChatMessage(BaseModel):
    """One message of a web chat conversation."""

    id: int
    direction: str = Field(description="in (from the visitor) or out")
    author: str
    body: str
    created_at: str = Field(description="ISO 8601, UTC")
    status: str


class ApiError(BaseModel):
    """What every refused call answers, with its HTTP status."""

    error: str
