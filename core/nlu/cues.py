"""Phrases that signal what a customer wants, weighted; the words are normalised (no accents, SMS expanded)."""

# Each label collects evidence; intents.py decides between them. Longer phrases win over shorter ones at the
# same place, so "toujours pas venu" (still waiting) is not read as "pas venu" (a no-show complaint).
CUES: dict[str, dict[float, str]] = {
    "complaint": {
        2.0: "jamais venu | jamais venue | n est pas venu | est pas venu | pas venu hier | never came | never come"
        " | did not come | didn t come | no come at all | never show* | mal fait | mal faite | travail bacle"
        " | bad job | bad work | poor work | badly done | no good at all | not good at all | complain*"
        " | plainte | reclamation | arnaque* | arnaquer | scam* | voleur* | thief | c est du vol"
        " | overcharg* | over charge* | fait payer le double | charged me | rembours* | refund* | impoli*"
        " | rude | insult* | pas content | pas contente | not happy | pas satisfait | pas satisfaite"
        " | not satisfied | decu | decue | disappointed | sans finir | without finish* | half done"
        " | left the job | parti sans | a casse mon | a casse ma | a casse mes | cassé mon | damaged my"
        " | spoil my | don spoil my | a tache | de retard | en retard | n a rien repare | didn t fix"
        " | did not fix | for nothing | pour rien | useless | nobody came | nobody come | no body come"
        " | nobody show* | personne n est venu | personne n est venue | personne n est passe | vous etes nuls"
        " | incompetent* | incapable* | pas ete satisfait | pas ete satisfaite | insatisfait* | mecontent*"
        " | manque de respect | disrespect*",
        1.0: "still doesn t work | still not working | still dey | ne marche toujours pas | fuit encore"
        " | encore gate | encore gatee | apres votre passage | apres son passage | after the repair"
        " | apres la reparation | depuis sa reparation",
    },
    "cancel": {
        2.0: "annul* | cancel* | laisse tomber | laissez tomber | plus besoin | no need again | no need am"
        " | i no need | don t need it anymore | don t need it again | not needed anymore | ne venez plus"
        " | ne venez pas | don t come again | don t come | no come again | forget am | forget it"
        " | stop the request | stop my request | i don find another | found someone | found another"
        " | trouve quelqu un d autre | j ai trouve quelqu un | je ne veux plus | ne veux plus | i no want again"
        " | i don t want again | je n en veux plus | plus la peine | pas la peine",
        1.0: "c est regle | c est repare | e don fix | don fix am | a repare | c est bon",
    },
    "status_check": {
        2.0: "ou en est | ou en sont | il arrive quand | arrive quand | arrive a quelle heure | vient a quelle heure"
        " | vient quand | viendra quand | wetin dey happen | any update* | any news | des nouvelles"
        " | de nouvelles | statut | status | en route | on his way | on her way | on the way | don reach"
        " | never reach | reach where | il est ou | elle est ou | where is the | where is he | where he dey"
        " | where una man | is he coming | is she coming | someone coming | anybody coming | when is the"
        " | toujours pas venu | toujours pas venue | toujours pas de reponse | pas de reponse"
        " | how far with | how far for my | ma demande avance | demande avance | quelqu un vient"
        " | accepte ma demande | vous avez trouve | c est pour quand | que j attends | i dey wait"
        " | never come yet | e dey come | he dey come | il arrive | arrive ou | is coming | combien de temps"
        " | how long | a quelle heure vient"
        " | a quelle heure arrive | a quelle heure passe | quelle heure il | what time is he | what time will"
        " | what time una | what time the | personne ne m a appele | personne ne m a contacte | nobody called"
        " | no one called | nobody don call | j ai envoye une demande | i sent a request | j ai fait une demande"
        " | toujours pas la | pas encore la | not here yet | still not here | il a dit qu il",
        1.0: "my request | ma demande | mon dossier | my booking | ma reservation",
    },
    "join_as_provider": {
        2.0: "rejoindre | join | m inscrire | s inscrire | inscription | register as | devenir prestataire"
        " | etre prestataire | devenir partenaire | travailler avec vous | work with you"
        " | work with una | work with djobea | travailler avec djobea | recrut* | hiring | du travail pour moi"
        " | je cherche du travail | looking for clients | looking for work | looking for job"
        " | proposer mes services | offrir mes services | my services | mes services | trouver des clients"
        " | get clients",
        1.0: "prestataire | partenaire | partner* | je repare les | i repair | i fix | je fais la | je fais le"
        " | i do | mon metier",
        2.5: "partner with | partenariat | want to partner | devenir votre partenaire",
    },
    "price": {
        2.0: "combien coute | ca coute combien | c est combien | how much | vos prix | vos tarifs | your price*"
        " | una dey charge | you charge | quel prix | quels sont vos prix | le prix | prix | tarif* | price*"
        " | cost | coute | frais | combien",
        1.0: "deplacement",
    },
    "info": {
        2.0: "payer | paie | paiement | pay | payment | orange money | mobile money | momo | cash | ouvert"
        " | ouverts | open | working hours | horaires | a quelle heure vous | vous etes a | vous etes ouverts"
        " | vous travaillez | vous intervenez | intervenez | vous couvrez | couvrez | do you cover"
        " | you dey cover | una dey cover | do you work | do una work | una dey work | available in"
        " | disponible a | quels quartiers | which areas | fiable* | serieux | confiance | trust | verified"
        " | verifie* | garantie | guarantee* | assurance | insured | comment ca marche | how does | how it works"
        " | c est quoi djobea | what is djobea | qui etes vous | quels services | what services"
        " | vous faites aussi | vous faites | do you do | frais de deplacement | call out fee | callout fee"
        " | visit fee | transport fee | vous etes ou | ou etes vous | ou se trouve votre | ou se trouvent vos"
        " | where are you | where is your office | vos bureaux | your office | situes | located",
    },
    "request": {
        1.0: "besoin | j ai besoin | il me faut | il faut | je cherche | cherche | je veux | je voudrais"
        " | j aimerais | need | needed | wanted | i want | i wan | looking for | envoyez | send | venez"
        " | venir | come | help | aidez | aide | s il vous plait | s il te plait | please | abeg | i beg"
        " | reparer | repair* | fix | installer | install* | installation | changer | change | remplacer"
        " | replace | construire | build | poser | fabriquer | fabrication | entretien | servicing"
        " | recharge | can you | can someone | una fit | make una | make person | someone | quelqu un"
        " | technicien | reparateur | depann* | faire | refaire | urgent",
    },
    "problem": {
        1.0: "fuit | fuite* | coule | bouche | bouchee | bloque* | casse | cassee | cassees | gate | gatee"
        " | panne | ne marche pas | ne marche plus | marche pas | marche plus | ne fonctionne* | fonctionne plus"
        " | probleme* | souci* | mort | morte | grille* | brule* | fume | fumee | saute | sauter | jump"
        " | a go | don go | spoil | don spoil | no di | not working | stopped | broken | broke | break"
        " | leak* | block* | burst | dead | damaged | crack* | fissur* | tombe* | decolle* | pourri*"
        " | bruit | noise | smell | sent | odeur | drip* | goutte | deborde* | overflow* | flood*"
        " | inond* | etincel* | spark* | court circuit | coupe | coupure | clignote | va et vient | shock"
        " | ne ferme | ferme plus | lost | perdu* | miss | enferme* | locked | frotte | gonfle*"
        " | lache | explose | eclate | pete | perce | arrache | no dey | doesn t | won t | troubl*"
        " | issue | wrong | ndem | die | don die | no di work | fait des | problem* | fait de l eau | termite*"
        " | disjonct* | rouill* | rust* | peel* | ne tourne | tourne plus | odeur de brule | burning smell"
        " | infiltration* | wasting | wahala | dans le noir | in the dark | envahi* | souris | rats",
    },
    # Buying, renting, liking: the trade word is there but nobody asks for a job.
    "not_request": {
        1.0: "acheter | achete | buy | sell | vendre | vendez | vends | louer | location | rent | renting"
        " | j aime | i like | i love | adore | aime bien | est arrive | est arrivee | has arrived | is here"
        " | est deja la | don arrive",
    },
}

# A message made only of these is small talk; greetings and thanks mark it as such.
GREETINGS = (
    "bonjour | bonsoir | salut | coucou | hello | hi | hey | yo | good morning | good afternoon | good evening"
    " | good night | bonne nuit | merci | thanks | thank you | thank | ca va | comment allez vous | comment tu vas"
    " | comment vas tu | how are you | how far | how you dey | how body | on dit quoi | on dit koi | bonne journee"
    " | bonne soiree | bonne fin de journee | au revoir | bye | a plus | a bientot | god bless | dieu vous benisse"
    " | cc | wsh | merci beaucoup | merci infiniment | thanks a lot | wa salam | salam | allo"
)
FILLERS = (
    "ok | d accord | c est bon | a demain | see you | pour votre aide | for your help | pour tout"
    " | for everything | super | cool | parfait | tres bien | good | nice | la famille | la team | mon frere"
    " | ma soeur | mon gars | mola | boss | massa | big | djobea | tout le monde | vous | you | so much | a lot"
    " | beaucoup | infiniment | bien | et vous | and you | o | oh | madame | monsieur | sir | tout | bro | sis"
    " | les gars | la | a | to | de | ma | mon | team | all | everybody | de rien | amen | lol | mdr | merci"
)
