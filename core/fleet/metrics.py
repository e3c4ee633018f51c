"""Prometheus metrics (the official prometheus-client), in two kinds that must not be confused.

- This process's own counters and histograms (webhook latency, scheduler job runs and failures, CPU and memory):
  each process exposes its own; add them up across processes in Prometheus (sum by job, rate of counters).
- The fleet's numbers (messages and outbox by status, offers, payments, model calls and cost, live workers) are
  read from the database at each scrape, never counted in a process: every process reports the same values, so
  aggregate them with max(), not sum(). No prometheus multiprocess mode is used. Their collector reads every
  domain's tables, so it lives above them (core.analytics.gauges) and core.wiring adds it to this registry.
"""

from prometheus_client import CollectorRegistry, Counter, Histogram, ProcessCollector, generate_latest

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)

registry = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=registry)
webhook_latency = Histogram("djobea_webhook_latency_seconds", "Time to answer a webhook, in this process",
                            ["route", "status"], buckets=LATENCY_BUCKETS, registry=registry)
job_runs = Counter("djobea_scheduler_job_runs", "Scheduled job runs in this process", ["job"], registry=registry)
job_failures = Counter("djobea_scheduler_job_failures", "Scheduled job runs that failed in this process", ["job"],
                       registry=registry)


def observe_webhook(route: str, status: int, seconds: float) -> None:
    """Count one webhook answer of this process."""
    webhook_latency.labels(route=route, status=str(status)).observe(seconds)


def observe_job(job: str, ok: bool) -> None:
    """Count one scheduled job run of this process."""
    job_runs.labels(job=job).inc()
    if not ok:
        job_failures.labels(job=job).inc()


def render() -> bytes:
    """Return every metric in Prometheus text format."""
    return generate_latest(registry)
