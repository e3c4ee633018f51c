"""An admin's actions on one request, all through the lifecycle's transition() with actor "admin"."""

from sqlmodel import Session

from core.customers.models import Customer
from core.matching import admin as matching_admin
from core.matching import jobs
from core.messaging.addresses import customer_conversation_of, provider_conversation
from core.messaging.conversations import Conversation
from core.messaging.models import OutboxMessage
from core.messaging.outbox import enqueue
from core.messaging.takeover import signed_by_agent
from core.providers.models import Provider, ProviderStatus
from core.rules.models import AuditEntry
from core.service_requests.lifecycle import allowed_targets
from core.service_requests.models import RequestStatus, ServiceRequest
from core.service_requests.service import transition, update_request
from core.texts.errors import UserError

ACTOR = "admin"


def admin_targets(request: ServiceRequest) -> list[RequestStatus]:
    """Return the statuses an admin may move the request to now."""
    return allowed_targets(request.status, ACTOR)


def change_status(*, session: Session, request: ServiceRequest, target: str, admin: str,
                  final_price: int | None = None, reason: str = "") -> None:
    """Move the request to target as an admin; completing needs the final price. Raises ValueError."""
    if target == RequestStatus.COMPLETED:
        if not isinstance(final_price, int) or isinstance(final_price, bool) or final_price <= 0:
            raise UserError("error.final_price", "completing a job needs its final price in FCFA")
        update_request(session=session, request=request, actor=ACTOR, final_price=final_price)
    if target == RequestStatus.ASSIGNED and request.provider_id is None:
        raise UserError("error.choose_provider", "choose the provider to assign")
    detail = {"reason": reason} if reason else {}
    if target == RequestStatus.COMPLETED:
        jobs.finish(session=session, request=request, actor=ACTOR, actor_id=admin, detail=detail)
    else:
        transition(session=session, request=request, target=target, actor=ACTOR, actor_id=admin, detail=detail)
    _audit(session, admin, "request.status", request, {"to": target, "reason": reason})


def cancel(*, session: Session, request: ServiceRequest, admin: str, reason: str = "") -> None:
    """Cancel the request as an admin (matching withdraws pending offers and tells everyone)."""
    matching_admin.cancel(session=session, request=request, admin=admin, reason=reason)
    _audit(session, admin, "request.cancel", request, {"reason": reason})


def reassign(*, session: Session, request: ServiceRequest, admin: str, provider_id: int | None = None) -> None:
    """Take the job from its provider (the search starts again), and give it to the chosen provider if any."""
    provider = None
    if provider_id is not None:
        provider = session.get(Provider, provider_id)
        if provider is None or provider.status != ProviderStatus.ACTIVE:
            raise UserError("error.active_provider", "choose an active provider")
        if provider_id == request.provider_id and request.status in (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS):
            raise UserError("error.already_has_job", "this provider already has the job")
    if request.status in (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS):
        request = matching_admin.reassign(session=session, request=request, admin=admin, reason="reassigned by admin")
    elif provider is None:
        raise UserError("error.no_provider_to_take", f"a {request.status} request has no provider to take it from",
                        status=request.status)
    if provider is not None:
        matching_admin.assign_to(session=session, request=request, provider=provider, admin=admin)
    _audit(session, admin, "request.reassign", request, {"provider_id": provider_id})


def contact(*, session: Session, request: ServiceRequest, who: str, body: str, admin: str) -> OutboxMessage:
    """Send a message from an agent to the request's customer or provider, through the outbox."""
    text = (body or "").strip()
    if not text:
        raise UserError("error.empty_message", "the message is empty")
    conversation = _conversation_of(session, request, who)
    row = enqueue(session=session, conversation=conversation, body=text[:1500], author="agent")
    assert row is not None
    signed_by_agent(session=session, message_id=row.message_id, actor=admin)
    _audit(session, admin, f"request.contact_{who}", request, {})
    return row


def _conversation_of(session: Session, request: ServiceRequest, who: str) -> Conversation:
    if who == "provider":
        provider = session.get(Provider, request.provider_id) if request.provider_id else None
        if provider is None:
            raise UserError("error.no_provider", "the request has no provider")
        return provider_conversation(session=session, provider=provider)
    if who != "customer":
        raise UserError("error.contact_whom", "contact the customer or the provider")
    if request.conversation_id:
        conversation = session.get(Conversation, request.conversation_id)
        if conversation is not None:
            return conversation
    customer = session.get(Customer, request.customer_id)
    conversation = customer_conversation_of(session=session, customer=customer) if customer is not None else None
    if conversation is None:
        raise UserError("error.no_customer_address", "the customer has no phone number or WhatsApp id")
    return conversation


def _audit(session: Session, admin: str, action: str, request: ServiceRequest, detail: dict) -> None:
    session.add(AuditEntry(actor=admin, action=action, target=request.reference, detail=detail))
