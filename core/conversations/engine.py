"""The conversation engine: context -> understanding -> action -> replies."""

from sqlmodel import Session

from core.catalog import fold
from core.config import settings
from core.conversations import actions, answers, followups, handoff, onboarding, returning, turn_record, web_identity
from core.conversations.context import Context, Turn
from core.conversations.understanding import asks_to_pay, find_quartier, understand
from core.db import get_existing, stored_id
from core.llm.deadline import turn_deadline
from core.logs import log
from core.matching.replies import handle_provider_message
from core.messaging.conversations import Conversation, Message
from core.messaging.outbox import enqueue
from core.nlu.schema import Analysis
from core.providers.models import Provider

SLOT_QUESTIONS = ("service_type", "location")
# The replies a model may reword, in the light of the customer's own words: a complaint, a question the
# templates answer only in general, a message not understood. Anywhere else a model would restate a template.
PHRASED = frozenset({"complaint", "how", "not_understood"})


def handle(*, session: Session, conversation: Conversation, message: Message) -> None:
    """Answer one inbound message (replies go through the outbox)."""
    if conversation.role == "provider":
        provider = get_existing(session, Provider, conversation.provider_id)
        handle_provider_message(session=session, provider=provider, conversation=conversation, message=message)
        return
    code = web_identity.typed_code(session=session, conversation=conversation, message=message)  # stored masked
    if conversation.human_takeover:
        return  # an admin is answering this person
    # One deadline for every model call of this turn; what the photo or voice note already used counts.
    with turn_deadline(settings.llm_turn_deadline_seconds - media_model_seconds(message)):
        context = Context.load(conversation)
        calls_after = turn_record.last_model_call(session=session, conversation_id=stored_id(conversation))
        if code is None:
            analysis = understand(text=message.body or "", context=context, conversation_id=conversation.id,
                                  session=session)
            message.analysis = analysis.model_dump(mode="json")
            context.language = _reply_language(message.body or "", analysis.language, context, conversation)
        else:
            analysis = Analysis(language=context.language)  # six digits: nothing to understand, nothing to send a model
        session.add(message)
        turn = Turn(session=session, conversation=conversation, message=message, context=context, analysis=analysis)
        if code is None:
            act(turn)
        elif web_identity.check(turn, code):
            actions.status(turn)  # what the visitor came for, now that the number is proven
        context.save(conversation)
        session.add(conversation)
        worth = worth_phrasing(turn) if code is None else None
        for index, draft in enumerate(turn.replies):
            enqueue(session=session, conversation=conversation, body=_phrased(turn, draft) if index == worth else draft,
                    dedupe_key=reply_key(stored_id(message), index))
        if code is None:
            turn_record.keep(turn, calls_after=calls_after)


def reply_key(message_id: int, index: int) -> str:
    """Return the outbox key of the index-th reply to an inbound message (one reply per key, ever)."""
    return f"reply:{message_id}:{index}"


def act(turn: Turn) -> None:
    """Choose and run the action for the message in its context."""
    analysis, ctx, intent = turn.analysis, turn.context, turn.analysis.intent
    if ctx.onboarding is None and (handoff.step(turn) or followups.confirm_cancel_step(turn)
                                   or web_identity.step(turn)):
        return
    if ctx.awaiting_rating is not None and analysis.rating is not None:
        answers.rating(turn, analysis.rating)
        return
    if ctx.rated_request is not None:
        if intent in ("other", "smalltalk", "complaint") and not (analysis.service_type or analysis.location):
            answers.rating_comment(turn)
            return
        ctx.rated_request = None
    if ctx.onboarding is not None:
        if intent == "cancel":
            ctx.onboarding, ctx.last_question = None, None
            turn.say("cancel_draft")
        else:
            onboarding.step(turn)
        return
    if followups.contest_step(turn) or (not returning.answers_same_place(turn) and followups.follow_up(turn)):
        return
    if intent == "join_as_provider":
        onboarding.start(turn)
    elif followups.wants_history(turn) and followups.history(turn):
        return
    elif intent == "status_check":
        actions.status(turn)
    elif intent == "cancel":
        request = actions.open_request(turn)
        if request is None or not followups.ask_cancel(turn, request):
            actions.cancel(turn)
    elif intent == "complaint":
        answers.complaint(turn)
    elif asks_to_pay(turn.text) and not analysis.service_type and intent in ("info", "other", "smalltalk"):
        answers.payment(turn)
    elif analysis.outside_area and not _douala_place(turn):
        turn.context.slots.pop("location", None)
        if not actions.withdraw_moved_away(turn, analysis.outside_area):
            turn.say("outside_area", place=analysis.outside_area)
    elif intent == "info":
        answers.info(turn)
    elif intent == "new_request" or _gives_details(turn) or returning.answers_same_place(turn):
        actions.collect(turn)
    elif followups.relay_to_provider(turn):
        return
    elif intent == "smalltalk" and not _waiting_for(turn):
        answers.smalltalk(turn)
    elif _waiting_for(turn) == "location":
        # The trade is known, the quartier asked: what came instead is kept, and the quartier asked again.
        turn.context.add_description(turn.text)
        actions.ask_location(turn)
    elif _waiting_for(turn) == "service_type":
        actions.ask_service(turn)  # the quartier is known: kept, the trouble asked again
    else:
        turn.say("not_understood")


def _gives_details(turn: Turn) -> bool:
    """True when a message of no clear intent still brings a service, a place, a time or directions to the job.

    Directions count only while no request is open (then they are the open request's landmark).
    """
    analysis = turn.analysis
    directions = bool(analysis.landmark) and actions.open_request(turn) is None
    return bool(analysis.service_type or analysis.location or analysis.when is not None or directions
                or (analysis.urgency != "normal" and (turn.context.slots or turn.context.last_question)))


def _waiting_for(turn: Turn) -> str | None:
    """Return the slot asked while the other one is known (the quartier of a known trade, or the reverse)."""
    ctx = turn.context
    if ctx.last_question == "location" and ctx.slots.get("service_type"):
        return "location"
    if ctx.last_question == "service_type" and ctx.slots.get("location"):
        return "service_type"
    return None


def _douala_place(turn: Turn) -> bool:
    return bool(turn.analysis.location and find_quartier(turn.analysis.location))


def _reply_language(text: str, detected: str, context: Context, conversation: Conversation) -> str:
    """Mirror the customer: the first message sets the language; later only a clear switch changes it."""
    if conversation.turn_count <= 1:
        return detected
    words = [w for w in fold(text).split() if w.isalpha()]
    if detected != context.language and len(words) >= 4:  # a bare quartier or "ok merci" proves nothing
        return detected
    return context.language


def worth_phrasing(turn: Turn) -> int | None:
    """Return the index of the one reply a model may reword this turn, or None: templates say the rest as well."""
    if settings.effective_llm_mode == "local":
        return None
    return next((index for index, key in enumerate(turn.keys) if key in PHRASED), None)


def media_model_seconds(message: Message) -> float:
    """Return the seconds models spent on this message's photos and voice notes before the turn."""
    return sum(float(item.get("model_seconds") or 0) for item in message.media or [] if isinstance(item, dict))


def _phrased(turn: Turn, draft: str) -> str:
    """Return the draft, reworded by the LLM in the light of the customer's words (the draft when it cannot)."""
    try:
        from core.llm.orchestrator import phrase_reply  # looked up at each call: tests swap it

        phrased = phrase_reply(draft, language=turn.language, facts=_facts(turn), conversation_id=turn.conversation.id,
                               session=turn.session)
    except Exception:
        log.exception("reply phrasing failed; draft kept", conversation_id=turn.conversation.id)
        return draft
    return phrased.strip() or draft


def _facts(turn: Turn) -> dict:
    analysis = turn.analysis
    return {"intent": analysis.intent, "service_type": analysis.service_type, "location": analysis.location,
            "request_id": turn.conversation.current_request_id, "customer_said": turn.text[:500]}
