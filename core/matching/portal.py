"""The provider portal's buttons, as the provider's WhatsApp words: the same functions of core.matching.jobs."""

from sqlmodel import Session

from core.matching import jobs
from core.matching.models import Offer
from core.matching.notifications import send_job_details
from core.providers.models import Provider

# button -> the stage start_job records, as "EN ROUTE" and "j'ai commencé" do on WhatsApp
STAGE_OF = {"on_the_way": "on_the_way", "start": "started"}


def portal_action(*, session: Session, provider: Provider, action: str, item_id: int,
                  price: int | None = None) -> str:
    """Run one button on the provider's own offer or job only; return the outcome's name."""
    if action in ("accept", "decline"):
        offer = session.get(Offer, item_id)
        if offer is None or offer.provider_id != provider.id:
            return "offer_closed"  # another provider's offer is simply not found
        function = jobs.accept_offer if action == "accept" else jobs.decline_offer
        outcome, request = function(session=session, provider=provider, offer_id=item_id)
        if outcome == "accepted":  # as the WhatsApp "OUI" is answered: the details, on the phone too
            send_job_details(session=session, request=request, provider=provider)
        return outcome
    if action in STAGE_OF:
        outcome, _ = jobs.start_job(session=session, provider=provider, request_id=item_id, stage=STAGE_OF[action])
        return "on_the_way_ok" if outcome == "started_ok" and action == "on_the_way" else outcome
    if action != "complete":
        return "offer_closed"
    if not isinstance(price, int) or price <= 0:
        return "price_needed"
    outcome, _ = jobs.complete_job(session=session, provider=provider, request_id=item_id, price=price)
    return outcome
