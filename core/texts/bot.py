"""What the conversation engine says to customers: several variants where natural."""

BOT: dict[str, dict[str, list[str]]] = {
    "intro": {
        "fr": ["Bonjour 👋 Ici Djobea : on vous trouve un artisan vérifié près de chez vous à Douala. "
               "Dites-moi ce qui ne va pas et votre quartier."],
        "en": ["Hello 👋 This is Djobea: we find you a verified repairer near you in Douala. "
               "Tell me what needs fixing and your quartier."],
    },
    "intro_evening": {
        "fr": ["Bonsoir 👋 Ici Djobea : on vous trouve un artisan vérifié près de chez vous à Douala. "
               "Dites-moi ce qui ne va pas et votre quartier."],
        "en": ["Good evening 👋 This is Djobea: we find you a verified repairer near you in Douala. "
               "Tell me what needs fixing and your quartier."],
    },
    "ask_service": {
        "fr": ["Dites-moi ce qui ne va pas : fuite, courant, frigo, serrure… ?",
               "De quel type de réparation avez-vous besoin ?",
               "Quel est le problème à réparer ?"],
        "en": ["Tell me what needs fixing: a leak, power, fridge, lock…?",
               "What kind of repair do you need?",
               "What is the problem to fix?"],
    },
    "ask_location": {
        "fr": ["D'accord pour {service}. Vous êtes dans quel quartier ?",
               "Compris, {service}. C'est dans quel quartier de Douala ?",
               "Noté pour {service} 👍 Quel est votre quartier ?"],
        "en": ["Got it, {service}. Which area (quartier) are you in?",
               "Okay, {service}. Which part of Douala are you in?",
               "Noted for {service} 👍 What is your quartier?"],
    },
    # Directions to the door given before the quartier ("derrière la pharmacie"): kept, and the quartier asked.
    "landmark_quartier": {
        "fr": ["Merci, repère noté : « {landmark} » 📍 C'est dans quel quartier de Douala ?",
               "Noté : « {landmark} » 📍 Et le quartier, c'est lequel ?"],
        "en": ["Thanks, landmark noted: \"{landmark}\" 📍 Which quartier of Douala is that in?",
               "Noted: \"{landmark}\" 📍 And which quartier is that?"],
    },
    # The quartier already asked and not given yet: what came is kept, the quartier asked once more, differently.
    "ask_location_again": {
        "fr": ["C'est noté pour {service} 👍 Il me manque juste votre quartier pour lancer la recherche "
               "(ex. Makepe, Akwa, Bonamoussadi…)."],
        "en": ["Noted for {service} 👍 I just need your quartier to start the search (e.g. Makepe, Akwa, "
               "Bonamoussadi…)."],
    },
    # The same reminder when the customer says it is urgent before giving the quartier.
    "ask_location_noted": {
        "fr": ["C'est noté 📝 Dès que j'ai votre quartier, je lance la recherche pour {service}."],
        "en": ["Noted 📝 As soon as I have your quartier, I'll start the search for {service}."],
    },
    "ask_location_urgent": {
        "fr": ["C'est noté, c'est urgent ⚡ Dites-moi vite votre quartier et je lance la recherche pour {service}."],
        "en": ["Noted, it's urgent ⚡ Tell me your quartier and I'll start the search for {service} right away."],
    },
    # The quartier known, the trouble asked and not told yet: the quartier kept, the trouble asked once more.
    "ask_service_again": {
        "fr": ["C'est noté pour {quartier} 📍 Que faut-il réparer : fuite, courant, frigo, serrure, porte… ?"],
        "en": ["Noted for {quartier} 📍 What needs fixing: a leak, power, fridge, lock, door…?"],
    },
    "created": {
        "fr": ["C'est noté ✅ {service} à {quartier}{when}. Prix indicatif : {price}. Je cherche un artisan "
               "disponible maintenant et je vous préviens dès qu'il accepte (réf. {reference}). "
               "Pour corriger ou annuler, dites-le simplement."],
        "en": ["All set ✅ {service} in {quartier}{when}. Usual price: {price}. I'm finding an available "
               "repairer now and will tell you as soon as one accepts (ref. {reference}). "
               "To change or cancel, just tell me."],
    },
    "corrected": {
        "fr": ["C'est corrigé ✅ {summary}. Prix indicatif : {price}. Je continue la recherche (réf. {reference})."],
        "en": ["Updated ✅ {summary}. Usual price: {price}. I'm still on it (ref. {reference})."],
    },
    "corrected_hold": {
        "fr": ["C'est corrigé ✅ {summary}. Prix indicatif : {price} (réf. {reference}). Je lance la recherche dès que "
               "j'ai votre numéro (ex. 6 99 12 34 56), ou dites-moi de continuer sans."],
        "en": ["Updated ✅ {summary}. Usual price: {price} (ref. {reference}). I'll start the search as soon as I have "
               "your number (e.g. 6 99 12 34 56), or tell me to go on without."],
    },
    "correction_agent": {
        "fr": ["Un artisan est déjà sur votre demande {reference}. Un agent Djobea va coordonner ce changement avec "
               "vous et lui très vite."],
        "en": ["A repairer is already on your request {reference}. A Djobea agent will sort out this change with "
               "you and them shortly."],
    },
    "status_none": {
        "fr": ["Vous n'avez pas de demande en cours. Dites-moi ce qui ne va pas et dans quel quartier, "
               "je m'en occupe."],
        "en": ["You have no request in progress. Tell me what needs fixing and where, and I'll handle it."],
    },
    "status_line": {
        "fr": ["{reference} · {service} à {quartier} : {status}{extra}"],
        "en": ["{reference} · {service} in {quartier}: {status}{extra}"],
    },
    "cancelled": {
        "fr": ["C'est annulé : votre demande {reference} est fermée. Revenez quand vous voulez 🙏"],
        "en": ["Done, your request {reference} is cancelled. Come back any time 🙏"],
    },
    "cancel_nothing": {
        "fr": ["Vous n'avez aucune demande en cours, rien à annuler."],
        "en": ["You have no request in progress, so there is nothing to cancel."],
    },
    "cancel_draft": {
        "fr": ["D'accord, j'oublie ça : rien n'a été réservé."],
        "en": ["Okay, forget it: nothing was booked."],
    },
    "cancel_in_progress": {
        "fr": ["L'artisan est déjà au travail sur {reference}, je ne peux plus annuler d'ici. Un agent va vous "
               "contacter pour voir avec vous."],
        "en": ["The repairer is already on the job for {reference}, so I can't cancel it from here. An agent will "
               "contact you to sort it out."],
    },
    "complaint": {
        "fr": ["Je suis désolé pour ça 🙏 J'ai transmis votre message à l'équipe : une personne vous répond "
               "très vite."],
        "en": ["I'm sorry about this 🙏 I've passed your message to the team: a person will answer you soon."],
    },
    "outside_area": {
        "fr": ["Désolé, Djobea n'est pas encore à {place} : pour l'instant nous couvrons seulement Douala. "
               "On arrive bientôt 🙏"],
        "en": ["Sorry, Djobea isn't in {place} yet: for now we only cover Douala. We're coming soon 🙏"],
    },
    "outside_area_cancelled": {
        "fr": ["Désolé, Djobea n'est pas encore à {place} : pour l'instant nous couvrons seulement Douala. J'ai donc "
               "annulé la demande {reference}. On arrive bientôt 🙏"],
        "en": ["Sorry, Djobea isn't in {place} yet: for now we only cover Douala, so I've cancelled request "
               "{reference}. We're coming soon 🙏"],
    },
    "price_one": {
        "fr": ["{service} : en général {price}, le prix exact est fixé avec l'artisan selon le travail."],
        "en": ["{service}: usually {price}; the exact price is agreed with the repairer for the job."],
    },
    "price_all": {
        "fr": ["Prix indicatifs :\n{lines}\nLe prix exact dépend du travail."],
        "en": ["Usual prices:\n{lines}\nThe exact price depends on the job."],
    },
    "areas": {
        "fr": ["Nous couvrons tout Douala : {names}… Donnez-moi votre quartier et je vérifie."],
        "en": ["We cover all of Douala: {names}… Tell me your quartier and I'll check."],
    },
    "payment_info": {
        "fr": ["Vous payez à la fin du travail, par MTN Mobile Money ou Orange Money, via un lien que je vous envoie."],
        "en": ["You pay at the end of the job, with MTN Mobile Money or Orange Money, through a link I send you."],
    },
    "how": {
        "fr": ["C'est simple : dites-moi le problème et votre quartier, je trouve un artisan vérifié disponible, il "
               "vient, et vous payez par mobile money à la fin."],
        "en": ["It's simple: tell me the problem and your quartier, I find a verified repairer who is free, they "
               "come, and you pay by mobile money at the end."],
    },
    "trust": {
        "fr": ["Nos artisans sont vérifiés par l'équipe et notés par les clients après chaque travail ⭐"],
        "en": ["Our repairers are checked by the team and rated by customers after every job ⭐"],
    },
    "thanks": {
        "fr": ["Avec plaisir 😊", "Merci à vous 🙏"],
        "en": ["You're welcome 😊", "Thank you too 🙏"],
    },
    "smalltalk": {
        "fr": ["Bonjour 😊 Comment puis-je vous aider ? Dites-moi ce qu'il faut réparer.",
               "Je suis là 😊 Quel est le souci à la maison ?"],
        "en": ["Hello 😊 How can I help? Tell me what needs fixing.",
               "I'm here 😊 What needs fixing at home?"],
    },
    "not_understood": {
        "fr": ["Je n'ai pas bien compris 🙏 Dites-moi le problème (fuite, courant, serrure…) et votre quartier.",
               "Pardon, je n'ai pas saisi. Que faut-il réparer, et où ?"],
        "en": ["Sorry, I didn't quite get that 🙏 Tell me the problem (leak, power, lock…) and your quartier.",
               "Sorry, I didn't catch that. What needs fixing, and where?"],
    },
    "rating_thanks": {
        "fr": ["Merci pour votre note ({stars}/5) ⭐ Un commentaire ? Écrivez-le simplement."],
        "en": ["Thanks for your rating ({stars}/5) ⭐ Any comment? Just write it."],
    },
    "comment_thanks": {
        "fr": ["Merci, c'est noté 🙏"],
        "en": ["Thank you, noted 🙏"],
    },
    "payment_coming": {
        "fr": ["Les détails du paiement arrivent dans un instant 🙏"],
        "en": ["The payment details are coming shortly 🙏"],
    },
    "payment_link": {
        "fr": ["Voici votre lien de paiement : {link}"],
        "en": ["Here is your payment link: {link}"],
    },
    "payment_done": {
        "fr": ["C'est déjà payé pour {reference}, merci 🙏"],
        "en": ["{reference} is already paid, thank you 🙏"],
    },
    "payment_nothing": {
        "fr": ["Vous n'avez rien à payer pour l'instant : le lien arrive à la fin du travail."],
        "en": ["There's nothing to pay right now: the link comes at the end of the job."],
    },
    "onb_name": {
        "fr": ["Super, bienvenue 👷 Pour votre inscription, quel est votre nom ?"],
        "en": ["Great, welcome 👷 To sign you up, what is your name?"],
    },
    "onb_name_again": {
        "fr": ["Pour l'inscription, il me faut juste votre nom (par ex. Jean Mbarga). Comment vous appelez-vous ?"],
        "en": ["For the application I just need your name (e.g. John Mbarga). What is your name?"],
    },
    "onb_name_letters": {
        "fr": ["Il me faut votre nom en lettres, comme il figurera sur votre profil (par ex. Jean Mbarga)."],
        "en": ["I need your name in letters, as it will show on your profile (e.g. John Mbarga)."],
    },
    "onb_phone_again": {
        "fr": ["Je n'ai pas reconnu de numéro : envoyez votre numéro WhatsApp, par ex. 6 99 12 34 56."],
        "en": ["I couldn't read a number there: send your WhatsApp number, e.g. 6 99 12 34 56."],
    },
    "onb_trades": {
        "fr": ["Merci {name}. Quel(s) métier(s) faites-vous ? (plomberie, électricité, menuiserie…)"],
        "en": ["Thanks {name}. Which trade(s) do you do? (plumbing, electrical, carpentry…)"],
    },
    "onb_quartiers": {
        "fr": ["Noté : {trades}. Dans quels quartiers travaillez-vous ?"],
        "en": ["Noted: {trades}. Which quartiers do you work in?"],
    },
    "onb_phone": {
        "fr": ["Dernière chose : votre numéro WhatsApp ?"],
        "en": ["Last thing: your WhatsApp number?"],
    },
    "onb_done": {
        "fr": ["Merci {name} ✅ Votre demande ({trades} à {quartiers}) est enregistrée : l'équipe la vérifie et "
               "vous contacte."],
        "en": ["Thanks {name} ✅ Your application ({trades} in {quartiers}) is saved: the team will check it and "
               "contact you."],
    },
    "onb_already": {
        "fr": ["Votre demande d'inscription est déjà enregistrée, l'équipe la vérifie 🙏"],
        "en": ["Your application is already saved; the team is checking it 🙏"],
    },
    "too_many_requests": {
        "fr": ["Je ne peux pas ouvrir d'autre demande depuis cette connexion pour l'instant 🙏 Réessayez dans une "
               "heure, ou écrivez-nous sur WhatsApp."],
        "en": ["I can't open another request from this connection right now 🙏 Please try again in an hour, or "
               "write to us on WhatsApp."],
    },
    "status_none_web": {
        "fr": ["Je ne vois pas de demande en cours dans cette discussion."],
        "en": ["I see no request in progress in this chat."],
    },
    "cancel_nothing_web": {
        "fr": ["Je ne vois aucune demande en cours dans cette discussion, rien à annuler."],
        "en": ["I see no request in progress in this chat, so there is nothing to cancel."],
    },
    "link_ask_phone": {
        "fr": ["Vous avez déjà écrit à Djobea sur WhatsApp ? Donnez-moi ce numéro : je vous y envoie un code pour "
               "retrouver vos demandes ici. Sinon, dites-moi ce qu'il faut réparer et dans quel quartier."],
        "en": ["Already written to Djobea on WhatsApp? Give me that number and I'll send you a code there to see "
               "your requests here. Otherwise, tell me what needs fixing and where."],
    },
    "link_offer": {
        "fr": ["Vous avez déjà écrit à Djobea sur WhatsApp depuis le {phone} ? Je peux vous y envoyer un code pour "
               "retrouver vos demandes ici. Je l'envoie ?"],
        "en": ["Already written to Djobea on WhatsApp from {phone}? I can send you a code there to see your "
               "requests here. Shall I send it?"],
    },
    "link_which_phone": {
        "fr": ["Quel est votre numéro WhatsApp ? Je vous y envoie un code."],
        "en": ["What is your WhatsApp number? I'll send you a code there."],
    },
    "link_sent": {
        "fr": ["Si le {phone} a déjà écrit à Djobea, un code à 6 chiffres vient d'y partir sur WhatsApp 🔒 "
               "Écrivez-le ici (il expire dans 5 minutes)."],
        "en": ["If {phone} has written to Djobea before, a 6-digit code is on its way there on WhatsApp 🔒 "
               "Type it here (it expires in 5 minutes)."],
    },
    "link_wrong": {
        "fr": ["Ce code est incorrect ou a expiré 🙏 Vérifiez le message WhatsApp et réessayez, ou dites "
               "« nouveau code »."],
        "en": ["That code doesn't match or has expired 🙏 Check the WhatsApp message and try again, or say "
               "\"new code\"."],
    },
    "link_wait": {
        "fr": ["Trop d'essais 🙏 Par sécurité, réessayez dans 15 minutes."],
        "en": ["Too many tries 🙏 For your safety, please try again in 15 minutes."],
    },
    "link_too_many": {
        "fr": ["J'ai déjà envoyé plusieurs codes au {phone} 🙏 Réessayez dans 15 minutes."],
        "en": ["I've already sent several codes to {phone} 🙏 Please try again in 15 minutes."],
    },
    "link_done": {
        "fr": ["C'est bon ✅ Ce chat est relié à votre numéro."],
        "en": ["Done ✅ This chat is now linked to your number."],
    },
    "link_already": {
        "fr": ["Ce chat est déjà relié au {phone} ✅"],
        "en": ["This chat is already linked to {phone} ✅"],
    },
    "link_declined": {
        "fr": ["D'accord 🙂 Dites-moi ce qu'il faut réparer et dans quel quartier."],
        "en": ["Okay 🙂 Tell me what needs fixing and where."],
    },
    "contact_saved": {
        "fr": ["Merci, c'est noté 👍 L'artisan pourra vous appeler au {phone}."],
        "en": ["Thanks, noted 👍 The repairer can call you on {phone}."],
    },
    "human": {
        "fr": ["Un agent de l'équipe va vous répondre."],
        "en": ["A team member will answer you."],
    },
    "already_open": {
        "fr": ["Votre demande de {service} à {quartier} est déjà en cours (réf. {reference}) : {status} 🙏"],
        "en": ["Your {service} request in {quartier} is already in progress (ref. {reference}): {status} 🙏"],
    },
    "created_hold": {
        "fr": ["C'est noté ✅ {service} à {quartier}{when}. Prix indicatif : {price} (réf. {reference})."],
        "en": ["All set ✅ {service} in {quartier}{when}. Usual price: {price} (ref. {reference})."],
    },
    "ask_phone": {
        "fr": ["Sur quel numéro l'artisan peut-il vous appeler ? (ex. 6 99 12 34 56) Je lance la recherche dès que "
               "je l'ai. Sans numéro, dites-le : l'artisan vous répondra ici, dans le chat."],
        "en": ["Which number can the repairer call you on? (e.g. 6 99 12 34 56) I'll start the search as soon as I "
               "have it. Rather not give one? Just say so: the repairer will answer you here, in the chat."],
    },
    "ask_phone_landmark": {
        "fr": ["Sur quel numéro l'artisan peut-il vous appeler ? (ex. 6 99 12 34 56) Et un repère pour trouver chez "
               "vous (derrière la pharmacie, portail bleu…) ? Je lance la recherche dès que j'ai le numéro. Sans "
               "numéro, dites-le : l'artisan vous répondra ici, dans le chat."],
        "en": ["Which number can the repairer call you on? (e.g. 6 99 12 34 56) And a landmark to find your place "
               "(behind the pharmacy, blue gate…)? I'll start the search as soon as I have the number. Rather not "
               "give one? Just say so: the repairer will answer you here, in the chat."],
    },
    "ask_landmark": {
        "fr": ["Un repère pour que l'artisan trouve chez vous (derrière la pharmacie, portail bleu, 2e étage…) ?"],
        "en": ["A landmark so the repairer finds your place (behind the pharmacy, blue gate, 2nd floor…)?"],
    },
    "contact_search": {
        "fr": ["Merci, c'est noté 👍 L'artisan pourra vous appeler au {phone}. Je lance la recherche pour "
               "{reference} 🔎"],
        "en": ["Thanks, noted 👍 The repairer can call you on {phone}. I'm starting the search for {reference} 🔎"],
    },
    "contact_refused": {
        "fr": ["D'accord, sans numéro 👍 L'artisan vous répondra ici, dans ce chat : gardez-le ouvert. Je lance la "
               "recherche pour {reference} 🔎"],
        "en": ["Okay, no number 👍 The repairer will answer you here, in this chat: keep it open. I'm starting the "
               "search for {reference} 🔎"],
    },
    "landmark_saved": {
        "fr": ["Merci, repère noté pour {reference} : « {landmark} » 📍"],
        "en": ["Thanks, landmark noted for {reference}: \"{landmark}\" 📍"],
    },
    "intro_known": {
        "fr": ["Bonjour {name} 👋 Content de vous revoir sur Djobea. Dites-moi ce qu'il faut réparer."],
        "en": ["Hello {name} 👋 Good to see you again on Djobea. Tell me what needs fixing."],
    },
    "ask_same_place": {
        "fr": ["{hello}D'accord pour {service}. Toujours à {quartier}{landmark} ? Un « oui » suffit, sinon "
               "dites-moi le quartier."],
        "en": ["{hello}Okay, {service}. Still in {quartier}{landmark}? A \"yes\" is enough, or tell me the "
               "quartier."],
    },
    "same_provider_found": {
        "fr": ["Je propose d'abord la demande à {name}, qui était venu la dernière fois. S'il n'est pas libre très "
               "vite, je cherche un autre artisan et je vous le dis."],
        "en": ["I'm offering the job to {name} first, who came last time. If they're not free quickly, I'll find "
               "another repairer and tell you."],
    },
    "same_provider_none": {
        "fr": ["Je ne retrouve pas d'artisan venu chez vous pour ce travail : je cherche le meilleur disponible."],
        "en": ["I can't find a repairer who came to you for this before: I'll find the best one available."],
    },
    "urgency_raised": {
        "fr": ["C'est noté : {reference} passe en URGENT ⚡ {next}"],
        "en": ["Noted: {reference} is now URGENT ⚡ {next}"],
    },
    "next_offers": {
        "fr": ["Les artisans contactés le voient tout de suite, et j'élargis vite si personne ne répond."],
        "en": ["The repairers contacted see it right away, and I'll widen the search fast if nobody answers."],
    },
    "next_provider": {
        "fr": ["{name} est prévenu."],
        "en": ["{name} has been told."],
    },
    "next_hold": {
        "fr": ["La recherche part dès que j'ai votre numéro (ou que vous me dites de continuer sans)."],
        "en": ["The search starts as soon as I have your number (or you tell me to go on without)."],
    },
    "detail_added": {
        "fr": ["Merci, j'ajoute ça à {reference} 📝{told}"],
        "en": ["Thanks, I've added that to {reference} 📝{told}"],
    },
    "detail_told": {"fr": [" {name} le reçoit aussi."], "en": [" {name} gets it too."]},
    "confirm_ok": {
        "fr": ["C'est bien noté ✅ {reference} : {status}."],
        "en": ["All confirmed ✅ {reference}: {status}."],
    },
    "price_context": {
        "fr": ["Pour {reference} ({service}), le prix indicatif est {price}. Le prix exact est fixé avec l'artisan "
               "avant le travail : s'il ne vous convient pas, vous pouvez refuser, sans frais."],
        "en": ["For {reference} ({service}), the usual price is {price}. The exact price is agreed with the "
               "repairer before the work: if it doesn't suit you, you can say no, at no cost."],
    },
    "send_now_searching": {
        "fr": ["Oui, je cherche en ce moment pour {reference} : {count} artisan(s) contacté(s), j'attends leur "
               "réponse et je vous préviens dès qu'un accepte. {next}"],
        "en": ["Yes, I'm on it right now for {reference}: {count} repairer(s) contacted, waiting for a yes; I'll "
               "tell you as soon as one accepts. {next}"],
    },
    "send_now_assigned": {
        "fr": ["{name} a déjà accepté {reference} et va venir : appelez-le au {phone} pour l'heure exacte."],
        "en": ["{name} has already accepted {reference} and is coming: call them on {phone} for the exact time."],
    },
    "send_now_reach": {
        "fr": ["{name} a déjà accepté {reference} et va venir : écrivez ici, je lui transmets."],
        "en": ["{name} has already accepted {reference} and is coming: write here and I'll pass it on."],
    },
    "cancel_confirm": {
        "fr": ["Annuler {reference} ? {name} est déjà prévenu. Répondez OUI pour annuler, NON pour garder."],
        "en": ["Cancel {reference}? {name} has already been told. Reply YES to cancel, NO to keep it."],
    },
    "cancel_kept": {
        "fr": ["D'accord, je garde {reference} ✅"],
        "en": ["Okay, {reference} stays on ✅"],
    },
    "history_title": {
        "fr": ["Vos demandes :"],
        "en": ["Your requests:"],
    },
    "price_contested": {
        "fr": ["C'est noté : vous contestez le prix de {reference} ({price}). Le paiement est mis en attente et une "
               "personne de l'équipe vous contacte avec l'artisan pour régler ça 🙏"],
        "en": ["Noted: you dispute the price of {reference} ({price}). Payment is on hold and a team member will "
               "contact you and the repairer to sort it out 🙏"],
    },
    "payment_held": {
        "fr": ["Le paiement de {reference} attend que l'équipe règle le prix avec vous : pas de lien pour l'instant."],
        "en": ["Payment for {reference} waits until the team settles the price with you: no link for now."],
    },
    "relayed": {
        "fr": ["Message transmis à {name} 👍"],
        "en": ["Message passed on to {name} 👍"],
    },
}

STATUS_WORDS: dict[str, dict[str, str]] = {
    "pending": {"fr": "je cherche un artisan", "en": "finding a repairer"},
    "offered": {"fr": "proposée aux artisans, j'attends une réponse", "en": "offered to repairers, awaiting a yes"},
    "assigned": {"fr": "un artisan a accepté", "en": "a repairer has accepted"},
    "in_progress": {"fr": "travail en cours", "en": "work in progress"},
    "completed": {"fr": "terminée", "en": "completed"},
    "cancelled": {"fr": "annulée", "en": "cancelled"},
    "expired": {"fr": "aucun artisan trouvé à temps", "en": "no repairer found in time"},
    "held": {"fr": "j'attends votre numéro pour chercher un artisan",
             "en": "waiting for your number to start finding a repairer"},
}
