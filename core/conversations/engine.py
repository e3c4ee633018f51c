"""The conversation engine: context -> understanding -> action -> replies."""

from sqlmodel import Session

from core.conversations.models import Conversation, Message


def handle(*, session: Session, conversation: Conversation, message: Message) -> None:
    """Answer one inbound message (replies go through the outbox)."""
    raise NotImplementedError("the conversation engine is built in core/conversations/engine.py")
