"""Conversations, providers, payments, settings and monitoring pages, used as an admin would."""

from nicegui.testing import User
from sqlmodel import Session, select

from core.channels.inbound import receive
from core.messaging.addresses import conversation_for
from core.messaging.conversations import Case, CaseStatus, Conversation, Message
from core.messaging.models import OutboxMessage, OutboxStatus, WebhookHit
from core.money import format_xaf
from core.payments.models import LedgerEntry, Payment
from core.providers.models import (
    ApplicationStatus,
    Provider,
    ProviderApplication,
    ProviderService,
    ProviderStatus,
    ProviderZone,
)
from core.rules.models import AuditEntry, BusinessRule
from core.service_requests.service import create_request
from tests.factories import make_customer, make_provider
from tests.pages.helpers import eventually, sign_in_admin, text_of


def _read(session, query, many=False):
    with Session(session.get_bind()) as reader:
        result = reader.exec(query)
        return result.all() if many else result.first()


async def test_take_over_reply_as_agent_and_release(user: User, session):
    message = receive(session=session, channel="simulator", external_id="+237699300400",
                      body="Je veux parler à quelqu'un")
    session.commit()
    account = await sign_in_admin(user, session)
    await user.open("/admin/conversations")
    await user.should_see(marker=f"conversation-{message.conversation_id}")
    await user.open(f"/admin/conversations/{message.conversation_id}")
    await user.should_see("Je veux parler à quelqu'un")
    user.find(marker="take-over").click()
    conversation = await eventually(lambda: _read(session, select(Conversation).where(
        Conversation.id == message.conversation_id, Conversation.human_takeover.is_(True))))
    assert conversation.takeover_by == account.email
    await user.open(f"/admin/conversations/{message.conversation_id}")
    user.find(marker="agent-reply").type("Bonjour, je suis Aline de Djobea. Je m'en occupe.")
    user.find(marker="agent-send").click()
    sent = await eventually(lambda: _read(session, select(OutboxMessage).where(
        OutboxMessage.conversation_id == message.conversation_id)))
    assert "Aline" in sent.body
    stored = _read(session, select(Message).where(Message.id == sent.message_id))
    assert stored.author == "agent" and stored.direction == "out"
    # the thread shows it at its next refresh, which a loaded machine may delay
    await user.should_see("Bonjour, je suis Aline de Djobea. Je m'en occupe.", retries=100)
    user.find(marker="release").click()
    await eventually(lambda: _read(session, select(Conversation).where(
        Conversation.id == message.conversation_id, Conversation.human_takeover.is_(False))))


async def test_complaints_queue_resolves_a_case(user: User, session):
    conversation = conversation_for(session=session, channel="simulator", external_id="+237699300401")
    case = Case(conversation_id=conversation.id, summary="Le plombier n'est pas venu")
    session.add(case)
    session.commit()
    await sign_in_admin(user, session)
    await user.open("/admin/conversations")
    await user.should_see("Le plombier n'est pas venu", retries=5)
    user.find(marker=f"resolve-{case.id}").click()
    resolved = await eventually(lambda: _read(session, select(Case).where(Case.status == CaseStatus.RESOLVED)))
    assert resolved.resolved_by == "admin@djobea.cm"


async def test_admin_creates_a_provider_with_trades_and_quartiers(user: User, session):
    await sign_in_admin(user, session)
    await user.open("/admin/providers/new")
    user.find(marker="profile-name").type("Serge Ekambi")
    user.find(marker="profile-phone").type("6 77 88 99 00")
    user.find(marker="profile-trades").click()
    user.find("Plomberie").click()
    user.find(marker="profile-zones").click()
    user.find("Makepe").click()
    user.find(marker="profile-save").click()
    provider = await eventually(lambda: _read(session, select(Provider).where(Provider.name == "Serge Ekambi")))
    assert provider.phone == "+237677889900" and provider.status == ProviderStatus.ACTIVE
    assert _read(session, select(ProviderService.service_code).where(ProviderService.provider_id == provider.id),
                 many=True) == ["plumbing"]
    assert _read(session, select(ProviderZone.quartier).where(ProviderZone.provider_id == provider.id),
                 many=True) == ["Makepe"]


async def test_bad_provider_input_changes_nothing(user: User, session):
    await sign_in_admin(user, session)
    await user.open("/admin/providers/new")
    user.find(marker="profile-name").type("Sans Métier")
    user.find(marker="profile-phone").type("12")
    user.find(marker="profile-save").click()
    await user.should_see(marker="profile-form")
    assert _read(session, select(Provider)) is None


async def test_verifying_an_application_creates_the_provider(user: User, session):
    application = ProviderApplication(phone="+237677001122", name="Blaise Fotso", trades=["electrical"],
                                      quartiers=["Akwa"])
    session.add(application)
    session.commit()
    await sign_in_admin(user, session)
    await user.open("/admin/providers")
    await user.should_see("Blaise Fotso")
    user.find(marker=f"approve-{application.id}").click()
    provider = await eventually(lambda: _read(session, select(Provider).where(Provider.phone == "+237677001122")))
    assert provider.verified and provider.status == ProviderStatus.ACTIVE
    assert _read(session, select(ProviderApplication)).status == ApplicationStatus.APPROVED


async def test_provider_detail_shows_performance_and_suspension_works(user: User, session):
    provider = make_provider(session, offers_received=8, offers_accepted=6, jobs_completed=5, rating_sum=22,
                             rating_count=5)
    session.add(LedgerEntry(provider_id=provider.id, kind="earning", amount=12750))
    session.add(LedgerEntry(provider_id=provider.id, kind="payout", amount=-5000))
    session.commit()
    await sign_in_admin(user, session)
    await user.open(f"/admin/providers/{provider.id}")
    assert text_of(user, "kpi-acceptance-value") == "75 %"
    assert text_of(user, "kpi-jobs-value") == "5"
    assert text_of(user, "kpi-provider-rating-value") == "4,4 ★"
    assert text_of(user, "kpi-earned-value") == format_xaf(12750)
    assert text_of(user, "kpi-balance-value") == format_xaf(7750)
    user.find(marker="provider-suspend").click()
    await eventually(lambda: _read(session, select(Provider).where(Provider.status == ProviderStatus.SUSPENDED)))


async def test_admins_see_why_a_pending_payment_is_not_confirmed(user: User, session):
    provider, customer = make_provider(session), make_customer(session)
    request = create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Makepe")
    why = "Monetbil reports transaction T7 as a test-mode payment (success) on a live service key"
    session.add(Payment(payment_ref="PAY-T7", request_id=request.id, customer_id=customer.id, provider_id=provider.id,
                        amount=10000, commission=1500, payout_amount=8500, last_error=why))
    session.commit()
    payment = _read(session, select(Payment))
    await sign_in_admin(user, session)
    await user.open("/admin/payments")
    assert text_of(user, f"payment-problem-{payment.id}") == why


async def test_settings_change_a_rule_with_an_audit_entry_and_refuse_bad_values(user: User, session):
    await sign_in_admin(user, session)
    await user.open("/admin/settings")
    user.find(marker="rule-offer_batch_size").clear().type("5")
    user.find(marker="save-offer_batch_size").click()
    stored = await eventually(lambda: _read(session, select(BusinessRule)
                                            .where(BusinessRule.key == "offer_batch_size")))
    assert stored.value == 5
    assert _read(session, select(AuditEntry).where(AuditEntry.target == "offer_batch_size")).actor == "admin@djobea.cm"
    await user.should_see("Prestataires sollicités par tour : 3 → 5", retries=100)  # the history follows
    user.find(marker="rule-commission_percent").clear().type("90")
    user.find(marker="save-commission_percent").click()
    await user.should_see("« Commission (%) » doit être entre 0 et 50.", retries=100)
    assert _read(session, select(BusinessRule).where(BusinessRule.key == "commission_percent")) is None


async def test_monitoring_counts_the_outbox_and_webhooks(user: User, session):
    conversation = conversation_for(session=session, channel="simulator", external_id="+237699300402")
    for status in (OutboxStatus.PENDING, OutboxStatus.PENDING, OutboxStatus.FAILED):
        session.add(OutboxMessage(channel="simulator", to="+237699300402", conversation_id=conversation.id,
                                  status=status, error_code="63016" if status == OutboxStatus.FAILED else ""))
    for ms in (10.0, 20.0, 30.0, 40.0):
        session.add(WebhookHit(route="whatsapp", status_code=200, latency_ms=ms))
    session.commit()
    await sign_in_admin(user, session)
    await user.open("/admin/monitoring")
    assert text_of(user, "kpi-backlog-value") == "2"
    assert text_of(user, "kpi-failed-value") == "1"
    assert "médiane 25 ms" in text_of(user, "webhook-whatsapp")
    assert "95 sur 100 sous 38 ms" in text_of(user, "webhook-whatsapp")
