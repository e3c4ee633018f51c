"""The analysis of one customer message, shared by the local engine and the LLM orchestrator."""

from datetime import datetime
from typing import Literal, get_args

from pydantic import BaseModel, Field

Intent = Literal[
    "new_request", "status_check", "cancel", "smalltalk", "info", "complaint", "join_as_provider", "other"
]
Urgency = Literal["urgent", "scheduled", "normal"]
Language = Literal["fr", "en"]
# What a message adds to a request already open: a sooner need, a detail, a yes, a remark or question on the price,
# or a call to send someone now.
FollowUp = Literal["urgency", "detail", "confirm", "price_objection", "price_question", "send_now"]

INTENTS: tuple[str, ...] = get_args(Intent)
URGENCIES: tuple[str, ...] = get_args(Urgency)
FOLLOW_UPS: tuple[str, ...] = get_args(FollowUp)


class Analysis(BaseModel):
    """What one message says: intent, service, place, urgency, time, language."""

    intent: Intent = "other"
    service_type: str | None = None
    location: str | None = None
    urgency: Urgency = "normal"
    when: datetime | None = None
    language: Language = "fr"
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    description: str = ""
    # A place named outside Douala (e.g. "Yaoundé"): the engine answers "not there yet" and creates nothing.
    outside_area: str | None = None
    # The message corrects something said before ("pardon c'est à Kotto pas Makepe").
    is_correction: bool = False
    # A 1-5 rating when the message gives one ("5 étoiles", "je donne 4/5").
    rating: int | None = Field(default=None, ge=1, le=5)
    # What the message would add to a request already open ("c'est urgent", "oui je confirme"); the intent stays
    # what the message says on its own (a bare follow-up is "other"), the conversation decides whether one is open.
    follow_up: FollowUp | None = None
    # The spot or detail a follow-up adds, in the customer's words ("dans la cuisine, sous l'évier").
    detail: str | None = None
    # The customer asks what it costs ("c'est combien ?", "na how much?"), whatever the intent.
    asks_price: bool = False
    # The customer asks to see their requests ("mes demandes", "historique", "my bookings"): a status check.
    asks_history: bool = False
    # Directions to the door in the customer's words ("derrière la pharmacie du rond-point, portail bleu").
    landmark: str | None = None
    # The message names a trade or its equipment outright ("plombier", "la clim"), not only a symptom ("ça coule").
    names_trade: bool = False
    # The trade of a tradesperson the message names ("I need a painter"), which later objects ("the fence") keep.
    worker_trade: str | None = None
    # Which engine produced it: "local" or an LLM provider name.
    source: str = "local"
