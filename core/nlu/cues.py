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
        " | a tache | de retard | en retard | n a rien repare | didn t fix"
        " | did not fix | for nothing | pour rien | useless | nobody came | nobody come | no body come"
        " | nobody show* | personne n est venu | personne n est venue | personne n est passe | vous etes nuls"
        " | incompetent* | incapable* | pas ete satisfait | pas ete satisfaite | insatisfait* | mecontent*"
        " | manque de respect | disrespect* | came but | come but | est venu mais | est venue mais | est passe mais"
        " | est passee mais | a repare mais | fixed it but | repaired it but | worse than before | pire qu avant"
        " | plus gate qu avant | pas serieux | pas serieuse | not serious | no serious | pas professionnel*"
        " | unprofessional | not professional | carry my money | chop my money | took my money | take my money"
        " | pris mon argent | pris l argent | bouffe mon argent | mange mon argent | garde mon argent | no finish"
        " | did not finish | didn t finish | n a pas fini | n a pas termine | not finished | unfinished"
        " | inacheve* | laisse des taches | left stains | a abime | abime mon | abime ma | a raye | he broke"
        " | il a casse | elle a casse | a gate mon | a gate ma | spoil am more | m a facture | m a fait payer"
        " | made me pay | billed me | he charged | il a facture | il m a pris | pas honnete | not honest"
        " | dishonest | malhonnete* | plaindre | me plaindre | stole | stolen | a vole | ont vole | has stolen"
        " | don thief | thief my | no last | didn t last | did not last | n a pas tenu | pas dure | bacle*"
        " | never returned"
        " | never came back | never come back | no come back | jamais revenu | jamais revenue | n est plus revenu"
        " | n est pas revenu | pas revenu | est plus revenu | a moitie fait | fait a moitie | laisse a moitie"
        " | half painted | half finished | halfway | c etait pas la peine | n etait pas la peine"
        " | wasn t necessary | was not necessary | crooked | de travers | pas droit | not straight | not level"
        " | mal pose* | badly fixed | badly installed | mal installe*"
        " | n importe quoi | du n importe quoi | no do good work | no do better work | not do good work"
        " | didn t do good work | didn t do a good job | did not do a good job | pas fait du bon travail"
        " | pas fait un bon travail | n a pas bien travaille | pas bien travaille | no do am well | no do am fine"
        " | pas bien fait | n a pas bien fait | shoddy | sloppy | le double | double du prix | double the price"
        " | twice the price | prix annonce | prix convenu | agreed price | price wey we agree | plus cher que prevu"
        " | more than we agreed | more than the quote | more than agreed | ce n est pas normal | c est pas normal"
        " | not normal | no normal | asked me for double | demande le double | wasted my money | gaspille mon argent"
        " | come late | came late | arrived late | reach late | est arrive en retard | arrive en retard"
        " | est venu en retard | talk anyhow | di talk anyhow | dey talk anyhow | speak anyhow | parle mal"
        " | m a mal parle | mal parle | renvoyer quelqu un | renvoye quelqu un | renvoyez quelqu un"
        " | send someone again for free | send somebody again | send am back | sans payer encore"
        " | collect my money | collected my money | chop ma money | take our money | took our money"
        " | talked anyhow | talk to me anyhow | talked rudely | spoke rudely | money back | my money back"
        " | want my money | mon argent en retour | me rendre mon argent | rendez moi mon argent | job no good"
        " | work no good | job not good | work not good | travail pas bon | travail n est pas bon | boulot pas bon"
        " | disappear | disparu",
        1.0: "ne repond plus | ne repond pas | doesn t answer | not answering | no dey pick | ne decroche pas"
        " | ne decroche plus | injoignable | unreachable | still there | toujours la | encore la | same problem"
        " | meme probleme | rien n a change | nothing changed | comme avant"
        " | still dey | apres votre passage | apres son passage | after the repair"
        " | apres la reparation | depuis sa reparation | qu avant | than before | pass before | again after"
        " | de nouveau apres | plus de bruit qu avant | pire | worse | the next day | the day after | le lendemain"
        " | jours apres | jour apres | days after | days later | day later | semaine apres | week later"
        " | gratuitement | for free again",
    },
    # The trouble is back after a repair: a problem, and a hint of a complaint.
    "relapse": {
        1.0: "still doesn t work | still not working | ne marche toujours pas | fuit encore | fuit toujours"
        " | coule encore | encore gate | encore gatee | encore en panne | toujours en panne | still spoil"
        " | don spoil again | spoil again | still leaking | leaking again | de nouveau en panne | a recommence"
        " | recommence | has started again | started again | don start again | is back again | came back again"
        " | fuite est revenue | panne est revenue | probleme est revenu | leak came back"
        " | leak is back | problem came back | problem is back",
    },
    "cancel": {
        2.0: "annul* | cancel* | laisse tomber | laissez tomber | plus besoin | no need again | no need am"
        " | i no need | don t need it anymore | don t need it again | not needed anymore | ne venez plus"
        " | ne venez pas | don t come again | don t come | no come again | forget am | forget it"
        " | stop the request | stop my request | i don find another | found someone | found another"
        " | trouve quelqu un d autre | j ai trouve quelqu un | je ne veux plus | ne veux plus | i no want again"
        " | i don t want again | je n en veux plus | plus la peine | pas la peine | forget the | forget about"
        " | forget that | forget my | oubliez | oublie ma demande | oublie la demande | oublie ca | don t send"
        " | do not send | no send anybody | no send anyone | no send person | n envoyez plus | n envoyez personne"
        " | n envoyez pas | plus besoin d envoyer | pas besoin d envoyer | no need to send | no need to come"
        " | pas besoin de venir | inutile de venir | don t bother | ne vous deplacez pas | ne vous deplacez plus"
        " | plus necessaire | not necessary anymore | abandonn* | retire ma demande | withdraw* | delete my request"
        " | supprimez ma demande | la supprimer | le supprimer | supprimer la demande | supprimer ma demande"
        " | delete it | remove my request | retirer ma demande | don t need anyone | no need anybody"
        " | n ai plus besoin | on m a trouve | close my ticket | close the case | fermez le dossier | fermer le dossier"
        " | cloturez le dossier | laissez ca | laisse ca | sauve le coup | no worry again | no wahala again"
        " | j ai deja trouve | i don get person | i have found | i ve found | j ai eu quelqu un | no send the"
        " | trouve un autre | trouve une autre | j ai trouve un | got another | found a"
        " | no send him | no send am | don t send the | don t send him"
        " | never mind | nevermind | ne derangez plus | ne derangez pas | ne le derangez plus | don t disturb"
        " | no disturb | no need disturb | close the request | close my request | close the ticket | una close am"
        " | you fit close am | make una close am | you can close am"
        " | you can close | vous pouvez fermer | vous pouvez cloturer | stop la demande | stop ma demande"
        " | stop the job | arretez la demande | arretez tout | arrete la demande | arretez ma demande"
        " | no more need | no need anymore | need no more | scrap it | scrap am | scrap the | scrap my"
        " | drop the request | drop my request"
        " | call it off | call off | laisser tomber | laisse tomber ca | on laisse tomber | c est plus la peine"
        " | plus besoin de | besoin plus | je veux plus le | je veux plus la | je veux plus les | je veux plus votre"
        " | je veux plus de votre | je veux plus ca | i no want the | i don t want the | we no want the",
        1.0: "e don work | e don start | it works now | working now | works now | fine now | ca marche maintenant"
        " | ca marche deja | ca remarche | ca a repris | c est reparti | resolu | regle | sorted | i fixed it"
        " | j ai repare | anymore | c est regle | don come back | est revenu | est revenue | is back"
        " | came back | has come back | stopped leaking | stopped by itself | tout seul | by itself | c est repare"
        " | e don fix | don fix am | a repare | c est bon | on its own | de lui meme | d elle meme"
        " | deja gere | c est gere | already handled | already sorted | already taken care | e don sort"
        " | don sort am | deja regle | deja resolu | solved | is solved | problem solved | leave am | leave it"
        " | e don correct | don correct | resolved | has been resolved | fini par tourner | finally opened"
        " | c est regle | tout est regle | probleme regle | probleme resolu",
    },
    "status_check": {
        2.0: "ou en est | ou en sont | il arrive quand | arrive quand | arrive a quelle heure | vient a quelle heure"
        " | vient quand | viendra quand | wetin dey happen | any update* | any news | statut | status | en route"
        " | on his way | on her way | on the way"
        " | never reach | reach where | il est ou | elle est ou | where is the | where is he | where he dey"
        " | where una man | is he coming | is she coming | someone coming | anybody coming | when is the"
        " | toujours pas venu | toujours pas venue | toujours pas de reponse | pas de reponse"
        " | how far with | how far for my | ma demande avance | demande avance | quelqu un vient"
        " | accepte ma demande | vous avez trouve | c est pour quand | que j attends | i dey wait"
        " | never come yet | e dey come | he dey come | il arrive | arrive ou | combien de temps"
        " | how long | a quelle heure vient"
        " | a quelle heure arrive | a quelle heure passe | quelle heure il | what time is he | what time will"
        " | what time una man | what time una go | what time the | personne ne m a appele"
        " | personne ne m a contacte | nobody called"
        " | no one called | nobody don call | j ai envoye une demande | i sent a request | j ai fait une demande"
        " | toujours pas la | pas encore la | not here yet | still not here | il a dit qu il"
        " | still on the way | still on his way"
        " | vient toujours | passe toujours | va toujours venir | il va venir ou | vient ou pas | coming or not"
        " | va passer quand | va venir quand"
        " | no news | toujours rien | still nothing | nothing yet | rien toujours | rien encore | toujours personne"
        " | still nobody | still no one | nobody yet | no one yet | been assigned | assign* | attribue | affecte"
        " | designe* | anybody accept* | anyone accept* | somebody accept* | someone accept* | has anybody | did anyone"
        " | did anybody"
        " | a quel niveau | quel niveau | ca en est ou | on en est ou | ca avance | ca donne quoi | what s happening"
        " | what is happening | whats happening | what s going on | what is going on | any progress"
        " | avancement | since i asked | since i requested | since i booked | depuis que j ai demande"
        " | i booked | i don book | nobody has called | no one has called | nobody has contacted"
        " | no one has contacted | not called yet | haven t called | no call yet | aucun appel | pas encore appele"
        " | avez vous trouve | avez vous deja trouve | vous avez deja trouve | tu as trouve | did you find"
        " | have you found | you don find | una don find | has anyone | has someone | has somebody"
        " | anyone assigned | quelqu un a accepte | quelqu un va venir | est ce qu il vient | est ce qu il arrive"
        " | il est en route | he don comot | pris en charge | prise en charge | news | pris en compte"
        " | prise en compte | avez recu | avez vous recu | vous avez bien recu | did you receive | did you get my"
        " | have you received | go through | went through | any feedback | feedback | du retour | pas de retour"
        " | aucun retour | pas eu de retour | de retour pour | any response | any reply | y a du nouveau"
        " | quoi de nouveau | m avez oublie"
        " | avez oublie | you forgot | una forget | una don forget | you don forget | una don see | una see person"
        " | you don see person | una find person | you find person | vient ou bien | arrive ou bien"
        " | passe ou bien | venir ou bien | anyone coming | somebody coming | never hear | never heard"
        " | haven t heard | not heard | n ai rien recu | n ai recu aucun | n ai eu aucun | il devait m appeler"
        " | was supposed to call | supposed to come | devait venir | devait passer | they said he"
        " | on m a dit qu il | you said he | vous avez dit qu il | still waiting | toujours en attente"
        " | j attends toujours | j attends encore | waiting for the | j attends le | j attends la | en attente"
        " | waiting since | attends depuis | en chemin | on the road | he don move | ne m a rappele"
        " | ne m a pas rappele | has called me back | hasn t called | nobody called me back | still on for"
        " | how far my request"
        " | how far my matter | how far my job | how far my booking | how far my plumber | how far my electrician"
        " | toujours d actualite | toujours valable | still valid | still confirmed | toujours maintenu"
        " | qui doit venir | qui doit passer | qui va venir | qui va passer | who is coming | who will come"
        " | who go come | who is supposed to come | wey go come | numero du technicien | son numero | son contact"
        " | his number | her number | his phone | contact du technicien | contact of the technician"
        " | heure d arrivee | l heure d arrivee | arrival time | time of arrival | eta | heure de passage"
        " | confirmer l heure | confirm the time | dey come or | coming or not | come or not | vient ou pas"
        " | or na lie | na lie | a pris ma demande | pris ma demande | took my request | taken my request"
        " | took my job | taken my job | picked my request | picked up my request | wetin happen to | what happened to"
        " | what happen to | qu est devenu"
        " | qu est devenue | ce qu est devenu | que j attend | wey una promise | that you promised | you promised"
        " | que vous m avez promis | vous m avez promis | promised me | una promise",
        # "he never show, he still dey come?": asking whether the worker still comes outweighs the no-show.
        3.0: "still come | still go come | still dey come | still coming | il vient toujours | l avez recue"
        " | l avez recu | l avez bien recue | l avez bien recu | you don receive | una don receive",
        1.5: "j ai demande un | j ai demande une | i asked for | i requested | i don ask | j ai commande"
        " | on dit quoi avec | on dit quoi pour | ca dit quoi avec | ca dit quoi pour | quoi de neuf pour"
        " | quoi de neuf avec | quoi de neuf sur | du nouveau pour | du nouveau sur | how far with | how far for"
        " | wetin dey happen with | wetin happen with | wetin dey happen for | wetin happen for"
        " | what is happening with | what s happening with",
        1.0: "my request | ma demande | mon dossier | my booking | ma reservation",
    },
    "join_as_provider": {
        2.0: "rejoindre | join | m inscrire | s inscrire | inscription | register as | devenir prestataire"
        " | etre prestataire | devenir partenaire | travailler avec vous | work with you | devenir technicien"
        " | devenir un technicien | devenir artisan | technicien partenaire | artisan partenaire | become a technician"
        " | become a partner | become one of your | partner technician"
        " | work with una | work with djobea | travailler avec djobea | recrut* | hiring | du travail pour moi"
        " | je cherche du travail | looking for clients | looking for work | looking for job"
        " | proposer mes services | offrir mes services | my services | mes services | trouver des clients"
        " | get clients | collaborer | collaboration | collaborate | travailler ensemble | work together"
        " | do you need workers | need workers | besoin de main d oeuvre | besoin d ouvriers | vous recrutez"
        " | are you hiring | sous traitan* | subcontract* | offer my services | offrir mes services"
        " | una dey hire | you dey hire | do you hire | are una hiring | vous embauchez | embauchez vous | vous engagez"
        " | looking for jobs | looking for more | more jobs | more work | more clients | plus de clients"
        " | plus de chantiers | cherchons du travail | cherche des chantiers | cherchons des chantiers"
        " | looking for contracts | una fit take am | can you take him | can you take her | can he join"
        " | can she join | peut il s inscrire | peut elle s inscrire | il peut s inscrire | elle peut s inscrire"
        " | he fit work with una | she fit work with una"
        " | una need technician | una need worker | una need workers | you need a technician | you need technicians"
        " | vous avez besoin d un technicien | vous avez besoin de techniciens | vous cherchez des techniciens"
        " | vous cherchez un technicien | do you need a technician | do you need technicians | sign up | signup"
        " | sign me up | as a provider | as provider | comme prestataire | en tant que prestataire | enroll"
        " | become a provider | be a provider | s enregistrer | m enregistrer | how do i join | comment rejoindre"
        " | how i fit register | how do i register | how can i register | can i register | register me"
        " | comment m inscrire | je veux m inscrire",
        1.0: "prestataire | partenaire | partner* | je repare les | i repair | i fix | je fais la | je fais le"
        " | i do | mon metier | pour vos chantiers | for your jobs | for your projects | pour vos projets"
        " | pour vos clients | for your clients | for your customers | contactez moi | contact me | call me for"
        " | appelez moi pour | i sabi | je sais reparer | je sais faire",
        2.5: "partner with | partenariat | want to partner | devenir votre partenaire | can we partner | we partner"
        " | let s partner | partner una | partner you",
    },
    "price": {
        2.0: "combien coute | ca coute combien | c est combien | how much | vos prix | vos tarifs | your price*"
        " | una dey charge | you charge | quel prix | quels sont vos prix | le prix | prix | tarif* | price*"
        " | cost | coute | frais | combien | fee | fees | know the price | connaitre le prix | savoir le prix"
        " | le prix avant | the price before",
        1.0: "deplacement",
    },
    "info": {
        2.0: "payer | paie | paiement | pay | payment | orange money | mobile money | momo | cash | etes ouvert"
        " | etes ouverts | ouvert le | ouverts le | ouvert jusqu | ouverts jusqu | ouvert a | ouverts a | ouvert les"
        " | ouverts les | you open | una open | dey open | are you open | open on | open for | open at | open till"
        " | open until | open today | open tomorrow | open sunday | open saturday | open weekend | working hours"
        " | horaires | a quelle heure vous | vous etes a | vous etes ouverts"
        " | vous travaillez | vous intervenez | intervenez | vous couvrez | couvrez | do you cover"
        " | you dey cover | una dey cover | do you work | do una work | una dey work | available in"
        " | disponible a | quels quartiers | which areas | fiable* | serieux | confiance | trust | verified"
        " | verifie | verifies | verifiee | verifiees | garantie"
        " | guarantee* | warrant* | apres vente | after sales | honest | honnete*"
        " | trustworthy | reliable | les frais | quels frais | assurance | insured | comment ca marche | how does"
        " | how it works | c est quoi djobea | what is djobea | qui etes vous | quels services | what services"
        " | vous faites aussi | vous faites | do you do | frais de deplacement | call out fee | callout fee"
        " | visit fee | transport fee | vous etes ou | ou etes vous | ou se trouve votre | ou se trouvent vos"
        " | where are you | where is your office | vos bureaux | your office | situes | located | paye | payez"
        " | payons | payment* | avant ou apres | before or after | acompte | advance payment | deposit"
        " | mode de paiement | moyens de paiement | payment method* | vous acceptez | acceptez vous"
        " | do you accept | una accept | vous avez un bureau | un bureau a | have an office | votre bureau"
        " | get office | have office | an office"
        " | votre agence | your agency | vos locaux | votre adresse | your address | travaillez | bossez"
        " | vous ouvrez | vous fermez | do you work | una work | you work on | are you open | una open"
        " | una dey close | una close | you close | closing time | heure de fermeture | heure d ouverture"
        " | opening hours | vous gerez | gerez vous | vous proposez | proposez vous | vous offrez | do you handle"
        " | do you offer | una dey do | una dey reach | una reach | una dey go | do you go to | do you come to"
        " | vous allez jusqu a | vous venez jusqu a"
        " | jours feries | public holiday* | ferie* | vous etes meme ou | vous etes situes ou"
        " | how does it work | comment on fait pour"
        " | you people dey reach | you dey reach | you guys dey reach | una people dey reach | you reach"
        " | you people dey cover | you people dey work | vous etes aussi | etes vous aussi | are you also"
        " | una dey also | you dey also | seulement douala"
        " | seulement a douala | only douala | only in douala | que douala | que a douala | just douala"
        " | hors de douala"
        " | outside douala | ailleurs qu a douala | other towns | autres villes | d autres villes | payant"
        " | payante | gratuit | gratuite | is it free | is the visit free | e free | na free | for free"
        " | do you charge for | is there a fee | il faut payer | faut il payer"
        " | avec son materiel | avec ses outils | avec leur materiel | avec ses pieces | son propre materiel"
        " | with his tools | with his own tools | bring his tools | bring tools | bring their tools | own tools"
        " | acheter les pieces | buy the parts | buy the spare parts | les pieces moi meme | pieces moi meme"
        " | je veux savoir d abord | i want to know first | just asking | je me renseigne | juste savoir",
    },
    # Satisfaction with work done: small talk unless something is wrong or asked for.
    "praise": {
        1.0: "bon travail | bon boulot | du bon travail | du bon boulot | good job | great job | good work"
        " | great work | nice work | excellent travail | excellent job | travail impeccable | beau travail"
        " | tres satisfait | tres satisfaite | satisfied | happy with | content du travail | contente du travail"
        " | tout marche | tout marche bien | tout fonctionne | everything works | everything dey work | all good"
        " | works well | works fine | ca marche bien | c est parfait | travail propre | clean work"
        " | thanks for everything | thank you for everything | merci pour tout | merci pour le travail"
        " | thanks for the work | thank you for the work | thanks for the job | vous avez assure | chapeau"
        " | was great | was good | was very good | etait top | etait bien | etait super | a bien travaille"
        " | did well | did a good job | did a great job | fait du bon travail | marche parfaitement"
        " | marche tres bien | fonctionne bien | fonctionne parfaitement | works perfectly | working well"
        " | working fine | dey work fine | dey work well | professional | professionnel | professionnelle"
        " | ponctuel | ponctuelle | punctual | competent | efficace | efficient",
    },
    # "No wahala", "pas de souci": reassurance, not a problem to fix.
    "reassurance": {
        1.0: "no wahala | pas de souci | pas de soucis | pas de probleme | no problem | not a problem"
        " | aucun probleme | aucun souci | don t worry | t inquiete | ne vous inquietez pas | c est pas grave",
    },
    # "Et si le technicien se déplace pour rien ?": a question about a case, not a grievance.
    "hypothetical": {
        1.0: "if the job | if e no work | if it doesn t work | if it no work | si ca ne marche pas | si le travail"
        " | et si | si jamais | what if | in case | au cas ou | en cas de | if the technician | si le technicien"
        " | si l artisan | if the worker | if the plumber | si le plombier | if he doesn t | s il ne",
    },
    # A question about the rules of cancelling outweighs the word "annuler" in it.
    "info_policy": {
        3.0: "frais si j annule | fee if i cancel | fees if i cancel | charge if i cancel | sans frais | free of charge"
        " | frais d annulation | cancellation fee | annulation gratuite"
        " | free cancellation | penalite* | penalty",
    },
    # Asking whether we are available is an enquiry unless a job is named ("vous êtes dispo pour ma clim ?").
    "availability": {
        2.0: "joignable* | reachable"
        " | vous etes disponible* | vous etes dispo | etes vous disponible* | are you available | una available"
        " | una dey available | you dey available | you available | disponible le | disponibles le | dispo le"
        " | available on | available at | available this | vous etes la le | vous passez le",
    },
    "when_free": {
        0.0: "disponible a partir | dispo a partir | disponible des | available from | disponible apres"
        " | disponible le matin | disponible l apres midi | disponible ce | disponible cette",
    },
    "request": {
        1.0: "besoin | j ai besoin | il me faut | il faut | je cherche | cherche | je veux | je voudrais"
        " | j aimerais | need | needed | wanted | i want | i wan | looking for | envoyez | send | venez"
        " | venir | come | aidez | aide | s il vous plait | s il te plait | please | abeg | i beg"
        " | reparer | repair* | fix | installer | install* | installation | changer | change | remplacer"
        " | replace | construire | build | poser | fabriquer | fabrication | entretien | servicing"
        " | recharge | can you | can someone | una fit | make una | make person | someone | quelqu un | make dem"
        " | make somebody | make someone | souhait* | we want | i would like | we would like | nous voulons"
        " | depann* | faire | refaire | urgent",
    },
    # A worker named as such ("le technicien"): a request when nothing else says otherwise.
    "worker_word": {
        1.0: "technicien | reparateur",
    },
    "problem": {
        1.0: "fuit | fuite* | coule | bouche | bouchee | bouchees | bloque* | casse | cassee | cassees | gate | gatee"
        " | panne | ne marche pas | ne marche plus | marche pas | marche plus | ne fonctionne* | fonctionne plus"
        " | probleme* | souci* | mort | morte | grille* | brule* | fume | fumee | saute | sauter | jump"
        " | a go | don go | spoil | don spoil | not working | stopped | broken | broke | break"
        " | leak* | block* | burst | dead | damaged | crack* | fissur* | tombe* | decolle* | pourri*"
        " | bruit | noise | smell | sent | odeur | drip* | goutte | deborde* | overflow* | flood*"
        " | inond* | etincel* | spark* | court circuit | coupe | coupure | clignote | va et vient | shock"
        " | ne ferme | ferme plus | lost | perdu* | miss | enferme* | locked | frotte | gonfle*"
        " | lache | explose | eclate | pete | perce | arrache | no dey | doesn t | won t | troubl*"
        " | issue | wrong | ndem | die | don die | no dey work | fait des | problem* | fait de l eau | termite*"
        " | disjonct* | rouill* | rust* | peel* | ne tourne | tourne plus | odeur de brule | burning smell"
        " | infiltration* | wasting | wahala | dans le noir | in the dark | envahi* | souris | rats | casser | cassez"
        " | casses | bouches | gates | gatees | abime* | endommage* | deteriore* | ne s allume | s allume plus"
        " | s allume pas | demarre plus | demarre pas | ne demarre | refroidit plus | refroidit pas | chauffe plus"
        " | chauffe pas | coince* | grince* | moisi* | humidite | not cooling | no dey cool | won t start"
        " | not starting | not turning on | tripping | trips | stuck | jammed | jam | don jam | faulty | fault"
        " | not heating"
        " | spoilt | spoiled | fall | fell | fallen | don fall | fumer | en feu | on fire | smoking | burning"
        " | catch fire | prend feu | a pris feu | en train de bruler",
    },
    # "I trust you are well": a wish, not a question of trust.
    "wellwish": {0.0: "trust you are | trust you re | trust una | i trust you | trust all is | trust you dey"
                 " | trust everything"},
    # Equipment whose name starts like a symptom ("disjoncteur" is no "disjoncte"): neutral, it outweighs the stem.
    "equipment": {0.0: "disjoncteur*"},
    # Buying, renting, liking: the trade word is there but nobody asks for a job.
    "not_request": {
        1.0: "acheter | achete | buy | sell | vendre | vendez | vends | louer | location | rent | renting"
        " | j aime | i like | i love | adore | aime bien | est arrive | est arrivee | has arrived | is here"
        " | est deja la | don arrive",
    },
}

# Phrasings of issue 15's families, kept apart so that each family reads as one list.
_FAMILIES: dict[str, dict[float, str]] = {
    # The service or the bot itself failing or frustrating: a case for a person, not a job.
    "complaint": {
        2.0: "c est nul | c est vraiment nul | vraiment nul | trop nul | inacceptable | inadmissible | scandaleux"
        " | unacceptable | not acceptable | outrageous | disgraceful | shameful"
        " | scandaleuse | scandale | c est une honte | quelle honte | honteux | j en ai marre | en ai marre"
        " | ras le bol | frustre | frustree | frustrant | frustrante | frustrating | frustrated | frustration"
        " | perds mon temps | perdre mon temps | perte de temps | wasting my time | waste my time | waste of time"
        " | worst service | worst customer | worst app | pire service | nonsense service | ca me saoule"
        " | ca m enerve | m enerve | annoying | i don tire | don tire for | na wa for una | parler a un humain"
        " | parler a une personne | une vraie personne | un vrai humain | a un humain | human agent | real person"
        " | a human | talk to a person | speak to a person | speak with a person | un responsable"
        " | votre responsable | your manager | your supervisor | personne ne repond | personne repond"
        " | personne ne me repond | personne ne nous repond | personne ne decroche | nobody is answering"
        " | nobody answers | nobody dey answer | nobody is replying | nobody replies | nobody dey reply"
        " | no one is answering | no one answers | no one replies | no one is replying | nobody replying"
        " | vous ne repondez | ne repondez jamais | repondez jamais | vous repondez jamais | vous repondez pas"
        " | never answer | never reply | you don t reply | not replying | ne comprend rien | comprends rien"
        " | comprenez rien | capte rien | understand nothing | don t understand anything | doesn t understand"
        " | does not understand | no understand anything | no sabi anything | no dey understand"
        " | ne sert a rien | servent a rien | sert a rien | quel genre de service | deja explique"
        " | j ai deja explique | i have explained | i ve explained | already explained | explained already"
        " | same question | meme question | tout recommencer | repeat myself | me repeter | je repete"
        " | keep repeating | service client zero | zero service | is useless | est nul | est nulle | sont nuls"
        " | keeps failing | toujours la meme chose | same thing again | decevant | decevante | ridicule"
        " | ridiculous | a joke | is a joke | c est une blague | pathetic | pathetique | lamentable | pitoyable"
        " | minable | catastrophique | horrible | enervant | enervante | agacant | fatigant | tired of | fed up"
        " | sick of | j en peux plus | je n en peux plus | vex | don vex | i don vex | annoyed | angry | fache"
        " | fachee | en colere | patience a des limites | lost my patience | perdu patience | tourne en rond"
        " | going in circles | goes in circles | not helpful | pas utile | aucune aide | no help at all"
        " | aucune reponse claire | memes questions | same questions | repeating myself | me repete"
        " | e don tire me | don tire me | pas du bon travail | pas un bon travail | not a good job"
        " | not good work | pas parfait | not perfect | je regrette | i regret | regrette d avoir | penible"
        " | very poor | poor service | mauvais service | service mediocre | mediocre | bothered to | je vais voir"
        " | voir ailleurs | go elsewhere | i no go use una | never use you again | ne plus utiliser"
        " | plus jamais utiliser | parler avec quelqu un de chez vous | parler a quelqu un de chez vous"
        " | joindre quelqu un de chez vous | impossible de vous joindre | can t reach anyone | cannot reach anyone"
        " | no one to talk to | personne a qui parler | quel bazar | ce bazar | c est quoi ce service"
        " | c est quoi ce comportement | vous me prenez pour | m a ignore | m a ignoree | m avez ignore | m ignorez"
        " | been ignored | ignored me | ignoring me | you ignore | una ignore | human being | parler a une machine"
        " | talk with machine"
        " | talk to a machine | talk to machine | pas une machine | not a machine | doesn t get anything"
        " | don t get anything | no get anything | vous vous moquez | vous moquez | se moquer de | foutage"
        " | bidon | amateurs | bande d amateurs | menteur | menteurs | mensonge | mensonges | vous mentez | you lied"
        " | liars | you lie | promesse non tenue | promesses non tenues | false promise | false promises"
        " | insupportable | intolerable | degoute | degoutee | vous plaisantez | you must be joking | c est abuse"
        " | vous abusez | una abuse | trop c est trop | ca suffit | j en ai assez | enough is enough"
        " | sick and tired | awful service | awful | disgrace | very upset | i m upset | i am upset | don t care"
        " | nobody cares | no one cares | careless | wahala no dey finish | aucun respect | meprisant"
        " | vous etes ou meme | where una dey sef | you people are useless | vous etes incapables"
        " | ne tenez pas parole | ne tenez jamais | never keep your word | don t keep your word | si complique"
        " | tellement complique | trop complique | so complicated | too complicated | so slow | trop lent"
        " | si lent | tres lent | slow service | lenteur | keeps asking | already said | deja dit | je l ai deja dit"
        " | i already told | i don already talk | j ai deja donne | play with person time | play with my time"
        " | waste person time | no dey hear | doesn t listen | ne m ecoute pas | n ecoute pas | don t listen"
        " | no dey listen | vous n ecoutez | laisse sans reponse | laissee sans reponse | sans reponse"
        " | without a reply | without any reply | no reply at all | left me without | a cote de la plaque"
        " | completement a cote | repond a cote | scandalise | scandalisee | service inexistant"
        " | service client inexistant | suivi inexistant | terrible service | service terrible | terrible experience"
        " | nobody has contacted | no one has contacted | nobody contacted me | personne ne m a contacte"
        " | a manager | the manager | un manager | le manager | put me through | customer service agent | customer care"
        " | service client | speak to someone | talk to someone | le superviseur | nobody answer me | nobody answer"
        " | personne ne m a rappele | ca commence a bien faire | attends une reponse de votre"
        " | paye le deplacement pour rien | paye le deplacement et",
    },
    # Status in other words: the list of one's requests, who the worker is, where it stands.
    "status_check": {
        2.0: "mes demandes | mes demande | mes dmd | liste de mes demandes | mes anciennes demandes"
        " | c est confirme pour | est ce confirme | is it confirmed | is it still on | reservation tient"
        " | reservation est toujours | booking still on | arrive ou pas | don leave house"
        " | a deja quitte | est deja parti | est deja en route | has he left | has she left | he don start come"
        " | mes reservations | mes commandes | historique | booking history | request history | my history"
        " | job history | order history | my requests | my bookings | my orders | my past jobs | my past requests"
        " | my previous requests | my jobs | ou ca en est | ou ca en est | c est a quel niveau | ca evolue"
        " | suivi de ma demande | suivre ma demande | suivi de mon dossier | statut de ma demande"
        " | status of my | track my | qui est mon prestataire | c est qui mon prestataire"
        " | mon prestataire c est qui | le prestataire c est qui | mon prestataire est qui | qui est mon technicien"
        " | c est qui mon technicien | qui est mon artisan | c est qui le technicien | qui est le technicien"
        " | who is my provider | who is my technician | who s my technician | who s my provider | who is handling"
        " | who s handling | who s coming | which technician did | which technician will | which technician is"
        " | who una send | who you send | who una don send | nom du technicien | nom de l artisan"
        " | nom du prestataire | name of the technician | name of the provider | where my matter reach"
        " | my matter reach | how my matter | du nouveau pour moi | du nouveau pour ma | du nouveau pour mon"
        " | quelle etape | a quelle etape | what stage | which stage | at what stage | ou en sommes nous"
        " | a quel stade | quel stade | which provider | quel prestataire | which technician | which worker"
        " | quel technicien | c est en cours | en cours de traitement | c est pris en compte | ca bouge"
        " | quelle est la suite | la suite c est quoi | et la suite | next step | what next | what s next"
        " | still pending | is it pending | pending | update me | keep me posted | any info | anything yet"
        " | we still dey wait | i still dey wait | how the matter go be | how e go be | on attend quoi"
        " | on attend toujours | j attends quoi | what are we waiting for | what am i waiting for"
        " | qui va s occuper | qui s occupe de | who will handle | who go handle | who is taking care"
        " | ma commande avance | mon affaire avance | accepted my | etat de ma demande | etat de ma reservation"
        " | etat de ma commande | etat de mon dossier | progress on my | progress of my | what s the progress"
        " | jobs i ve booked | jobs i booked | what i booked | what i ve booked | ce que j ai demande"
        " | ce que j ai reserve",
    },
    "praise": {
        2.0: "tres bien travaille | bien travaille | a bien fait | a tres bien fait | travail propre | boulot propre"
        " | boulot clean | travail clean | job propre | clean job | neat job | neat work | did a neat"
        " | very good job | very good work | tres bon travail | du beau boulot | beau boulot | fait du beau"
        " | fine fine | sabi work | recommande | recommend | impressed | impressionne | impressionnee | nickel"
        " | comme un chef | a gere | vite regle | regle le probleme | a regle le probleme | vite regle le probleme"
        " | regle mon probleme | resolu le probleme | fixed my problem | fixed the problem | solved the problem"
        " | fixed it quickly | quickly fixed | poli | polie | polite | careful | soigneux | soigneuse | work sweet"
        " | sweet me | i m happy | i am happy | je suis satisfait | je suis satisfaite | satisfait du"
        " | satisfaite du | satisfied with | tres content | tres contente | rentre dans l ordre | back to normal"
        " | marche nickel | refroidit de nouveau | marche de nouveau | fonctionne de nouveau | works again"
        " | dey work again | dey cool well | was fast | was quick"
        " | etait rapide | a ete rapide | est serieux | etait serieux | tres serieux | is serious | was serious"
        " | bien fait | est clean | est propre | is clean now | bravo a | great work by | did a very good"
        " | did a very | very professional | tres pro | tres professionnel | merci pour votre aide"
        " | thanks for your help | thank you for your help | merci pour l aide | merci de votre aide"
        " | excellent | parfait | formidable | lovely | perfect"
        " | wonderful | amazing | awesome | bien repare | a bien repare | well fixed | fixed it well"
        " | repaired it well | everything is working | everything dey work | all is working | great service"
        " | excellent service | bon service | super service | service impeccable | sabi him work | sabi her work"
        " | i dey happy | we dey happy | dey happy | je suis content | je suis contente | i m glad | so glad"
        " | tout est regle | everything is fixed | all fixed now | c etait correct | was ok | was okay | pas mal"
        " | c etait bien | correct merci | god bless una | remercier | je tiens a remercier | remercie le"
        " | remercie votre | thank the | pour son travail | for his work | for her work | for the good work"
        " | ravi | ravie | pleased | delighted | grateful | thankful | reconnaissant | reconnaissante"
        " | outstanding | brilliant | fantastic | superb | top notch | au top | efficient | friendly | aimable"
        " | sympa | courtois | courtoise | soigne | soignee | vous assurez | vous gerez | rapide et efficace"
        " | quick and efficient | on time | na correct person | e sabi | big thanks | huge thanks"
        " | no more leak | plus de fuite | no more problem | plus de probleme | no more wahala | fix am well"
        " | fix am fine | fix am finish | everything don correct | don correct well"
        " | feliciter | congratulate | well done | you guys are fast | una fast | sharp sharp thank"
        " | quick response | reponse rapide | fast response | thanks for the quick | vous etes serieux"
        " | happy sunday | happy new year | bonne annee | joyeux noel | merry christmas"
        " | bon dimanche | happy weekend | bon week end | nice one"
        " | na una best | una best | vous etes top | you people best | tres joli | c est joli | c est beau"
        " | tres beau | looks nice | looks good | la maison brille | brille"
        " | big up | vous etes forts | vous etes trop forts | trop forts | number one | nomba one | numero un"
        " | una too much | you people too much | una do well | vous etes au top",

    },
    "problem": {
        1.0: "accident* | eau partout | de l eau partout | water everywhere | sous l eau | no water | plus d eau"
        " | pas d eau | plus l eau | l eau monte | water don full | water don enter | water dey pour | pouring"
        " | l eau sort | water no dey comot | suinte | flaque | stagne | water dey drop | water dey comot"
        " | water dey rise | water dey enter | l eau rentre | l eau entre | water dey everywhere | flood*"
        " | inond*",
    },
}
# The seventh batch: complaints asked as questions, visits that took money and fixed nothing, status asked in
# passing ("et mon plombier alors ?"), praise in a word ("bravo", "un pro").
_FAMILIES7: dict[str, dict[float, str]] = {
    "complaint": {
        2.5: "pourquoi personne | pourquoi on ne me | pourquoi on me | pourquoi vous ne | pourquoi vous n"
        " | pourquoi vous me | pourquoi ne pas me | pourquoi toujours | why nobody | why no one | why una no"
        " | why una never | why you no | why una dey | why you never | why you people | why una people"
        " | comme ca que vous | c est comme ca que | is this how you | is this how una | na so una dey"
        " | na so you dey | na so una de | na so una | so una dey treat | una dey treat | vous trouvez normal"
        " | vous trouvez ca normal | trouvez vous normal | vous trouvez que c est normal"
        " | you think it s normal | you think this is normal | is this normal | sans nouvelles"
        " | sans nouvelle | without news | without any news | lit vraiment | lisez vraiment | quelqu un lit"
        " | personne ne lit | does anyone read | anybody reading | anyone reading | someone reading"
        " | nobody reads | tourner en rond | fait tourner | run around | running around | play me"
        " | dey play me | dey play with me | moquez de moi | moquer de moi | mocking me | a quoi ca sert"
        " | what s the use | what is the use | fois que je donne | fois que j explique | fois que je repete"
        " | fois que je dis | fois que j ecris | times i explain | times i go explain | times i don explain"
        " | times i have explained | times i give | times i tell | times i don tell | times i repeat"
        " | explain the same | explique la meme | quel genre de service | what kind of service"
        " | what kind of business | paie pour rien | paye pour rien | payer pour rien | pay for nothing"
        " | paid for nothing | run your business | traitez vos clients | traiter vos clients"
        " | traitez les clients | treat customer | treat your customer | treat una customer | treat customers"
        " | vous me fatiguez | me fatiguez | un humain | une personne reelle | un etre humain | real human"
        " | parler a quelqu un de vrai | reparti avec | repartie avec | est parti avec | est partie avec"
        " | left with my | went away with | carry my | qu on me la rende | qu on me le rende"
        " | qu il me rende | rendez moi | give me back | rien repare | rien reparer | nothing fixed"
        " | fix nothing | fixed nothing | did nothing | no do anything | no do nothing | encaisse"
        " | a encaisse | pris mes | a pris mes | took my | collect my | n a rien fait | il a rien fait"
        " | sans rien faire | without doing anything | without fixing | sali | a sali | refuse de nettoyer"
        " | refuse to clean | refused to clean | depuis que votre | since your | since una"
        " | alors que l appli | alors que l application | app said | l appli disait | the app said | rude to"
        " | impoli avec | est reparti sans | left without | hours late | heures de retard"
        " | plateforme me fatigue | application me fatigue | appli me fatigue | service me fatigue"
        " | passez moi un | passez moi quelqu un | laisse des fils | left wires"
        " | vous attendez quoi pour | qu est ce que vous attendez pour | c est ca votre service | c est ca votre"
        " | is this your service | leave customer | leave your customer | leave person like this | leave me like"
        " | laisser les clients | laisser ses clients | so hard to get | si difficile de | difficile de vous joindre"
        " | hard to reach you | collect transport | and waka | take transport and | pris le transport et",
        1.0: "il a fini en | a fini en | fini et maintenant | finished and now | since he finish | after he finish"
        " | apres son depart | after he left",
    },
    "status_check": {
        2.5: "nouvelles du | nouvelles de mon | nouvelles de ma | nouvelles de la | nouvelles de ma demande"
        " | quel nouvel | quelle nouvelle | quelles nouvelles | des nouvelles du"
        " | des nouvelles de mon | des nouvelles de ma | news about | news on my"
        " | news of my | news for my | ca avance | it s moving | is it moving | arrive a quelle heure"
        " | a quelle heure finalement | quelle heure finalement | what time is the | what time is my"
        " | what time will the | when is the | when is my | qui qui vient | c est qui qui"
        " | qui vient chez moi | who dey come | who go come | who is coming to | a ete acceptee"
        " | a ete accepte | been accepted | been approved | est acceptee | is accepted | en route ou pas"
        " | en route ou | on his way or | dossier en est ou | montrer ce que j ai demande"
        " | what i requested | still never reach | toujours personne"
        " | what happened to my | weti happen to | wetin happen to | wetin happen for my | weti happen for"
        " | et ma demande | and my request | my request nko | ma demande nko | et pour ma demande"
        " | en est ou",
    },
    "praise": {
        2.0: "bravo | un pro | est un pro | vrai pro | a real pro | is a pro | top top | c est top | tout regle"
        " | a tout regle | tout repare | a tout repare | all fixed | fixed everything | try well"
        " | una try well | una try | you try | vous avez sauve | sauve la | saved the"
        " | m avez sauve | rien a dire | nothing to say | merci a l equipe | thanks to the team"
        " | thanks to una | je vais vous recommander | i will recommend | i go recommend | tres satisfaite"
        " | tres satisfait | very satisfied | travail solide | solid work | wonderful job | good job"
        " | very fast | tres rapide | light don come back | courant est revenu | current don come back"
        " | tres gentil | tres gentille | very kind | very nice | was very nice | tres aimable | the best"
        " | les meilleurs | au top | everything is fine now | all is fine now | tout va bien maintenant"
        " | dieu vous benisse | god bless you",
    },
}
# The eleventh batch: tradespeople asking to be taken on, impatience and whereabouts in Pidgin, money asked beyond the
# deal, damage left by a worker, help found elsewhere, trust and payment questions.
_FAMILIES11: dict[str, dict[float, str]] = {
    "join_as_provider": {
        2.5: "part of your team | join your team | join una team | be part of your | faire partie de votre"
        " | faire partie de l equipe | take new technicians | take new workers | dey take new | prenez les gars"
        " | prenez des gens | prenez des techniciens | recrutez vous | you dey recruit"
        " | how to register"
        " | on s inscrit comment | je m inscris comment | comment s inscrire | dans votre liste"
        " | sur votre liste | in your list | on your list | give me work | donnez moi du travail | donnez moi le boulot"
        " | cherche du travail | cherche du boulot | i need work | i dey find work"
        " | je propose mes services | i offer my services | offer my service"
        " | work for una | work for you | una need people | you need people | postuler"
        " | je peux postuler | how to apply | can i apply | candidature | deposer ma candidature | una need person"
        " | una need locksmith | una need painter | una need plumber | una need electrician"
        " | du travail pour nous"
        " | work for us | vous avez du travail pour"
        " | sur votre plateforme | bosser avec vous | travailler pour vous | cherche chantiers"
        " | qualifie cherche"
        " | devenir partenaires | devenir vos partenaires | ans d experience"
        " | years experience | years of experience | recevoir des clients | get customers"
        " | accept technicians | vous prenez les femmes | je suis formee | je suis forme"
        " | be on your platform | vos missions"
        " | your missions | to be one of your | etre un de vos | etre une de vos | call me when work dey"
        " | when work dey"
        " | how i go register | how i go join | ready to work",
    },
    "status_check": {
        2.5: "dey road | she dey come | left yet | gone out yet | don leave | e remain"
        " | how many minutes | combien de minutes | il reste combien | dans combien de temps il | a confirme le rendez"
        " | confirme le rendez vous | confirmed the appointment | confirmed my | c est valide | est validee"
        " | est valide | is it validated | quelqu un va passer | someone go come | person go come"
        " | dey delay | what s delaying | qu est ce qui retarde | pourquoi il tarde | reach junction"
        " | il est ou maintenant | ou est le technicien"
        " | where the man | where the person | where is the technician | the person una send"
        " | check for me if | verifier si | verifiez si | regarder si",
        2.0: "name and number | nom et numero | nom et le numero | name and phone | his name and | son nom et"
        " | number of the guy | number of the technician | numero du gars | don get my | don find my"
        " | una don find person | you don find person | who be the guy | who be the person | na who una"
        " | who una dey send | who you dey send | wey the man | wey the guy | a bien recu mon adresse"
        " | received my address | got my address | c est qui le prestataire | which day una plan"
        " | which day una go send | which day you go send"
        " | quel jour il | quel jour le | where is she | ou est elle | ou est il | verifier ou il est"
        " | check where he is | sait qu il doit | does he know | where we reach with | wetin be him number"
        " | him number | numero de ma demande | reference de ma demande | my reference number | elle avance"
        " | when exactly | mes interventions | mes intervention | i no see am | je ne le vois pas | no see anybody"
        " | a ete trouve | been found | trouve pour ma demande | found for my | previous bookings | all my bookings"
        " | see my bookings | demandes j ai en cours | mes demandes en cours | demandes en cours"
        " | pas recu de confirmation | no confirmation"
        " | didn t get any confirmation | didn t get any message | request still open | toujours ouverte"
        " | still open",
    },
    "complaint": {
        2.5: "nobody pick | no body pick | nobody dey pick"
        " | charge me | charge for diagnosis | for diagnosis only | which kind thing be that"
        " | c est quel genre | na wetin be this | collect 20k | collect money for | took money for"
        " | on ne le voit plus | on ne la voit plus | disparu avec | never see am again | no see am again"
        " | a pris l avance | pris l acompte | took the advance | collect the advance | chop the advance"
        " | spill paint | spilled paint | renverse la peinture"
        " | a emporte | emporte mon | emporte ma | carry go my | took away my | sans me demander"
        " | without asking me | il parlait mal | talk rough | same noise again | the same noise | meme bruit"
        " | meme panne | same fault | same wahala | don hook again | don block again | don crack already"
        " | s est deja fissure | fissure deja | se decolle deja | don peel already | no sabi work | ne connait rien"
        " | knows nothing | sais rien faire | sait rien faire | tout demonte | laisse comme ca | left it like that"
        " | plus que le prix | more than the price | il me sort | he come say | dit qu il n a rien recu"
        " | says he didn t receive | says he no receive | paie encore | pay again | payer encore"
        " | personne ne m a dit | nobody told me | nobody tell me | c est pas correct | not correct"
        " | nothing is happening | nothing dey happen | no work at all | ne marche pas du tout | messy work"
        " | travail sale | cheap paint | peinture de mauvaise qualite"
        " | drunk | ivre | saoul | app no dey | appli ne charge | application ne charge | app no load"
        " | app won t load | app doesn t load | vous etes des voleurs | you be thief | una be thief | you are thieves"
        " | a force ma porte | forced my door | instead of opening | never started | n a jamais commence"
        " | jamais commence | en plus de ce que | on top of what | alors que vous aviez dit | but you said"
        " | you said it was | vous aviez dit | he added | il a ajoute | a rajoute | facture est fausse | wrong bill"
        " | bill is wrong | compte des pieces | charged for parts | minute job | why did you charge | why you charge"
        " | pourquoi vous m avez facture | jamais arrive | jamais arrivee | never arrived | never reached"
        " | perdu ma journee | wasted my day | apres le passage de votre | after your team | after una people"
        " | by mistake she | by mistake he | you fixed on | una fix on | vous avez repare lundi | wrong colour"
        " | wrong color | mauvaise couleur | pas la bonne couleur | and you sent me | et vous m avez envoye"
        " | line line everywhere | no be the one i choose | not the one i chose | pas celle que j ai choisie"
        " | you did last month | already peeling | i expected better | je m attendais a mieux | sans ses outils"
        " | without his tools | without tools | une etoile | one star"
        " | any human here | is there any human | un humain ici | le prix a change | price changed | prix a change",
    },
    # "cassée par des voleurs", "the house left a l'abandon", "we no fit close am": no grievance, no cancelling.
    "problem": {
        1.0: "des voleurs | les voleurs | par des voleurs | thieves | robbers | cambrioleur* | cambriol* | burglar*"
        " | a l abandon | no fit close am | cannot close am | can t close am | when i close am | when we close am"
        " | anytime we close am | anytime i close am | e dey come from | e dey comot from | e dey commot from"
        " | whenever your guy | when your guy | your guy is free | votre gars est libre | quand votre technicien"
        " | je suis en route | i m on my way | i am on my way | i dey road | does nothing | ne fait rien | no light"
        " | no sound | pas de son | keeps running | coule jour et nuit | day and night"
        " | thief try | thief dem | thieves dem | thief break | thief don"
        " | un voleur | a thief | thief broke | voleur a casse | pluie a sali | rain don dirty"
        " | no wan start | ne veut pas demarrer | ne demarre pas | guests complaining"
        " | customers complaining | clients se plaignent | tenants complaining | locataires se plaignent"
        " | tenants complain | guests complain | customers complain | neighbours complain | voisins se plaignent"
        " | complain of | complains of | se plaint de | se plaignent de"
        " | don t come on | doesn t come on | don t come back on | no dey come on | won t come on"
        " | wetin dey happen to my | wetin happen to my | dey come from | est ndem | don ndem | melt | melted"
        " | don melt | a fondu | fondu | blink"
        " | dey blink | clignotent | dey shock | shock me | shocks me | full everywhere | enter house"
        " | enter my house | enter the house | under my door | under the door | sous la porte | don rotten"
        " | rotten | pourri | pourrie | sauf moi | except me | except my house | only my house | no get light"
        " | n a pas la lumiere | pas de lumiere | dey dirty | is dirty | are dirty | est sale | sont sales",
    },
    "cancel": {
        2.5: "deja appele un | already called a | already call another | don call another | va s en occuper"
        " | will handle it | go handle am | landlord go | bailleur va | proprietaire va | merci quand meme"
        " | thanks anyway | thank you anyway | pas besoin finalement | finalement pas besoin | no need again o"
        " | disregard | ignore my request | ignorez ma demande | it was a mistake | c etait une erreur"
        " | envoye par erreur | sent by mistake | mettez fin | mettre fin | fin a ma demande | remove my"
        " | i changed my mind | j ai change d avis | i don change my mind | ne doit plus venir | doit plus venir"
        " | on a trouve qqn | on a trouve quelqu un | trouve qqn du quartier | stoppez tout | stop everything"
        " | je vais gerer avec | i go handle am with | mon electricien habituel | my usual",
    },
    "info": {
        2.5: "verified | verifie vos | dem get papers | ont des papiers | vos techniciens sont"
        " | your technicians are | your workers are | are your workers | are your technicians"
        " | warranty | guarantee | payer en deux fois | payer en 2 fois | pay in two | pay in installments"
        " | en plusieurs fois | par tranche | how many days before | combien de jours avant | en general"
        " | usually | d habitude | minimum charge | frais minimum | prix minimum | choisir mon technicien"
        " | choose my technician | choose the technician | how una dey choose | comment vous choisissez"
        " | get people for | avez des gens a | avez des techniciens a | you cover | una cover"
        " | female cleaners | female cleaner | do you have female | des femmes de menage"
        " | you people also do | una also do | facture pour mon | invoice for my | close for today | don close"
        " | adresse physique | un bureau ou | office where | joignables la nuit | reachable at night | open at night"
        " | ouvert la nuit | ouverts la nuit"
        " | number i can call | numero que je peux appeler | extra fee | frais supplementaire* | night call"
        " | interior design | decoration interieure | do you also do"
        " | a la charge du client | c est inclus | is it included | before the guy comes | before he comes"
        " | before the technician comes | avant qu il vienne | avant que le technicien"
        " | incluses dans le prix | inclus dans le prix | included in the price | pieces incluses | parts included"
        " | receipt | un recu | recu de paiement | creer un compte | create an account | fournissez le materiel"
        " | fournissez les pieces | provide the materials | provide materials | le client qui achete"
        " | vous etes presents"
        " | are you present | en moyenne | on average | how long una dey take | how long do you take",
    },
}
# The eighteenth round: worker and booking questions in passing ("le menuisier a confirmé pour jeudi ?"), praise
# in a word of awe ("un vrai artiste", "he saved me"), complaints about a worker's manners, bills and breakage,
# tradespeople with a team, trust heard from others, booking for someone abroad; and words that only look like a
# grievance, a cancellation or a status ("l'odeur est insupportable", "don stop, everything dey melt", "e remain
# small make e fall", "on m'a dit qu'il faut").
_FAMILIES18: dict[str, dict[float, str]] = {
    "status_check": {
        2.5: "a confirme pour | a bien confirme | a t il confirme | a t il bien confirme | il a confirme"
        " | has he confirmed | did he confirm"
        " | don confirm for | c est toujours bon | toujours bon pour | make i wait"
        " | should i wait | dois je l attendre | je dois l attendre | je l attends ou | cense venir | cense passer"
        " | censee venir | censee passer | was meant to come | meant to come | una don get | vous avez deja eu"
        " | now nobody | number no dey go | number no dey pass | numero ne passe pas | numero ne passe"
        " | number is not going | number not going | not going through | give me another number"
        " | donnez moi un autre numero | un autre numero | another number | qui doit m appeler"
        " | paiement a bien ete recu | paiement a ete recu | paiement est passe | mon paiement | my payment"
        " | combien de demandes | how many requests | how many bookings | payment don enter | payment went"
        " | received my payment | recu mon paiement | recu le paiement",
        2.0: "who be my | who is my | who s my | c est qui mon | qui est mon | the name of the | le nom du"
        " | le nom de la | name of the person | name of the guy | his name | son nom",
    },
    "praise": {
        1.0: "vrai artiste | un artiste | magnifique | magnifiques | m a sauve | nous a sauve | saved me | saved my"
        " | saved us | sauve la vie | superbe | splendide | beautiful | dey fine well | fine well well"
        " | merveille | merveilleux | a merveille | wonderful work | comme neuf | comme neuve",
    },
    "complaint": {
        2.5: "no respect | pas de respect | sans respect | smoke for inside | smoke inside my"
        " | smoked in my | a fume dans | fumait dans | fois le prix | times the price | a facture le"
        " | a facture les | facture le bois | who go pay | qui va payer | who will pay | who is going to pay"
        " | qui va rembourser | qui paie | qui paye | who pays | na cheat | cheat* | triche* | demande reparation"
        " | exige reparation | demande reparation du | prejudice | dedommag* | compensation | compensate*"
        " | nothing don change | rien n a bouge | since the electrician leave | since he leave | since he left"
        " | depuis qu il est parti | since the technician left | depuis son depart | after the work he"
        " | apres le travail il | a endommage | ont endommage | has damaged | have damaged | don damage"
        ""
        " | don spoil again after | spoil again after",
    },
    "join_as_provider": {
        2.5: "recruit* | my own team | my team of | mon equipe de | j ai une equipe | j ai mon equipe | i get my team"
        " | i get my own | i have my own team | i have a team | nous avons une equipe | become a | how do i become"
        " | how i fit become | comment devenir | devenir un | devenir une | add me | ajoutez moi | add me for"
        " | put me for | put me on | mettez moi sur | mettez moi dans | inscrivez moi",
        1.0: "i dey do",
    },
    "info": {
        2.5: "combien de temps dure | how long does | combien de temps prend | prend combien de temps"
        " | dure combien de temps | takes how long | e dey take how long | c est fiable | is it reliable"
        " | c est sur | c est sure | dit que c est des | says you are | on dit que vous"
        " | people say una | people say you"
        " | can i book for | puis je reserver pour | je peux reserver pour | book for someone | possible to book for"
        " | peut on reserver pour | on peut reserver pour | reserver pour quelqu un"
        " | pour quelqu un d autre | for someone else"
        " | any discount | des reductions | une reduction pour | discount for | reduction pour | prix special"
        " | special price | tarif special | tarif etudiant | student discount | for students | pour les etudiants"
        " | you people fit come for | una fit come for | fit come for pk | travaillez la nuit | work at night"
        " | main d oeuvre seulement | labour only | workmanship only | seulement le prix | just the price"
        " | only the price",
    },
    "cancel": {
        2.5: "supprimez la demande | supprimer la demande pour | supprimez la | delete the request"
        " | delete my booking | cancel the booking | annulez la demande pour",
    },
    # Words that only look like a grievance, a cancellation or a status where they stand.
    "problem": {
        1.0: "odeur est insupportable | odeur insupportable | smell is unbearable | chaleur insupportable"
        " | bruit insupportable | branche n importe quoi | plug anything | a tout sali"
        " | poussiere a sali | dust don dirty | un etat horrible | etat horrible | horrible state"
        " | di complain | dey complain | customers di | don stop everything | stop everything dey | stain | stained"
        " | stains | forget the code | forgot the code | oublie le code",
    },
    "neutral": {
        0.0: "don close the | i don close | don close am | e remain small | remain small make | on m a dit qu il faut"
        " | on m a dit qu il fallait | they told me say | they tell me say | dem tell me say",
    },
}
# The twenty-first round (two more strangers' sets): a provider's reach and prices asked in general, extra money
# asked on the spot, a request still active, and words that only look like a grievance ("e no serious", "the key dey
# turn for nothing", "je n'en peux plus avec la chaleur", "a tenant who complains").
_FAMILIES21: dict[str, dict[float, str]] = {
    "status_check": {
        2.5: "still active | toujours active | toujours en cours | is it still active | i submitted a request"
        " | j ai soumis une demande | j ai soumis ma demande | quelqu un l a prise | quelqu un l a pris"
        " | somebody take am | anybody take am | someone took it | where my request reach | my request reach"
        " | ma demande est ou | ma demande en est ou | don wait since | i don wait since | send me the number"
        " | send me his number | envoyez moi le numero | envoie moi son numero | give me the number"
        " | donnez moi le numero | you don send person | una don send person | u don send person | don send person"
        " | vous avez envoye quelqu un | avez vous envoye quelqu un | have you sent someone | did you send someone",
        2.0: "request for the | my request for | ma demande pour | ma demande d hier",
    },
    "join_as_provider": {
        2.5: "get jobs from you | get jobs from una | get work from you | get work from una | how do i get jobs"
        " | recevoir des missions | avoir des chantiers | how una dey pay technician | how do you pay technicians"
        " | comment vous payez les techniciens | i fit start | je peux commencer | i can start | ready to start"
        " | we want work | want work for | nous voulons du travail | on cherche du travail | my 2 sisters"
        " | my sisters and i | my brothers and i",
        2.0: "i get my tools | i get my own tools | j ai mes outils | j ai mon materiel | i have my own tools",
        1.5: "3 boys | 4 boys | 5 boys | two boys | three boys | my boys | mes ouvriers",
    },
    "complaint": {
        2.5: "dey peel already | peel already | deja apres une semaine | already after | una repair last"
        " | una fix last | you repaired last | you fixed last | una repair for me | depuis le passage du"
        " | since the visit of | n existait pas avant | wasn t there before | no dey before | since your man came"
        " | i paid for a full day | paid for a full | said she finished | said he finished | a dit qu il a fini"
        " | a dit qu elle a fini | ask me extra | asked me extra | asked for extra | asked me for extra"
        " | demande en plus | demande de plus"
        " | de plus sur place | extra for transport | price una tell me | prix que vous m avez dit"
        " | le prix etait fixe | alors que le prix",
    },
    "info": {
        2.5: "where una dey work | where una dey cover | na douala only | douala only | comme client | as a customer"
        " | as client | en tant que client | prix est fixe | qui decide | who decides | fixed price | prix fixe"
        " | e dey take before | does it take before | it take before | faut combien de temps | combien de temps avant"
        " | is it safe to | est ce sur de | sans risque | des electriciennes | des techniciennes | female electrician*"
        " | female plumber* | female technician* | women technicians | font aussi | fait aussi | also do"
        " | prix augmentent | les prix augmentent | prices go up | prices increase | price increase | hausse des prix",
        2.0: "do una fit come | do una fit reach | una fit come to | una dey come to | you fit come to",
    },
    "hypothetical": {
        1.0: "if the thing | if e spoil | if it spoils | if it spoil | si ca se gate | si ca regate | come back free"
        " | revenir gratuitement | if it breaks again | si ca recommence",
    },
    "request": {
        1.0: "on veut | on voudrait | nous voudrions | we wan | we go like",
    },
    "problem": {
        1.0: "fear thief | i fear thief | j ai peur des voleurs | dem don thief | don thief the | thief the key"
        " | thieves don | est partie avec une cle | est parti avec la cle | parti avec une cle | parti avec la cle"
        " | left with the key | left with my key | allume n importe quoi | brancher n importe quoi | plug in anything"
        " | who complains | who complain | qui se plaint | qui se plaignent | still dirty | toujours sale"
        " | encore sale",
    },
    "praise": {
        1.0: "was very patient | tres patient | tres patiente | very patient | so patient | well well"
        " | gentil avec",
    },
    "neutral": {
        0.0: "e no serious | it s not serious | no be serious | dey turn for nothing | turn for nothing"
        " | tourne dans le vide | tourne pour rien | je n en peux plus avec | n en peux plus avec | the man fix"
        " | man fix | he fix am | e fix am | she fix",
    },
}
# The twenty-fourth round (one more stranger's set): the worker's return, name and acceptance asked, tips, the
# difference with a local plumber, praise for a quick visit, a worker's mess, help found elsewhere, tradespeople
# looking for clients; coverage asked about a place over there.
_FAMILIES24: dict[str, dict[float, str]] = {
    "status_check": {
        2.5: "reviendra quand | il revient quand | come back when | when will he come back | e go come back when"
        " | which person dey come | make i know im name | im name | sure say e go come"
        " | sure say he go come | il va vraiment venir | are you sure he will come | a bien recu ma"
        " | bien recu ma localisation | recu ma localisation | got my location | received my location"
        " | don accept my | has accepted my | a accepte ma | wich technician | vous ave trouve"
        " | ave trouve quelqu un",
    },
    # "c'est pour un dépannage à domicile", "c possible d'avoir un frigoriste ?": someone asked for.
    "summon": {
        1.0: "depannage a domicile | pour un depannage | possible d avoir un | possible d avoir une | can i get a"
        " | can i have a",
    },
    "info": {
        2.5: "can you tell me whether | can you tell me if | tell me whether | pouvez vous me dire si | dites moi si"
        " | tip | tips | pourboire | through the app | par l application | via l app | la difference entre"
        " | difference between | pourquoi passer par vous | why i go use una | how much i go pay for"
        " | combien je vais payer pour | sell spare parts | spare parts | pieces detachees | vendez des pieces"
        " | numero fixe | landline | un numero pour appeler | number to call",
    },
    "complaint": {
        2.5: "dey play with my time | vous jouez avec mon temps"
        " | no apology | sans s excuser | sans meme s excuser | dirty shoes | mess my | same ac una | una repair for"
        " | una repair don | you repaired for",
    },
    "relapse": {
        1.0: "drip water again | drip again | dey drip again | leak again | dey leak again",
    },
    "cancel": {
        2.5: "deja trouve quelqu un | on a deja trouve | already found someone | we don find person"
        " | c est bon laissez | je vous recontacte si | je vous recontacterai | i go call una back if",
    },
    "join_as_provider": {
        2.5: "cherche des clients | je cherche des clients | looking for customers | i dey find customers",
        1.0: "je travaille dans",
    },
    "praise": {
        1.0: "thank you for the quick service | quick service | service rapide | rapide service | correct guy"
        " | vous m aviez sauve | vous m aviez sauvee | m avez sauvee",
    },
    "problem": {
        1.0: "don burn | burnt | burned | soaked | trempe | keeps spreading | spreading | pas froid du tout"
        " | pas froid | not cold | no dey cold",
    },
    # "Ma maman a un problème de plomberie là-bas": the trouble is in the place asked about, which we may not cover.
    "elsewhere": {
        0.0: "la bas | over there | down there",
    },
    "neutral": {
        0.0: "una send me | you send me | una send for me | vous m avez envoye | tout ce que vous faites"
        " | for all you do | for everything you do"
        " | wetin una dey do | na my number | c est mon numero | my number is | voici mon numero | mon numero c est",
    },
}
# The twenty-eighth round (very short and very long messages): backstory that only looks like a grievance or a
# status ("thief fit kick am open", "e still dey come from the wall", "et si possible", "je le rembourse", "pour
# rien" of a trip not to waste), thanks at length, tradespeople with years of trade, a worker's job given away.
_FAMILIES28: dict[str, dict[float, str]] = {
    "status_check": {
        2.5: "pas encore venu | pas encore venue | not come yet | still dey for the job | una don give am to another"
        " | give am to another person | donne a quelqu un d autre | tell me something today",
    },
    "join_as_provider": {
        2.5: "comment on s inscrit | ans de metier | years for the work | vous prenez aussi | prenez vous des"
        " | si vous prenez",
        1.0: "j ai des references | references",
    },
    "complaint": {
        2.5: "not what i paid for | patchy | pas ce que j ai paye",
    },
    "info": {
        2.5: "phone number wey i fit call | number wey i fit call",
        2.0: "j ai une question | i have a question | question avant",
    },
    "praise": {
        2.0: "thank you for your patience | merci pour votre patience | for your patience with me",
    },
    "hypothetical": {
        1.0: "i don t want to | je ne veux pas que | i no want make",
    },
    "problem": {
        1.0: "thief fit | make thief | thief come | thief go | thieves fit | voleurs peuvent | still dey come from"
        " | e still dey come from | dey come from somewhere",
    },
    "neutral": {
        0.0: "i don pay | mi don pay | que je viens d acheter | i just bought | que j ai achete | i don buy"
        " | i bought | au frais | truc frais | air frais | et si possible | si possible | se deplace pour rien"
        " | deplacer pour rien | come for nothing | not trying to cheat | no wan cheat | je le rembourse"
        " | je la rembourse | i go refund am | i refund him | chaud pour rien | souffle pour rien | marche pour rien",
    },
}
# The thirtieth round: who exactly is coming, a request still handled, a worker to call; enquiries about the area, the
# price before work, trust; thanks passed on to a worker; a second failure, a bad service, a bill inflated, a colour
# not agreed, a repair failing the same evening; teams and companies offering work.
_FAMILIES30: dict[str, dict[float, str]] = {
    "status_check": {
        2.5: "who exactly is coming | who is coming for my | i d like a name | check my request | anyone handling"
        " | is anyone handling | envoye quelqu un pour | please call him | call him for me | appelez le"
        " | arrive bientot",
    },
    "info": {
        2.5: "within your area | dans votre zone | a bit far | comment je sais que | how do i know | are you in"
        " | you dey for yaounde | pour les clients",
    },
    "hypothetical": {
        1.0: "if the same problem | if the problem comes back | si le probleme revient",
    },
    "praise": {
        2.0: "thank her for me | thank him for me | so kind | remerciez la | remerciez le",
    },
    "complaint": {
        2.5: "nobody ever came | no call nothing | this is the second time | c est la deuxieme fois | very bad service"
        " | bad service | surfactur* | overbilled | from what we agreed | ce qu on avait convenu"
        " | ne marche deja plus | already not working | le soir meme | the same evening | pas ce qu on avait dit"
        " | ce qu on avait dit | de plus apres avoir fini",
    },
    "join_as_provider": {
        2.5: "interested to partner | team of 3 | team of 4 | team of 5 | vous pouvez le prendre"
        " | pouvez vous le prendre | work through your app | travailler via votre | cleaning company",
        1.0: "sait reparer | staff",
    },
    "problem": {
        1.0: "a vole mes cles | vole mes cles | stole my keys | thief my key | danger | dangereux | dangerous",
    },
    "neutral": {
        0.0: "no fit join | he don vex | e don vex | je comprends rien | reach where customers"
        " | landlord will pay | le proprietaire va payer | will pay",
    },
}


def _add(tables: dict[str, dict[float, str]], batch: dict[str, dict[float, str]]) -> None:
    """Append a batch's phrases to the tables, label by label and weight by weight (earlier listings stay first)."""
    for label, levels in batch.items():
        table = tables.setdefault(label, {})
        for weight, phrases in levels.items():
            table[weight] = f"{table[weight]} | {phrases}" if weight in table else phrases


for _batch in (_FAMILIES30, _FAMILIES28, _FAMILIES24, _FAMILIES21, _FAMILIES18, _FAMILIES11):
    _add(CUES, _batch)
_add(_FAMILIES, _FAMILIES7)
_add(CUES, _FAMILIES)


# A message made only of these is small talk; greetings and thanks mark it as such.
GREETINGS = (
    "bonjour | bonsoir | salut | coucou | hello | hi | hey | yo | good morning | good afternoon | good evening"
    " | good night | bonne nuit | merci | thanks | thank you | thank | ca va | comment allez vous | comment tu vas"
    " | comment vas tu | how are you | how far | how you dey | how body | on dit quoi | on dit koi | bonne journee"
    " | bonne soiree | bonne fin de journee | au revoir | bye | a plus | a bientot | god bless | dieu vous benisse"
    " | cc | wsh | merci beaucoup | merci infiniment | thanks a lot | wa salam | salam | allo | have a nice day"
    " | have a good day | have a great day | have a nice evening | have a good evening | have a good night"
    " | have a nice weekend | have a good weekend | have a blessed day | enjoy your day | take care | bon week end"
    " | bon weekend | bonne fin de semaine | bonne continuation | a la prochaine | a tout a l heure | a plus tard"
    " | see you later | see you soon | ciao | tchao | bisous | bravo | felicitations | well done | good job"
    " | great job | nice job | you do well | una do well | una try | you try | merci encore | thanks again"
    " | thank you so much | thank you very much | many thanks | much appreciated | god bless you"
    " | que dieu vous benisse | dieu merci | thank god | je vous remercie | vous benisse | bless you"
        " | bless una | blessings | nous vous remercions | i appreciate"
    " | bonne et heureuse annee | heureuse annee | meilleurs voeux | sante pour les parents | sante a vous"
    " | happy holidays | season s greetings | compliments of the season | vous etes la | you dey there | una dey there"
    " | are you there | bonne fete | joyeux noel | merry christmas | bonne annee | happy new year | bonne nuit a vous"
    " | have a"
    " | morning | good day | how una dey | how una do | how you do | how e dey | how is it going | how is everything"
    " | tank you | tenk you | tanks | gentil | c est gentil | c est tres gentil | tres gentil | vous etes gentil*"
    " | so kind | very kind | that s kind | hello there | hi there | hey there | nice evening | nice day"
    " | lovely day | lovely evening | pleasant evening | nice night | nice weekend | great evening | great day"
    " | hope you re | hope you are"
    " | i hope you | hope all is well | hope una dey | j espere que vous allez bien | vous allez bien | allez vous bien"
    " | doing well | how is the day | how is your day | how s your day | how s the day | how is the day going"
    " | ca dit quoi | ca dit koi | ca va chez vous | ca va bien | la forme | bonne nuit a tous | a plus | a plus tard"
    " | bye bye | appreciate | really appreciate | appreciate it | thank u | thank you plenty | thanks plenty"
    " | rebonjour | re bonjour | bonne soiree a vous | merci encore | bien a vous | cordialement | hope"
    " | j espere que vous | j espere que tout | j espere que la"
)
# "ok d'accord", "c'est noté": two acknowledgements, or one with thanks or a greeting, close the exchange (small
# talk); a lone "ok" or "d'accord" is a bare answer (other), it may confirm whatever was just asked.
ACKS = (
    "ok | d accord | okay | c est note | entendu | compris | noted | well noted | bien note | bien recu | understood"
    " | alright | all right | ca marche | ok ca marche | no wahala | pas de souci | pas de soucis | pas de probleme"
    " | no problem | roger | sure | vu | je vois | i see | c est bon"
)
FILLERS = (
    "c est bon | a demain | see you | pour votre aide | for your help | pour tout"
    " | for everything | super | cool | parfait | tres bien | good | nice | la famille | la team | mon frere"
    " | ma soeur | mon gars | mola | boss | massa | big | djobea | tout le monde | vous | you | so much | a lot"
    " | beaucoup | infiniment | bien | et vous | and you | o | oh | madame | monsieur | sir | tout | bro | sis"
    " | les gars | la | a | to | de | ma | mon | team | all | everybody | de rien | amen | lol | mdr | merci"
    " | hein | han | deh | eh | ehn | oo | sha | vraiment | really | very | very much | vous etes forts"
    " | vous etes fort | vous etes top | vous etes les meilleurs | vous etes geniaux | you are the best"
    " | you re the best | you too much | una too much | una try | the best | great | awesome | top | genial"
    " | geniale | formidable | excellent | impeccable | my sister | my brother | my friend | my dear | ma soeur"
    " | mon ami | mon amie | ma cherie | mon cher | ma chere | chef | patron | tonton | tata | mami | mama"
    " | grand frere | grande soeur | vous aussi | you too | same to you | pareillement | de meme | a vous aussi"
    " | and to you | again | encore | aussi | too | pour le service | for the service | pour le travail"
    " | for the work | for the job | pour votre patience | for your patience | pour votre rapidite | my guy"
        " | et | and | a vous | to you | well | well well | nice | good | great | blessed | lovely | wonderful | day"
        " | weekend | week end | evening | night | week | one | journee | soiree | jesus | dieu | que"
        " | no wahala | pas de souci | pas de soucis | pas de probleme | no problem | don t worry | assure"
        " | vous avez assure | chapeau | u | sis | bro | okay | una | the family | family"
        " | ca marche | ok ca marche | c est note | entendu | compris | noted | understood | alright | all right"
        " | c est | it s | it is | that s | this morning | ce matin | today | aujourd hui"
)
