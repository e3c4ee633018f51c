"""What customers and providers read about payments, in French and English (Pidgin speakers get simple English)."""

from core.catalog import service as catalog_service
from core.money import format_xaf

_TEXTS = {
    "link": {
        "fr": "Travail terminé : {service} ({reference}) 🙏 Montant à payer : {amount}. "
              "Payez par MTN MoMo ou Orange Money ici : {url}\nPas d'accord avec ce prix ? Répondez « pas d'accord ».",
        "en": "Job done: {service} ({reference}) 🙏 Amount to pay: {amount}. "
              "Pay with MTN MoMo or Orange Money here: {url}\nDon't agree with this price? Reply \"disagree\".",
    },
    "link_delayed": {
        "fr": "Votre lien de paiement pour {reference} arrive dans quelques minutes, merci de votre patience 🙏",
        "en": "Your payment link for {reference} is coming in a few minutes, thank you for your patience 🙏",
    },
    "failed": {
        "fr": "Le paiement de {amount} pour {reference} n'est pas passé. Pas de souci : écrivez « envoie le lien » "
              "et je vous en envoie un nouveau.",
        "en": "The payment of {amount} for {reference} did not go through. No worries: write \"send the link\" "
              "and I will send you a new one.",
    },
    "receipt_customer": {
        "fr": "Paiement reçu ✅ {amount} pour « {service} » ({reference}). Merci d'avoir choisi Djobea !",
        "en": "Payment received ✅ {amount} for {service} ({reference}). Thank you for choosing Djobea!",
    },
    "receipt_provider": {
        "fr": "Paiement reçu pour {reference} ✅ Montant : {amount}, commission Djobea : {commission}, "
              "pour vous : {payout}.",
        "en": "Payment received for {reference} ✅ Amount: {amount}, Djobea commission: {commission}, "
              "your share: {payout}.",
    },
}


def text(name: str, language: str, *, service_type: str = "", **values: object) -> str:
    """Return the message name in language ("en" or French), amounts given as ints shown as FCFA."""
    lang = "en" if language == "en" else "fr"
    found = catalog_service(service_type) if service_type else None
    shown = {k: format_xaf(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in values.items()}
    shown["service"] = found.name(lang) if found else service_type
    return _TEXTS[name][lang].format(**shown)
