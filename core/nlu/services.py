"""Which trade a message is about, from weighted French, English, Pidgin and Camfranglais vocabulary."""

from functools import cache

from core.nlu.matcher import Match, PhraseMatcher, parse_weighted

# Weights: 3 names the trade or its equipment; 2 is typical of it; 1 or less only hints (a door, a wall, water).
# Longer phrases win over their words ("porte du frigo" is the fridge, "compteur d eau" is plumbing).
WATER_OUT_OF_PLACE = 2.5  # the weight of water out of place, a tier of its own
SERVICE_TERMS: dict[str, dict[float, str]] = {
    "plumbing": {
        3.0: "plomb* | plumb* | robinet* | tuyau* | evier* | lavabo* | wc | chasse d eau | chasse eau | chauffe eau"
        " | chauffe eaux | water heater | canalisation* | tap | taps | pipe | pipes | sink | toilet* | toilette*"
        " | fosse septique | fosse | septic | septic tank | siphon* | baignoire | bathtub | bath tub | bidet"
        " | compteur d eau"
        " | pompe a eau | water pump | surpresseur | citerne | water tank | tank | bache a eau | drain*"
        " | debouch* | fuite d eau | water leak | water dey comot | egout* | sewage | flush"
        " | tuyauterie | robinetterie | pipe don burst | no water | pas d eau | shower | water meter | geyser*"
        " | mitigeur* | douchette* | pomme de douche | chasse* | forage* | borehole* | puits | cuvette* | faucet*"
        " | latrine* | urinoir* | vanne* | raccord* | pression d eau | water pressure | manhole | regard d egout"
        " | chauffe bain | chauffe bains | washing basin | wash basin | washbasin | wash hand basin",
        2.0: "fuite* | fuit | fuient | leak* | douche* | bouche | bouchee | bouches | bouchees | block | blocked"
        " | clog* | deborde* | overflow* | infiltration* | pump | pumps | pompe | pompes",
        1.0: "goutte | drip* | l eau | water | coule | coulent | coule coule",
    },
    "electrical": {
        3.0: "electricien* | electrician* | electricite | electrical | electric | disjoncteur*"
        " | breaker* | prise* | socket* | interrupteur* | switch | switches | cable* | wiring | cablage"
        " | court circuit | short circuit | compteur eneo | eneo | ampoule* | bulb* | lampe* | lamp | lamps"
        " | neon* | spot* | tableau electrique | fusible* | fuse | onduleur* | inverter | regulateur"
        " | stabilisateur | groupe electrogene | generator | panneau* solaire* | solar | wire | wires"
        " | fils electrique* | luminaire* | lustre* | plafonnier* | applique* | led | leds | ruban led | sonnette*"
        " | doorbell | interphone* | poteau* | gaine electrique | gaines electriques | electric pole | fil electrique"
        " | fil du poteau | intercom | multiprise* | rallonge* | extension cord | goulotte* | paratonnerre"
        " | ventilateur* de plafond | ventilateur* au plafond | ventilo* du plafond | ventilo* de plafond"
        " | ventilo* au plafond | ceiling fan* | installation electrique | power outage"
        " | fil denude | fils denudes | bare wire | exposed wire | naked wire | extension box | extension socket"
        " | extension wire",
        2.0: "courant | current | light | lights | lumiere* | etincel* | spark* | coupure* | power | voltage"
        " | tension | plug | branchement* | eclairage | no light | light don go | compteur* | meter | disjonct*"
        " | odeur de brule | sent le brule | burning smell | smell of burning | smell burning | dans le noir"
        " | in the dark | buzzing | bourdonne | gresille | crackling | gresillement",
        # A shock from a tap, a fridge or a gate is the earthing's: the electrician's, whatever is touched.
        4.0: "electric shock | electric shocks | choc electrique | chocs electriques | decharge electrique"
        " | decharges electriques",
        # "switch it on" turns a machine on: no electrical job in it (the switch itself is one)
        0.5: "switch it on | switch on | switch it off | switch off | switch am on | switch am off | switches off"
        " | switches on | switched off | switched on",
        # A cut is the cause, not the job: a named appliance or AC outweighs it.
        1.5: "coupure de courant | coupure d electricite | power cut | power cuts | light cut",
        1.0: "electrique*",
    },
    "appliance_repair": {
        3.0: "frigo* | refrigerateur* | congelateur* | fridge* | freezer* | machine a laver | machines a laver"
        " | lave linge | lave vaisselle | washing machine | washer | dishwasher | tele | televiseur* | television*"
        " | micro onde* | microonde* | microwave* | gaziniere* | cuisiniere* | cooker* | stove | oven"
        " | four electrique | four a gaz | mon four | le four | ventilateur* | fan | fer a repasser | pressing iron"
        " | blender* | mixeur* | decodeur* | decoder | plaque chauffante | hotte | seche linge | dryer"
        " | aspirateur | vacuum cleaner | bouilloire | kettle | electromenager | porte du frigo"
        " | fuite de gaz | gas leak | odeur de gaz | bouteille de gaz | ventilo* | congel* | rechaud* | plaque a gaz"
        " | plaques de cuisson | plaque de cuisson | plaque electrique | plaque a induction | plaque induction"
        " | vitroceramique | cooktop | hob | cafetiere* | grille pain | toaster | home cinema | chaine hi fi | radio"
        " | essor* | chambre froide | cold room | hood dryer* | casque* sechoir* | seche cheveux | hair dryer*"
        " | tuyau de la machine | pipe of the washing machine | washing machine pipe | machine pipe | electric cooker"
        " | cuisiniere electrique | fridge door handle | handle of the fridge | poignee du frigo | extractor"
        " | range hood | cooker hood | hot plate | hotplate | binatone | electric kettle | bouilloire electrique"
        " | hublot | pendant le lavage | during the wash | a chaque lavage | each wash"
        " | laundry room | buanderie | machine wey dey wash | machine to wash | wash clothes machine"
        " | le fer | mon fer | my iron | the iron | flat iron | washing machines | sewing machine*"
        " | machine a coudre | machines a coudre | friteuse* | deep fryer* | fryer* | wash machine",
        # "4 appareils pleins de poussière" after the ACs: a device, whichever was named.
        2.0: "machine | machines | appareil*",
        1.0: "gaz | gas | screen | ecran",
    },
    "air_conditioning": {
        3.0: "clim | climatiseur* | climatisation | climatise | air conditionne | air con | aircon | ac | a c"
        " | air conditioner* | air conditioning | air condition | split | splits | split unit | recharge gaz"
        " | recharge de gaz | climatiseurs | acs",
        # A frigoriste mends fridges as well as ACs: the machine named decides.
        2.0: "frigoriste | frigoristes",
        4.0: "nettoyage clim | nettoyage de clim | nettoyage des clims | nettoyer la clim | clim a nettoyer"
        " | entretien clim | entretien de clim | entretien des clims",
    },
    "carpentry": {
        3.0: "menuis* | carpenter* | carpentry | porte en bois | portes en bois | wooden"
        " | chambranle | frame of my"
        " | tringle* | curtain rod | comptoir | bar counter"
        " | cheap wood | contre plaque | armoire* | placard*"
        " | meuble* | furniture | lit | lits | bed | table | tables | chaise* | chair* | tiroir* | drawer* | etagere*"
        " | shelf | shelves | cupboard* | wardrobe* | contreplaque | plywood | charniere* | hinge* | canape"
        " | sofa | bois | wood | charpente | bookshelf* | bookcase* | bibliotheque* | commode* | buffet* | vaisselier*"
        " | penderie* | dressing* | meuble tv | tv stand | cabinet* | desk | desks | tabouret* | stool* | banc | bancs"
        " | bench* | sommier* | ebenist* | joiner* | woodwork* | parquet* | lambris | cadre de porte | door frame"
        " | porte manteau* | coat rack*",
        2.0: "toit | toits | toiture* | roof | roofs | tole | toles",
        2.5: "planche* | plank | planks | rideau* | curtain*",
        # The stairs' material said outright outweighs the cracks they show.
        4.0: "wooden stair* | escalier en bois | bois de l escalier | bois de mon escalier",
        1.0: "porte | portes | door | doors | fenetre* | window* | plafond | ceiling",
    },
    "masonry": {
        3.0: "macon* | mason* | maconnerie | fissur* | crack* | carrel* | carreau* | tile | tiles | tiling | tiler*"
        " | dalle | crepiss* | beton | concrete | ciment | cement | cloture | fence | parpaing* | brique*"
        " | fondation* | chape | enduit | plaster* | construire | construction | escalier* | marches"
        " | mur de cloture | fence wall | ciment* | cement* | pave | paves | paver | pavage* | pavement | paving"
        " | interlock* | agglo* | dallage | cimentage | chantier | gros oeuvre | batir | caniveau* | gutter* | rigole*"
        " | platre* | platrier* | staff | skimming | pop ceiling | p o p | casser un mur | casser le mur"
        " | abattre un mur | abattre le mur | knock down | demolir | demolition | reconstruire en dur | en dur"
        " | agrandir la | agrandir le | extension of my | mur se fend | mur fendu | mur s est fendu | s effrite"
        " | effrite | crumbling | refection | placo | placoplatre | plaque de platre | crepir | crepi | build one small"
        " | build a small room | build a room | construire une piece | construire une chambre",
        3.5: "slab | slabs | cast the slab | couler la dalle | couler une dalle | tiles for | put tiles"
        " | poser du carrelage | carreler | toilet floor | shower floor",
        4.0: "rain water don wash | water don wash | washed away | wash away | rain don wash",
        1.5: "cour | courtyard | compound | trous dans le mur | hole in the wall | faux plafond*",
        1.0: "mur | murs | wall | walls | terrasse",
        2.5: "reboucher | reboucher le trou",
    },
    "painting": {
        3.5: "peint* | peindre | repeindre | repeint* | paint* | repaint* | vernis | varnish | badigeon*",
        # "changer la couleur du salon", "I want another colour for my room": a paint job without the word.
        3.0: "couleur* | colour* | color* | teinte* | deco murale | fresh coat | new coat | second coat"
        " | coat of",
    },
    "cleaning": {
        3.5: "nettoy* | menage | femme de menage | clean* | desinfect* | fumigation | desinsectisation"
        " | deratisation | cafard* | cockroach* | punaise* | bed bugs | lavage | housekeeping | vitres"
        " | fin de bail | apres chantier | apres travaux | moquette | tapis | balayer | sweep* | menag* | maid*"
        " | house girl | housegirl | cleaning lady | domestique* | serpilliere | mop | mopping | lessive"
        " | laundry | poussiere* | dust* | proprete | laver | wash | washing | debroussaill* | carpet | carpets"
        " | rug | rugs | upholstery | fin de chantier | end of works | tondre | tonte | lawn | cut grass"
        " | cut the grass"
        " | couper l herbe | couper les herbes | entretien des bureaux | office cleaning | entretien hebdomadaire",
        # A whole place to clean ("nettoyage complet de la cuisine, le four, la hotte"): the cleaner's, whatever
        # is in it.
        6.0: "equipe de nettoyage | cleaning team | cleaning crew | deep cleaned | agent d entretien"
        " | agents d entretien"
        " | femme d entretien | entretien des locaux | nettoyage complet | grand nettoyage | deep clean"
        " | deep cleaning | nettoyage en profondeur"
        " | full cleaning"
        " | general cleaning | nettoyage general | nettoyage de la cuisine | kitchen cleaning | clean the kitchen"
        " | nettoyer la cuisine | after the painters | apres les peintres | paint drops | gouttes de peinture"
        " | taches de peinture | traces de peinture | paint stains | paint marks | after di painter | after the painter"
        " | apres le peintre | windows washed | laver les vitres | window cleaning | washed inside and out",
        2.0: "souris | rats | mice | moustique* | mosquito* | herbe | herbes | grass | bush | broussaille* | matelas"
        " | mattress"
        " | crasseu* | salissure*"
        " | hautes herbes | tall grass | urine | pipi | vomi* | moisissure* | mould | mold | mouldy",
    },
    "locksmith": {
        3.0: "serrur* | locksmith* | cle | cles | clef* | key | keys | cadenas | padlock* | verrou* | barillet"
        " | lock | locks | locked | enferme* | coffre fort | porte blindee | ne ferme plus a cle"
        " | porte bloquee | door no dey open | door lock | lock myself out | locked myself out | poignee*"
        " | door handle* | cylindre | gache | digicode | cle coincee | key stuck",
    },
}


# Building a pit is the mason's job ("construire une fosse septique"); a full or blocked one is the plumber's.
_BUILD_VERBS = ("construire", "construction d", "construction de", "creuser", "faire", "refaire", "batir", "build",
                "dig", "make", "construct", "building", "digging")
_PIT_DETS = ("une", "la", "ma", "notre", "a", "the", "my", "our", "new", "nouvelle", "small", "a small", "une petite",
             "petite", "")
SERVICE_TERMS["masonry"][6.0] = " | ".join(
    " ".join(f"{verb} {det} {pit}".split()) for verb in _BUILD_VERBS for det in _PIT_DETS
    for pit in ("fosse", "septic", "soak away", "soakaway", "puisard")
)
# A new piece made to order ("make me new door", "une porte neuve") is the carpenter's.
SERVICE_TERMS["carpentry"][2.5] = (
    "new door | new doors | nouvelle porte | nouvelles portes | porte neuve | portes neuves | new window"
    " | new windows | nouvelle fenetre | fenetre neuve | new gate | make door | fabriquer une porte"
    " | porte ferme mal | porte qui ferme mal | portes ferment mal | porte se ferme mal"
    " | door doesn t close properly | door won t close properly | door no close well"
)
# Water out of place with no fixture named ("il y a de l'eau partout", "wata don full my parlour"): the plumber's.
SERVICE_TERMS["plumbing"][WATER_OUT_OF_PLACE] = (
    "eau partout | de l eau partout | water everywhere | water dey everywhere | sous l eau | inond* | flood*"
    " | l eau monte | l eau sort | l eau ne sort | l eau coule | l eau rentre | l eau entre | l eau suinte"
    " | l eau stagne | l eau deborde | plus d eau | plus l eau | water no dey comot | water don full"
    " | water don enter | water dey enter | water dey pour | water is pouring | water dey rise | water dey drop"
    " | water don reach | flaque d eau | suinte | l eau est devenue | eau marron | no water at home"
    " | prend l eau | prend de l eau | full of water | plein d eau | pleine d eau | rempli d eau | remplie d eau"
    " | sous les eaux | water dey pass | water dey come in | water is coming in | water comes in | l eau passe"
    " | l eau arrive | l eau atteint | il pleut dans | pleut dans | soaked | trempe | detrempe | l eau tombe"
    " | eau tombe | ca mouille | mouille tout | tout est mouille | water all over | all over the floor"
    " | full ground | don full ground | l eau est rentree | l eau est entree | eau sur tout le sol | l eau qui sort"
    " | remove water | pump out water | pomper l eau | evacuer l eau | water coming out | water is coming out"
    " | water come out"
    " | eau qui sort | l eau qui coule | eau qui coule | toujours mouille | est tout mouille"
)
# Furniture or the fabric of the house that water runs under or through ("sous le placard", "sous le carrelage") is
# where the water shows, not the job: water out of place outweighs it, unless a machine is named.
_WHERE_WATER_SHOWS = {"carpentry", "masonry", "painting"}
# Equipment named outright: a symptom word that other trades share (water, a drain, dust) is its own.
_EQUIPMENT = {"appliance_repair", "air_conditioning"}
_SYMPTOM_OWNERS = {"plumbing": _EQUIPMENT, "cleaning": _EQUIPMENT, "electrical": {"appliance_repair"}}
# "my fridge dey make noise like generator": a thing a sound is compared to is not the job.
_LIKE = {"like", "comme"}
_DOORS = {"porte", "portes", "door", "doors", "portail", "gate"}
_JAMMED = {"bloque", "bloquee", "coince", "coincee", "jammed", "stuck", "jam", "ouvre", "open"}
# Rain coming in through the roof, a slab or a window is the roofer's, mason's or carpenter's, not a leak of ours.
_RAIN = {"toit", "toits", "toiture", "roof", "roofs", "tole", "toles", "pluie", "pleut", "rain", "raining"}


def _first(matches: list[Match[tuple[str, float]]], trade: str) -> int:
    return min((m.start for m in matches if m.value[0] == trade), default=1_000_000)


def _named(toks: list[str], matches: list[Match[tuple[str, float]]]) -> set[str]:
    """Return the trades whose equipment or worker is named outright (not a symptom several trades share)."""
    return {m.value[0] for m in matches if m.value[1] >= 3.0 and not _is_symptom(toks, m)}


@cache
def _matcher() -> PhraseMatcher[tuple[str, float]]:
    return PhraseMatcher(parse_weighted(SERVICE_TERMS))


_DETS = {"a", "an", "the", "un", "une", "le", "la", "l"}
# "I would like a painter" wants one: no comparison.
_WANTING = {"would", "d", "i", "we", "also", "really", "you", "they"}


def _compared(toks: list[str], start: int) -> bool:
    """Return whether a term is only what something is compared to ("dey drip like a tap", "comme un robinet")."""
    before = toks[max(0, start - 3):start]
    if not before or (len(before) == 3 and before[0] in _WANTING) or (len(before) >= 2 and before[-2] in _WANTING):
        return False
    return before[-1] in _LIKE or (len(before) >= 2 and before[-2] in _LIKE and before[-1] in _DETS)


def vocabulary() -> set[str]:
    """Return every word of the service vocabulary (they are never read as misspelled places)."""
    return _matcher().words


def service_scores(toks: list[str]) -> tuple[dict[str, float], list[Match[tuple[str, float]]]]:
    """Return the weighted evidence for each service code and the phrases found."""
    matches = _matcher().find(toks)
    scores: dict[str, float] = {}
    matches = [m for m in matches if not _compared(toks, m.start)]
    for m in matches:
        code, weight = m.value
        scores[code] = scores.get(code, 0.0) + weight
    return scores, matches


def detect_service(
    toks: list[str], scores: dict[str, float], *, has_problem: bool,
    matches: list[Match[tuple[str, float]]] | None = None,
) -> tuple[str | None, float]:
    """Return the most supported service code and a 0-1 strength, or (None, 0) when nothing is clear enough."""
    scores = dict(scores)
    words = set(toks)
    found = matches or []
    named = _named(toks, found)
    if found:
        for trade, owners in _SYMPTOM_OWNERS.items():
            # "le lave-vaisselle ne vide plus l'eau", "AC full of dust": the machine is the job, not the pipe.
            if trade in scores and named & owners and trade not in named:
                scores.pop(trade)
        # "ma clim sent le moisi, elle n'a pas été nettoyée", "4 ACs to service": cleaning an AC is the AC's job.
        if "air_conditioning" in named and "cleaning" in scores:
            scores.pop("cleaning")
    # "Looking for a mason to build a wall around the septic tank": the tradesperson asked for names the job.
    for i, tok in enumerate(toks):
        if (wanted := _WORKERS.get(tok)) and (not _ASKING.isdisjoint(toks[max(0, i - 3):i])
                                              or toks[i + 1:i + 2] in (["needed"], ["wanted"], ["required"],
                                                                        ["pour"], ["for"])):
            scores[wanted] = scores.get(wanted, 0.0) + 2.0
    # A door that is jammed or will not open is a lock problem; one that will not close is the carpenter's.
    if words & _DOORS and words & _JAMMED:
        scores["locksmith"] = scores.get("locksmith", 0.0) + 2.5
    water_out = any(m.value == ("plumbing", WATER_OUT_OF_PLACE) for m in found)
    # A fixture that leaks ("ça coule sous l'évier, le meuble pourrit", "fuite d'eau dans le mur, la peinture
    # gonfle"): the wood, wall or paint it spoils is where the water shows, the leak is the job.
    leaking = "plumbing" in named and any(m.value[0] == "plumbing" and _is_symptom(toks, m) for m in found)
    shows = _WHERE_WATER_SHOWS & set(scores)
    if water_out and not _EQUIPMENT & set(scores) and shows:
        scores["plumbing"] = scores.get("plumbing", 0.0) + 1.0
    elif (leaking and not _EQUIPMENT & set(scores) and shows and words.isdisjoint(_RAIN)
          and worker_named(toks) in {None, "plumbing"}):
        scores["plumbing"] = max(scores.get("plumbing", 0.0), *(scores[t] for t in shows)) + 1.0
    # "peinture à l'huile pour les portes en bois": the paint job names the trade, the wood is what is painted.
    # "repeindre la chambre en jaune et quelques retouches de plâtre": the paint job, the plaster on the way.
    # ("refaire le plâtre avant de peindre" is the mason's: the paint comes after.)
    for surface in ("carpentry", "masonry"):
        if ("painting" in named and surface in scores and not has_problem
                and (surface == "carpentry" or _first(found, "painting") < _first(found, surface))):
            scores["painting"] = max(scores["painting"] + 2.0, scores[surface] + 0.5)
    if not scores:
        return None, 0.0
    # Ties go to the first code in this order: an electrician installs a ceiling fan, a plug is not a fridge.
    order = ("locksmith", "air_conditioning", "electrical", "appliance_repair", "plumbing", "painting",
             "cleaning", "masonry", "carpentry")
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
    code, best = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    # A bare hint (a door, a wall, water) only names a trade when something is wrong with it.
    if best < 2.0 and not (has_problem and best >= 1.0):
        return None, 0.0
    strength = min(1.0, best / 3.0) * (1.0 - 0.5 * second / best)
    return code, strength


_WORKERS = {
    "plombier": "plumbing", "plumber": "plumbing", "electricien": "electrical", "electrician": "electrical",
    "macon": "masonry", "mason": "masonry", "menuisier": "carpentry", "carpenter": "carpentry", "peintre": "painting",
    "painter": "painting", "serrurier": "locksmith", "locksmith": "locksmith", "climaticien": "air_conditioning",
    "carreleur": "masonry", "tiler": "masonry", "cleaner": "cleaning", "cleaners": "cleaning",
    "nettoyeur": "cleaning", "nettoyeurs": "cleaning",
}


def owns_symptoms_of(owner: str, trade: str) -> bool:
    """Return whether a machine's trade owns what another trade's words describe ("AC full of dust": the AC's)."""
    return owner in _SYMPTOM_OWNERS.get(trade, set())


def worker_named(toks: list[str]) -> str | None:
    """Return the trade of a tradesperson named in the message ("need a painter" -> painting), or None."""
    return next((_WORKERS[t] for t in toks if t in _WORKERS), None)


_ASKING = {"need", "besoin", "cherche", "looking", "send", "envoyez", "want", "wan", "veux", "voudrais", "faut",
           "for", "un", "une", "a", "una", "your", "votre"}
_SYMPTOMS = {
    "plumbing": {"drain", "drains", "draining", "drainage", "l eau", "water", "fuite", "fuit", "fuient", "leak",
                 "leaks", "leaking", "leakage", "coule", "coulent", "goutte", "drip", "dripping", "deborde",
                 "overflow", "overflowing", "bouche", "bouchee", "bouchees", "block", "blocked", "fuite d eau",
                 "water leak", "pas d eau", "no water", "coule coule"},
    # A named appliance that sparks or trips the breaker is the appliance's fault, not the wiring's.
    "electrical": {"disjoncteur", "breaker", "etincelles", "etincelle", "sparks", "spark", "sparking", "courant",
                   "current", "light", "power", "odeur de brule", "sent le brule", "burning smell", "fusible", "fuse",
                   "court circuit", "short circuit", "eneo", "coupure", "power cut", "light cut", "coupure de courant",
                   "cable", "inverter", "electric", "electric shock", "electric shocks", "choc electrique",
                   "chocs electriques", "decharge electrique", "decharges electriques"},
    "cleaning": {"dust", "dusty", "poussiere", "poussieres", "clean", "cleaning", "cleaned", "nettoyer", "nettoyage",
                 "wash", "washing", "laver", "lavage", "lessive", "laundry"},
}


def _is_symptom(toks: list[str], match: Match[tuple[str, float]]) -> bool:
    """Return whether a term found is a symptom several trades share ("drain", "dust") rather than equipment."""
    code = match.value[0]
    words = toks[match.start:match.end]
    return code in _SYMPTOMS and (" ".join(words) in _SYMPTOMS[code] or words[0].startswith(("drain", "dust")))
