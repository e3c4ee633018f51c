"""Everyday clarity, as an operator, an admin and a provider see it: menus, money states, names, empty lists."""

from datetime import timedelta

from nicegui.testing import User
from sqlmodel import Session

from core import clock
from core.messaging.addresses import conversation_for
from core.messaging.conversations import Message
from core.payments.models import LedgerEntry, Payment, PaymentStatus
from core.service_requests.service import create_request, transition
from core.texts import formats
from tests.factories import make_customer, make_provider
from tests.pages.helpers import sign_in_admin, sign_in_provider, text_of


async def test_operators_see_only_the_menu_entries_they_may_open(user: User, session):
    await sign_in_admin(user, session, role="operator")
    await user.should_see(marker="nav-link-/admin/payments")
    await user.should_not_see(marker="nav-link-/admin/team")
    await user.should_not_see(marker="nav-link-/admin/settings")
    await user.should_not_see(marker="nav-item-/admin/settings")


async def test_admins_see_team_and_settings(user: User, session):
    await sign_in_admin(user, session)
    await user.should_see(marker="nav-link-/admin/team")
    await user.should_see(marker="nav-link-/admin/settings")


def _completed(session, customer, provider, *, payment_status: str | None):
    request = create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Makepe")
    request.provider_id = provider.id
    for target in ("offered", "assigned", "in_progress", "completed"):
        transition(session=session, request=request, target=target, actor="admin")
    if payment_status:
        session.add(Payment(payment_ref=f"PAY-{request.reference}", request_id=request.id, customer_id=customer.id,
                            provider_id=provider.id, amount=10000, commission=1500, payout_amount=8500,
                            status=payment_status))
    session.commit()
    return request


async def test_the_requests_list_says_paid_awaiting_payment_or_unpaid(user: User, session):
    provider, customer = make_provider(session), make_customer(session)
    paid = _completed(session, customer, provider, payment_status=PaymentStatus.SUCCESS)
    awaiting = _completed(session, customer, provider, payment_status=PaymentStatus.PENDING)
    unpaid = _completed(session, customer, provider, payment_status=None)
    open_one = create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Akwa")
    session.commit()
    await sign_in_admin(user, session)
    await user.open("/admin/requests?period=all")
    assert text_of(user, f"paid-{paid.reference}") == "payée"
    assert text_of(user, f"paid-{awaiting.reference}") == "paiement attendu"
    assert text_of(user, f"paid-{unpaid.reference}") == "non payée"
    await user.should_not_see(marker=f"paid-{open_one.reference}")  # nothing to pay yet
    assert text_of(user, "request-total") == "4 demandes"


async def test_an_empty_filter_says_so_and_a_narrowing_is_said_in_words(user: User, session):
    await sign_in_admin(user, session)
    await user.open("/admin/requests?period=all&stage=paid&day=2026-12-01")
    await user.should_see("Aucune demande ne correspond à ces filtres.")
    assert text_of(user, "clear-narrowing") == "✕ Étape : payées, Jour : 1 déc. 2026"
    assert text_of(user, "request-total") == "0 demande"


async def test_conversations_show_who_and_when_the_last_message_came(user: User, session):
    named = conversation_for(session=session, channel="whatsapp", external_id="+237699555111", name="Mireille")
    visitor = conversation_for(session=session, channel="web", external_id="web-7f3a")
    session.commit()
    at = clock.now() - timedelta(hours=3)
    session.add(Message(conversation_id=named.id, channel="whatsapp", direction="in", author="customer",
                        body="Bonjour", created_at=at))
    session.add(Message(conversation_id=visitor.id, channel="web", direction="in", author="customer", body="Allô"))
    named.updated_at = clock.now()  # touched since (e.g. a take-over): the list still shows the message's time
    session.add(named)
    session.commit()
    await sign_in_admin(user, session)
    await user.open("/admin/conversations")
    assert text_of(user, f"conversation-who-{named.id}") == "Mireille · +237 6 99 55 51 11"
    assert text_of(user, f"conversation-who-{visitor.id}") == "Visiteur du site"
    assert text_of(user, f"conversation-at-{named.id}") == formats.moment(at, "fr")  # the message's, not updated_at
    assert formats.moment(at, "fr") != formats.moment(named.updated_at, "fr")


async def test_monitoring_says_not_run_yet_never_late_before_a_first_run(user: User, session):
    await sign_in_admin(user, session)
    await user.open("/admin/monitoring")
    line = text_of(user, "job-matching")
    assert "pas encore lancée" in line and "en retard" not in line
    assert line.startswith("Recherche d'artisans")


async def test_empty_money_pages_say_so(user: User, session):
    await sign_in_admin(user, session)
    await user.open("/admin/payments")
    await user.should_see("Aucun prestataire n'attend de versement.")
    await user.should_see("Aucun paiement ici pour l'instant.")
    assert text_of(user, "payment-total") == "0 paiement"


async def test_the_provider_sign_in_says_where_the_code_arrives(user: User, session):
    await user.open("/provider/login")
    await user.should_see("Vous recevez votre code de connexion par WhatsApp, sur ce numéro.")
    await user.should_see(marker="otp-demo")  # no Twilio here: the demo says where to read the code


async def test_provider_earnings_list_jobs_commission_and_what_is_still_owed(user: User, session):
    provider, customer = make_provider(session), make_customer(session)
    request = _completed(session, customer, provider, payment_status=PaymentStatus.SUCCESS)
    with Session(session.get_bind()) as writer:
        payment = writer.exec(Payment.__table__.select()).first()
        writer.add(LedgerEntry(provider_id=provider.id, payment_id=payment.id, kind="earning", amount=8500,
                               reference=payment.payment_ref))
        writer.add(LedgerEntry(provider_id=provider.id, kind="payout", amount=-5000, reference="MP-77"))
        writer.commit()
    await sign_in_provider(user, session, provider)
    await user.open("/provider/earnings")
    assert text_of(user, "kpi-my-balance-value") == "3\u202f500 FCFA"
    await user.should_see(request.reference)
    await user.should_see("Payé par le client 10\u202f000 FCFA, commission Djobea 1\u202f500 FCFA, "
                          "pour vous 8\u202f500 FCFA")
    await user.should_see("Référence du transfert : MP-77")
