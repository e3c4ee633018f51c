"""Seeded conversations for conversation analytics tests: known turns, kept as plain Python values."""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session

from core import clock
from core.conversations.turn_record import rebuild_turn_days
from core.customers.models import Customer
from core.messaging.conversations import Conversation, Message
from core.messaging.models import MessageStatus
from core.service_requests.models import ServiceRequest

CHANNELS = ("whatsapp", "web", "simulator")
INTENTS = ("new_request", "status_check", "other", "complaint", "smalltalk")
QUESTIONS = ("", "service_type", "location", "rating")


@dataclass
class Seeded:
    """What was written: one dict per conversation, with its turns and its first request's time."""

    now: datetime
    conversations: list[dict] = field(default_factory=list)


def seed_conversations(session: Session, *, count: int = 60, days: int = 40, seed_value: int = 3) -> Seeded:
    """Write customers' conversations over days, with turns, replies, model use and some requests."""
    rng = random.Random(seed_value)
    now = clock.now()
    seeded = Seeded(now=now)
    for i in range(count):
        channel = CHANNELS[i % 3]
        customer = Customer(phone=f"+2376991{i:05d}")
        session.add(customer)
        session.flush()
        started = now - timedelta(days=rng.uniform(0, days), minutes=rng.randint(0, 600))
        conversation = Conversation(channel=channel, external_id=f"ext-{i}", customer_id=customer.id,
                                    created_at=started, updated_at=started)
        session.add(conversation)
        session.flush()
        at, turns = started, []
        for _ in range(rng.randint(1, 6)):
            turn = {"at": at, "intent": rng.choice(INTENTS), "language": rng.choice(("fr", "fr", "en")),
                    "understood": rng.random() > 0.25, "model_calls": rng.choice((0, 0, 0, 1, 2)),
                    "cost": 0, "unpriced": 0, "asked": rng.choice(QUESTIONS), "channel": channel}
            if turn["model_calls"]:
                turn["cost"], turn["unpriced"] = rng.randint(10, 900), rng.choice((0, 0, 1))
            session.add(Message(conversation_id=conversation.id, direction="in", channel=channel, body="…",
                                status=MessageStatus.PROCESSED, created_at=at, intent=turn["intent"],
                                language=turn["language"],
                                understood=turn["understood"], model="claude" if turn["model_calls"] else "",
                                model_calls=turn["model_calls"], model_cost_microusd=turn["cost"],
                                model_unpriced=turn["unpriced"], asked=turn["asked"]))
            session.add(Message(conversation_id=conversation.id, direction="out", channel=channel, author="bot",
                                body="réponse", status=MessageStatus.SENT, created_at=at + timedelta(seconds=2)))
            turns.append(turn)
            at += timedelta(minutes=rng.randint(1, 30))
        request_at = None
        if rng.random() < 0.45:
            request_at = turns[rng.randrange(len(turns))]["at"] + timedelta(seconds=5)
            session.add(ServiceRequest(reference=f"C{i:06d}", customer_id=customer.id,
                                       conversation_id=conversation.id, channel=channel, service_type="plumbing",
                                       quartier="Akwa", created_at=request_at, updated_at=request_at))
            if rng.random() < 0.3:  # a second request later never changes the first one's figures
                session.add(ServiceRequest(reference=f"D{i:06d}", customer_id=customer.id,
                                           conversation_id=conversation.id, channel=channel,
                                           service_type="electrical", quartier="Akwa",
                                           created_at=request_at + timedelta(hours=3),
                                           updated_at=request_at + timedelta(hours=3)))
        # a turn the engine did not read (a code typed back, a human answering) is no turn
        session.add(Message(conversation_id=conversation.id, direction="in", channel=channel, body="123456",
                            status=MessageStatus.PROCESSED, created_at=at))
        # what each turn keeps on its conversation (tests/conversations/test_turn_record.py checks the engine does)
        conversation.read_turns, conversation.first_turn_at = len(turns), turns[0]["at"]
        conversation.last_asked = turns[-1]["asked"]
        if request_at is not None:
            conversation.request_at = request_at
            conversation.turns_to_request = sum(1 for t in turns if t["at"] <= request_at)
        session.add(conversation)
        seeded.conversations.append({"id": conversation.id, "channel": channel, "started": started, "turns": turns,
                                     "request_at": request_at})
    provider_chat = Conversation(channel="whatsapp", external_id="provider", role="provider", created_at=now,
                                 updated_at=now)
    session.add(provider_chat)  # a provider's chat is never a customer's conversation begun
    unread = Conversation(channel="web", external_id="unread", created_at=now - timedelta(hours=1),
                          updated_at=now)
    session.add(unread)  # begun, but nothing read yet (a code typed back): begun, never dropped at a question
    session.flush()
    seeded.conversations.append({"id": unread.id, "channel": "web", "started": unread.created_at, "turns": [],
                                 "request_at": None})
    rebuild_turn_days(session=session)  # the daily totals each turn adds to (test_turn_record checks it does)
    session.commit()
    return seeded
