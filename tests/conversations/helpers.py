"""Moving a request through its lifecycle the way matching and providers do, for conversation tests."""

from sqlmodel import select

from core.db import session_scope
from core.messaging.conversations import Conversation
from core.service_requests.models import ServiceRequest
from core.service_requests.service import transition

PATH = {"offered": [("offered", "system")], "assigned": [("offered", "system"), ("assigned", "provider")],
        "in_progress": [("offered", "system"), ("assigned", "provider"), ("in_progress", "provider")],
        "completed": [("offered", "system"), ("assigned", "provider"), ("in_progress", "provider"),
                      ("completed", "provider")]}


def advance(request_id: int, target: str, provider_id: int | None = None, final_price: int | None = None) -> None:
    """Move the request to target through the lifecycle, with provider_id assigned on the way."""
    with session_scope() as session:
        request = session.get(ServiceRequest, request_id)
        if provider_id is not None:
            request.provider_id = provider_id
        if final_price is not None:
            request.final_price = final_price
        for status, actor in PATH[target]:
            transition(session=session, request=request, target=status, actor=actor)


def set_state(session_id: str, **values) -> None:
    """Merge values into the web conversation's stored state (as other parts of Djobea do)."""
    with session_scope() as session:
        conversation = session.exec(select(Conversation).where(Conversation.external_id == session_id)).one()
        conversation.state = {**(conversation.state or {}), **values}
        session.add(conversation)
