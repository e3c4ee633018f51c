"""What an admin does to a request's matching: hand it to a chosen provider, find another one, retry, cancel."""

from sqlmodel import Session, select

from core.db import stored_id
from core.matching.models import Offer, OfferStatus
from core.matching.offers import locked_request
from core.providers.models import Provider
from core.service_requests import lifecycle
from core.service_requests.models import RequestStatus, ServiceRequest
from core.service_requests.service import transition


def assign_to(*, session: Session, request: ServiceRequest, provider: Provider, admin: str) -> ServiceRequest:
    """Give a pending or offered request to this provider; the provider and the customer are told."""
    request = locked_request(session=session, request_id=stored_id(request))
    if request.status not in (RequestStatus.PENDING, RequestStatus.OFFERED):
        raise lifecycle.InvalidTransition("error.transition",
                                          f"a request that is {request.status} cannot be handed to a provider",
                                          from_status=request.status, to_status=RequestStatus.ASSIGNED)
    offer = session.exec(select(Offer).where(Offer.request_id == request.id,
                                             Offer.provider_id == provider.id)).first()
    # an accepted offer row marks who had the job, so a later search does not ask them again
    offer = offer or Offer(request_id=stored_id(request), provider_id=stored_id(provider), round=request.offer_round,
                           score_parts={"assigned_by": admin})
    offer.status = OfferStatus.ACCEPTED
    session.add(offer)
    request.provider_id = provider.id
    transition(session=session, request=request, target=RequestStatus.ASSIGNED, actor="admin", actor_id=admin,
               detail={"provider_id": provider.id})
    return request


def reassign(*, session: Session, request: ServiceRequest, admin: str, reason: str = "") -> ServiceRequest:
    """Take an assigned or started job back from its provider and search again without them."""
    request = locked_request(session=session, request_id=stored_id(request))
    transition(session=session, request=request, target=RequestStatus.PENDING, actor="admin", actor_id=admin,
               detail={"reason": reason, "provider_id": request.provider_id})
    return request


def retry(*, session: Session, request: ServiceRequest, admin: str) -> ServiceRequest:
    """Search again for an expired request (providers whose offer only lapsed may be asked again)."""
    request = locked_request(session=session, request_id=stored_id(request))
    transition(session=session, request=request, target=RequestStatus.PENDING, actor="admin", actor_id=admin)
    return request


def cancel(*, session: Session, request: ServiceRequest, admin: str, reason: str = "") -> ServiceRequest:
    """Cancel an open request; pending offers are withdrawn and everyone involved is told."""
    request = locked_request(session=session, request_id=stored_id(request))
    transition(session=session, request=request, target=RequestStatus.CANCELLED, actor="admin", actor_id=admin,
               detail={"reason": reason})
    return request
