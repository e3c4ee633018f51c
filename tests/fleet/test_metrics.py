"""GET /metrics: Prometheus text format, refused without the Bearer token, the fleet's numbers from the database."""

from datetime import timedelta

from prometheus_client.parser import text_string_to_metric_families

from core import clock, scheduler
from core.llm.models import LlmCall
from core.matching.models import Offer
from core.messaging.addresses import conversation_for
from core.messaging.conversations import Message
from core.messaging.models import OutboxMessage, OutboxStatus
from core.payments.models import Payment
from core.service_requests.models import ServiceRequest
from tests.factories import make_customer, make_provider
from tests.fleet.conftest import client_from

TOKEN = "scrape-token-7f3a9c"


def samples(text: str) -> dict[tuple[str, tuple], float]:
    """Parse Prometheus text (the official parser) into {(sample name, sorted labels): value}."""
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


async def test_with_a_token_set_only_its_bearer_reads_the_metrics(engine, settings_env):
    settings_env(METRICS_TOKEN=TOKEN)
    async with client_from("127.0.0.1") as http:
        assert (await http.get("/metrics")).status_code == 401
        refused = await http.get("/metrics", headers={"Authorization": "Bearer wrong-token"})
        assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Bearer")
        assert (await http.get("/metrics", headers={"Authorization": f"Basic {TOKEN}"})).status_code == 401
        answer = await http.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert samples(answer.text)[("djobea_database_up", ())] == 1
    async with client_from("10.1.2.3") as http:  # with the token, any address may scrape
        assert (await http.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})).status_code == 200


async def test_without_a_token_only_a_scraper_on_this_host_not_behind_a_proxy_reads_them(engine, settings_env):
    settings_env(METRICS_TOKEN="")
    async with client_from("10.1.2.3") as http:
        assert (await http.get("/metrics")).status_code == 404
    async with client_from("127.0.0.1") as http:
        forwarded = await http.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
        assert forwarded.status_code == 404  # a proxy on this host must not hand the numbers to the world
        assert (await http.get("/metrics", headers={"X-Real-IP": "203.0.113.9"})).status_code == 404
        assert (await http.get("/metrics")).status_code == 200


def _seed(session) -> None:
    now = clock.now()
    provider, customer = make_provider(session), make_customer(session)
    conversation = conversation_for(session=session, channel="whatsapp", external_id="+237699555001")
    for direction, status, count in (("in", "processed", 3), ("in", "received", 1), ("out", "sent", 2),
                                     ("out", "failed", 1)):
        for _ in range(count):
            session.add(Message(conversation_id=conversation.id, direction=direction, status=status, body="x",
                                channel="whatsapp"))
    session.add(OutboxMessage(conversation_id=conversation.id, channel="whatsapp", to="whatsapp:+237699555001",
                              body="old", status=OutboxStatus.PENDING, created_at=now - timedelta(seconds=90)))
    session.add(OutboxMessage(conversation_id=conversation.id, channel="whatsapp", to="whatsapp:+237699555001",
                              body="new", status=OutboxStatus.SENDING, created_at=now - timedelta(seconds=5)))
    session.add(OutboxMessage(conversation_id=conversation.id, channel="whatsapp", to="whatsapp:+237699555001",
                              body="done", status=OutboxStatus.SENT, created_at=now - timedelta(hours=2)))
    requests = []
    for n in range(4):
        request = ServiceRequest(reference=f"DJB-M{n:03d}", customer_id=customer.id, service_type="plumbing",
                                 quartier="Makepe", price_min=1000, price_max=2000)
        session.add(request)
        session.flush()
        requests.append(request)
    for request, status, took in ((requests[0], "accepted", 45), (requests[1], "accepted", 400),
                                  (requests[2], "expired", None), (requests[3], "pending", None)):
        session.add(Offer(request_id=request.id, provider_id=provider.id, status=status, created_at=now,
                          responded_at=now + timedelta(seconds=took) if took else None))
    for n, status in enumerate(("success", "success", "pending", "failed")):
        session.add(Payment(payment_ref=f"PAY-M{n}", request_id=requests[n].id, customer_id=customer.id,
                            provider_id=provider.id, amount=15000, status=status))
    session.add(LlmCall(provider="claude", model="m", task="understand", latency_ms=800, cost_microusd=1500))
    session.add(LlmCall(provider="claude", model="m", task="understand", latency_ms=1200, cost_microusd=2500))
    session.add(LlmCall(provider="gemini", model="g", task="understand", ok=False, error="timeout",
                        latency_ms=6000))
    session.commit()


async def test_the_fleet_numbers_are_read_from_the_database(engine, session, settings_env):
    settings_env(METRICS_TOKEN=TOKEN)
    _seed(session)
    async with client_from("127.0.0.1") as http:
        text = (await http.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})).text
    found = samples(text)
    assert found[("djobea_messages", (("direction", "in"), ("status", "processed")))] == 3
    assert found[("djobea_messages", (("direction", "in"), ("status", "received")))] == 1
    assert found[("djobea_messages", (("direction", "out"), ("status", "failed")))] == 1
    assert found[("djobea_outbox_messages", (("status", "sent"),))] == 1
    assert found[("djobea_outbox_backlog", ())] == 2
    assert 85 <= found[("djobea_outbox_oldest_age_seconds", ())] <= 120
    assert found[("djobea_offers_sent_total", ())] == 4
    assert found[("djobea_offers", (("status", "accepted"),))] == 2
    assert found[("djobea_offers", (("status", "expired"),))] == 1
    assert found[("djobea_offer_acceptance_seconds_bucket", (("le", "60.0"),))] == 1
    assert found[("djobea_offer_acceptance_seconds_bucket", (("le", "300.0"),))] == 1
    assert found[("djobea_offer_acceptance_seconds_bucket", (("le", "600.0"),))] == 2
    assert found[("djobea_offer_acceptance_seconds_count", ())] == 2
    assert abs(found[("djobea_offer_acceptance_seconds_sum", ())] - 445) < 1
    assert found[("djobea_payments", (("status", "success"),))] == 2
    assert found[("djobea_payments", (("status", "pending"),))] == 1
    assert found[("djobea_model_calls_total", (("outcome", "ok"), ("provider", "claude")))] == 2
    assert found[("djobea_model_calls_total", (("outcome", "error"), ("provider", "gemini")))] == 1
    assert found[("djobea_model_latency_seconds_count", (("provider", "claude"),))] == 2
    assert found[("djobea_model_latency_seconds_sum", (("provider", "claude"),))] == 2.0
    assert found[("djobea_model_cost_usd_total", (("provider", "claude"),))] == 0.004
    assert found[("djobea_workers_live", ())] == 0


async def test_webhook_answers_and_scheduled_runs_are_counted_in_this_process(engine, settings_env):
    from core.fleet import metrics

    settings_env(METRICS_TOKEN=TOKEN)

    def before(name: str, labels: tuple) -> float:
        return samples(metrics.render().decode()).get((name, labels), 0.0)

    ok_label, failed = (("job", "probe_ok"),), (("job", "probe_bad"),)
    runs, fails = before("djobea_scheduler_job_runs_total", failed), before("djobea_scheduler_job_failures_total",
                                                                               failed)
    scheduler._run("probe_ok", lambda: 3)
    scheduler._run("probe_bad", lambda: 1 / 0)
    after = samples(metrics.render().decode())
    assert after[("djobea_scheduler_job_runs_total", ok_label)] >= 1
    assert after.get(("djobea_scheduler_job_failures_total", ok_label), 0) == 0
    assert after[("djobea_scheduler_job_runs_total", failed)] == runs + 1
    assert after[("djobea_scheduler_job_failures_total", failed)] == fails + 1


async def test_each_webhook_answer_lands_in_the_latency_histogram(twilio, client, echo):
    from core.fleet import metrics
    from tests.messaging.helpers import form, post

    labels = (("route", "whatsapp"), ("status", "200"))
    count = samples(metrics.render().decode()).get(("djobea_webhook_latency_seconds_count", labels), 0.0)
    assert (await post(client, form(body="Bonjour", sid="SM" + "7" * 32))).status_code == 200
    assert (await post(client, form(body="Bonjour"), signature="forged")).status_code == 403
    after = samples(metrics.render().decode())
    assert after[("djobea_webhook_latency_seconds_count", labels)] == count + 1
    assert after[("djobea_webhook_latency_seconds_count", (("route", "whatsapp"), ("status", "403")))] >= 1
    assert after[("djobea_webhook_latency_seconds_bucket", (("le", "+Inf"), *labels))] >= count + 1
