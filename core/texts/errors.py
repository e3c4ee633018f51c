"""Errors people read, naming the field as the page labels it; core raises UserError with a key from here."""

ERRORS: dict[str, dict[str, str]] = {
    "error.between": {"fr": "« {field} » doit être entre {low} et {high}.",
                      "en": "\"{field}\" must be between {low} and {high}."},
    "error.whole_number": {"fr": "« {field} » doit être un nombre entier.",
                          "en": "\"{field}\" must be a whole number."},
    "error.number": {"fr": "« {field} » doit être un nombre.", "en": "\"{field}\" must be a number."},
    "error.required": {"fr": "Indiquez « {field} ».", "en": "Please fill in \"{field}\"."},
    "error.payout_positive": {"fr": "Le versement doit être de plus de 0 FCFA.",
                              "en": "The payout must be more than 0 FCFA."},
    "error.payout_over_balance": {"fr": "Impossible de verser {amount} : le solde est de {balance}.",
                                  "en": "Cannot pay out {amount}: the balance is {balance}."},
    "error.unknown_provider": {"fr": "Prestataire introuvable.", "en": "Provider not found."},
    "error.unknown_payment": {"fr": "Paiement introuvable.", "en": "Payment not found."},
    "error.unknown_request": {"fr": "Demande introuvable.", "en": "Request not found."},
    "error.refund_reason": {"fr": "Indiquez le motif du remboursement.", "en": "Give the reason for the refund."},
    "error.refund_not_paid": {"fr": "Seul un paiement réussi peut être remboursé.",
                              "en": "Only a successful payment can be refunded."},
    "error.refund_amount": {"fr": "Le remboursement doit être entre 1 et {remaining}.",
                            "en": "The refund must be between 1 and {remaining}."},
    "error.final_price": {"fr": "Pour terminer un travail, indiquez son prix final en FCFA.",
                          "en": "To complete a job, enter its final price in FCFA."},
    "error.choose_provider": {"fr": "Choisissez le prestataire à qui confier le travail.",
                              "en": "Choose the provider to give the job to."},
    "error.active_provider": {"fr": "Choisissez un prestataire actif.", "en": "Choose an active provider."},
    "error.already_has_job": {"fr": "Ce prestataire a déjà ce travail.", "en": "This provider already has the job."},
    "error.no_provider_to_take": {"fr": "Une demande « {status} » n'a pas de prestataire à qui la reprendre.",
                                  "en": "A request that is \"{status}\" has no provider to take it from."},
    "error.empty_message": {"fr": "Le message est vide.", "en": "The message is empty."},
    "error.no_provider": {"fr": "Cette demande n'a pas de prestataire.", "en": "This request has no provider."},
    "error.contact_whom": {"fr": "Écrivez au client ou au prestataire.",
                          "en": "Write to the customer or the provider."},
    "error.no_customer_address": {"fr": "Le client n'a ni numéro ni identifiant WhatsApp.",
                                  "en": "The customer has no phone number or WhatsApp id."},
    "error.reason_required": {"fr": "Indiquez la raison : elle est gardée dans le journal.",
                              "en": "Give the reason: it is kept in the log."},
    "error.transition": {"fr": "Impossible de passer de « {from_status} » à « {to_status} ».",
                         "en": "Cannot go from \"{from_status}\" to \"{to_status}\"."},
    "error.rating": {"fr": "Une note est un nombre entier d'étoiles de 1 à 5.",
                     "en": "A rating is a whole number of stars from 1 to 5."},
    "error.rate_completed": {"fr": "Seul un travail terminé peut être noté.",
                            "en": "Only a completed job can be rated."},
    "error.unknown_rule": {"fr": "Réglage inconnu.", "en": "Unknown setting."},
    "error.choose_one": {"fr": "Choisissez au moins un élément dans « {field} ».",
                         "en": "Choose at least one item in \"{field}\"."},
    "error.unknown_quartier": {"fr": "Quartier inconnu : {name}.", "en": "Unknown area: {name}."},
    "error.hours": {"fr": "Les heures de travail vont de 0 à 24, le début avant la fin.",
                    "en": "Working hours go from 0 to 24, the start before the end."},
    "error.phone_taken": {"fr": "Un autre prestataire a déjà ce numéro.",
                          "en": "Another provider already has this number."},
    "error.invalid_phone": {"fr": "Numéro de téléphone invalide.", "en": "Invalid phone number."},
    "error.photo_type": {"fr": "La photo doit être une image JPEG, PNG ou WebP.",
                         "en": "The photo must be a JPEG, PNG or WebP image."},
    "error.photo_size": {"fr": "La photo dépasse {size}.", "en": "The photo is larger than {size}."},
}


class UserError(ValueError):
    """A refusal a person can act on: a catalogue key, the field it is about, and the values its text needs."""

    def __init__(self, key: str, detail: str = "", /, *, field: str = "", **values: object) -> None:
        super().__init__(detail or key)
        self.key, self.field, self.values = key, field, values
