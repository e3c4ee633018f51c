"""Demo data: providers over every quartier and trade, and a few weeks of past jobs, all marked is_demo."""

import random
from datetime import timedelta

from sqlmodel import Session, func, select

from core import clock
from core.catalog import quartiers, services
from core.customers.models import Customer
from core.db import stored_id
from core.matching.models import Offer, OfferStatus
from core.messaging.conversations import Conversation, Message
from core.messaging.models import MessageStatus
from core.money import percent_of
from core.payments.models import LedgerEntry, Payment, PaymentStatus
from core.providers.models import Provider, ProviderService, ProviderStatus, ProviderZone, Rating
from core.service_requests.models import RequestEvent, RequestStatus, ServiceRequest
from core.service_requests.service import new_reference

DEMO_PROVIDER_PREFIX = "+237600"  # +237 600 xx xx xx is not allocated to any operator: safe for a demo
DEMO_CUSTOMER_PREFIX = "+237601"
FIRST_NAMES = ["Jean", "Paul", "Emmanuel", "Serge", "Hervé", "Blaise", "Joseph", "Martin", "Samuel", "Christian",
               "Alain", "Patrice", "Junior", "Franck", "Rodrigue", "Yannick", "Aristide", "Boris", "Landry", "Cyrille",
               "Marie", "Pauline", "Brigitte", "Esther", "Solange", "Nadège", "Gaëlle", "Clarisse", "Estelle", "Rose"]
LAST_NAMES = ["Mbarga", "Ngono", "Ekambi", "Tchoupo", "Fotso", "Kamga", "Nkoulou", "Eto'o", "Mbappé", "Ndongo",
              "Essomba", "Njoya", "Tagne", "Bile", "Ebongue", "Mouelle", "Nana", "Tchakounté", "Fouda", "Atangana",
              "Abena", "Djomo", "Wandji", "Kouam", "Nguema", "Penda", "Songue", "Dikoume", "Manga", "Ewane"]
PROVIDER_COUNT = 60
PAST_REQUESTS = 240
PAST_DAYS = 28


def seed_demo(*, session: Session) -> dict[str, int]:
    """Add the demo providers and past jobs unless demo providers exist already; return what was added."""
    existing = session.exec(select(func.count()).select_from(Provider).where(Provider.is_demo)).one()
    if existing:
        return {"providers": 0, "requests": 0}
    rng = random.Random(237)
    providers = _seed_providers(session, rng)
    requests = _seed_history(session, rng, providers)
    return {"providers": len(providers), "requests": requests}


def _seed_providers(session: Session, rng: random.Random) -> list[Provider]:
    zones = quartiers()
    codes = [s.code for s in services()]
    providers = []
    for i in range(PROVIDER_COUNT):
        home = zones[i % len(zones)]
        trade = codes[i % len(codes)]
        name = f"{FIRST_NAMES[rng.randrange(len(FIRST_NAMES))]} {LAST_NAMES[rng.randrange(len(LAST_NAMES))]}"
        ratings = rng.randint(3, 90)
        provider = Provider(
            name=name, phone=f"{DEMO_PROVIDER_PREFIX}{i + 1:06d}", quartier=home.name,
            lat=home.lat + rng.uniform(-0.004, 0.004), lon=home.lon + rng.uniform(-0.004, 0.004),
            verified=i % 13 != 12, status=ProviderStatus.ACTIVE, available=i % 9 != 8,
            rating_count=ratings, rating_sum=round(ratings * rng.uniform(3.6, 4.9)), is_demo=True,
            language="en" if i % 7 == 3 else "fr",
        )
        session.add(provider)
        session.flush()
        trades = {trade} | ({codes[(i + 4) % len(codes)]} if i % 4 == 0 else set())
        for code in sorted(trades):
            session.add(ProviderService(provider_id=stored_id(provider), service_code=code))
        served = {home.name} | {z.name for z in sorted(zones, key=lambda z: _distance(home, z))[1:4]}
        for q in sorted(served):
            session.add(ProviderZone(provider_id=stored_id(provider), quartier=q))
        providers.append(provider)
    session.flush()
    return providers


def _distance(a, b) -> float:
    return (a.lat - b.lat) ** 2 + (a.lon - b.lon) ** 2


def _seed_history(session: Session, rng: random.Random, providers: list[Provider]) -> int:
    now = clock.now()
    zones = quartiers()
    by_trade: dict[str, list[Provider]] = {}
    for p in providers:
        for link in session.exec(select(ProviderService).where(ProviderService.provider_id == p.id)):
            by_trade.setdefault(link.service_code, []).append(p)
    catalogue = services()
    for i in range(PAST_REQUESTS):
        created = now - timedelta(days=rng.uniform(0.05, PAST_DAYS), minutes=rng.randint(0, 59))
        service = catalogue[rng.randrange(len(catalogue))]
        zone = zones[rng.randrange(len(zones))]
        phone = f"{DEMO_CUSTOMER_PREFIX}{i + 1:06d}"
        customer = Customer(phone=phone, name="", is_demo=True, created_at=created)
        session.add(customer)
        session.flush()
        conversation = Conversation(channel="simulator", external_id=phone, customer_id=customer.id,
                                    is_demo=True, created_at=created, updated_at=created, last_inbound_at=created)
        session.add(conversation)
        session.flush()
        text = f"Bonjour, {service.problems_fr[0] if service.problems_fr else service.name_fr} à {zone.name}"
        session.add(Message(conversation_id=stored_id(conversation), direction="in", channel="simulator", body=text,
                            status=MessageStatus.PROCESSED, created_at=created, processed_at=created))
        request = ServiceRequest(
            reference=new_reference(session=session), customer_id=stored_id(customer), conversation_id=conversation.id,
            channel="simulator", service_type=service.code, quartier=zone.name, lat=zone.lat, lon=zone.lon,
            description=text, urgency=rng.choice(["normal", "normal", "urgent", "scheduled"]),
            price_min=service.price_min, price_max=service.price_max, is_demo=True,
            created_at=created, updated_at=created,
        )
        session.add(request)
        session.flush()
        _play_history(session, rng, request, by_trade.get(service.code) or providers, created, now)
    return PAST_REQUESTS


def _play_history(session: Session, rng: random.Random, request: ServiceRequest, candidates: list[Provider],
                  created, now) -> None:
    """Walk a past request through the lifecycle, with the events, offer, payment and rating it would have."""
    def event(at, source, target, actor="system", kind="transition") -> None:
        session.add(RequestEvent(request_id=stored_id(request), at=at, actor=actor, kind=kind,
                                 from_status=source, to_status=target))
        request.status, request.updated_at = target, at

    event(created, None, RequestStatus.PENDING, "customer", "created")
    fate = rng.random()
    if fate < 0.06:
        at = created + timedelta(minutes=rng.randint(1, 8))
        event(at, RequestStatus.PENDING, RequestStatus.CANCELLED, "customer")
        request.closed_at = at
        return
    offered = created + timedelta(seconds=rng.randint(5, 40))
    event(offered, RequestStatus.PENDING, RequestStatus.OFFERED)
    request.offered_at, request.offer_round = offered, 1
    provider = candidates[rng.randrange(len(candidates))]
    provider.offers_received += 1
    provider.last_offered_at = offered
    if fate < 0.14:
        expired = offered + timedelta(minutes=30)
        session.add(Offer(request_id=stored_id(request), provider_id=stored_id(provider), status=OfferStatus.EXPIRED,
                          created_at=offered, expires_at=offered + timedelta(minutes=10)))
        provider.offers_expired += 1
        event(expired, RequestStatus.OFFERED, RequestStatus.EXPIRED)
        request.closed_at = expired
        return
    accepted = offered + timedelta(seconds=rng.randint(40, 900))
    session.add(Offer(request_id=stored_id(request), provider_id=stored_id(provider), status=OfferStatus.ACCEPTED,
                      score=rng.uniform(0.5, 0.95), created_at=offered, expires_at=offered + timedelta(minutes=10),
                      responded_at=accepted))
    provider.offers_accepted += 1
    provider.responses += 1
    provider.response_seconds_total += int((accepted - offered).total_seconds())
    event(accepted, RequestStatus.OFFERED, RequestStatus.ASSIGNED, "provider")
    request.provider_id, request.assigned_at = provider.id, accepted
    done = accepted + timedelta(minutes=rng.randint(45, 240))
    if done > now or fate < 0.2:
        return
    started = accepted + timedelta(minutes=rng.randint(15, 40))
    event(started, RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, "provider")
    request.started_at = started
    event(done, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED, "provider")
    price = rng.randrange(request.price_min, request.price_max + 1, 500)
    request.final_price, request.completed_at = price, done
    provider.jobs_completed += 1
    if fate < 0.9:
        _paid(session, rng, request, provider, done + timedelta(minutes=rng.randint(2, 90)))
    if fate < 0.75:
        stars = rng.choices([5, 4, 3, 2], weights=[55, 30, 10, 5])[0]
        session.add(Rating(request_id=stored_id(request), provider_id=stored_id(provider),
                           customer_id=request.customer_id, stars=stars, created_at=done + timedelta(hours=1)))
        provider.rating_sum += stars
        provider.rating_count += 1
    session.add(provider)


def _paid(session: Session, rng: random.Random, request: ServiceRequest, provider: Provider, at) -> None:
    from core.config import settings

    amount = request.final_price or 0
    commission = percent_of(amount, settings.commission_percent)
    payment = Payment(payment_ref=f"demo-{request.reference}", request_id=stored_id(request),
                      customer_id=request.customer_id, provider_id=stored_id(provider), amount=amount,
                      commission=commission,
                      payout_amount=amount - commission, status=PaymentStatus.SUCCESS, paid_at=at, created_at=at,
                      updated_at=at, operator=rng.choice(["CM_MTNMOBILEMONEY", "CM_ORANGEMONEY"]), is_demo=True)
    session.add(payment)
    session.flush()
    session.add(LedgerEntry(provider_id=stored_id(provider), payment_id=payment.id, kind="earning",
                            amount=amount - commission, reference=request.reference, created_at=at))
    request.paid_at = at
