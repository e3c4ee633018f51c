"""What customers and providers read about payments."""

PAYMENTS: dict[str, dict[str, str]] = {
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
    "link": {
        "fr": "💳 Paiement de « {service} » ({reference}) — Montant à payer : {amount}. "
              "Payez par MTN MoMo ou Orange Money ici : {url}\nPas d'accord avec ce prix ? Répondez « pas d'accord ».",
        "en": "💳 Payment for \"{service}\" ({reference}) — Amount to pay: {amount}. "
              "Pay with MTN MoMo or Orange Money here: {url}\nDon't agree with this price? Reply \"disagree\".",
    },
}
