"""French first, English on request: `t("Demandes")` returns the text in the visitor's language."""

from nicegui import app, ui

LANGUAGES = ("fr", "en")

EN: dict[str, str] = {
    # landing and chat
    "Un plombier, un électricien, un réparateur de confiance à Douala, en quelques minutes.":
        "A trusted plumber, electrician or repairer in Douala, in minutes.",
    "Écrivez-nous comme vous parlez : « mon tuyau a pété à Makepe ». Djobea comprend, trouve un artisan "
    "vérifié près de chez vous et vous tient au courant.":
        "Write to us the way you talk: \"my pipe burst in Makepe\". Djobea understands, finds a verified "
        "tradesperson near you and keeps you posted.",
    "Comment ça marche": "How it works",
    "1. Vous décrivez le problème et le quartier.": "1. You describe the problem and your area.",
    "2. Un artisan proche accepte le travail.": "2. A nearby tradesperson accepts the job.",
    "3. Il vient, répare, et vous payez à la fin.": "3. They come, fix it, and you pay at the end.",
    "Services et prix indicatifs": "Services and indicative prices",
    "Quartiers couverts": "Areas covered",
    "Paiement": "Payment",
    "Vous payez à la fin du travail, par MTN Mobile Money ou Orange Money, avec un lien sécurisé. "
    "Jamais d'avance.":
        "You pay when the job is done, by MTN Mobile Money or Orange Money, through a secure link. "
        "Never in advance.",
    "Écrire sur WhatsApp": "Chat on WhatsApp",
    "WhatsApp arrive bientôt : en attendant, utilisez le chat ci-dessous.":
        "WhatsApp is coming soon: meanwhile, use the chat below.",
    "Discuter avec Djobea": "Chat with Djobea",
    "Votre message…": "Your message…",
    "Envoyer": "Send",
    "Bonjour 👋 Dites-nous ce qui ne va pas et dans quel quartier vous êtes.":
        "Hello 👋 Tell us what is wrong and which area you are in.",
    "Message non envoyé, réessayez.": "Message not sent, please try again.",
    "Trop de messages d'un coup : attendez une minute.": "Too many messages at once: please wait a minute.",
    # sign-in
    "Connexion": "Sign in",
    "Espace administration": "Admin area",
    "Espace prestataire": "Provider area",
    "Mot de passe": "Password",
    "Se connecter": "Sign in",
    "Numéro WhatsApp": "WhatsApp number",
    "Recevoir un code": "Get a code",
    "Code à 6 chiffres": "6-digit code",
    "Valider": "Confirm",
    "Déconnexion": "Sign out",
    "Accès refusé": "Access denied",
    "Cette page est réservée aux administrateurs.": "This page is for administrators only.",
    "Email ou mot de passe incorrect.": "Wrong email or password.",
    "Trop de tentatives. Réessayez dans 15 minutes.": "Too many attempts. Try again in 15 minutes.",
    "Si ce numéro est celui d'un prestataire Djobea, un code vient d'être envoyé sur WhatsApp.":
        "If this number belongs to a Djobea provider, a code has just been sent on WhatsApp.",
    "Trop de demandes. Réessayez dans 15 minutes.": "Too many requests. Try again in 15 minutes.",
    "Code incorrect ou expiré.": "Wrong or expired code.",
    "Trop d'essais. Réessayez dans 15 minutes.": "Too many tries. Try again in 15 minutes.",
    "Numéro de téléphone invalide.": "Invalid phone number.",
    # admin navigation
    "Tableau de bord": "Dashboard",
    "Demandes": "Requests",
    "Prestataires": "Providers",
    "Conversations": "Conversations",
    "Paiements": "Payments",
    "Surveillance": "Monitoring",
    "Réglages": "Settings",
    # provider portal
    "Mon profil": "My profile",
    "Disponible": "Available",
    "Offres ouvertes": "Open offers",
    "Travaux en cours": "Current jobs",
    "Historique": "History",
    "Avis reçus": "Ratings received",
    "Gains et versements": "Earnings and payouts",
    "Accepter": "Accept",
    "Refuser": "Decline",
    "Commencer": "Start",
    "Terminer": "Complete",
    "Prix final (FCFA)": "Final price (FCFA)",
    "Aucune offre pour le moment.": "No offers right now.",
    "Pièces jointes": "Attachments",
    "Aucune pièce jointe.": "No attachments.",
    "Fichier": "File",
    "Position": "Location",
    "Aucun travail en cours.": "No current job.",
    "Enregistrer": "Save",
    "Nom": "Name",
    "Photo (adresse web)": "Photo (web address)",
    "Métiers": "Trades",
    "Quartiers": "Areas",
    "Début (heure)": "Start (hour)",
    "Fin (heure)": "End (hour)",
    "Solde à verser": "Balance due",
    "Enregistré ✅": "Saved ✅",
    "C'est à vous ✅ Les coordonnées du client vous sont envoyées sur WhatsApp.":
        "It's yours ✅ The customer's details are on their way to you on WhatsApp.",
    "Un autre artisan a déjà pris ce travail.": "Another repairer already took this job.",
    "Ce travail n'est plus disponible.": "This job is no longer available.",
    "Vous avez déjà le maximum de travaux en cours.": "You already have as many jobs as you can take.",
    "C'est noté, merci 🙏": "Noted, thank you 🙏",
    "Bon travail ! Le client est prévenu.": "Good work! The customer has been told.",
    "Merci ! Le client reçoit le lien de paiement.": "Thank you! The customer gets the payment link.",
    "Indiquez le prix final.": "Enter the final price.",
    # admin pages
    '1 an': '1 year',
    '30 jours': '30 days',
    '7 jours': '7 days',
    '90 jours': '90 days',
    "Aujourd'hui": 'Today',
    'Tout': 'All',
    'Période': 'Period',
    'Service': 'Service',
    'Quartier': 'Area',
    'Statut': 'Status',
    'en attente': 'pending',
    'proposée': 'offered',
    'assignée': 'assigned',
    'en cours': 'in progress',
    'terminée': 'completed',
    'annulée': 'cancelled',
    'expirée': 'expired',
    "Demandes aujourd'hui": 'Requests today',
    'Demandes cette semaine': 'Requests this week',
    'Demandes (période)': 'Requests (period)',
    'Assignées': 'Assigned',
    "Délai médian d'assignation": 'Median time to assign',
    'Terminées': 'Completed',
    'Encaissé': 'Collected',
    'Commission': 'Commission',
    'Note moyenne': 'Average rating',
    'Prestataires actifs': 'Active providers',
    'paiements': 'payments',
    'avis': 'ratings',
    'Proposées': 'Offered',
    'Payées': 'Paid',
    'Demandes par jour et par service': 'Requests per day and service',
    'Entonnoir': 'Funnel',
    "Délai d'assignation": 'Time to assign',
    'Meilleurs prestataires (travaux terminés)': 'Top providers (jobs completed)',
    'Demandes par quartier': 'Requests by area',
    'demandes': 'requests',
    'prestataires': 'providers',
    'Classement': 'Leaderboard',
    'Référence ou téléphone': 'Reference or phone',
    'Demande': 'Request',
    'Demande introuvable.': 'Request not found.',
    'Prix indicatif': 'Usual price',
    'Prix final': 'Final price',
    'Client': 'Customer',
    'Prestataire': 'Provider',
    'Créée le': 'Created on',
    'Actions': 'Actions',
    'Nouveau statut': 'New status',
    'Changer le statut': 'Change status',
    'Réassigner à': 'Reassign to',
    'Réassigner': 'Reassign',
    'Annuler la demande': 'Cancel request',
    'Message': 'Message',
    'Au client': 'To customer',
    'Au prestataire': 'To provider',
    'Offres': 'Offers',
    'commission': 'commission',
    'Conversation': 'Conversation',
    'Ouvrir': 'Open',
    'Toutes': 'All',
    'Reprises par un humain': 'Taken over by a person',
    'Réclamations ouvertes': 'Open complaints',
    'Résolu': 'Resolved',
    'Conversation introuvable.': 'Conversation not found.',
    'Reprise par': 'Taken over by',
    'Rendre au robot': 'Hand back to the bot',
    'Le robot répond': 'The bot is answering',
    'Reprendre la conversation': 'Take over the conversation',
    'Répondre': 'Reply',
    'Nom ou téléphone': 'Name or phone',
    'Nouveau': 'New',
    'Candidatures à vérifier': 'Applications to verify',
    'travaux': 'jobs',
    'Prestataire introuvable.': 'Provider not found.',
    'Acceptation': 'Acceptance',
    'Travaux terminés': 'Jobs completed',
    'Note': 'Rating',
    'Gains': 'Earnings',
    'Réactiver': 'Reactivate',
    'Suspendre': 'Suspend',
    'Profil': 'Profile',
    'Téléphone': 'Phone',
    'Commission après remboursements': 'Commission after refunds',
    'À verser aux prestataires': 'Owed to providers',
    'Soldes des prestataires': 'Provider balances',
    'Marquer versé': 'Mark paid',
    'Tous': 'All',
    'Réussis': 'Succeeded',
    'En attente': 'Pending',
    'Échoués': 'Failed',
    'Remboursés': 'Refunded',
    'Motif du remboursement': 'Reason for the refund',
    'Rembourser': 'Refund',
    "File d'envoi": 'Send queue',
    'Plus ancien en attente': 'Oldest waiting',
    "Échecs d'envoi": 'Send failures',
    'Livrés (24 h)': 'Delivered (24 h)',
    'Statuts de livraison (24 h)': 'Delivery statuses (24 h)',
    'erreur': 'error',
    'Derniers échecs': 'Latest failures',
    'Webhooks (24 h)': 'Webhooks (24 h)',
    'Modèles de langue (7 jours)': 'Language models (7 days)',
    'appels': 'calls',
    'erreurs': 'errors',
    'Tâches planifiées (ce processus)': 'Scheduled jobs (this process)',
    'Tâches planifiées (tous les processus)': 'Scheduled jobs (every process)',
    'inactif': 'inactive',
    'estimé par tranches de délai': 'estimated from delay bands',
    'exact': 'exact',
    'Simulateur': 'Simulator',
    'Simulateur WhatsApp': 'WhatsApp simulator',
    'toutes les': 'every',
    'jamais': 'never',
    'en retard': 'late',
    'Prestataires sollicités par tour': 'Providers asked per round',
    'Délai de réponse (min)': 'Time to answer (min)',
    'Délai de réponse, urgence (min)': 'Time to answer, urgent (min)',
    "Tours d'offres": 'Offer rounds',
    'Rayon de recherche (km)': 'Search radius (km)',
    'Rayon élargi (km)': 'Wider radius (km)',
    'Commission (%)': 'Commission (%)',
    'Dernières modifications': 'Latest changes',
    'Travail': 'Job',
    'Travail introuvable.': 'Job not found.',
    'Gagné': 'Earned',
    'Déjà versé': 'Already paid out',
    'Gain': 'Earning',
    'Versement': 'Payout',
    'Remboursement': 'Refund',
    'Email': 'Email',
}


def language() -> str:
    """Return the visitor's language ("fr" unless they switched)."""
    try:
        lang = app.storage.user.get("lang", "fr")
    except RuntimeError:
        return "fr"
    return lang if lang in LANGUAGES else "fr"


def t(text: str) -> str:
    """Return text in the visitor's language (French is the source)."""
    return EN.get(text, text) if language() == "en" else text


def language_switch(*, on_dark: bool = True) -> None:
    """A small FR | EN toggle that reloads the page in the chosen language."""
    ink, paper = ("white", "primary") if on_dark else ("primary", "white")
    def choose(lang: str) -> None:
        app.storage.user["lang"] = lang
        ui.navigate.reload()

    with ui.row().classes("gap-1 items-center"):
        for lang in LANGUAGES:
            active = lang == language()
            button = ui.button(lang.upper(), on_click=lambda _, lang=lang: choose(lang)).props(
                "dense size=sm " + (f"unelevated color={ink} text-color={paper}" if active else f"flat color={ink}"))
            button.mark(f"lang-{lang}")
