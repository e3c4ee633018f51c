"""Every table, imported in one place so metadata and migrations see them all."""

from core.analytics.models import DailyTotals, ProviderDay, RollupState
from core.auth.models import Account, LoginCode, SignInDelay, SignInSession
from core.counters import RateCounter
from core.customers.models import Customer
from core.fleet.models import JobRun, WorkerHeartbeat
from core.llm.models import LlmCall
from core.matching.models import Offer
from core.messaging.conversations import Case, Conversation, Message, PhoneCode
from core.messaging.models import OutboxMessage, WebhookHit
from core.payments.models import LedgerEntry, Payment
from core.providers.models import Provider, ProviderApplication, ProviderService, ProviderZone, Rating
from core.rules.models import AuditEntry, BusinessRule
from core.service_requests.models import RequestEvent, RequestMedia, ServiceRequest

__all__ = [
    "Account", "AuditEntry", "BusinessRule", "Case", "Conversation", "Customer", "DailyTotals", "JobRun",
    "LedgerEntry", "LlmCall", "LoginCode", "Message", "Offer", "OutboxMessage", "Payment", "PhoneCode", "Provider",
    "ProviderApplication", "ProviderDay", "ProviderService", "ProviderZone", "RateCounter", "Rating", "RequestEvent",
    "RequestMedia", "RollupState", "ServiceRequest", "SignInDelay", "SignInSession", "WebhookHit", "WorkerHeartbeat",
]
