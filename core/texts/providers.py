"""What matching says to providers and customers about offers and jobs."""

PROVIDERS: dict[str, dict[str, str]] = {
    # to providers
    "offer": {
        "fr": "🔧 Nouvelle demande {ref} : {service} à {quartier}, {when}.\n« {description} »\nPrix indicatif : "
              "{price}.\nRépondez OUI pour la prendre, NON si vous n'êtes pas libre (avant {deadline}).",
        "en": "🔧 New job {ref}: {service} in {quartier}, {when}.\n\"{description}\"\nUsual price: {price}.\n"
              "Reply YES to take it, NO if you're not free (before {deadline}).",
    },
    "phone_hidden": {"fr": "numéro non communiqué", "en": "number not shared"},
    "job_pin": {
        "fr": "📍 Position envoyée par le client : {url}",
        "en": "📍 Location the customer shared: {url}",
    },
    "job_photos": {
        "fr": "📷 Photos du client ({count}) : {url}",
        "en": "📷 The customer's photos ({count}): {url}",
    },
    "taken": {
        "fr": "Merci pour votre réponse 🙏 La demande {ref} a déjà été prise par un autre artisan. À la prochaine !",
        "en": "Thank you 🙏 Job {ref} has already been taken by another repairer. Next time!",
    },
    "offer_withdrawn": {
        "fr": "La demande {ref} a été annulée, rien à faire. Merci !",
        "en": "Job {ref} was cancelled, nothing to do. Thank you!",
    },
    "offer_closed": {
        "fr": "La demande {ref} n'est plus disponible. Merci quand même 🙏",
        "en": "Job {ref} is no longer available. Thank you anyway 🙏",
    },
    "job_cancelled": {
        "fr": "La demande {ref} a été annulée. Ne vous déplacez pas, merci.",
        "en": "Job {ref} has been cancelled. Please don't go, thank you.",
    },
    "job_removed": {
        "fr": "Notre équipe a confié {ref} à un autre artisan. Ne vous déplacez pas, merci.",
        "en": "Our team has given {ref} to another repairer. Please don't go, thank you.",
    },
    "job_closed_by_team": {
        "fr": "Notre équipe a marqué {ref} comme terminé ({price}). Merci pour votre travail 👍",
        "en": "Our team marked {ref} as done ({price}). Thanks for your work 👍",
    },
    "declined_ok": {"fr": "C'est noté, merci d'avoir répondu 👍", "en": "Noted, thanks for answering 👍"},
    "at_capacity": {
        "fr": "Vous avez déjà {count} travaux en cours. Terminez-en un (FIN et le prix) avant d'en prendre un autre.",
        "en": "You already have {count} jobs going. Finish one (DONE and the price) before taking another.",
    },
    "started_ok": {
        "fr": "Bien noté 👍 Le client est prévenu. À la fin, envoyez FIN et le prix (ex. FIN 15000).",
        "en": "Noted 👍 The customer knows. At the end, send DONE and the price (e.g. DONE 15000).",
    },
    "ask_price": {
        "fr": "Bravo ! Quel est le prix final pour {ref} ? Par exemple : FIN 15000",
        "en": "Well done! What is the final price for {ref}? For example: DONE 15000",
    },
    "bad_price": {
        "fr": "Je n'ai pas compris le montant 🙏 Envoyez le prix en FCFA, par exemple : FIN 15000",
        "en": "I didn't get the amount 🙏 Send the price in FCFA, for example: DONE 15000",
    },
    "completed_ok": {
        "fr": "Merci ! {ref} est terminé à {price}. Le client est prévenu 👏",
        "en": "Thank you! {ref} is done at {price}. The customer has been told 👏",
    },
    "withdrawn_ok": {
        "fr": "C'est noté, nous cherchons quelqu'un d'autre pour {ref}. Merci d'avoir prévenu.",
        "en": "Noted, we're finding someone else for {ref}. Thanks for telling us.",
    },
    "withdraw_late": {
        "fr": "Le travail {ref} a déjà commencé : appelez notre équipe si vous ne pouvez pas le terminer.",
        "en": "Job {ref} has already started: call our team if you can't finish it.",
    },
    "available_on": {
        "fr": "Vous êtes disponible ✅ Les nouvelles demandes vont arriver ici.",
        "en": "You're available ✅ New jobs will come here.",
    },
    "available_off": {
        "fr": "Pause activée ⏸️ Plus d'offres jusqu'à ce que vous écriviez DISPO.",
        "en": "Pause is on ⏸️ No more offers until you write DISPO.",
    },
    "help": {
        "fr": "Répondez OUI ou NON à une offre. EN ROUTE quand vous partez, FIN et le prix à la fin (ex. FIN 15000). "
              "PAUSE pour ne plus recevoir d'offres, DISPO pour reprendre. Avec plusieurs demandes, ajoutez la "
              "référence (ex. OUI DJB-7K3Q).",
        "en": "Reply YES or NO to an offer. ON MY WAY when you leave, DONE and the price at the end (e.g. DONE "
              "15000). PAUSE to stop offers, DISPO to start again. With several jobs, add the reference (e.g. YES "
              "DJB-7K3Q).",
    },
    "nothing_open": {
        "fr": "Vous n'avez ni offre ni travail en cours pour l'instant. {status} Écrivez AIDE pour les commandes.",
        "en": "You have no offer or job right now. {status} Write HELP for the commands.",
    },
    "status_available": {"fr": "Vous êtes disponible ✅", "en": "You're available ✅"},
    "status_paused": {"fr": "Vous êtes en pause (écrivez DISPO pour reprendre).",
                      "en": "You're on pause (write DISPO to start again)."},
    "which": {
        "fr": "Vous avez plusieurs {what} : {refs}. Lequel ? Répondez par exemple « {word} {example} ».",
        "en": "You have several {what}: {refs}. Which one? Reply for example \"{word} {example}\".",
    },
    "not_yours": {
        "fr": "La référence {ref} ne correspond à aucune de vos offres ni de vos travaux.",
        "en": "Reference {ref} is not one of your offers or jobs.",
    },
    "unclear": {
        "fr": "Je n'ai pas compris 🙏 {hint} Écrivez AIDE pour les commandes.",
        "en": "I didn't understand 🙏 {hint} Write HELP for the commands.",
    },
    "hint_offer": {"fr": "Pour {ref}, répondez OUI ou NON.", "en": "For {ref}, reply YES or NO."},
    "hint_job": {"fr": "Pour {ref}, écrivez EN ROUTE, ou FIN et le prix.",
                 "en": "For {ref}, write ON MY WAY, or DONE and the price."},
    # to customers
    "assigned": {
        "fr": "Bonne nouvelle 🎉 {name} s'occupe de votre demande {ref}. {rating}, {jobs} sur Djobea. "
              "Son numéro : {phone}. Arrivée prévue : {eta}.",
        "en": "Good news 🎉 {name} is taking care of your request {ref}. {rating}, {jobs} on Djobea. "
              "Phone: {phone}. Expected arrival: {eta}.",
    },
    "rated": {"fr": "Note {rating}/5", "en": "Rated {rating}/5"},
    "unrated": {"fr": "Nouveau sur Djobea", "en": "New on Djobea"},
    "eta_minutes": {"fr": "dans environ {minutes} minutes", "en": "in about {minutes} minutes"},
    "on_the_way": {
        "fr": "🚗 {name} est en route pour votre demande {ref}.", "en": "🚗 {name} is on the way for {ref}.",
    },
    "arrived": {"fr": "📍 {name} est arrivé pour votre demande {ref}.", "en": "📍 {name} has arrived for {ref}."},
    "started": {"fr": "🔧 {name} a commencé le travail ({ref}).", "en": "🔧 {name} has started the work ({ref})."},
    "searching": {
        "fr": "Je cherche toujours le bon artisan pour {ref} 🙏 Plusieurs artisans près de {quartier} ont été "
              "contactés, je vous préviens dès que l'un d'eux accepte.",
        "en": "Still finding the right repairer for {ref} 🙏 Several near {quartier} have been contacted; I'll "
              "tell you as soon as one accepts.",
    },
    "expired": {
        "fr": "Désolé 😔 Aucun artisan en {service} n'a pu accepter votre demande {ref} pour le moment. Vous "
              "pouvez réessayer un peu plus tard, choisir un autre moment, ou accepter un artisan d'un quartier "
              "plus éloigné : dites-moi ce que vous préférez.",
        "en": "Sorry 😔 No {service} repairer could take your request {ref} right now. You can try again a bit "
              "later, pick another time, or accept someone from further away: just tell me what you prefer.",
    },
    "cancelled_by_team": {
        "fr": "Votre demande {ref} a été annulée par notre équipe. Écrivez-nous si vous avez besoin d'aide.",
        "en": "Your request {ref} was cancelled by our team. Write to us if you need help.",
    },
    "provider_cancelled_job": {
        "fr": "Petit changement pour {ref} : l'artisan ne peut plus venir. Je cherche quelqu'un d'autre tout de "
              "suite 🙏",
        "en": "A change for {ref}: the repairer can no longer come. I'm finding someone else right away 🙏",
    },
    "reassigning": {
        "fr": "Pour {ref}, notre équipe vous trouve un autre artisan. Je vous préviens dès qu'il accepte.",
        "en": "For {ref}, our team is finding you another repairer. I'll tell you as soon as one accepts.",
    },
    "searching_again": {
        "fr": "C'est reparti 🔎 Je cherche à nouveau un artisan pour {ref}.",
        "en": "Here we go again 🔎 I'm looking for a repairer for {ref}.",
    },
    "job_details": {
        "fr": "✅ {ref} est pour vous !\nClient : {name}, {phone}\nLieu : {address}\n{service} : « {description} »\n"
              "Quand : {when}.",
        "en": "✅ {ref} is yours!\nCustomer: {name}, {phone}\nPlace: {address}\n{service}: \"{description}\"\n"
              "When: {when}.",
    },
    "reach_through_chat": {"fr": "pas de numéro, il vous répond par le chat",
                           "en": "no number, answers through the chat"},
    "unnamed_customer": {"fr": "client du site", "en": "web customer"},
    "job_next_call": {
        "fr": "👉 Appelez le client pour confirmer l'heure, écrivez EN ROUTE en partant, puis FIN et le prix.",
        "en": "👉 Call the customer to confirm the time, write ON MY WAY when you leave, then DONE and the price.",
    },
    "job_next_chat": {
        "fr": "👉 Le client n'a pas donné de numéro : écrivez-lui ici, je transmets dans son chat. EN ROUTE en "
              "partant, puis FIN et le prix.",
        "en": "👉 The customer gave no number: write to them here and I'll pass it on in their chat. ON MY WAY when "
              "you leave, then DONE and the price.",
    },
    "later_detail": {"fr": "📝 {ref} — le client ajoute : « {text} »",
                     "en": "📝 {ref} — the customer adds: \"{text}\""},
    "later_landmark": {"fr": "📍 {ref} — repère donné par le client : « {text} »",
                       "en": "📍 {ref} — landmark from the customer: \"{text}\""},
    "later_urgent": {"fr": "⚡ {ref} — le client indique que c'est urgent : « {text} »",
                     "en": "⚡ {ref} — the customer says it is urgent: \"{text}\""},
    "later_message": {"fr": "💬 {ref} — message du client : « {text} »",
                      "en": "💬 {ref} — message from the customer: \"{text}\""},
    "relayed_to_customer": {"fr": "Transmis au client de {ref} ✅", "en": "Passed on to the customer of {ref} ✅"},
    "offer_urgent": {"fr": "⚡ {ref} est maintenant URGENT : répondez OUI ou NON avant {deadline}.",
                     "en": "⚡ {ref} is now URGENT: reply YES or NO before {deadline}."},
    "offer_preferred": {"fr": "⭐ Le client vous redemande : vous étiez venu chez lui la dernière fois.",
                        "en": "⭐ The customer asked for you again: you came to them last time."},
    "completed": {
        "fr": "Travail terminé ✅ ({ref}). Prix final : {price} (pas d'accord ? dites-le). Comment ça s'est passé ? "
              "Donnez une note de 1 à 5 ⭐",
        "en": "Job done ✅ ({ref}). Final price: {price} (don't agree? just say so). How did it go? Give a rating "
              "from 1 to 5 ⭐",
    },
    "from_provider": {
        "fr": "💬 {name} (artisan, {ref}) : « {text} »",
        "en": "💬 {name} (repairer, {ref}): \"{text}\"",
    },
    "preferred_busy": {
        "fr": "{name}, qui était venu la dernière fois, n'est pas disponible pour {ref} 😔 Je cherche un autre "
              "artisan près de chez vous.",
        "en": "{name}, who came last time, isn't available for {ref} 😔 I'm finding another repairer near you.",
    },
    "searching_one": {
        "fr": "Je cherche toujours le bon artisan pour {ref} 🙏 Un artisan près de {quartier} a été contacté, je "
              "vous préviens dès qu'il répond.",
        "en": "Still finding the right repairer for {ref} 🙏 One repairer near {quartier} has been contacted; I'll "
              "tell you as soon as they answer.",
    },
}

WHEN: dict[str, dict[str, str]] = {
    "urgent": {"fr": "URGENT, dès que possible", "en": "URGENT, as soon as possible"},
    "normal": {"fr": "dès que possible", "en": "as soon as possible"},
    "scheduled": {"fr": "prévu le {at}", "en": "planned for {at}"},
}
