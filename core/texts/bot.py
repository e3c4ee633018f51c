"""What the conversation engine says to customers: several variants where natural."""

BOT: dict[str, dict[str, list[str]]] = {
    "intro": {
        "fr": ["Bonjour 👋 Ici Djobea : on vous trouve un artisan vérifié près de chez vous à Douala. "
               "Dites-moi ce qui ne va pas et votre quartier."],
        "en": ["Hello 👋 This is Djobea: we find you a verified repairer near you in Douala. "
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
    "created": {
        "fr": ["C'est noté ✅ {service} à {quartier}{when}. Prix indicatif : {price}. Je cherche un artisan "
               "disponible maintenant et je vous préviens dès qu'il accepte (réf. {reference}). "
               "Pour corriger ou annuler, dites-le simplement."],
        "en": ["All set ✅ {service} in {quartier}{when}. Usual price: {price}. I'm finding an available "
               "repairer now and will tell you as soon as one accepts (ref. {reference}). "
               "To change or cancel, just tell me."],
    },
    "already_open": {
        "fr": ["Votre demande de {service} à {quartier} est déjà en cours (réf. {reference}) : je cherche "
               "toujours le bon artisan 🙏"],
        "en": ["Your {service} request in {quartier} is already in progress (ref. {reference}): I'm still "
               "finding the right repairer 🙏"],
    },
    "corrected": {
        "fr": ["C'est corrigé ✅ {summary}. Prix indicatif : {price}. Je continue la recherche (réf. {reference})."],
        "en": ["Updated ✅ {summary}. Usual price: {price}. I'm still on it (ref. {reference})."],
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
}

STATUS_WORDS: dict[str, dict[str, str]] = {
    "pending": {"fr": "je cherche un artisan", "en": "finding a repairer"},
    "offered": {"fr": "proposée aux artisans, j'attends une réponse", "en": "offered to repairers, awaiting a yes"},
    "assigned": {"fr": "un artisan a accepté", "en": "a repairer has accepted"},
    "in_progress": {"fr": "travail en cours", "en": "work in progress"},
    "completed": {"fr": "terminée", "en": "completed"},
    "cancelled": {"fr": "annulée", "en": "cancelled"},
    "expired": {"fr": "aucun artisan trouvé à temps", "en": "no repairer found in time"},
}
