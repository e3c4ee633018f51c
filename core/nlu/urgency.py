"""How soon the job is needed: danger and "now" make it urgent, a later day or hour makes it scheduled."""

import re
from functools import cache

from core.nlu.matcher import PhraseMatcher, parse_weighted
from core.nlu.timing import TimeInfo

URGENCY_CUES: dict[str, dict[float, str]] = {
    # Danger to people or the house: urgent whatever else is said.
    "danger": {
        1.0: "feu | incendie | fire | fume | fumee | fumer | smoke* | brule* | burn* | etincel* | spark*"
        " | inond* | flood* | coule partout | eau partout | water everywhere"
        " | water dey everywhere | flow everywhere | coule de partout | water dey enter | eau rentre | explose*"
        " | eclate*"
        " | burst | fuite de gaz | gas leak | odeur de gaz | sent le gaz | smell gas | smell of gas"
        " | enferme* | locked out | lock myself out | locked myself out | lock myself outside | locked myself outside"
        " | locked outside | bloque dehors | bloquee dehors"
        " | je suis dehors | i dey outside | claque la porte | restee dedans | restees dedans | reste dedans"
        " | cles a l interieur | cle a l interieur | keys inside | key inside | electrocut* | shock"
        " | choc electrique | danger* | deborde partout | deborde de partout | overflow everywhere"
        " | overflowing everywhere | coince dehors | coincee dehors | stuck outside | locked in | locked inside"
        " | coince dedans | coincee dedans | bloque dedans | bloquee dedans | like rain | comme la pluie"
        " | water don reach | l eau monte | water don full | attendent dehors | attend dehors | attends dehors"
        " | attendons dehors | locked dehors | restee a l interieur | reste a l interieur | restees a l interieur"
        " | restes a l interieur | est restee dedans | enfermee dehors | waiting outside | wait outside"
        " | dey wait outside | we dey outside | i m outside"
        " | i am outside | nous sommes dehors | on est dehors | on dort dehors | sleep outside"
        " | accident* | pris le courant | pris du courant | prendre le courant | pris le jus | current don shock"
        " | shocked | sous l eau | water don enter | water dey rise | l eau rentre | l eau entre"
        " | pouring everywhere | dey pour everywhere | pour everywhere | au secours | sos | a l aide"
        " | sort de partout | sort partout | coming out everywhere | dey comot everywhere | full of water"
        " | plein d eau | pleine d eau | rempli d eau | remplie d eau | prend l eau | prend de l eau | smoking"
        " | smokes | smoky | deborde* | overflow* | it s serious | it is serious | this is serious | e dey serious"
        " | sous les eaux | water dey pass | water dey come in | water is coming in | l eau arrive jusqu"
        " | l eau atteint | full water | don full water | floor don full | pour plenty | dey pour plenty | gicle"
        " | giclent | jaillit | jaillissent | gushing | gushes | tous dehors | coule a flot | a flots"
        " | rush comot | cover the whole | everywhere wet | tout est mouille | lock herself | lock himself"
        " | locked herself | locked himself | lock themselves | porte a claque | door slam* | cles sont dedans"
        " | keys are inside | keys dey inside | water don cover | don cover my | cover my room | cover the floor"
        " | bloques dedans | bloquees dedans | coinces dedans | il y en a partout | water all over | full ground"

        " | all outside | devant la porte | devant ma porte | devant chez moi | in front of my door"
        " | in front of the door | outside my door | outside the door | sent le crame | odeur de crame | crame"
        " | dey rush from | dey rush comot | dey rush out | still dey pour | e still dey pour"
        " | dey pour for floor | locked ourselves out | lock ourselves out | locked ourself out | baby dey inside"
        " | baby inside | bebe est dedans | bebe a l interieur | enfant enferme | child inside | pikin dey inside"
        " | water dey reach | reach my knee | we are outside"
        " | we are both outside | both outside | water dey come inside | from every side | start to enter"
        " | don start to enter | don enter house | dey enter house | court circuit | short circuit | stuck inside"
        " | coinces dans la chambre | smells hot | smell hot | sent chaud | pris une decharge"
        " | a pris une decharge | cles dedans et | bebe dort",
    },
    "now": {
        1.0: "urgent* | urgence | emergency | maintenant | now | right now | tout de suite | immediatement"
        " | immediately | asap | as soon as possible | au plus vite | des que possible | vite | rapide*"
        " | quick* | fast | c est grave | daba | sharp sharp | dans la journee | ca presse | c est presse"
        " | c est pressant | je suis presse | je suis pressee | hurry | en vitesse"
        " | pressant | critical | critique | today today | now now | quick quick | fast fast | vite vite"
        " | can t wait | cannot wait | can not wait | ne peut pas attendre | peut pas attendre | no fit wait"
        " | tres presse | tres pressant | very urgent | so urgent | trop presse | presse | right away | straight away"
        " | dans l heure | within the hour | sans attendre | without delay | depechez* | depeche toi | depeche"
        " | peut plus attendre | ne peut plus attendre | pas attendre demain | can t wait till tomorrow"
        " | before night | avant la nuit | avant ce soir | before evening",
    },
    "calm": {
        1.0: "pas urgent | not urgent | no rush | pas presse | pas pressee | no hurry | quand vous pouvez"
        " | when you can | when you fit | pas de rush | prenez votre temps | rien ne presse | pas grave"
        " | pas de presse | pas de pression | no pressure | nothing urgent | rien d urgent | no be urgent"
        " | e no urgent | not so urgent | pas si urgent | pas tres urgent | not very urgent | pas trop urgent"
        " | pa tro urgent | pa urgent | rien n est urgent | nothing is urgent | ca presse pas | ca ne presse pas"
        " | sa presse pa | presse pas | not an emergency | no emergency | pas une urgence | c est pas une urgence"
        " | ce n est pas une urgence",
    },
    # "la facture va exploser": a figure of speech, no explosion.
    "neutral": {
        0.0: "va exploser | facture va exploser | bill go explode | bill don explode | water don full am"
        " | avant que ca deborde | before e overflow | avant que ca ne deborde | before it overflows"
        " | a fait un court circuit | fait un court circuit | don short circuit | had a short circuit | overflow pipe"
        " | trop plein | is that dangerous | is it dangerous | est ce dangereux | est ce que c est dangereux",
    },
}
_DISCOURSE = {"now", "maintenant"}
# "on ferme avec une chaîne mnt", "e no cold now": a lone "now" telling how things stand is no deadline; it is one
# when the message calls someone ("venez maintenant", "I need am now") or says little else ("maintenant svp").
_CALLS = {"venir", "viens", "venez", "vient", "passer", "passez", "passe", "envoyer", "envoyez", "envoie", "envoi",
          "intervenir", "intervention", "besoin", "faut", "come", "send", "need", "fix", "repair", "reparer",
          "depanner", "quelqu", "someone", "somebody", "person", "dispo", "disponible", "available",
          "help", "aide", "aidez", "secours", "technicien", "technician", "plombier", "plumber", "electricien",
          "electrician", "run", "cours", "urgent", "urgence", "emergency", "vite", "quick", "fast", "asap",
          "can", "could", "pouvez", "peux", "peut", "fit", "want", "wan", "veux", "voudrais", "svp", "please",
          "pls", "abeg", "stp", "plait"}
_SUBJECTS = {"i", "we", "je", "j", "nous", "my", "mon", "ma", "that", "que", "il", "on", "it", "e", "the", "ca", "c",
             "anybody", "anyone", "everybody", "nobody", "somebody", "people", "thief", "dem",
             "everything", "elle", "he", "she", "they"}
_PIPES = {"tuyau", "tuyaux", "pipe", "pipes", "canalisation"}
# "On n'a plus l'eau": a broken supply pipe leaves the house dry rather than flooding it.
_DRY = re.compile(r"\b(?:plus d eau|plus l eau|pas d eau|pas l eau|no water|no get water|sans eau|without water)\b")
_GAS = {"gaz", "gas"}
# "water dey waste everywhere for compound", "l'eau coule un peu partout": water loose in the house.
_WATER_EVERYWHERE = re.compile(r"\b(?:water|eau)\b(?: \w+){0,4}? (?:everywhere|partout)\b")
_WATER_WORDS = {"eau", "water", "partout", "everywhere"}
# "ma machine a inondé la buanderie", "tout est mouillé dedans" (a fridge): a machine's water floods nothing.
_MACHINE_WET = _WATER_WORDS | {"mouille", "wet", "inonde", "inondee", "flood", "floods", "flooded", "flooding"}
# "la bassine se remplit vite", "it gets dirty fast": how fast something happens, not how soon to come.
_SPEED = {"vite", "fast", "quick", "quickly", "rapidement"}
_SPEED_VERBS = {"remplit", "rempli", "remplie", "vide", "use", "salit", "sature", "chauffe", "refroidit", "fills",
                "fill", "gets", "drains", "runs", "trop", "too", "goes", "charge", "decharge", "finit", "finish",
                "finishes", "tombe", "pourrit", "rouille"}
_MACHINES = {"clim", "ac", "climatiseur", "climatisation", "split", "aircon", "frigo", "fridge", "congelateur",
             "freezer", "machine", "refrigerateur", "lave", "dishwasher", "washer"}
# "Help!", "aidez-moi svp": a cry for help and nothing else is urgent.
_CRIES = {"help", "aidez", "aide", "secours"}
_CRY_WORDS = _CRIES | {"me", "moi", "us", "nous", "please", "s", "il", "vous", "plait", "te", "abeg", "o", "oh", "au",
                       "pls", "i", "beg", "somebody", "someone", "quelqu", "un", "svp"}
_ESCAPING = {"fuit", "fuite", "fuient", "leak", "leaks", "leaking", "sent", "smell", "smells", "odeur", "sort", "sens",
             "senti", "sentir", "smelling", "smelt", "smel"}
# "e don begin overflow small small", "déborde chaque fois que la pompe tourne": a slow or recurring overflow is a
# fault to repair, not a flood under way.
_OVERFLOWS = ("deborde", "overflow")
_SLOWLY = re.compile(r"\b(?:small small|small|un peu|legerement|petit a petit|peu a peu|slowly|a little|little little"
                     r"|every time|each time|whenever|chaque fois|a chaque fois|toutes les fois"
                     r"|every (?:morning|day|night)|chaque (?:matin|jour|soir)|tous les (?:jours|matins|soirs)"
                     r"|when (?:the|we|i|they|people)"
                     r"|quand (?:on|les|je|il|elle))\b")
# Someone who cannot get into (or out of) the house: "je peux pas rentrer", "I no fit enter", "can't get in".
_SHUT_OUT = re.compile(
    r"\b(?:(?:ne |n )?(?:peux|peut|pouvons|pouvez|arrive|arrivons|parviens) (?:pas|plus) (?:a )?(?:entrer"
    r"|rentrer|sortir|ouvrir (?:la|ma|notre) porte|ouvrir le portail)"
    r"|impossible d (?:entrer|ouvrir la porte|ouvrir ma porte)"
    r"|(?:ne |n )?(?:peux|peut|pouvons|pouvez|arrive) (?:pas|plus) (?:l )?ouvrir(?= (?:\w+ )*?(?:serrure|cadenas"
    r"|porte|portail|verrou|boutique|magasin|maison))"
    r"|impossible de (?:rentrer|sortir(?! la voiture| le vehicule| la moto))"
    r"|(?<!key )(?<!cle )(?<!keys )(?:can t|cannot|can not|couldn t|no fit|unable to) (?:get in|get into"
    r"|get inside|enter|go inside|get out|comot|commot|go out|enter house"
    r"|open (?:the |my |our )?(?:door|gate|house|shop|store|padlock|lock)))\b"
)
# "un seul feu marche", "2 feux": the burners of a cooker, not a fire.
_COOKERS = {"cuisiniere", "gaziniere", "rechaud", "plaque", "cooker", "stove", "bruleur", "bruleurs", "foyer"}
_BURNER_BEFORE = {"seul", "un", "une", "les", "des", "mes", "deux", "trois", "quatre", "1", "2", "3", "4", "one",
                  "two", "three", "four", "only", "dernier", "premier", "gros", "petit", "grand", "other", "autre",
                  "big", "small"}
# "the fire no dey come out" of a cooker: its flame, which is missing.
_NO_FLAME = {"no", "ne", "n", "won", "doesn", "dem", "don", "not"}
_ON_FIRE = {"incendie", "catch", "flames", "flammes", "smoke", "fumee", "brule", "burning"}
# "la hotte ne tire plus la fumée": a hood's job is smoke, no fire in the house.
_HOODS = {"hotte", "hood", "extractor", "aspirante"}
# "the burners no di light", "un brûleur bouché": the cooker's burners, not burning.
_BURNERS = {"burner", "burners", "bruleur", "bruleurs"}
# "la moitié (de la clé) est restée dedans": a piece of key left in the lock, nobody shut in.
_KEY_PIECES = {"sale", "moitie", "morceau", "bout", "half", "piece"}
_LEFT_IN = {"reste", "restee", "restees", "restes"}
_TODAY_WORDS = {"aujourd", "today", "aujourdhui", "auj"}
_BURSTS = {"burst", "eclate", "eclatee", "explose", "explosee"}
_BULBS = {"bulb", "bulbs", "ampoule", "ampoules", "neon", "neons", "tube", "tubes", "lampe", "lampes"}
_BREAKS = {"casse", "cassee", "pete", "eclate", "explose", "burst", "break", "broke", "broken", "lache"}


# "after the flood last week my house full with mud": danger over and done with tells why, not how soon.
_AFTER = {("after", "the"), ("apres", "l"), ("apres", "le"), ("apres", "la"), ("apres", "les"), ("after", "that"),
          ("depuis", "les"), ("depuis", "l"), ("depuis", "la"), ("since", "the")}
_DURATIONS = {"days", "day", "weeks", "week", "hours", "months", "jours", "semaines", "heures", "mois"}
_PAST_SPAN = re.compile(r"^(?:\w+ ){0,4}?(?:last (?:week|month|year)|la semaine (?:derniere|passee)|le mois (?:dernier"
                        r"|passe)|l annee (?:derniere|passee)|il y a (?:\d+|deux|trois|quelques) (?:semaines|mois|ans)"
                        r"|(?:\d+|two|three|some) (?:weeks|months|years) ago)\b")

# "last month my compound flooded": the time told first
_PAST_BEFORE = re.compile(r"\b(?:last (?:week|month|year)|(?:la semaine|le mois|l annee|l an) (?:derniere|dernier"
                          r"|passee|passe))(?: \w+){0,3}$")

# "end of this month", "fin du mois": a later date, booked ahead ("chaque semaine" tells how often trouble comes).
_LATER_DATE = re.compile(
    r"\b(?:fin du mois|fin de ce mois|fin de mois|end of (?:this |the |next )?month|debut du mois prochain"
    r"|beginning of next month|apres paques|after easter|apres noel|after christmas|apres les fetes"
    r"|after the holidays|apres les vacances|after the holiday)\b")
# Door words are needed for "devant la porte" to tell someone shut out (not "le tuyau devant la porte fuit").
_SHUT_WORDS = {"cle", "cles", "clef", "key", "keys", "serrure", "lock", "locked", "cadenas", "padlock", "verrou",
               "verrouillee", "verrouille", "ferme", "fermee", "tourne", "ouvre", "open"}
_AT_DOOR = ("devant la porte", "devant ma porte", "devant chez moi", "in front of my door", "in front of the door",
            "outside my door", "outside the door")


def _past(toks: list[str], start: int, end: int) -> bool:
    """Return whether a danger found tells of a past event ("après l'inondation", "flooded last week")."""
    before, after = " ".join(toks[max(0, start - 6):start]), " ".join(toks[end:end + 8])
    return ((start >= 2 and (toks[start - 2], toks[start - 1]) in _AFTER) or bool(_PAST_SPAN.match(after))
            or bool(_PAST_BEFORE.search(before)))


# "quand il pleut l'eau rentre par la fenêtre": water that comes with the rain is a fault to fix, not a flood now.
_WHEN_IT_RAINS = re.compile(r"\b(?:quand il pleut|lorsqu il pleut|chaque fois qu il pleut|when it rains|when rain"
                            r"|each time it rains|anytime rain|any time rain|whenever it rains|if rain fall"
                            r"|a chaque (?:lessive|lavage|fois)|each wash|every wash)\b")
# "le mur est noir de fumée", "black from smoke": soot tells of smoke long gone; "feu de bois" is a cooking fire.
_WALLS = {"mur", "murs", "wall", "walls", "plafond", "ceiling", "paint", "peindre", "repeindre", "peinture",
          "repaint", "peint"}
_SOOT = {"noir", "noire", "noirs", "noires", "noirci", "noircis", "noircie", "noircies", "noircissent", "black",
         "suie", "soot", "blackened", "blacken", "blackens"}
# "la prise a brûlé", "bulb holder don burn", "burnt socket": burnt and done, nothing burning now (smoke, a smell,
# sparks or fire say otherwise); "ça brûle", "e dey burn", "is burning" burn now.
_BURNT = {"burnt", "burned", "brulee", "brulees", "brules"}
_BURNT_AFTER = {"don", "a", "ont", "est", "sont", "has", "have", "had", "deja", "already", "completely"}
_BURNING_NOW = {"fumee", "fume", "smoke", "smoking", "smell", "odeur", "sent", "feu", "fire", "flamme", "flammes",
                "flame", "flames", "etincelles", "etincelle", "sparks", "spark", "sparking", "crame", "smells",
                "smelling", "sens", "senti"}
# A split's gas is its refrigerant: "recharger le gaz de la clim" is no gas leak.
_AC_WORDS = {"clim", "climatiseur", "climatisation", "split", "ac", "aircon", "splits", "clims"}
_SPARKS = ("etincel", "spark")
_NO_SPARK = {"pas", "no", "sans", "without", "aucune", "any"}


@cache
def _matcher() -> PhraseMatcher[tuple[str, float]]:
    return PhraseMatcher(parse_weighted(URGENCY_CUES))


def vocabulary() -> set[str]:
    """Return every word of the urgency vocabulary."""
    return _matcher().words


def _burner(toks: list[str], start: int, end: int) -> bool:
    """Return whether a "feu" found is the burner of a cooker named in the message ("le feu de droite")."""
    word = toks[start]
    side = toks[start + 1:start + 3] in (["de", "droite"], ["de", "gauche"], ["du", "fond"], ["de", "devant"])
    missing = (toks[start + 1:start + 2] and toks[start + 1] in _NO_FLAME) or (
        _ON_FIRE.isdisjoint(toks) and not _BURNERS.isdisjoint(toks))  # "one burner no di light, the fire just small"
    return (end - start == 1 and word in {"feu", "feux", "fire"} and start > 0
            and (toks[start - 1] in _BURNER_BEFORE or side or bool(missing)) and not _COOKERS.isdisjoint(toks))


def _burnt(toks: list[str], start: int, end: int) -> bool:
    """Return whether a burn found is over and done ("la prise a brûlé", "don burn black") with nothing burning now."""
    word = toks[start]
    if end - start != 1 or not word.startswith(("brul", "burn")) or not _BURNING_NOW.isdisjoint(toks):
        return False
    return word in _BURNT or (start > 0 and toks[start - 1] in _BURNT_AFTER)


def urgency_of(toks: list[str], timing: TimeInfo) -> tuple[str, bool]:
    """Return the urgency and whether anything in the message spoke about it."""
    # "now I need a painter", "maintenant je veux...": "now" opening a clause moves the story on, it sets no deadline.
    words = set(toks)
    # "my AC fait de l'eau partout": a machine's drip, however wide, floods nothing.
    machine = not _MACHINES.isdisjoint(words)
    matches = _matcher().find(toks)
    dangers = [m for m in matches if m.value[0] == "danger"]
    found = {m.value[0] for m in matches
             if not (toks[m.start] in _DISCOURSE and m.end - m.start == 1 and m.end < len(toks)
                     and toks[m.end] in _SUBJECTS and not (m.start and toks[m.start - 1] in _CALLS))
             and not (toks[m.start] in _SPEED and m.start and toks[m.start - 1] in _SPEED_VERBS)
             and not _burner(toks, m.start, m.end) and toks[m.start] not in _BURNERS
             and not (machine and (_MACHINE_WET.intersection(toks[m.start:m.end])
                                   or toks[m.start:m.end] in (["like", "rain"], ["comme", "la", "pluie"])))
             and not _burnt(toks, m.start, m.end)
             and not (m.value[0] == "danger" and _past(toks, m.start, m.end))
             and not (" ".join(toks[m.start:m.end]) in _AT_DOOR and words.isdisjoint(_SHUT_WORDS))
             and not (m.start and toks[m.start - 1] in {"like", "comme"} and toks[m.start] in {"fire", "feu"})
             and not (toks[m.start].startswith(_SPARKS)  # "pas d'étincelle", "the spark no dey"
                      and (not _NO_SPARK.isdisjoint(toks[max(0, m.start - 2):m.start])
                           or toks[m.end:m.end + 2] == ["no", "dey"]))
             and not (toks[m.start] in _BURSTS and not words.isdisjoint(_BULBS))  # "one bulb don burst"
             and not (toks[m.start].startswith(("fume", "smok")) and not words.isdisjoint(_HOODS))
             # "ENEO don cut light 3 days now": how long it has lasted, no deadline
             and not (toks[m.start] == "now" and m.start and toks[m.start - 1] in _DURATIONS)
             and not (_LEFT_IN.intersection(toks[m.start:m.end]) and not words.isdisjoint(_WATER_WORDS | _KEY_PIECES))}
    text = " ".join(toks)
    if "now" in found and len(toks) > 4 and words.isdisjoint(_CALLS) and all(
            toks[m.start] in _DISCOURSE and m.end - m.start == 1 for m in matches if m.value[0] == "now"):
        found.discard("now")
    if "danger" in found and _SLOWLY.search(text) and all(toks[m.start].startswith(_OVERFLOWS) for m in dangers):
        found.discard("danger")
    # "quand il pleut l'eau rentre par la fenêtre": water that comes with the rain is a fault to fix.
    if "danger" in found and _WHEN_IT_RAINS.search(text) and all(
            _WATER_WORDS.intersection(toks[m.start:m.end]) or toks[m.start] in {"rentre", "entre"}
            or toks[m.start].startswith(("inond", "flood")) for m in dangers):
        found.discard("danger")
    # "les murs noircissent à cause de la fumée", a "feu de bois", a tiny shock said "not urgent": no fire, no danger.
    if "danger" in found and all(
            (toks[m.start].startswith(("fume", "smok"))
             and ((not words.isdisjoint(_SOOT) and not words.isdisjoint(_WALLS)) or "calm" in found))
            or (toks[m.start] in {"feu", "fire"} and toks[m.start + 1:m.start + 3] in (["de", "bois"], ["wood"]))
            or ("calm" in found and toks[m.start].startswith(("shock", "etincel", "spark", "choc")))
            for m in dangers):
        found.discard("danger")
    if "danger" in found or (words & _CRIES and words <= _CRY_WORDS) or (_WATER_EVERYWHERE.search(text)
                                                                         and not machine):
        return "urgent", True
    # A broken or burst pipe floods the house: urgent unless the customer says it can wait.
    if words & _PIPES and words & _BREAKS and "calm" not in found and not _DRY.search(text):
        return "urgent", True
    shut_out = _SHUT_OUT.search(text)
    # "the key don turn for inside the lock and e no fit comot": the key is stuck, nobody is.
    if (shut_out and "comot" in shut_out.group(0) and not words.isdisjoint({"key", "keys", "cle", "cles"})
            and text[:shut_out.start()].split()[-1:] in (["e"], ["it"], ["key"], ["am"])):
        shut_out = None
    if (words & _GAS and words & _ESCAPING and words.isdisjoint(_AC_WORDS)) or shut_out:
        return "urgent", True
    # "nettoyer la maison aujourd'hui, on reçoit la belle famille ce soir": later today, said to be today, is urgent
    today_said = not _TODAY_WORDS.isdisjoint(words)
    if (timing.later and not (timing.tonight and ("now" in found or today_said))) or (
            _LATER_DATE.search(text) and "now" not in found):
        return "scheduled", True
    if "calm" in found:
        return "normal", True
    if "now" in found or timing.today:
        return "urgent", True
    return "normal", False
