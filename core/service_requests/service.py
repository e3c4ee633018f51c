"""Create requests, change them through the lifecycle, and record their timeline."""

from typing import Any

from sqlmodel import Session, select

from core import clock
from core.catalog import service as catalog_service
from core.db import stored_id
from core.references import random_reference
from core.service_requests import lifecycle
from core.service_requests.hooks import run_hooks
from core.service_requests.models import RequestEvent, RequestMedia, RequestStatus, ServiceRequest

_TIMESTAMP_FOR = {
    RequestStatus.OFFERED: "offered_at", RequestStatus.ASSIGNED: "assigned_at", RequestStatus.IN_PROGRESS: "started_at",
    RequestStatus.COMPLETED: "completed_at", RequestStatus.CANCELLED: "closed_at", RequestStatus.EXPIRED: "closed_at",
}


def new_reference(*, session: Session) -> str:
    """Return an unused reference such as DJB-7K3Q."""
    while True:
        ref = random_reference("DJB-", 4)
        if not session.exec(select(ServiceRequest.id).where(ServiceRequest.reference == ref)).first():
            return ref


def create_request(*, session: Session, customer_id: int, service_type: str, quartier: str, actor: str = "customer",
                   **fields: Any) -> ServiceRequest:
    """Create a pending request with the catalogue's price range, and its first timeline event."""
    service = catalog_service(service_type)
    if service is None:
        raise ValueError(f"unknown service type: {service_type}")
    request = ServiceRequest(
        reference=new_reference(session=session), customer_id=customer_id, service_type=service_type,
        quartier=quartier, price_min=service.price_min, price_max=service.price_max, **fields,
    )
    session.add(request)
    session.flush()
    record_event(session=session, request=request, actor=actor, kind="created", to_status=request.status,
                 detail={"service_type": service_type, "quartier": quartier, "urgency": request.urgency})
    return request


def transition(*, session: Session, request: ServiceRequest, target: RequestStatus | str, actor: str,
               actor_id: str = "", detail: dict | None = None) -> lifecycle.Transition:
    """Move request to target if the table allows it for actor; record the event. Raises InvalidTransition."""
    step = lifecycle.find_transition(request.status, target, actor)
    target = RequestStatus(target)  # known now: the table has it
    now = clock.now()
    source = request.status
    request.status = target
    request.updated_at = now
    stamp = _TIMESTAMP_FOR.get(target)
    if stamp:
        setattr(request, stamp, now)
    session.add(request)
    record_event(session=session, request=request, actor=actor, actor_id=actor_id, kind="transition",
                 from_status=source, to_status=target, detail=detail or {})
    run_hooks(session=session, request=request, step=step, actor=actor, detail=detail or {})
    return step


def update_request(*, session: Session, request: ServiceRequest, actor: str, **changes: Any) -> dict:
    """Change the request's details (not its status); record what changed. Returns the changes made."""
    if "status" in changes:
        raise ValueError("status changes go through transition()")
    made = {}
    for name, value in changes.items():
        old = getattr(request, name)
        if old != value:
            setattr(request, name, value)
            made[name] = {"from": old, "to": value}
    if "service_type" in made:
        service = catalog_service(request.service_type)
        if service is None:
            raise ValueError(f"unknown service type: {request.service_type}")
        request.price_min, request.price_max = service.price_min, service.price_max
    if made:
        request.updated_at = clock.now()
        session.add(request)
        record_event(session=session, request=request, actor=actor, kind="updated", detail=made)
    return made


def record_event(*, session: Session, request: ServiceRequest, actor: str, kind: str, actor_id: str = "",
                 from_status: RequestStatus | None = None, to_status: RequestStatus | None = None,
                 detail: dict | None = None) -> RequestEvent:
    """Add one event to the request's timeline."""
    event = RequestEvent(request_id=stored_id(request), actor=actor, actor_id=actor_id, kind=kind,
                         from_status=from_status, to_status=to_status, detail=detail or {})
    session.add(event)
    return event


def timeline(*, session: Session, request_id: int) -> list[RequestEvent]:
    """Return the request's events, oldest first."""
    query = select(RequestEvent).where(RequestEvent.request_id == request_id).order_by(RequestEvent.at,
                                                                                      RequestEvent.id)
    return list(session.exec(query))


def request_media(*, session: Session, request_id: int) -> list[RequestMedia]:
    """Return what the customer sent with the request (photos, voice notes, pins), oldest first."""
    return list(session.exec(select(RequestMedia).where(RequestMedia.request_id == request_id)
                             .order_by(RequestMedia.id)))


def open_requests_of(*, session: Session, customer_id: int) -> list[ServiceRequest]:
    """Return the customer's requests that are not closed, newest first."""
    query = (select(ServiceRequest)
             .where(ServiceRequest.customer_id == customer_id,
                    ServiceRequest.status.in_(lifecycle.OPEN_STATUSES))
             .order_by(ServiceRequest.created_at.desc()))
    return list(session.exec(query))
