"""Whole families of phrasings that fixed cue phrases cannot list, as patterns on the normalised text.

Each entry is (label, weight, trigger words, pattern): the pattern only runs when the message holds one of the
trigger words (it cannot match otherwise), and a match adds its weight to the label as a cue phrase does.
"{trade}" stands for any trade word. The words are normalised: no accents, lowercase, SMS spellings expanded.
"""

# A worker of ours named by trade or by a plain word ("le gars", "the man", "votre technicien").
_WORKER = (
    r"(?:{trade}|technicien|technician|gars|guy|man|type|mec|monsieur|artisan|ouvrier|worker|person|personne"
    r"|prestataire|provider|dame du menage|femme de menage|menagere)s?"
)
_SENT = r"(?:wey una send |you sent |una send |que vous avez envoye |que vous m avez envoye )?"
_COMING = r"(?:coming|come|arriving|arrive|reach|reaching|on (?:his|her|their|the) way)"
_COMING_WORDS = "coming come arriving arrive reach reaching way"
_VISIT_WORDS = (
    "came come venu venue passe passee repare fixed repaired fix fait did reparti repartie parti partie left quitte"
    " went gone"
)
_DAMAGE_WORDS = (
    "laisse casse abime gate sali tache brule raye perce detruit damage damaged broke break spoil ruin ruined"
    " stain stained endommage inonde"
    " disparu disappear disappeared took take carry chop refuse refused vole stole mal"
)

# What was paid: an amount, the bill, the job or the worker.
_BILL = (r"(?:(?:for |pour )?(?:the |la |le |your |votre |una |l )?(?:\d+|facture|bill|invoice|repair|reparation"
         r"|job|travail|intervention|service|" + _WORKER + r"|you|vous|una|him|her|lui|them|am)\b)")
_DONE_WORDS = (
    "repare reparee reparer installe installee pose posee fait faite nettoye nettoyee change changee peint peinte"
    " monte montee remplace remplacee fixe repaired fixed installed serviced cleaned painted repair fix install"
    " service clean paint did do"
)

PATTERNS: list[tuple[str, float, str, str]] = [
    # "quand est-ce que le plombier arrive ?", "quand le technicien vient-il ?"
    ("status_check", 2.0, "quand",
     r"\bquand (?:est ce (?:que|qu) )?(?:le|la|l|votre|mon|notre|ton) " + _WORKER
     + r" (?:arrive|vient|passe|va venir|va passer|va arriver|sera la|viendra|passera|arrivera)\b"),
    # "le numéro du technicien", "the plumber's number": reaching the worker of a booking
    ("status_check", 2.0, "numero contact number phone telephone",
     r"\b(?:numero|contact|number|phone|telephone)s? (?:du|de l|de la|de votre|de mon|de ma|of the|for the|of your"
     r"|of una|of my) "
     + _WORKER + r"\b|\b(?:the|your|una) " + _WORKER + r" s (?:number|contact|phone)\b"),
    # "the number you gave me for the electrician no dey go", "son numéro ne passe pas": the worker cannot be reached
    ("status_check", 2.5, "numero number",
     r"\b(?:numero|number)\b(?: \w+){0,7}? (?:no dey go|no dey pass|no dey enter|ne passe pas|ne passe plus"
     r"|ne sonne pas|is not going through|not going through|doesn t go through|does not go through"
     r"|isn t going through|is switched off|est eteint|is off)\b"),
    # "le technicien a dit 14h, il est 16h", "your guy said 20 min, that was 1 hour ago": a time promised and passed
    ("status_check", 2.5, "dit said say",
     r"\b(?:a dit|avait dit|said|talk say|say)\b(?: \w+){0,6}? (?:\d{1,2} ?h\w*|\d+ min\w*) (?:\w+ ){0,2}?"
     r"(?:il est|it s|na|that was|c etait)\b"),
    # "wey the plumber?": where the worker is, in Pidgin
    ("status_check", 2.5, "wey", r"^(?:\w+ ){0,2}?wey (?:the|di|my|una) " + _WORKER + r"\b"),
    # "where the plumber?", "where my electrician?": where the worker of a booking is
    ("status_check", 2.5, "where ou", r"\bwhere (?:the|my|una|your) " + _WORKER + r"\b(?! (?:is|dey) from)"
     r"|\bou est (?:le|la|l|mon|ma|votre) " + _WORKER + r"\b"),
    # "I dey do tiles and plaster for Bonaberi, 10 years": a trade done for years
    ("join_as_provider", 2.5, "years ans",
     r"^(?:\w+ ){0,3}?(?:i dey do|i do|je fais|moi je fais)\b(?: \w+){1,10}? \d+ (?:years?|ans)\b"),
    # "plumber here, I dey work for Bonaberi side": a tradesperson introducing themselves
    ("join_as_provider", 2.0, "here", r"^(?:\w+ ){0,2}?(?:{trade})s? here\b"),
    # "stop la demande", "you can close the request", "clôturez ma commande"
    ("cancel", 2.0, "stop stoppe stoppez arrete arretez ferme fermez fermer close cloturez cloturer cancel",
     r"\b(?:stop|stoppe|stoppez|arrete|arretez|ferme|fermez|fermer|close|cloturez|cloturer|cancel) (?:la|ma|the|my"
     r"|this|cette|votre|notre|our) (?:demande|request|booking|commande|dossier|job|reservation|intervention)\b"),
    # "I paid 25 000 and the AC is leaking again", "j'ai payé le plombier et ça recommence": our bill paid, trouble
    # back (not "j'ai payé le loyer": the money must be an amount, the job or the worker)
    ("complaint", 2.0, "paid pay payed paye payee regle verse",
     r"\b(?:i|we) (?:have |don |already |just )?(?:paid|pay|payed) " + _BILL
     + r"(?: \w+){0,12}? (?:again|still|same|back)\b|\bj ai (?:deja |bien )?(?:paye|regle|verse) " + _BILL
     + r"(?: \w+){0,12}? (?:encore|toujours|de nouveau|recommence|meme probleme|revenu|revenue)\b"),
    # "le frigo que vous avez réparé", "the tap wey una fix", "depuis votre intervention": our own past work
    ("provider_ref", 1.0, "que qu ke wey that which you una",
     r"\b(?:que|qu|wey|that|which) (?:vous|tu|il|elle|you|una|(?:your|votre|le|la|the) " + _WORKER + r") "
     r"(?:avez |as |a |ont |have |has |don |did )?(?:deja |just |already )?(?:" + _DONE_WORDS.replace(" ", "|")
     + r")\b"),
    ("provider_ref", 1.0, "intervention passage visit repair reparation come came",
     r"\b(?:depuis|apres|since|after) (?:le passage (?:de|du) |la visite (?:de|du) )?(?:votre|son|leur|your|his"
     r"|their|una|la derniere|the last|the) (?:last |latest |derniere |dernier )?(?:intervention|passage|visit"
     r"|repair|reparation|work|travail|service|" + _WORKER + r")\b"
     r"|\bsince (?:una|you|he|they) (?:come|came|fix|fixed|repair|repaired)\b"),
    # "le nettoyage d'hier", "the painting of last week": a job of ours already done
    ("provider_ref", 1.0, "hier yesterday derniere last",
     r"\b(?:le|la|l|the) (?:nettoyage|travail|menage|peinture|reparation|installation|job|work|cleaning|painting"
     r"|repair|intervention) (?:d hier|de hier|of yesterday|yesterday|de la semaine derniere|last week"
     r"|of last week)\b"),
    # "I sabi repair fridge", "I know how to fix ACs": a tradesperson offering work
    ("join_as_provider", 2.0, "sabi know",
     r"\b(?:i|we) (?:sabi|know how to|know to) (?:\w+ )?(?:repair|fix|install|do|paint|build|make|clean|service"
     r"|wire|weld|tile|plumb)\b"),
    # "carreleur dispo pour vos chantiers", "electrician available for your jobs"
    ("join_as_provider", 2.0, "disponible available dispo",
     r"\b(?:{trade})s? (?:\w+ )?(?:disponible|disponibles|available|dispo) (?:pour|for) (?:vos|your|tous|all|any"
     r"|una)\b"),
    # An existing booking asked about: "is the electrician still coming", "will he arrive today" (the subject is
    # a worker or a pronoun: "is my mother coming" is no booking)
    ("status_check", 2.0, "is are will",
     r"\b(?:is|are|will) (?:(?:the|my|your|una|our) " + _WORKER + r"(?: \w+){0,3}?|he|she|they) (?:still )?"
     + _COMING + r"\b"),
    # "when the plumber go come?", "when will he reach?", "when e go come?"
    ("status_check", 2.0, "when",
     r"\bwhen (?:will |is |does |would |shall )?(?:the|my|your|una|our) " + _WORKER + " " + _SENT
     + r"(?:go |will |dey |be |s )?(?:come|coming|arrive|arriving|reach|reaching|show|pass)\b"
     r"|\bwhen (?:will|is|does|would|shall) (?:he|she|they|dem) (?:\w+ )?(?:come|coming|arrive|arriving|reach)\b"
     r"|\bwhen (?:he|she|e|dem|una man) (?:go|dey|will) (?:come|reach|arrive)\b"),
    # "the plumber una send go come today?", "my electrician is coming at 2pm, right?"
    ("status_check", 2.0, _COMING_WORDS,
     r"\b(?:the|my|your|una|our|le|la|l|mon|votre|notre) " + _WORKER + " " + _SENT
     + r"(?:is |will |go |dey |don |s )(?:still )?"
     + _COMING + r"\b"),
    # "le plombier vient quand", "votre technicien arrive aujourd'hui ?" (not "que le plombier passe demain",
    # nor "il vient de casser")
    ("status_check", 2.0, "vient viens viennent arrive arrivent passe passent viendra arrivera passera va est sont",
     r"(?<!\bque )(?<!\bqu )\b(?:le|la|l|votre|mon|ma|notre|ton|vos|les) " + _WORKER
     + r" (?:vient|viens|viennent|arrive|arrivent|passe|passent|viendra|arrivera|passera|va venir|va passer"
     r"|va arriver"
     r"|est en route|est ou|sont ou)(?! de\b| d\b| avec\b)"),
    ("status_check", 2.0, "il elle ils",
     r"\b(?:il|elle|ils) (?:vient|arrive|passe|va venir|va passer|va arriver) (?:toujours|quand|bientot"
     r"|aujourd hui|ce matin|ce soir|demain|ou pas|oui ou non|a quelle heure)\b"
     r"|\b(?:il|elle|ils) ne (?:vient|viendra|passe|passera|arrive) (?:plus|pas)\b"),
    # "he don reach?" at the end of the message (not "the water don reach my parlour")
    ("status_check", 2.0, "reach",
     r"\b(?:he|she|e|im|una man|the \w+) (?:don|never) reach(?: (?:now|yet|abi|sef|o))?$"),
    # "where una plumber reach?", "where the man dey?" (not "where I dey stay")
    ("status_check", 2.0, "where",
     r"\bwhere (?:(?:the|una|my|your) " + _WORKER + r"|he|she|im|dem|una) (?:\w+ )?(?:reach|dey)\b"),
    # "des nouvelles du plombier ?", "toujours pas de nouvelle" (not "des nouvelles prises": new sockets)
    ("status_check", 2.0, "nouvelle nouvelles",
     r"\b(?:des|de|aucune|pas de|pas des) nouvelles?(?= (?:de|du|des|d|sur|pour|concernant|svp|s il|ma|mon"
     r"|au sujet|vous|depuis|encore|toujours|ici)\b|$)"),
    # "vous avez pu trouver un peintre ?", "have you found someone", "did anyone find"
    ("status_check", 2.0, "trouve trouver trouvee find found",
     r"\b(?:vous avez|avez vous|tu as|as tu|vous n avez) (?:\w+ ){0,2}?trouv(?:e|er|ee)\b"
     r"|\b(?:have|did|has) (?:you|una|anyone|anybody|someone|somebody) (?:\w+ )?(?:find|found)\b"),
    # "ma demande est où", "my request dey where"
    ("status_check", 2.0, "ou where rendu rendue",
     r"\b(?:demande|dossier|commande|reservation|request|booking|order)s? (?:\w+ ){0,3}?"
     r"(?:est|e|c est|dey|is) (?:ou|where|rendu|rendue)\b"),
    # "ma demande de serrurier est validée ?", "has my booking been confirmed?"
    ("status_check", 2.0,
     "valide validee confirme confirmee confirmed approved accepted acceptee accepte traitee processed recue received",
     r"\b(?:demande|request|booking|dossier|commande|reservation|job)s? (?:\w+ ){0,6}?(?:valide|validee|confirme"
     r"|confirmee|confirmed|approved|accepted|acceptee|accepte|traitee|processed|recue|received)\b"),
    # "do your workers bring tools?", "vos techniciens sont-ils assurés ?": how we work
    ("info", 2.0, "your una vos votre",
     r"\b(?:do|are|can|will|does|did) (?:your|una) " + _WORKER + r"\b|\b(?:vos|votre) " + _WORKER
     + r" (?:la )?(?:sont|ont|viennent|peuvent|savent|est il|sont ils|ont ils)\b"),
    # "vos techniciens interviennent le dimanche ?", "una dey work for night?": when or where we work, asked
    ("info", 2.0, "dimanche dimanches sunday sundays samedi saturday weekend weekends feries ferie holiday holidays"
     " nuit night",
     r"\b(?:vous|vos \w+|you|una|your \w+|you guys)(?: \w+){0,3}? (?:travaill\w*|intervien\w*|intervenez|work"
     r"|working|open|ouvert\w*|passez|venez|bossez|dey|joignables?|disponibles?|dispo|available|reachable)\b"
     r"(?: \w+){0,3}? (?:le |les |on |for |at |la )?(?:dimanches?"
     r"|sundays?|samedis?|saturdays?|weekends?|week end|jours? feries?|public holidays?|holidays?|nuit|night)\b"),
    # "una dey for Limbe too?", "you guys work à Japoma aussi ?": whether we cover a place, ending on "too"
    ("info", 2.0, "too also aussi egalement",
     r"^(?:\w+ ){0,2}?(?:you|una|you guys|vous|vos \w+|your \w+)(?: \w+){0,4}? (?:work|cover|dey|reach|go|come"
     r"|travaillez|intervenez|couvrez|etes|are|passez|venez|allez)(?: \w+){0,3}? (?:too|also|aussi|egalement"
     r"|as well)$"),
    # "le peintre apporte sa peinture ou je dois l'acheter ?", "does the plumber bring his own pipes?": how we work
    ("info", 2.0, "apporte apportent amene bring brings come vient viennent",
     r"\b(?:{trade}|technicien|technician|worker|artisan)s? (?:\w+ )?(?:apporte|apportent|amene|bring|brings"
     r"|come with|comes with|vient avec|viennent avec) (?:son|sa|ses|leur|leurs|his|her|their|own|the|le|la|les)\b"
     r"|\bou (?:je dois|il faut|on doit) (?:l |les )?(?:acheter|payer|fournir)\b"
     r"|\b(?:do i|should i|must i|dois je|faut il|je dois|do we|should we)(?: \w+){0,2}? (?:buy|acheter|fournir"
     r"|provide|bring|apporter)\b(?: \w+){0,4}? (?:or|ou)\b"
     r"|\b(?:does|will|do) (?:the|your|le|una) (?:{trade}|technician|worker)s? (?:\w+ )?bring\b"
     r"|\bor (?:i|we) (?:should |must |have to |go )?(?:buy|provide)\b"),
    # "le technicien a encaissé 20 000 et la clim ne refroidit toujours pas": our worker paid, trouble remains
    ("complaint", 2.0, "encaisse pris recu empoche took collected collect chop chopped received take",
     r"\b(?:a encaisse|a pris|a recu|a empoche|took|collected|collect|chop|chopped|received|take) (?:mon |my |our"
     r" |notre |les |the |ma |ma )?(?:\d+|argent|money|moni|cash|fric|francs?|frs)\b(?: \w+){0,12}? (?:encore|toujours"
     r"|again|still|same|de nouveau|recommence)\b"),
    # "il m'a demandé 30 000 alors qu'on avait dit 15 000": more than the price agreed
    ("complaint", 2.0, "dit convenu agreed said annonce quoted prevu agree",
     r"\b(?:demande|pris|facture|charge|charged|asked|collected|took|reclame|collect|chop)(?: \w+){0,2}? \d+(?: \d+)?"
     r"(?: \w+){0,6}? (?:dit|convenu|agreed|agree|said|annonce|quoted|prevu)\b"),
    # "your painter came two hours late", "le plombier est arrivé 3h en retard"
    ("complaint", 2.0, "late retard",
     r"\b(?:came|come|arrived|reached|reach|est arrive|est arrivee|est venu|est venue|arrive|showed up)"
     r"(?: \w+){0,3}? (?:late|en retard)\b"),
    # "I be experienced mason", "je suis un bon plombier": a tradesperson speaking (not "je suis à Akwa, plombier")
    ("join_as_provider", 2.0, "i je we nous",
     r"\b(?:(?:i am|i m|i be|we are|we be)(?: a| an)?|(?:je suis|nous sommes)(?: un| une| des)?)"
     r" (?:(?!(?:a|au|chez|at|in|for|dans|en|sans|with|la|ici|here|there|vers|near|pres|devant|outside|dehors"
     r"|the|le|les|your|votre|una|ton|that|this|ce"
     r"|and|et|mais|but|my|mon|ma)\b)\w+ ){0,2}(?:{trade})s?\b"),
    # "do you guys repair generators?", "vous réparez les frigos ?": what we do, asked in general
    ("capability", 2.0, "do can will vous tu reparez installez nettoyez depannez posez fabriquez",
     r"\b(?:do|can|will) (?:you|una|you guys|you people|una people) (?:also )?(?:dey )?(?:repair|fix|install|do"
     r"|clean|paint|service|handle|work on|build|make)\b|\b(?:vous|tu) (?:\w+ )?(?:reparez|repares|installez"
     r"|installes|nettoyez|peignez|depannez|entretenez|posez|fabriquez|construisez)\b"
     r"|\b(?:reparez|installez|nettoyez|depannez|posez|fabriquez) vous\b"),
    # "I don't need the painter anymore", "we no need am again"
    ("cancel", 2.0, "need",
     r"\b(?:don t|do not|no|i no|we no) need (?:\w+ ){0,3}?(?:anymore|again|any more|no more)\b"),
    # "The plumber broke my sink", "your cleaner stole my phone": simple past, no auxiliary
    ("complaint", 2.0,
     "broke damaged spoilt spoiled ruined stole burnt burned scratched cracked flooded insulted shouted overcharged",
     r"\b(?:the|your|una|le|votre) " + _WORKER + r" (?:\w+ )?(?:broke|damaged|spoilt|spoiled|ruined|stole|burnt"
     r"|burned|scratched|cracked|flooded|insulted|shouted|overcharged)\b"),
    # "le peintre a laissé des taches", "vos gens ont sali", "the man una send don spoil my tap"
    ("complaint", 2.0, _DAMAGE_WORDS,
     r"\b(?:(?:le|la|l|votre|ton|the|your|una|vos|les) " + _WORKER + r"|vos gens|your people|your guys|una people) "
     + _SENT + r"(?:a|ont|has|have|don|did|just) (?:\w+ )?(?:" + _DAMAGE_WORDS.replace(" ", "|") + r")\b"),
    # A visit of ours: "your plumber", "le technicien que vous avez envoyé", "he came", "le plombier est passé",
    # "the work una do". A problem after it makes a complaint.
    ("provider_ref", 1.0, "your votre una", r"\b(?:your|votre|una) " + _WORKER + r"\b"),
    ("provider_ref", 1.0, "que qu you una wey that",
     r"\b(?:le|la|l|the) " + _WORKER + r" (?:que vous|qu on|you|una|wey una|that you)\b"),
    ("provider_ref", 1.0, _VISIT_WORDS,
     r"\b(?:he|she|il|elle|they|ils|(?:the|le|la|l) " + _WORKER + r") (?:has |had |already |deja |just |don )?"
     r"(?:came|come back|has come|est venu|est venue|est passe|est passee|a repare|fixed|repaired|don fix"
     r"|a fait le travail|did the work|did the job|est reparti|est repartie|est parti|est partie|left|a quitte"
     r"|went back|is gone)\b"),
    ("provider_ref", 1.0, "work job travail boulot",
     r"\b(?:the work|the job|le travail|le boulot) (?:una|you|que vous|qu il|he|wey una|que le|your)\b"
     r"|\b(?:votre|your|una) (?:travail|work|job)\b"),
    # "I run a small cleaning company", "j'ai une petite entreprise de nettoyage" (an offer, with "partner")
    ("join_as_provider", 1.0, "run have own get manage ai",
     r"\b(?:i|we) (?:run|have|own|get|manage) (?:a |an |my |our )?(?:\w+ ){0,2}?(?:company|business|team|firm)\b"
     r"|\bj ai une (?:petite )?(?:entreprise|societe|equipe)\b"),
    # "votre service ne marche pas", "this bot is useless", "l'application ne comprend rien": the service itself
    # failing, a case for a person (not "la machine ne marche pas": a machine is a job)
    ("complaint", 2.0, "service application appli app site plateforme platform bot robot systeme system truc chat"
     " assistant",
     r"\b(?:(?:votre|vos|ton|your|una|djobea)(?: \w+)? (?:service|application|appli|app|site|plateforme|platform|bot"
     r"|robot|systeme|system|truc|chat|assistant)|(?:le|la|l|ce|cette|this|the) (?:service|application|appli|app"
     r"|site|plateforme|platform|bot|robot|chatbot|assistant))s?(?: \w+){0,3}? (?:ne marche|marche pas|ne fonctionne"
     r"|fonctionne pas|not working|doesn t work|does not work|don t work|no dey work|no work|is useless|useless"
     r"|est nul|est nulle|nul|nulle|is rubbish|rubbish|is bad|is terrible|terrible|me fatigue|fatigue|keeps failing"
     r"|ne comprend|comprend rien|doesn t understand|does not understand|no understand|no sabi|ne repond|never"
     r"|ne sert|bug\w*|plante|doesn t get|don t get|no get|ne capte)\b"),
    # "ça fait 3 fois que j'explique", "I have told you three times", "4e fois que je répète": asked again and again
    ("complaint", 2.0, "fois times time",
     r"\b(?:\d+|deux|trois|quatre|cinq|plusieurs|two|three|four|five|many|several)(?: e| eme| th| rd| nd)?"
     r" (?:fois|times|time)\b(?: \w+){0,4}? (?:j explique|je explique|explique|expliquer|expliquez|je dis|dis|dit"
     r"|j ecris|ecris"
     r"|repete|redis|je demande|demande|envoie|envoye|explain|explained|tell|told|say|said|ask|asked|write|wrote"
     r"|repeat|repeated|sent)\b"
     r"|\b(?:explained|told you|said it|asked|repeated|written|wrote|texted|messaged|called|talk|tok|talked|tell"
     r"|explique|dit|repete"
     r"|demande|ecrit|envoye|appele|relance) (?:\w+ ){0,4}?(?:\d+|deux"
     r"|trois|quatre|cinq|plusieurs|two|three|four|five|many|several) (?:fois|times)\b"),
    # "du nouveau ?", "y a du nouveau pour moi" (not "du nouveau carrelage")
    ("status_check", 2.0, "nouveau",
     r"\bdu nouveau(?= (?:pour|sur|concernant|svp|s il|de votre|ici|dans|avec|depuis|aujourd|please|ou)\b|$)"),
    # "5 étoiles", "4 sur 5", "five stars": a rating, which rates a job when thanks or a worker go with it
    ("rating", 1.0, "etoile etoiles star stars sur",
     r"\b(?:[1-5]|une|deux|trois|quatre|cinq|one|two|three|four|five) (?:etoiles?|stars?)\b|\b[1-5] sur (?:5|10)\b"),
    # Someone or help asked for before the trouble is told: "j'ai besoin d'un technicien", "I need help", "je veux
    # créer une nouvelle demande", "au secours", "quelqu'un peut passer ?"
    ("summon", 1.0,
     "nouvelle commande demande request booking reservation book booker besoin need cherche looking faut want wan"
     " veux voudrais send envoyez envoyer envoie envoies get secours sos aide aidez help aider venez come quelqu"
     " someone somebody travail work job reparation repair intervention fix reparer technicien technician"
     " reparateur artisan depanneur gars guy person worker handyman bricoleur professionnel professionnels expert run"
     " reserver hire engager faire rush",
     r"\b(?:nouvelle (?:demande|commande)|new (?:request|booking|job)|(?:creer|faire|ouvrir|passer|lancer|make|open"
     r"|start|create|place|book|booker|request) (?:(?:une|un|a|an|my|new|nouvelle|une nouvelle|a new) )*"
     r"(?:demande|commande|request|booking|reservation|job|repair|technician|technicien|service|intervention|worker))\b"
     r"|\b(?:besoin|need|cherche|looking for|il me faut|want|wan|veux|voudrais|send|envo[iy]\w*|get|reserver|hire"
     r"|engager)\b(?: \w+){0,2}?"
     r" (?:d |de |un |une |1 |a |an |des |some |one )?(?:technicien\w*|technician\w*|reparateur\w*|repairer|depanneur"
     r"\w*|artisan\w*|gars|guy|quelqu un|someone|somebody|person|aide|help|handyman|bricoleur|ouvrier|worker"
     r"|professionnel\w*|expert\w*|coup de"
     r" main|vos services|your services|votre service|your service)\b"
     r"|\b(?:au secours|sos|a l aide|aidez (?:moi|nous)|aide (?:moi|nous)|help (?:me|us)|m aider|nous aider|help"
     r"|get person wey|una get person)\b"
     r"|\b(?:venez|come)(?: \w+)? (?:vite|s il|please|quick|now|help|m aider|nous aider|aider|maintenant)\b"
     r"|\b(?:quelqu un|someone|somebody|person) (?:peut|pourrait|can|could|fit|go|must) (?:passer|venir|come|pass)\b"
     r"|\b(?:quelqu un|someone|somebody) (?:vite|quick|quickly|fast|rapidement|now)\b|\b(?:run|rush) come\b"
     r"|\b(?:can|could|pouvez|pourriez|peux|peut)(?: \w+){0,3}? (?:someone|somebody|quelqu un) (?:come|venir|passer)\b"
     r"|\bfaire venir (?:quelqu un|un technicien|un artisan|un reparateur)\b"
     r"|\b(?:un petit travail|petit travail|small work|small job|une reparation|a repair|une intervention"
     r"|quelque chose a reparer|something to fix|repair something|fix something)\b"),
    # "le technicien c'est qui ?", "na who una give my job?": who the worker of a booking is
    ("status_check", 2.0, "qui who",
     r"\b(?:le|la|l|mon|ma|votre|the|my|your) (?:" + _WORKER[3:-3] + r"|prestataire|provider)s?"
     r" (?:c est |est |is |na )?(?:qui|who)\b|\b(?:na who|who) (?:una|you|u) (?:don )?(?:give|send|assign|put)\b"),
    # "c'est la quatrième fois que je donne mon adresse", "tu me fais répéter": being asked again and again
    ("complaint", 2.0, "fois time repeter repeat expres purpose",
     r"\b(?:deuxieme|troisieme|quatrieme|cinquieme|dixieme|2e|3e|4e|5e|second|third|fourth|fifth|tenth|enieme)"
     r" (?:fois|time) (?:que|i|that)\b|\b(?:me|m) (?:fais|faites|fait|faire) (?:tout )?repeter\b"
     r"|\bmake me repeat\b|\b(?:le|la|les) faites expres\b|\bfaites expres\b|\bon purpose\b"),
    # "ton service est mauvais", "your app is bad": the service itself judged
    ("complaint", 2.0, "mauvais mauvaise nul nulle bad poor rubbish useless terrible",
     r"\b(?:service|appli\w*|app|application|plateforme|platform|bot|robot|systeme|system|assistant)"
     r"(?: \w+){0,2}? (?:est |is |sont |are )?(?:vraiment |trop |tres |really |very |so )?"
     r"(?:mauvais|mauvaise|nul|nulle|bad|poor|rubbish|useless|terrible)\b"),
    # "vous êtes pas du tout professionnels", "pas très sérieux": the service judged
    ("complaint", 2.0, "pas not no",
     r"(?<!\be )\b(?:pas|not|no) (?:du tout |tres |vraiment |trop |at all |very |really )?"
     r"(?:serieux|serieuse|serieuses"
     r"|professionnel\w*|pro|honnete\w*|competent\w*|fiable\w*|serious|professional|reliable|helpful|utile)\b"),
    # "le climatiseur refroidit parfaitement", "everything dey work fine now": working again after the job
    ("praise", 2.0, "marche fonctionne refroidit chauffe tourne allume works working work cools cooling cool runs"
     " running lave washes ferme closes ouvre opens flushes",
     r"(?<!\bne )(?<!\bnot )(?<!\bno )(?<!\bn )\b(?:marche|fonctionne|refroidit|chauffe|tourne|s allume|works|working"
     r"|dey work|cools|cooling|dey cool|runs|running|lave|washes|ferme|closes|s ouvre|opens|flushes)\b"
     r" (?:(?!pas\b|plus\b|not\b|no\b|jamais\b)\w+ )?"
     r"(?:parfaitement|tres bien|bien|nickel|impeccable|normalement|perfectly|well|fine|great|again|de nouveau"
     r"|a nouveau|a merveille|comme neuf|like new|comme avant|like before|as before)\b"),
    # "un boulot impeccable", "great service", "the work is neat": the job done judged well
    ("praise", 2.0, "boulot travail job work service taf",
     r"\b(?:boulot|travail|job|work|service|taf)\b (?:\w+ )?(?:impeccable|propre|excellent|parfait|top|nickel"
     r"|clean|great|neat|magnifique|formidable|de qualite|quality|professionnel|professional|soigne|perfect)\b"
     r"|\b(?:impeccable|excellent|superbe|beau|great|neat|quality|perfect|parfait|magnifique|formidable|super"
     r"|tres bon|very good|top|fine|good|nice|bon|bonne|clean|sharp) (?:\w+ )?(?:boulot|travail|job|work|service)\b"),
    # "il est arrivé à Ndokoti ou pas ?", "he don reach or not": whether the worker came, asked
    ("status_check", 2.0, "pas not no",
     r"\b(?:est|a|don|has|is) (?:deja )?(?:arrive|arrivee|venu|venue|passe|passee|parti|partie|reach|reached|come"
     r"|commot|comot|left|arrived)\b(?: \w+){0,3} (?:ou pas|or not|or no)\b"),
    # "the electrician break my chandelier", "dem scratch my table": damage done by a worker
    ("complaint", 2.0, "break broke scratch scratched spoil spoiled damaged casse raye abime",
     r"\b(?:he|she|il|elle|dem|they|" + _WORKER + r") (?:don |a |has |have )?(?:break|broke|scratch|scratched|spoil"
     r"|spoiled|damaged|casse|raye|abime) (?:\w+ )?(?:my|our|ma|mon|mes|notre|nos)\b"),
    # "the AC una service yesterday don start make noise again", "the plumber fix am on Monday … don start leak again"
    # (asking for "the same plumber" again is a new job for him)
    ("complaint", 2.0, "again encore nouveau",
     r"^(?!.*\b(?:same|meme)\b).*?(?<!make )(?<!wan )(?<!can )(?<!to )(?<!fit )\b(?:una|you|vous|he|she|il|elle|"
     + _WORKER + r")"
     r"(?: (?!fit\b|come\b|go\b|wan\b|to\b|can\b|will\b|must\b|should\b|pouvez\b|peut\b|venir\b|veux\b)\w+){0,2}"
     r" (?:service|serviced|repair|repaired|fix|fixed|recharge|recharged|installe|pose|posee|nettoye|peint|painted"
     r"|cleaned"
     r"|repare|reparee|installed|install|change|changed)\b(?: \w+){1,12} (?:again|encore|de nouveau)\b"),
    # "l'artisan est arrivé ?", "is my cleaning on the 30th confirmed?"
    ("status_check", 2.0, "arrive arrivee confirmed confirme",
     r"\b" + _WORKER + r" est (?:deja |bien )?(?:arrive|arrivee)\b(?! en retard| mais| but| avec)"
     r"|\bis my (?:\w+ ){1,4}confirmed\b|\best ce que ma (?:\w+ ){1,4}est confirmee\b"
     r"|\bhas my (?:\w+ ){1,4}been confirmed\b|\bname of the (?:\w+ )?" + _WORKER + r"\b"),
    # "please drop the plumbing request": ending a request named by its trade
    ("cancel", 2.0, "drop remove cancel",
     r"\b(?:drop|remove|cancel) (?:the|my) (?:\w+ )?(?:request|booking|job|demande)\b"),
    # "the electrician don commot?": the worker has set off ("the tiles don comot" came off: no worker)
    ("status_check", 2.0, "commot comot",
     r"\b(?:he|she|e|" + _WORKER + r") don (?:commot|comot)\b(?! from| for(?! house\b))"),
    # "has the painter confirmed for Saturday?", "did the plumber receive my address?"
    ("status_check", 2.0, "confirm confirmed call called receive received get got leave left",
     r"\b(?:has|did|have) (?:the|my|your) (?:\w+ )?" + _WORKER + r" (?:confirm|confirmed|call|called|receive"
     r"|received|get|got|leave|left)\b"),
    # "give me the cleaner phone number abeg": reaching the worker of a booking
    ("status_check", 2.0, "number numero contact",
     r"\b(?:give|send|donne|donnez|envoie|envoyez) (?:me |moi )?(?:the |le |la |son |his |her )?(?:\w+ )?" + _WORKER
     + r" (?:phone |tel )?(?:number|numero|contact)\b"),
    # "I paid 20k and the AC still dey blow hot", "le serrurier m'a pris 25000 pour 10 minutes": paid, no better
    ("complaint", 2.0, "paid paye pris took collect",
     r"\b(?:i paid|i pay|j ai paye|we paid|on a paye)\b(?: \w+){1,6} (?:still|toujours|encore)\b"
     r"|\b(?:m a pris|a pris|took|collect|collected) \d+(?: \d+)? (?:pour|for) (?:\d+ )?(?:minutes?|min|petit|small)"),
    # "on s'était entendu sur 15 000 et il a pris 20 000", "he charge me transport again": money taken beyond the deal
    ("complaint", 2.0, "entendu convenu agree agreed charge charged preleve prelever paye payer paid pay alors after"
     " apres dit said reclame",
     r"\b(?:entendu|convenu|agree|agreed|dit|said)\b(?: \w+){0,3} \d+(?: \w+){1,8} (?:pris|demande|exige|reclame"
     r"|charge|charged|took|take|collect|collected|ask|asked|want|wants|paye|pay|paid)\b(?: \w+){0,3} \d+"
     r"|\bcharged? (?:me|us) (?:\w+ ){0,4}(?:again|twice|extra|double)\b"
     r"|\b(?:preleve|prelever|paye|paid|charged|charge|debite) (?:\w+ ){0,4}(?<!en )(?:deux fois|2 fois|twice"
     r"|two times)\b"
     r"|\b(?:alors que|after|apres que) (?:j|je|i|we|nous) (?:\w+ ){0,3}(?:deja|don|already) (?:\w+ ){0,2}"
     r"(?:paye|payer|pay|paid|envoye|sent|send|regle)\b"),
    # "bonsoir, et mon plombier alors ?", "and my electrician?", "kel nouvel pr mn électricien": the worker of a
    # booking asked after in passing
    ("status_check", 2.5, "alors donc then now news nouvelles nouvelle nouvel",
     r"\b(?:et|and|what about|how about) (?:mon|ma|my|notre|our|le|la|the) " + _WORKER + r" (?:alors|donc|then|now)\b"
     r"|\b(?:nouvelles?|nouvel|news) (?:de|du|pour|about|of|on|for) (?:mon|ma|my|le|la|the|notre|our) " + _WORKER
     + r"\b"),
]
